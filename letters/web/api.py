"""A read-only JSON API over the same filters as the pages."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from letters.models import Letter
from letters.web.access import api_reader_required
from letters.web.dossier_views import dossier_from_key, dossier_summary
from letters.web.filters import LetterFilter
from letters.web.rows import footnote_row, letter_row, reference_row, section_row

API_PAGE_SIZE = 50


def paginated(request, list_filter, row) -> JsonResponse:
    """A filtered list as {count, next, previous, results}; a bad filter value is a 400."""
    if not list_filter.is_valid():
        return JsonResponse({"errors": list_filter.errors}, status=400)
    page = Paginator(list_filter.qs, API_PAGE_SIZE).get_page(request.GET.get("page"))
    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
            "results": [row(item, request.build_absolute_uri) for item in page],
        }
    )


@api_reader_required
def letters(request):
    return paginated(request, LetterFilter(request.GET, queryset=Letter.objects.with_current()), letter_row)


def _page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api_reader_required
def letter(request, pk):
    letter = get_object_or_404(Letter.objects.with_current(), pk=pk)
    version = letter.current_version
    absolute = request.build_absolute_uri
    data = letter_row(letter, absolute)
    data["versions"] = [
        {"number": v.number, "filename": v.filename, "sha256": v.sha256, "imported_at": v.imported_at.isoformat()}
        for v in letter.versions.defer("content").order_by("number")
    ]
    sections = version.sections.select_related("version__letter").defer("blocks") if version else []
    data["sections"] = [section_row(s, absolute) | {"parent_id": s.parent_id} for s in sections]
    data["footnotes"] = [footnote_row(f) for f in version.footnotes.all()] if version else []
    references = version.references.select_related("version__letter", "section", "footnote", "kamerstuk__dossier")
    data["references"] = [reference_row(r, absolute) for r in references] if version else []
    return JsonResponse(data)


@api_reader_required
def dossier(request, key):
    summary = dossier_summary(dossier_from_key(key))
    dossier = summary["dossier"]
    return JsonResponse(
        {
            "number": dossier.number,
            "toevoeging": dossier.toevoeging or None,
            "title": dossier.title or None,
            "kamerstukken": [
                {
                    "kamerstuk": k.key,
                    "vergaderjaar": k.vergaderjaar or None,
                    "citations": k.citation_count,
                    "last_cited": k.last_cited.isoformat() if k.last_cited else None,
                    "official_url": k.official_url,
                }
                for k in summary["kamerstukken"]
            ],
            "letters": [letter_row(letter, request.build_absolute_uri) for letter in summary["letters"]],
        }
    )
