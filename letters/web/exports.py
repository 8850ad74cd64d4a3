"""Write a filtered list as CSV, JSON or Excel without holding it in memory.

Letter text is untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab or
CR before one) as a formula: `=HYPERLINK(...)` in a title would become a link in an analyst's
sheet. The .xlsx export stores every value as a text cell, which no spreadsheet evaluates. The
CSV export cannot say "text", so it neutralises every place a cell can start; see `_csv_cell`.
"""

import csv
import json
import re
import tempfile
from itertools import chain

from django.http import FileResponse, HttpResponseBadRequest, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

CHUNK = 2000  # rows fetched from the database at a time
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)  # the file formats every list can be exported in
XLSX_CELL_LIMIT = 32767  # Excel refuses (asks to "repair") a file with a longer cell

# Where a spreadsheet may start a cell inside one value: at its start, and after every character
# some reader splits on. en-US Excel splits on ",", nl-NL Excel on ";" (and a ,-separated file
# gives it no quotes to honour: a quote opens a quoted cell only at a cell's start), a pasted or
# .txt file on tab, and a reader that does not keep a quoted line break inside its cell on CR/LF.
# Double quotes in between are skipped: after `;"` a cell starts at the character after the quote.
# A "'" goes before a formula character found there: every spreadsheet reads that cell as text.
_CELL_START = re.compile(r'(?:^|(?<=[,;\t\r\n]))("*)(?=[=+\-@\t\r])')
# A value that is just a negative number stays as it is: whichever way it is split (-1,5 gives
# "-1" and "5" on ","), each part is a number, never a formula.
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def export_response(rows, columns: list[str], fmt: str, filename: str, *, sheet=None, title=None):
    """rows: an iterable of dicts with (at least) the given columns. JSON keeps the column names
    and values as they are; CSV and Excel, read by people, take their headers and values from
    sheet (a letters.web.rows.Row class: Dutch headers, "ja"/"nee"), when given. title: the
    Excel sheet's name, the file's name by default."""
    rows = _started(rows)
    if fmt == "json":
        response = StreamingHttpResponse(_json(rows, columns), content_type=CONTENT_TYPES[fmt])
    else:
        headers = list(sheet.headers()) if sheet else columns
        cells = _cells(rows, columns, sheet)
        if fmt == "xlsx":
            workbook = _xlsx(cells, headers, title=title or filename.capitalize())
            response = FileResponse(workbook, content_type=CONTENT_TYPES[fmt])
        else:
            response = StreamingHttpResponse(_csv(cells, headers), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _cells(rows, columns, sheet):
    def cell(column, value):
        return sheet.cell(column, value) if sheet else value

    return ([cell(column, row[column]) for column in columns] for row in rows)


def invalid_filter(errors) -> HttpResponseBadRequest:
    """The form's messages, one line per message: `Ongeldig filter: year: Voer een getal in.`"""
    lines = [f"Ongeldig filter: {field}: {message}" for field, messages in errors.items() for message in messages]
    return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")


def _started(rows):
    """The same rows, the first one already fetched: a query that fails does so here, as an error
    page, and not after a 200 has gone out and the file is cut off."""
    rows = iter(rows)
    for first in rows:
        return chain([first], rows)
    return iter(())


class _Echo:
    def write(self, value):
        return value


def _csv(rows, headers):
    """rows: lists of values in the order of headers.

    Comma-separated (RFC 4180), as scripts, pandas and en-US Excel read it; Dutch Excel users
    have the .xlsx export. Not ";" (en-US Excel and most tools would see one column) and no
    "sep=;" line (it is a bogus header row for every other reader, and Excel then ignores the
    BOM and misreads UTF-8). Safety does not depend on the separator: see _CELL_START. A value
    such as "+31 6 12345678" therefore keeps its "'" in CSV: Excel would read it as the sum
    +31+6... otherwise. The .xlsx export, of text cells, shows it as it is."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that Excel reads the file as UTF-8
    yield writer.writerow([_csv_cell(header) for header in headers])
    for row in rows:
        yield writer.writerow([_csv_cell(value) for value in row])


def _csv_cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if _NEGATIVE_NUMBER.fullmatch(text):
        return text
    return _CELL_START.sub(r"\1'", text)


def _json(rows, columns):
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps({c: row[c] for c in columns}, ensure_ascii=False, default=str)
    yield "]"


def _xlsx(rows, headers, *, title: str):
    """A workbook in a temporary file: write-only mode writes each row (a list of values in
    the order of headers) out as it comes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])  # Excel's limit on a sheet's name
    sheet.freeze_panes = "A2"
    sheet.append([_text_cell(sheet, header, bold=True) for header in headers])
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    file = tempfile.TemporaryFile()  # FileResponse closes it, which deletes it
    workbook.save(file)
    file.seek(0)
    return file


def _text_cell(sheet, value, *, bold=False):
    text = "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", str(value))[:XLSX_CELL_LIMIT]
    if not text:
        return None
    cell = WriteOnlyCell(sheet, value=text)
    # openpyxl makes a value starting with "=" a formula (and "#N/A" an error); text it is.
    cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell
