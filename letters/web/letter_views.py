"""A letter: its versions read in parts, compared, downloaded."""

from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.db.models import Q
from django.db.models.functions import Length
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from kamer.models import Zaak
from letters.apps import analyser_hooks
from letters.importing.counts import kamer_document
from letters.models import SHOWN_SOURCES, Letter, LetterVersion, Section, Topic, TopicTag, TypesetPublication
from letters.models.core import TK_DOCUMENT
from letters.web.access import reader_required
from letters.web.diff import compare, set_changes
from letters.web.fragments import csrf_context, fragment
from tkdossiers.models import Kamerstuk

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A long letter is shown in parts, so that one page stays a few hundred kB of HTML: at most this
# many sections, and this much text (about 60 pages of a Word letter), per part. A single longer
# section still has a part of its own.
SECTIONS_PER_PART = 200
CHARS_PER_PART = 200_000
# The table of contents of a long letter keeps every heading of the part shown, and of the other
# parts only the upper levels that fit in this many entries.
TOC_MAX_ENTRIES = 1000
# A letter's zaak on the Kamer's site: the page of the Brief regering with its documents.
TK_LETTER_ZAAK = "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?"


@dataclass(frozen=True)
class Identity:
    """A letter's own place in the Kamer's record: its document number, kamerstuk and zaak, each
    empty (None) while the Kamer's document of it is not known."""

    document_number: str
    kamerstuk: Kamerstuk | None
    zaak: Zaak | None

    @property
    def document_url(self) -> str:
        """The letter's own document at the Kamer."""
        return TK_DOCUMENT.format(quote(self.document_number)) if self.document_number else ""

    @property
    def zaak_url(self) -> str:
        """The zaak's page at the Kamer: a motion's own page, else the letter's among its zaak's documents."""
        if self.zaak is None or not self.zaak.number:
            return ""
        if self.zaak.soort == Zaak.SOORT_MOTIE:
            return self.zaak.tk_url
        query = {"id": self.zaak.number} | ({"did": self.document_number} if self.document_number else {})
        return TK_LETTER_ZAAK + urlencode(query)


def letter_identity(letter: Letter) -> Identity:
    """The letter's Identity from its Kamer document (two queries; the letter's kamerstuk and its
    dossier should be selected with it)."""
    document = kamer_document(letter)
    zaak = None
    if document is not None:
        zaken = Zaak.objects.filter(document_links__document_id=document.guid, deleted=False).order_by("number")
        # A letter is a document of its own zaak (soort Brief regering); a motion it answers comes after.
        zaak = min(zaken, key=lambda z: z.soort == Zaak.SOORT_MOTIE, default=None)
    number = letter.document_number or (document.document_number if document else "")
    return Identity(number, letter.kamerstuk if letter.kamerstuk_id else None, zaak)


@reader_required
def letter_detail(request, pk, number=None):
    letter = get_object_or_404(Letter.objects.select_related("kamerstuk__dossier", "dossier"), pk=pk)
    versions = list(letter.versions.defer("content").order_by("number"))
    if not versions:
        return render(request, "letters/letter_empty.html", {"letter": letter}, status=404)
    if number is None:
        version = next((v for v in versions if v.pk == letter.current_version_id), versions[-1])
    else:
        version = next((v for v in versions if v.number == number), None)
        if version is None:
            return render(request, "letters/letter_empty.html", {"letter": letter, "number": number}, status=404)
    can_tag = request.user.has_perm("letters.tag_section")

    def contents():
        context = {
            "letter": letter,
            "version": version,
            "versions": versions,
            "is_current": version.pk == letter.current_version_id,
            "identity": letter_identity(letter),
            "all_topics": list(Topic.objects.all()) if can_tag else [],
            "publications": list(letter.publications.defer("content")),
            **_letter_part(version, request),
            **csrf_context(),
        }
        return render_to_string("letters/includes/letter_contents.html", context, request)

    parts = (letter.pk, version.pk, request.GET.urlencode(), can_tag)
    return render(
        request,
        "letters/letter_detail.html",
        {"letter": letter, "contents": fragment(request, "letter", parts, contents)},
    )


def _letter_part(version, request) -> dict:
    """The part of the version asked for: its sections with their notes, citations and topics."""
    outline = _outline(version)
    # ?sectie=P (a link to one passage, #sectie-P) opens the part that holds it; else ?deel=K.
    holding = {str(s.position): s.part for s in outline}.get(request.GET.get("sectie", ""))
    part = chosen_part(holding or request.GET.get("deel"), max((s.part for s in outline), default=1))
    on_part = [s.position for s in outline if s.part == part.number]
    span = (min(on_part, default=0), max(on_part, default=-1))
    sections = list(version.sections.filter(position__range=span).defer("text", "search_vector"))
    cited_here = Q(section__position__range=span)
    if part.next is None:  # footnotes cited nowhere go with the last part, like the signature
        cited_here |= Q(section__isnull=True)
    footnotes = list(version.footnotes.filter(cited_here).defer("search_vector"))
    references = version.references.filter(kamerstuk__isnull=False).select_related("kamerstuk__dossier")
    references = references.filter(Q(section__position__range=span) | Q(footnote__in=[f.pk for f in footnotes]))
    attach_references(sections, footnotes, list(references))
    tags = TopicTag.objects.filter(section__version=version, section__position__range=span, source__in=SHOWN_SOURCES)
    attach_topics(sections, tags.select_related("topic"))
    return {
        "part": part,
        "sections": attach_footnotes(sections, footnotes),
        "toc": section_tree(_toc_entries(outline, part)),
        "uncited_footnotes": [f for f in footnotes if f.section_id is None],
    }


@dataclass(frozen=True)
class Part:
    """One page of a long letter or comparison, "Deel 2 van 7"; previous and next are None at the ends."""

    number: int
    count: int
    previous: int | None
    next: int | None


def chosen_part(asked, count: int) -> Part:
    try:
        number = min(max(int(asked), 1), count)
    except (TypeError, ValueError):
        number = 1
    return Part(number, count, number - 1 or None, number + 1 if number < count else None)


def part_numbers(sizes, *, max_items=SECTIONS_PER_PART, max_chars=CHARS_PER_PART) -> list[int]:
    """The part (1, 2, …) of each item in order: a part ends after max_items, or before the item
    that would take it past max_chars; an item larger than that has a part of its own."""
    numbers, part, items, chars = [], 1, 0, 0
    for size in sizes:
        if items and (items == max_items or chars + size > max_chars):
            part, items, chars = part + 1, 0, 0
        numbers.append(part)
        items += 1
        chars += size
    return numbers


def _outline(version) -> list[Section]:
    """Every section of the version without its text, each marked with the part it is shown on."""
    outline = list(
        version.sections.annotate(size=Length("heading") + Length("text")).only(
            "version", "position", "parent", "level", "number", "heading"
        )
    )
    for section, number in zip(outline, part_numbers([s.size for s in outline]), strict=True):
        section.part = number
    return outline


def _toc_entries(outline, part) -> list[Section]:
    """Every heading of this part, and of the other parts as many levels as fit in TOC_MAX_ENTRIES."""
    headed = [s for s in outline if s.heading]
    elsewhere = Counter(s.level for s in headed if s.part != part.number)
    depth, total = 0, 0
    for level, count in sorted(elsewhere.items()):
        total += count
        if total > TOC_MAX_ENTRIES:
            break
        depth = level
    return [s for s in headed if s.part == part.number or s.level <= depth]


def attach_footnotes(sections, footnotes):
    by_section = {}
    for footnote in footnotes:
        by_section.setdefault(footnote.section_id, []).append(footnote)
    for section in sections:
        section.cited_footnotes = by_section.get(section.pk, [])
    return sections


def attach_references(sections, footnotes, references):
    """Each section and footnote gets the kamerstukken it cites, for links beside the text."""
    by_footnote, by_section = {}, {}
    for reference in references:
        if reference.footnote_id:
            by_footnote.setdefault(reference.footnote_id, []).append(reference)
        else:
            by_section.setdefault(reference.section_id, []).append(reference)
    for footnote in footnotes:
        footnote.cited_kamerstukken = by_footnote.get(footnote.pk, [])
    for section in sections:
        section.cited_kamerstukken = by_section.get(section.pk, [])


def attach_topics(sections, tags):
    by_section = {}
    for tag in tags:
        by_section.setdefault(tag.section_id, []).append(tag.topic)
    for section in sections:
        section.shown_topics = by_section.get(section.pk, [])
        section.shown_topic_ids = {topic.pk for topic in section.shown_topics}


def section_tree(sections):
    """Nest sections by parent for the table of contents: [(section, children)]."""
    children = {}
    for section in sections:
        children.setdefault(section.parent_id, []).append(section)
    known = {section.pk for section in sections}

    def build(parent_id):
        return [(section, build(section.pk)) for section in children.get(parent_id, [])]

    roots = [s for s in sections if s.parent_id is None or s.parent_id not in known]
    return [(section, build(section.pk)) for section in roots]


@reader_required
def version_download(request, pk, number):
    version = get_object_or_404(LetterVersion, letter_id=pk, number=number)
    response = HttpResponse(bytes(version.content), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, version.filename)
    return response


@reader_required
def version_compare(request, pk, old, new):
    letter = get_object_or_404(Letter, pk=pk)
    versions = {v.number: v for v in letter.versions.defer("content").filter(number__in=[old, new])}
    if old not in versions or new not in versions:
        return render(request, "letters/letter_empty.html", {"letter": letter, "number": new}, status=404)
    before, after = versions[old], versions[new]
    changes = compare(_texts(before), _texts(after))
    changed = [c for c in changes if c.status != "unchanged"]
    numbers = part_numbers([c.size for c in changed])
    part = chosen_part(request.GET.get("deel"), max(numbers, default=1))
    # What the versions cite heads the first part only.
    items = _version_items().items() if part.number == 1 else []
    return render(
        request,
        "letters/version_compare.html",
        {
            "letter": letter,
            "before": before,
            "after": after,
            "part": part,
            "changes": [c for c, number in zip(changed, numbers, strict=True) if number == part.number],
            "unchanged": len(changes) - len(changed),
            "cited": {label: set_changes(of(before), of(after)) for label, of in items},
            "versions": letter.versions.defer("content").order_by("number"),
        },
    )


def _texts(version):
    return list(version.sections.order_by("position").values_list("heading", "text"))


def _version_items():
    """What each version cites, by kind, for "appeared / disappeared": kamerstukken here, and
    whatever the analysers in LETTER_ANALYSERS add (motions, commitments)."""
    kinds = {
        "Kamerstukken": lambda version: {
            str(r.kamerstuk)
            for r in version.references.filter(kamerstuk__isnull=False).select_related("kamerstuk__dossier")
        }
    }
    for version_items in analyser_hooks("version_items"):
        kinds.update(version_items())
    return kinds


@reader_required
def publication_download(request, pk, publication):
    typeset = get_object_or_404(TypesetPublication, pk=publication, letter_id=pk)
    response = HttpResponse(bytes(typeset.content), content_type=typeset.content_type)
    name = f"{typeset.letter.document_number or typeset.tk_document.guid}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
