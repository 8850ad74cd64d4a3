"""CSV and Excel exports for Dutch readers (letters/web/rows.py, exports.py, listing.py): Dutch
headers and values, a file name from the filter; JSON and the API keep their English keys."""

import csv
import io
import json

import openpyxl
import pytest
from django.urls import reverse

from commitments.models import Motion
from letters.models import Letter
from letters.web.listing import listing, listings
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def read_csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"), newline="")))


def csv_header(response) -> str:
    return body(response).decode("utf-8-sig").splitlines()[0]


def header_and_rows(response) -> tuple[str, list[dict]]:
    text = body(response).decode("utf-8-sig")
    return text.splitlines()[0], list(csv.DictReader(io.StringIO(text, newline="")))


def test_letter_csv_has_dutch_headers(policy_client, seed_letter):
    response = policy_client.get(reverse("letter_export", args=["csv"]))

    assert csv_header(response) == "id,documentnummer,kenmerk,titel,datum,vergaderjaar,dossier,afzender,versie,link"


def test_motion_csv_says_ja_nee_and_the_dutch_status_where_json_keeps_its_keys(policy_client, seed_letter):
    Motion.objects.filter(kamerstuk__dossier__number="29517", kamerstuk__number="258").update(status=Motion.Status.DONE)

    response = policy_client.get(reverse("motion_export", args=["csv"]), {"dossier": "29517"})
    as_json = json.loads(body(policy_client.get(reverse("motion_export", args=["json"]), {"dossier": "29517"})))

    header, rows = header_and_rows(response)
    assert header == ("id,indieners,kamerstuk,status,wacht op griffie,afgedaan verklaard in,officiële publicatie,link")
    assert sorted((r["kamerstuk"], r["indieners"], r["status"], r["wacht op griffie"]) for r in rows) == [
        ("29517-257", "Mutluer", "open", "ja"),
        ("29517-258", "Mutluer", "afgedaan", "nee"),
        ("29517-260", "Michon-Derkzen", "open", "nee"),
    ]
    assert sorted((r["kamerstuk"], r["status"], r["awaiting_review"]) for r in as_json) == [
        ("29517-257", "open", True),
        ("29517-258", "done", False),
        ("29517-260", "open", False),
    ]


def test_commitment_and_reference_sheets_name_their_kinds_in_dutch(policy_client, seed_letter):
    commitments = read_csv(policy_client.get(reverse("commitment_export", args=["csv"])))
    references = read_csv(policy_client.get(reverse("reference_export", args=["csv"]), {"dossier": "29517"}))

    assert sorted({r["soort"] for r in commitments}) == ["eerder gedaan", "nieuw"]
    assert {r["over tijd"] for r in commitments} <= {"ja", "nee"}
    assert {r["soort"] for r in references} == {"Kamerstuk"}


def test_xlsx_has_dutch_headers_and_values(policy_client, seed_letter):
    response = policy_client.get(reverse("motion_export", args=["xlsx"]), {"dossier": "29517"})

    header, *rows = openpyxl.load_workbook(io.BytesIO(body(response))).active.iter_rows(values_only=True)
    assert header[:5] == ("id", "indieners", "kamerstuk", "status", "wacht op griffie")
    assert sorted(row[4] for row in rows) == ["ja", "nee", "nee"]


@pytest.mark.parametrize(
    ("export", "fmt", "query", "filename"),
    [
        ("letter_export", "csv", {"dossier": "29 517", "year": "2025"}, "brieven-dossier-29517-2025.csv"),
        ("letter_export", "xlsx", {"dossier": "36600-VI"}, "brieven-dossier-36600-vi.xlsx"),
        (
            "letter_export",
            "json",
            {"vergaderjaar": "2024/25", "sender": "Yeşilgöz"},
            "brieven-vergaderjaar-2024-25-afzender-yesilgoz.json",
        ),
        ("section_export", "csv", {"date_from": "2025-01-01"}, "passages-vanaf-2025-01-01.csv"),
        (
            "motion_export",
            "csv",
            {"status": "done", "awaiting": "ja"},
            "moties-status-afgedaan-wacht-op-griffie-ja.csv",
        ),
    ],
)
def test_export_file_name_says_what_was_filtered(policy_client, export, fmt, query, filename):
    response = policy_client.get(reverse(export, args=[fmt]), query)

    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_xlsx_of_a_filtered_list_is_named_after_the_filter_and_its_sheet_after_the_list(policy_client, seed_letter):
    response = policy_client.get(reverse("letter_export", args=["xlsx"]), {"dossier": "29517"})

    assert response["Content-Disposition"] == 'attachment; filename="brieven-dossier-29517.xlsx"'
    assert openpyxl.load_workbook(io.BytesIO(body(response))).active.title == "Brieven"


def test_letter_rows_carry_the_letters_own_dossier(policy_client, seed_letter, c2000_letter):
    dossier, _ = Dossier.objects.get_or_create(number="36600", toevoeging="VI")
    Letter.objects.filter(pk=seed_letter.pk).update(dossier=dossier)

    api = policy_client.get(reverse("api_letters")).json()["results"]
    exported = read_csv(policy_client.get(reverse("letter_export", args=["csv"])))

    assert [(r["title"], r["dossier"]) for r in api] == [
        ("Verzamelbrief brandweer, crisisbeheersing en meldkamers", "36600-VI"),
        ("Voortgang C2000", None),
    ]
    assert [r["dossier"] for r in exported] == ["36600-VI", ""]


@pytest.mark.parametrize("name", list(listings()))
def test_every_exported_column_has_a_dutch_header(name):
    row = listing(name).row

    assert set(row.labels) == set(row.columns())
