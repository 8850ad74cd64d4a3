"""The register's exports (CSV, JSON, Excel) and API (the list at /api/toezeggingen/ and one
toezegging with its suggested commitments), exactly as scripts and analysts read them."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from commitments.register import services
from kamer.models import Toezegging
from tests.commitments.register.helpers import commitment, fractie, letter, register_synced, toezegging

pytestmark = pytest.mark.django_db

VIDEOBELLEN = (
    "De minister zegt toe de Kamer voor de zomer van 2026 te informeren over de voortgang van de pilot "
    "videobellen met de meldkamer."
)
FOUND = "Ik zal uw Kamer voor de zomer van 2026 informeren over de voortgang van de pilot videobellen met de meldkamer."


@pytest.fixture
def register():
    toezegging(
        "TZ202503-041",
        VIDEOBELLEN,
        due=datetime.date(2027, 7, 1),
        toegezegd_aan_fractie_id=fractie("NSC").guid,
    )
    toezegging(
        "TZ202311-007",
        '=HYPERLINK("https://elders.example") Evaluatie NL-Alert.',
        status=Toezegging.Status.VOLDAAN,
        due=datetime.date(2024, 1, 1),
        kamerbrief_nakoming="Kamerstuk 29 517, nr. 275",
        made=datetime.date(2023, 11, 2),
        naam="Yeşilgöz-Zegerius",
        voornaam="",
        tussenvoegsel="",
        achternaam="",
        functie="",
    )


def export(client, fmt, **query):
    return client.get(reverse("toezegging_export", args=[fmt]), query)


def test_csv_export_in_dutch_with_formulas_defused(policy_client, register):
    response = export(policy_client, "csv", status="voldaan")

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert response["Content-Disposition"] == 'attachment; filename="toezeggingenregister-status-voldaan.csv"'
    assert rows == [
        [
            "nummer",
            "tekst",
            "status",
            "datum nakoming",
            "over tijd",
            "ministerie",
            "bewindspersoon",
            "functie",
            "toegezegd aan",
            "kamerbrief nakoming",
            "aangemaakt op",
            "link",
        ],
        [
            "TZ202311-007",
            '\'=HYPERLINK("https://elders.example") Evaluatie NL-Alert.',
            "voldaan",
            "2024-01-01",
            "nee",
            "Justitie en Veiligheid",
            "Yeşilgöz-Zegerius",
            "",
            "",
            "Kamerstuk 29 517, nr. 275",
            "2023-11-02T14:00:00+01:00",
            "http://testserver/toezeggingenregister/TZ202311-007/",
        ],
    ]


def test_json_export_keeps_the_field_names_and_values(policy_client, register):
    response = export(policy_client, "json", ministerie="Justitie en Veiligheid", overdue="nee")

    assert __import__("json").loads(b"".join(response.streaming_content)) == [
        {
            "number": "TZ202503-041",
            "text": VIDEOBELLEN,
            "status": "Openstaand",
            "due": "2027-07-01",
            "overdue": False,
            "ministerie": "Justitie en Veiligheid",
            "bewindspersoon": "David van Weel",
            "functie": "minister van Justitie en Veiligheid",
            "toegezegd_aan": "NSC",
            "kamerbrief_nakoming": None,
            "made_at": "2025-03-12T14:00:00+01:00",
            "url": "http://testserver/toezeggingenregister/TZ202503-041/",
        },
        {
            "number": "TZ202311-007",
            "text": '=HYPERLINK("https://elders.example") Evaluatie NL-Alert.',
            "status": "Voldaan",
            "due": "2024-01-01",
            "overdue": False,
            "ministerie": "Justitie en Veiligheid",
            "bewindspersoon": "Yeşilgöz-Zegerius",
            "functie": None,
            "toegezegd_aan": None,
            "kamerbrief_nakoming": "Kamerstuk 29 517, nr. 275",
            "made_at": "2023-11-02T14:00:00+01:00",
            "url": "http://testserver/toezeggingenregister/TZ202311-007/",
        },
    ]


def test_excel_export_has_the_same_rows(policy_client, register):
    response = export(policy_client, "xlsx", dossier="29517")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values] == ["nummer", "TZ202311-007"]
    assert values[1][1] == '=HYPERLINK("https://elders.example") Evaluatie NL-Alert.'
    assert sheet.title == "Toezeggingenregister"


def test_an_invalid_filter_is_a_400_naming_it(policy_client, register):
    response = export(policy_client, "csv", overdue="misschien")

    assert (response.status_code, response.content.decode()) == (
        400,
        "Ongeldig filter: overdue: Kies ja of nee (true of false).",
    )


def test_the_api_list(policy_client, register):
    answer = policy_client.get("/api/toezeggingen/", {"status": "Openstaand"}).json()

    assert (answer["count"], answer["next"], [row["number"] for row in answer["results"]]) == (
        1,
        None,
        ["TZ202503-041"],
    )
    assert answer["results"][0]["toegezegd_aan"] == "NSC"


def test_the_api_detail_with_its_suggested_commitments(policy_client, register):
    brief = letter("Verzamelbrief meldkamers", document_number="2025D43420")
    found = commitment(brief, FOUND)
    services.after_sync(register_synced())

    answer = policy_client.get("/api/toezeggingen/TZ202503-041/").json()

    assert answer == {
        "number": "TZ202503-041",
        "text": VIDEOBELLEN,
        "status": "Openstaand",
        "due": "2027-07-01",
        "overdue": False,
        "ministerie": "Justitie en Veiligheid",
        "bewindspersoon": "David van Weel",
        "functie": "minister van Justitie en Veiligheid",
        "toegezegd_aan": "NSC",
        "kamerbrief_nakoming": None,
        "made_at": "2025-03-12T14:00:00+01:00",
        "url": "http://testserver/toezeggingenregister/TZ202503-041/",
        "suggested_commitments": [
            {
                "commitment_id": found.pk,
                "text": FOUND,
                "kind": "same",
                "score": 96.0,
                "state": "suggested",
                "letter_id": brief.pk,
                "letter_title": "Verzamelbrief meldkamers",
                "letter_date": "2025-10-03",
                "document_number": "2025D43420",
                "url": f"http://testserver/toezeggingen/{found.pk}/",
            }
        ],
    }


def test_the_api_answers_json_for_an_unknown_number_and_for_anonymous(client, policy_user, register):
    anonymous = client.get("/api/toezeggingen/TZ202503-041/")
    client.force_login(policy_user)
    unknown = client.get("/api/toezeggingen/TZ000000-000/")

    assert (anonymous.status_code, anonymous.json()) == (401, {"detail": "Inloggen vereist."})
    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Deze toezegging staat niet in het register."})


def test_our_own_commitments_keep_their_own_api_and_export(policy_client, register):
    assert policy_client.get("/api/commitments/").json()["count"] == 0
    assert reverse("commitment_export", args=["csv"]) == "/toezeggingen.csv"
    assert reverse("toezegging_export", args=["csv"]) == "/toezeggingenregister.csv"
