"""Filtered lists: one definition per list, shared by its page, its exports and the API.

A `Listing` names the FilterSet, the rows' queryset and the row class; every list page,
export (CSV, JSON, Excel) and API list reads it, so they filter, count and page the same way. The
listings are named in settings.LISTINGS (a higher app such as commitments adds its own
there, without letters importing it).
"""

import datetime
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.text import slugify

from letters.web.exports import CHUNK, export_response, invalid_filter

PAGE_SIZE = 25
PAGE_PARAM = "pagina"
FILENAME_MAX = 100


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
        queryset = queryset if queryset is not None else self.queryset()
        return self.filterset(request.GET, queryset=queryset, request=request)  # a filter may ask who reads


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
    columns, name = list(listing.row.columns()), export_filename(listing, list_filter)
    return export_response(rows, columns, fmt, name, sheet=listing.row, title=listing.export_name.capitalize())


def export_filename(listing: Listing, list_filter) -> str:
    """The list's name and what it was filtered on, so that two exports are told apart in a
    downloads folder: brieven-dossier-29517-2025, moties-status-afgedaan. ASCII, at most
    FILENAME_MAX characters."""
    parts = [listing.export_name]
    for name, value in list_filter.form.cleaned_data.items():
        if value not in (None, "", [], ()):
            parts.append(_filename_part(list_filter.filters[name], value))
    name = slugify(" ".join(parts).replace("/", " "))  # vergaderjaar 2024/25: -2024-25, not -202425
    return name if len(name) <= FILENAME_MAX else name[:FILENAME_MAX].rsplit("-", 1)[0]


def _filename_part(list_filter, value) -> str:
    label = str(list_filter.label or list_filter.field_name)
    if isinstance(value, tuple):  # a dossier: (number, toevoeging)
        return f"dossier {' '.join(part for part in value if part)}"
    if isinstance(value, bool):
        return f"{label} {'ja' if value else 'nee'}"
    if isinstance(value, int):  # a year
        return str(value)
    if isinstance(value, datetime.date):
        return f"{label} {value.isoformat()}"
    choices = dict(list_filter.extra.get("choices") or ())
    return f"{label} {choices.get(value, value)}"
