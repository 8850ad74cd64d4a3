"""Pages per kamerstukdossier and per kamerstuk: everything that cites them.

What a higher app knows of a dossier (commitments: its motions and promises) it adds through
the analysers' `dossier_items` hook (letters.apps), as DossierPanels this page shows.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, IntegerField, Max, Min, OuterRef, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string

from letters.apps import analyser_hooks
from letters.importing.counts import recorded_year, records_of
from letters.models import Letter, LetterDossier, LetterVersion, Reference, Section
from letters.web.access import reader_required
from letters.web.fragments import fragment
from tkdossiers.citations import parse_dossier
from tkdossiers.models import Dossier, Kamerstuk

PAGE_LIMIT = 20  # of each list; the page links to the full lists


@dataclass(frozen=True)
class DossierItem:
    """One line of a DossierPanel: a motion, a commitment."""

    text: str
    url: str
    status: str  # its value, for the status mark's style: "open", "done"
    status_label: str  # as the lists show it: "open", "afgedaan"
    marks: tuple[tuple[str, str], ...] = ()  # further marks, (style, label): ("overdue", "over tijd")
    kind: str = ""  # "nieuw"
    due: datetime.date | None = None
    letter: Letter | None = None  # where it was found


@dataclass(frozen=True)
class DossierPanel:
    """A section of the dossier page that a higher app fills: the first items, how many there
    are in all, and the list that has them all."""

    heading: str
    items: list[DossierItem]
    total: int
    more_url: str
    more_label: str
    empty: str


@dataclass
class CitingPassage:
    """A passage (or a letter's loose footnotes: section None) with the citations it holds."""

    version: LetterVersion
    section: Section | None
    references: list[Reference] = field(default_factory=list)


def dossier_from_key(key: str) -> Dossier:
    parsed = parse_dossier(key)
    if parsed is None:
        raise Http404("Geen geldig dossiernummer")
    number, toevoeging = parsed
    try:
        return Dossier.objects.get(number=number, toevoeging=toevoeging or "")
    except Dossier.DoesNotExist:
        raise Http404("Dossier onbekend") from None


def kamerstuk_from_key(key: str) -> Kamerstuk:
    dossier_key, _, number = key.rpartition("-")
    if not number.isdigit():
        raise Http404("Geen geldig kamerstuknummer")
    try:
        return Kamerstuk.objects.select_related("dossier").get(dossier=dossier_from_key(dossier_key), number=number)
    except Kamerstuk.DoesNotExist:
        raise Http404("Kamerstuk onbekend") from None


def dossier_summary(dossier: Dossier) -> dict:
    """The dossier's cited kamerstukken, letters and citing passages, newest first."""
    kamerstukken = dossier.kamerstukken.filter(citation_count__gt=0).order_by(
        "-last_cited", Cast("number", IntegerField()).desc()
    )
    citing = LetterDossier.objects.filter(dossier=dossier, letter=OuterRef("pk"))
    letters = Letter.objects.with_current().filter(Exists(citing) | Q(dossier=dossier)).order_by("-date", "-pk")
    references = Reference.objects.current().filter(kamerstuk__dossier=dossier)
    return {"dossier": dossier, "kamerstukken": kamerstukken, "letters": letters, "references": references}


def citing_passages(references, limit: int | None = None) -> list[CitingPassage]:
    """The passages that hold `references` (a Reference.objects.current() queryset), each once
    with its citations in order, newest letters first; two queries whatever the number."""
    groups = (
        references.order_by()
        .values("version", "section")
        .annotate(date=Max("version__letter__date"), letter=Max("version__letter__id"), first=Min("position"))
        .order_by("-date", "-letter", "first")
    )
    keys = [(group["version"], group["section"]) for group in (groups[:limit] if limit else groups)]
    if not keys:
        return []
    wanted = Q()
    for version, section in keys:
        wanted |= Q(version=version, section=section)
    held = defaultdict(list)
    for reference in references.filter(wanted).order_by("position"):
        held[reference.version_id, reference.section_id].append(reference)
    return [CitingPassage(held[key][0].version, held[key][0].section, held[key]) for key in keys]


def cited_years(kamerstuk: Kamerstuk, references) -> list[tuple[str, int]]:
    """The years its citations give, when they disagree with each other or with its vergaderjaar."""
    years = Counter(reference.vergaderjaar for reference in references if reference.vergaderjaar)
    if set(years) <= {kamerstuk.vergaderjaar}:
        return []
    return sorted(years.items())


def dossier_panels(dossier: Dossier) -> list[DossierPanel]:
    return [panel for dossier_items in analyser_hooks("dossier_items") for panel in dossier_items(dossier, PAGE_LIMIT)]


@reader_required
def dossier_detail(request, key):
    dossier = dossier_from_key(key)

    def contents():
        summary = dossier_summary(dossier)
        context = {
            **summary,
            "kamerstukken": list(summary["kamerstukken"][:PAGE_LIMIT]),
            "kamerstuk_count": summary["kamerstukken"].count(),
            "letters": list(summary["letters"][:PAGE_LIMIT]),
            "passages": citing_passages(summary["references"], PAGE_LIMIT),
            "panels": dossier_panels(dossier),
            "limit": PAGE_LIMIT,
        }
        return render_to_string("letters/includes/dossier_contents.html", context, request)

    context = {"dossier": dossier, "contents": fragment(request, "dossier", (dossier.pk,), contents)}
    return render(request, "letters/dossier_detail.html", context)


@reader_required
def kamerstuk_detail(request, key):
    kamerstuk = kamerstuk_from_key(key)
    references = Reference.objects.current().filter(kamerstuk=kamerstuk)
    passages = citing_passages(references)
    own_letter = Letter.objects.filter(kamerstuk=kamerstuk).first()
    return render(
        request,
        "letters/kamerstuk_detail.html",
        {
            "kamerstuk": kamerstuk,
            "passages": passages,
            "cited_years": cited_years(kamerstuk, [r for passage in passages for r in passage.references]),
            "recorded": recorded_year(records_of(kamerstuk.dossier, kamerstuk.number)).exists(),
            "own_letter": own_letter,
        },
    )
