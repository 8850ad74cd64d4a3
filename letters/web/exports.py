"""Stream a filtered list as CSV or JSON without holding it in memory."""

import csv
import json

from django.http import StreamingHttpResponse

CHUNK = 2000
FORMATS = ("csv", "json")  # the file formats every list can be exported in


class _Echo:
    def write(self, value):
        return value


def export_response(rows, columns: list[str], fmt: str, filename: str) -> StreamingHttpResponse:
    """rows: an iterable of dicts with (at least) the given columns."""
    if fmt == "csv":
        content, content_type = _csv(rows, columns), "text/csv; charset=utf-8"
    else:
        content, content_type = _json(rows, columns), "application/json"
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _csv(rows, columns):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that Excel reads the file as UTF-8
    yield writer.writerow(columns)
    for row in rows:
        yield writer.writerow([_cell(row[column]) for column in columns])


def _cell(value):
    if value is None:
        return ""
    text = str(value)
    # Letter text is untrusted: keep spreadsheets from running it as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _json(rows, columns):
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps({c: row[c] for c in columns}, ensure_ascii=False, default=str)
    yield "]"
