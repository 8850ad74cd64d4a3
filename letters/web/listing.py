"""Filtered lists, shared by every list page and export: one page of rows, or all as a stream."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from letters.web.exports import export_response

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


def export_filtered(request, list_filter, *, row, columns, name, fmt):
    rows = (row(item, request.build_absolute_uri) for item in results(list_filter).iterator(chunk_size=2000))
    return export_response(rows, columns, fmt, name)
