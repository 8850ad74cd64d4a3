"""The lists' filters (letters/web/filters.py): a value a filter cannot use is a Dutch error
beside the field with no rows, or a JSON 400 in the API; never a database error."""

import re

import pytest
from django.urls import reverse

from letters.web.filters import YesNoField

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def api_errors(client, name, **params):
    response = client.get(reverse(f"api_{name}"), params)
    return response.status_code, response.json()


@pytest.mark.parametrize("year", ["0", "-1", "10000", "99999999999999999999"])
def test_a_year_out_of_range_is_an_error_beside_the_field_and_no_rows(policy_client, c2000_letter, year):
    response = policy_client.get(reverse("letter_list"), {"year": year})

    text = text_of(response)
    assert response.status_code == 200
    assert "Jaar Kies een jaar van 1900 tot en met 2100." in text
    assert "Geen brieven gevonden." in text


def test_api_answers_a_year_out_of_range_with_a_json_400(policy_client):
    assert api_errors(policy_client, "letters", year="10000") == (
        400,
        {"detail": "Ongeldig filter.", "errors": {"year": ["Kies een jaar van 1900 tot en met 2100."]}},
    )


@pytest.mark.parametrize("day", ["0001-01-01", "2101-01-01"])
def test_a_date_out_of_range_is_refused(policy_client, day):
    assert api_errors(policy_client, "sections", date_from=day) == (
        400,
        {"detail": "Ongeldig filter.", "errors": {"date_from": ["Kies een datum van 1900 tot en met 2100."]}},
    )


def test_a_text_filter_longer_than_200_characters_is_refused(policy_client):
    assert api_errors(policy_client, "references", sender="x" * 201) == (
        400,
        {
            "detail": "Ongeldig filter.",
            "errors": {"sender": ["Zorg dat deze waarde niet meer dan 200 tekens bevat (het zijn er nu 201)."]},
        },
    )


def test_a_dossier_longer_than_200_characters_is_refused(policy_client):
    status, data = api_errors(policy_client, "letters", dossier="2" * 10000)

    assert (status, data["errors"]) == (
        400,
        {"dossier": ["Zorg dat deze waarde niet meer dan 200 tekens bevat (het zijn er nu 10000)."]},
    )


@pytest.mark.parametrize("vergaderjaar", ["2024/99", "0/1", "2024/99999999"])
def test_a_vergaderjaar_whose_years_do_not_follow_is_refused(policy_client, vergaderjaar):
    assert api_errors(policy_client, "letters", vergaderjaar=vergaderjaar)[1]["errors"] == {
        "vergaderjaar": ["Schrijf het vergaderjaar als 2024/25 of 2024-2025."]
    }


def test_an_unknown_choice_names_the_choices_without_echoing_the_value(policy_client):
    assert api_errors(policy_client, "references", kind="<script>" * 1000)[1]["errors"] == {
        "kind": [
            "Onbekende waarde; kies uit kamerstuk, handelingen, aanhangsel, staatscourant, staatsblad, "
            "wetsartikel, regelgeving, bwb, url, dossier."
        ]
    }


def test_a_yes_no_filter_refuses_what_is_neither(policy_client):
    assert api_errors(policy_client, "motions", awaiting="misschien") == (
        400,
        {"detail": "Ongeldig filter.", "errors": {"awaiting": ["Kies ja of nee (true of false)."]}},
    )


def test_a_yes_no_filter_reads_yes_and_no_in_english_dutch_and_digits():
    values = ["true", "1", "ja", "false", "0", "Nee", "", "unknown"]

    assert [YesNoField().clean(value) for value in values] == [True, True, True, False, False, False, None, None]


def test_failed_imports_show_a_filter_error_beside_the_field(clerk_client):
    response = clerk_client.get(reverse("failed_imports"), {"source": "ftp"})

    error = '<span class="error" role="alert">Onbekende waarde; kies uit upload, command, sync.</span>'
    assert error in response.content.decode()
