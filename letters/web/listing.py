"""Filtered lists: one definition per list, shared by its page, its exports and the API.

A `Listing` names the FilterSet, the rows' queryset and the row class; every list page,
export (CSV, JSON, Excel) and API list reads it, so they filter, count and page the same way. The
listings are named in settings.LISTINGS (a higher app such as commitments adds its own
there, without letters importing it).
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

from letters.web.exports import CHUNK, export_response, invalid_filter

PAGE_SIZE = 25
PAGE_PARAM = "pagina"


class CappedPaginator(Paginator):
    """Counts at most `cap` rows: on large tables the exact COUNT(*) costs more than the page itself.
    Lists then say "1000+" and page through the first `cap` rows."""

    cap = 1000

    @cached_property
    def count(self):
        # Neither the order nor the selected columns change how many rows there are; dropping
        # them spares the database ranking and highlighting every match before the limit.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap


@dataclass(frozen=True)
class Listing:
    name: str  # in URLs and URL names: "letter" -> letter_export, /api/letters/
    export_name: str  # the exported file's name: "brieven"
    filterset: type
    queryset: object  # a callable giving the rows' queryset
    row: type  # a letters.web.rows.Row

    @property
    def api_name(self) -> str:
        return f"{self.name}s"

    def filter(self, request, queryset=None):
        return self.filterset(request.GET, queryset=queryset if queryset is not None else self.queryset())


@cache
def _listings(paths: tuple[str, ...]) -> dict[str, Listing]:
    return {listing.name: listing for listing in map(import_string, paths)}


def listings() -> dict[str, Listing]:
    return _listings(tuple(settings.LISTINGS))


def listing(name: str) -> Listing:
    return listings()[name]


def results(list_filter):
    """The filtered rows; none at all when a filter value is invalid (not everything)."""
    return list_filter.qs if list_filter.is_valid() else list_filter.queryset.none()


def page_context(request, list_filter, *, page_size=PAGE_SIZE, decorate=None) -> dict:
    """Template context for a list page: the filter, the page of rows, the query without the page."""
    page = CappedPaginator(results(list_filter), page_size).get_page(request.GET.get(PAGE_PARAM))
    if decorate:
        page.object_list = [decorate(item) for item in page.object_list]
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return {"filter": list_filter, "page": page, "query": query.urlencode()}


def export_filtered(request, listing: Listing, fmt: str):
    """The filtered rows as a file. A filter value that cannot be used is a 400 naming it, before
    any row: once a streamed file has begun, its status can no longer change."""
    list_filter = listing.filter(request)
    if not list_filter.is_valid():
        return invalid_filter(list_filter.errors)
    rows = (
        listing.row.of(item, request.build_absolute_uri).as_dict() for item in list_filter.qs.iterator(chunk_size=CHUNK)
    )
    return export_response(rows, list(listing.row.columns()), fmt, listing.export_name)
