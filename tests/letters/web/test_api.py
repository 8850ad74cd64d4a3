"""The JSON API (letters/web/api.py): the lists of settings.LISTINGS, a letter, a dossier; JSON in every case."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from letters.models import Letter
from letters.web.listing import CappedPaginator
from tests.letters.imported import citing_letters

pytestmark = pytest.mark.django_db


def test_api_lists_letters_with_the_same_filters_and_pages(policy_client, seed_letter, c2000_letter, settings):
    response = policy_client.get(reverse("api_letters"), {"dossier": "25124"})

    data = response.json()
    assert (data["count"], data["next"], data["previous"]) == (2, None, None)
    assert [r["title"] for r in data["results"]] == [
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        "Voortgang C2000",
    ]
    assert policy_client.get(reverse("api_letters"), {"dossier": "abc"}).status_code == 400


def test_api_letter_has_versions_sections_footnotes_and_references(policy_client, seed_letter):
    data = policy_client.get(reverse("api_letter", args=[seed_letter.pk])).json()

    assert data["document_number"] == "2025D43420"
    assert [v["number"] for v in data["versions"]] == [1]
    assert len(data["sections"]) == 28 and data["sections"][1]["heading"] == "Meldkamers"
    assert data["footnotes"][3] == {"number": "4", "text": "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272"}
    kamerstuk_refs = [r for r in data["references"] if r["kind"] == "kamerstuk"]
    assert len(kamerstuk_refs) == 26
    assert kamerstuk_refs[0]["official_url"] == "https://zoek.officielebekendmakingen.nl/kst-29517-264.html"


def test_api_dossier(policy_client, seed_letter):
    data = policy_client.get(reverse("api_dossier", args=["36600-VI"])).json()

    assert (data["number"], data["toevoeging"]) == ("36600", "VI")
    assert data["kamerstukken"] == [
        {
            "kamerstuk": "36600-VI-100",
            "vergaderjaar": "2024/25",
            "citations": 2,
            "last_cited": "2025-10-03",
            "official_url": "https://zoek.officielebekendmakingen.nl/kst-36600-VI-100.html",
        }
    ]
    assert [letter["title"] for letter in data["letters"]] == [
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers"
    ]


def test_api_letter_without_a_version_is_a_json_404(policy_client):
    letter = Letter.objects.create(identity="titel:leeg", title="Nog leeg")

    response = policy_client.get(reverse("api_letter", args=[letter.pk]))

    assert (response.status_code, response.json()) == (404, {"detail": "Van deze brief is nog geen versie ingelezen."})


def test_api_unknown_letter_and_dossier_are_json_404s(policy_client):
    letter = policy_client.get(reverse("api_letter", args=[999999]))
    dossier = policy_client.get(reverse("api_dossier", args=["12345"]))

    assert (letter.status_code, letter["Content-Type"]) == (404, "application/json")
    assert (dossier.status_code, dossier.json()) == (404, {"detail": "Dossier onbekend"})


def test_api_bad_filter_is_a_json_400_naming_the_field(policy_client):
    response = policy_client.get(reverse("api_letters"), {"dossier": "abc"})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Ongeldig filter.",
        "errors": {"dossier": ["Geen dossiernummer; schrijf bijvoorbeeld 29517, 29 517 of 36600-VI."]},
    }


@pytest.mark.parametrize(
    ("page", "status", "detail"),
    [("abc", 400, "Het paginanummer moet een geheel getal zijn."), ("9", 404, "Deze pagina bestaat niet.")],
)
def test_api_bad_page_is_a_json_error(policy_client, seed_letter, page, status, detail):
    response = policy_client.get(reverse("api_letters"), {"page": page})

    assert (response.status_code, response.json()) == (status, {"detail": detail})


def test_api_pages_follow_page_and_count_like_the_pages_do(policy_client, monkeypatch, settings):
    monkeypatch.setattr("letters.web.api.API_PAGE_SIZE", 2)
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    citing_letters(0, 5)

    first = policy_client.get(reverse("api_letters")).json()
    second = policy_client.get(reverse("api_letters"), {"page": "2"}).json()

    assert (first["count"], first["count_is_lower_bound"], first["previous"]) == (3, True, None)
    assert first["next"] == "http://testserver/api/letters/?page=2"
    assert [r["title"] for r in first["results"] + second["results"]] == ["Brief 4", "Brief 3", "Brief 2", "Brief 1"]
    assert second["previous"] == "http://testserver/api/letters/?page=1"


@pytest.mark.parametrize(
    ("api", "export", "page"),
    [
        ("api_letters", "letter_export", "letter_list"),
        ("api_sections", "section_export", "section_list"),
        ("api_references", "reference_export", "reference_list"),
        ("api_motions", "motion_export", "motion_list"),
        ("api_commitments", "commitment_export", "commitment_list"),
    ],
)
def test_every_list_answers_the_same_rows_in_its_api_and_its_export(policy_client, seed_letter, api, export, page):
    query = {"dossier": "29517"}

    listed = policy_client.get(reverse(api), query).json()["results"]
    exported = json.loads(b"".join(policy_client.get(reverse(export, args=["json"]), query).streaming_content))

    assert policy_client.get(reverse(page), query).status_code == 200
    assert listed == exported[: len(listed)] and len(listed) > 0


@pytest.mark.parametrize("name", ["api_letters", "api_sections", "api_references", "api_motions", "api_commitments"])
def test_every_api_list_needs_a_login(seed_letter, name):
    response = Client().get(reverse(name))

    assert (response.status_code, response.json()) == (401, {"detail": "Inloggen vereist."})
