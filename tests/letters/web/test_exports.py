"""The list exports: CSV that no spreadsheet runs as a formula however it splits the file, Excel
files of text cells, and a 400 before any row when a filter value cannot be used."""

import csv
import io
import json
import re

import openpyxl
import pytest
from django.urls import reverse

from kamer.models import Toezegging
from letters.models import Letter
from letters.web.exports import FORMATS, export_response
from letters.web.listing import listing, listings
from tests.docx_builder import build_docx, head_table, letter_citing, text_para
from tests.letters.imported import add

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LISTS = list(listings())
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Each way a spreadsheet may cut a CSV file into cells: en-US Excel on ",", nl-NL Excel on ";",
# a pasted or .txt file on tab; honouring quoted line breaks, or cutting at every line break.
SPLITS = [(separator, per_line) for separator in (",", ";", "\t") for per_line in (False, True)]
# A title as imported, and as a CSV reader reads it back: a "'" before each formula character
# that starts a cell under any of the SPLITS.
TITLES = {
    "tekst;=1+1;einde": "tekst;'=1+1;einde",
    '=HYPERLINK("http://x")': '\'=HYPERLINK("http://x")',
    "+31 6 12345678": "'+31 6 12345678",
    "@SUM(A1)": "'@SUM(A1)",
    'zie,"=1+1"': 'zie,"\'=1+1"',
}
# The importer turns a tab into a space; a title from the Kamer's metadata need not be imported.
TAB_TITLES = {"kop\t=1+1": "kop\t'=1+1", "\t=1+1": "'\t'=1+1"}
SIGNER = "Minister van Justitie en Veiligheid (A.B. Minister)"


@pytest.fixture
def hostile_letters():
    for index, title in enumerate(TITLES):
        add(letter_citing(title, "1 mei 2024", []), f"{index}.docx")
    for index, title in enumerate(TAB_TITLES):
        letter = add(letter_citing(f"Tab {index}", "1 mei 2024", []), f"tab-{index}.docx")
        Letter.objects.filter(pk=letter.pk).update(title=title)


@pytest.fixture
def hostile_sections():
    """Sections whose text holds a line break before "=", and negative numbers."""
    add(
        build_docx(
            head_table("2 mei 2024", "Cijfers"),
            text_para("Formule", bold=True),
            text_para("regel"),
            text_para("=2+2"),
            text_para("Saldo", bold=True),
            text_para("-5"),
            text_para("Bedrag", bold=True),
            text_para("-5 euro"),
        ),
        "cijfers.docx",
    )


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def spreadsheet_cells(data: bytes, separator: str, per_line: bool) -> list[str]:
    """The cells a spreadsheet makes of a CSV file when it splits on `separator`. As in Excel, a
    double quote opens a quoted cell only at the cell's start (Python's csv reader does the same).
    per_line: a reader that cuts the file at every line break, quoted or not."""
    text = data.decode("utf-8-sig")
    lines = text.splitlines() if per_line else [text]
    rows = (row for line in lines for row in csv.reader(io.StringIO(line, newline=""), delimiter=separator))
    return [cell for row in rows for cell in row]


def formulas(cells: list[str]) -> list[str]:
    """The cells a spreadsheet would run: starting with = + - @ tab or CR, but for a plain negative number."""
    return [cell for cell in cells if cell.startswith(FORMULA_START) and not re.fullmatch(r"-\d+([.,]\d+)?", cell)]


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"), newline="")))


def read_xlsx(response):
    return openpyxl.load_workbook(io.BytesIO(body(response))).active


def test_csv_export_reads_back_with_each_formula_neutralised(policy_client, hostile_letters):
    response = policy_client.get(reverse("letter_export", args=["csv"]))

    titles = sorted(row["titel"] for row in read_csv(response))
    assert titles == sorted([*TITLES.values(), *TAB_TITLES.values()])


def test_csv_export_of_sections_neutralises_a_line_break_and_keeps_negative_numbers(policy_client, hostile_sections):
    response = policy_client.get(reverse("section_export", args=["csv"]))

    rows = read_csv(response)
    assert [(row["kopje"], row["tekst"], row["datum brief"]) for row in rows if row["kopje"]] == [
        ("Formule", "regel\n'=2+2", "2024-05-02"),
        ("Saldo", "-5", "2024-05-02"),
        ("Bedrag", "'-5 euro", "2024-05-02"),
    ]


@pytest.mark.parametrize("export", ["letter_export", "section_export"])
def test_csv_export_has_no_formula_cell_however_a_spreadsheet_splits_it(
    policy_client, hostile_letters, hostile_sections, export
):
    data = body(policy_client.get(reverse(export, args=["csv"])))

    found = {split: formulas(spreadsheet_cells(data, *split)) for split in SPLITS}
    assert found == {split: [] for split in SPLITS}


def test_csv_export_read_by_dutch_excel_shows_the_formula_as_text(policy_client):
    letter = add(letter_citing("tekst;=1+1;einde", "1 mei 2024", []), "tekst.docx")

    data = body(policy_client.get(reverse("letter_export", args=["csv"])))

    # nl-NL Excel splits the ,-separated line on ";": three cells, the middle one text.
    url = f"http://testserver/brieven/{letter.pk}/"
    assert spreadsheet_cells(data, ";", False)[-3:] == [
        f"{letter.pk},,,tekst",
        "'=1+1",
        f"einde,2024-05-01,2023/24,,{SIGNER},1,{url}",  # the empty cell: the letter's own dossier
    ]


def test_xlsx_export_stores_hostile_titles_as_text_cells(policy_client, hostile_letters):
    response = policy_client.get(reverse("letter_export", args=["xlsx"]))

    sheet = read_xlsx(response)
    header, *rows = sheet.iter_rows()
    title = list(listing("letter").row.columns()).index("title")
    assert sheet.title == "Brieven"
    assert sorted(row[title].value for row in rows) == sorted([*TITLES, *TAB_TITLES])
    assert {cell.data_type for row in [header, *rows] for cell in row if cell.value is not None} == {"s"}


@pytest.mark.parametrize("name", LISTS)
def test_every_list_exports_to_xlsx_with_the_rows_of_its_json_export(policy_client, seed_letter, c2000_letter, name):
    definition = listing(name)
    # The register's list holds what the Kamer mirrored, not what letters say: give it one entry.
    Toezegging.objects.create(
        guid="tz-1", number="TZ202503-118", text="De minister informeert de Kamer over C2000.", status="Openstaand"
    )

    response = policy_client.get(reverse(f"{name}_export", args=["xlsx"]))
    exported = json.loads(body(policy_client.get(reverse(f"{name}_export", args=["json"]))))

    header, *rows = read_xlsx(response).iter_rows(values_only=True)
    # As text, in Dutch ("ja", "afgedaan"), an empty value as an empty cell.
    cells = [[definition.row.cell(column, value) for column, value in row.items()] for row in exported]
    as_text = [tuple(None if value in (None, "") else str(value) for value in row) for row in cells]
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        XLSX,
        f'attachment; filename="{definition.export_name}.xlsx"',
    )
    assert header == definition.row.headers()
    assert rows == as_text and len(rows) > 0


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        (
            "letter",
            {"dossier": "abc"},
            "Ongeldig filter: dossier: Geen dossiernummer; schrijf bijvoorbeeld 29517, 29 517 of 36600-VI.",
        ),
        ("letter", {"year": "0"}, "Ongeldig filter: year: Kies een jaar van 1900 tot en met 2100."),
        (
            "letter",
            {"dossier": "abc", "date_from": "2024-13-01"},
            "Ongeldig filter: dossier: Geen dossiernummer; schrijf bijvoorbeeld 29517, 29 517 of 36600-VI.\n"
            "Ongeldig filter: date_from: Voer een geldige datum in.",
        ),
        (
            "commitment",
            {"due_before": "morgen"},
            "Ongeldig filter: due_before: Geen datum; kies er een of schrijf bijvoorbeeld 1 januari 2025.",
        ),
    ],
)
def test_export_with_an_invalid_filter_is_a_400_naming_the_field(policy_client, name, query, expected, fmt):
    response = policy_client.get(reverse(f"{name}_export", args=[fmt]), query)

    assert (response.status_code, response["Content-Type"], response.content.decode()) == (
        400,
        "text/plain; charset=utf-8",
        expected,
    )
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_whose_rows_fail_fails_before_anything_is_sent(fmt):
    def rows():
        raise ValueError("year 0 is out of range")
        yield  # a generator, like the export's rows

    with pytest.raises(ValueError, match="year 0 is out of range"):
        export_response(rows(), ["id"], fmt, "brieven")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_needs_a_login(client, fmt):
    response = client.get(f"/brieven.{fmt}")

    assert (response.status_code, response["Location"]) == (302, f"/inloggen/?next=/brieven.{fmt}")


@pytest.mark.parametrize("name", LISTS)
def test_list_page_links_its_exports_with_its_filter(policy_client, name):
    page = policy_client.get(reverse(f"{name}_list"), {"dossier": "29517"}).content.decode()

    base = reverse(f"{name}_export", args=["csv"]).removesuffix(".csv")
    links = re.findall(rf'<a href="({re.escape(base)}\.\w+\?[^"]*)" download>(\w+)</a>', page)
    assert links == [
        (f"{base}.csv?dossier=29517", "CSV"),
        (f"{base}.json?dossier=29517", "JSON"),
        (f"{base}.xlsx?dossier=29517", "Excel"),
    ]
