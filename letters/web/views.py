from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods

from letters.apps import analyser_hooks
from letters.importing.store import Outcome, import_letter
from letters.models import (
    SHOWN_SOURCES,
    FailedImport,
    Letter,
    LetterVersion,
    Section,
    Source,
    Topic,
    TopicTag,
    TypesetPublication,
)
from letters.web.access import reader_required
from letters.web.diff import compare, set_changes
from letters.web.filters import FailedImportFilter, SectionFilter
from letters.web.forms import UploadForm
from letters.web.listing import PAGE_SIZE, CappedPaginator, export_filtered, listing, page_context, results
from letters.web.search import postgres, search_footnotes, search_sections
from letters.web.topic_views import followed_topics

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@reader_required
def home(request):
    letters = Letter.objects.with_current()[:8]
    return render(
        request,
        "letters/home.html",
        {
            "letters": letters,
            "letter_count": Letter.objects.count(),
            "follows": followed_topics(request.user),
            "topics": Topic.objects.order_by("name"),
        },
    )


@reader_required
def letter_list(request):
    return _list_page(request, "letter", "letters/letter_list.html")


@reader_required
def section_list(request):
    return _list_page(request, "section", "letters/section_list.html")


@reader_required
def reference_list(request):
    return _list_page(request, "reference", "letters/reference_list.html")


def _list_page(request, name, template):
    return render(request, template, page_context(request, listing(name).filter(request)))


@reader_required
def export(request, name, fmt):
    return export_filtered(request, listing(name), fmt)


@reader_required
def letter_detail(request, pk, number=None):
    letter = get_object_or_404(Letter, pk=pk)
    versions = list(letter.versions.defer("content").order_by("number"))
    if not versions:
        return render(request, "letters/letter_empty.html", {"letter": letter}, status=404)
    if number is None:
        version = next((v for v in versions if v.pk == letter.current_version_id), versions[-1])
    else:
        version = next((v for v in versions if v.number == number), None)
        if version is None:
            return render(request, "letters/letter_empty.html", {"letter": letter, "number": number}, status=404)
    sections = list(version.sections.all())
    footnotes = list(version.footnotes.all())
    references = list(version.references.filter(kamerstuk__isnull=False).select_related("kamerstuk__dossier"))
    attach_references(sections, footnotes, references)
    attach_topics(
        sections, TopicTag.objects.filter(section__version=version, source__in=SHOWN_SOURCES).select_related("topic")
    )
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "version": version,
            "versions": versions,
            "is_current": version.pk == letter.current_version_id,
            "sections": attach_footnotes(sections, footnotes),
            "toc": section_tree([s for s in sections if s.heading]),
            "uncited_footnotes": [f for f in footnotes if f.section_id is None],
            "all_topics": list(Topic.objects.all()) if request.user.has_perm("letters.tag_section") else [],
        },
    )


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


@login_required
@permission_required("letters.upload_letter", raise_exception=True)
@require_http_methods(["GET", "POST"])
def upload(request):
    if request.method != "POST":
        return render(request, "letters/upload.html", {"form": UploadForm()})
    files = request.FILES  # parsing the upload runs LimitedUploadHandler, which marks the request
    form = UploadForm(request.POST, files, too_large=getattr(request, "upload_too_large", False))
    if form.is_valid():
        upload_file = form.cleaned_data["file"]
        result = import_letter(
            content=upload_file.read(), filename=upload_file.name, source=Source.UPLOAD, user=request.user
        )
        if result.outcome == Outcome.FAILED:
            form.add_error("file", f"Importeren mislukt: {result.reason}")
        else:
            messages.success(request, _upload_message(result))
            return redirect(result.version.get_absolute_url())
    return render(request, "letters/upload.html", {"form": form}, status=400 if form.errors else 200)


def _upload_message(result) -> str:
    if result.outcome == Outcome.UNCHANGED:
        return f"Dit bestand was al geïmporteerd (versie {result.version.number}); er is niets veranderd."
    if result.outcome == Outcome.NEW_VERSION:
        return f"Geïmporteerd als versie {result.version.number} van een bekende brief."
    return "Brief geïmporteerd."


@login_required
@permission_required("letters.view_failed_imports", raise_exception=True)
def failed_imports(request):
    failed_filter = FailedImportFilter(request.GET, queryset=FailedImport.objects.select_related("user"))
    return render(request, "letters/failed_imports.html", page_context(request, failed_filter))


@reader_required
def version_download(request, pk, number):
    version = get_object_or_404(LetterVersion, letter_id=pk, number=number)
    response = HttpResponse(bytes(version.content), content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, version.filename)
    return response


@reader_required
def search(request):
    terms = request.GET.get("q", "").strip()
    filters = request.GET.copy()
    filters.pop("q", None)  # the search terms go to full-text search, not to the substring filter
    section_filter = SectionFilter(filters, queryset=Section.objects.current())
    sections = results(section_filter)
    if terms:
        matches = search_sections(sections, terms)
        paginator = CappedPaginator(matches, PAGE_SIZE)
        if paginator.capped:  # ranking tens of thousands of matches costs seconds: newest first instead
            paginator = CappedPaginator(
                matches.order_by("-version__letter__date", "-version__letter_id", "position"), PAGE_SIZE
            )
        page = paginator.get_page(request.GET.get("pagina"))
        footnotes = list(search_footnotes(terms))
    else:
        page, footnotes = None, []
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "letters/search.html",
        {
            "terms": terms,
            "filter": section_filter,
            "page": page,
            "footnotes": footnotes,
            "query": query.urlencode(),
            "stemmed": postgres(),
        },
    )


@reader_required
def version_compare(request, pk, old, new):
    letter = get_object_or_404(Letter, pk=pk)
    versions = {v.number: v for v in letter.versions.defer("content").filter(number__in=[old, new])}
    if old not in versions or new not in versions:
        return render(request, "letters/letter_empty.html", {"letter": letter, "number": new}, status=404)
    before, after = versions[old], versions[new]
    changes = compare(_texts(before), _texts(after))
    cited = {label: set_changes(items(before), items(after)) for label, items in _version_items().items()}
    return render(
        request,
        "letters/version_compare.html",
        {
            "letter": letter,
            "before": before,
            "after": after,
            "changes": [c for c in changes if c.status != "unchanged"],
            "unchanged": sum(c.status == "unchanged" for c in changes),
            "cited": cited,
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
