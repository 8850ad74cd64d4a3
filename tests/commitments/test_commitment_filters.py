"""The motion and commitment filters: sorting by due date or letter date, "Uiterlijk vóór" as a
date picker that also takes "1 januari 2025", the Dutch status labels the pages show (issue 15,
items 4, 14 and 16)."""

import datetime
import re

import pytest
from django.urls import reverse

from commitments.models import Commitment, Motion
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.docx_builder import build_docx, head_table, text_para

pytestmark = pytest.mark.django_db

PTSS = "In plaats van de door de toelichting"
BOSWIJK = "Zoals toegezegd aan uw Kamer"
JAARLIJKS = "Via de jaarlijkse voortgangsbrief"


@pytest.fixture
def seed():
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)


def due(prefix, date):
    Commitment.objects.filter(text__startswith=prefix).update(due=date)


def card_texts(client, **query) -> list[str]:
    page = client.get(reverse("commitment_list"), query).content.decode()
    return [text[:20] for text in re.findall(r'<p class="commitment-text">([^<]+)</p>', page)]


def api_count(client, name, **query):
    return client.get(reverse(name), query).json()["count"]


@pytest.fixture
def three_due_dates(seed):
    due(PTSS, datetime.date(2026, 6, 1))
    due(BOSWIJK, datetime.date(2025, 1, 1))
    due(JAARLIJKS, datetime.date(2027, 3, 1))


def test_commitments_sort_by_due_date_either_way_undated_last(policy_client, three_due_dates):
    soonest = card_texts(policy_client, sort="due")
    latest = card_texts(policy_client, sort="-due")

    assert soonest[:3] == ["Zoals toegezegd aan ", "In plaats van de doo", "Via de jaarlijkse vo"]
    assert latest[:3] == ["Via de jaarlijkse vo", "In plaats van de doo", "Zoals toegezegd aan "]
    assert len(soonest) == len(latest) == 5  # the two without a due date follow


def test_commitments_sort_by_letter_date(policy_client, seed):
    later = build_docx(
        head_table("1 december 2025", "Voortgang meldkamers"),
        text_para("Ik zal uw Kamer voor de zomer van 2026 informeren over de meldkamers."),
    )
    import_letter(content=later, filename="meldkamers.docx", source=Source.COMMAND)

    newest = card_texts(policy_client, sort="-letter_date")
    oldest = card_texts(policy_client, sort="letter_date")

    assert (newest[0], oldest[-1], len(newest)) == ("Ik zal uw Kamer voor", "Ik zal uw Kamer voor", 6)


def test_commitment_sort_is_a_dutch_select(policy_client, seed):
    page = policy_client.get(reverse("commitment_list")).content.decode()

    select = re.search(r'<select name="sort" id="id_sort">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"[^>]*>([^<]+)</option>', select) == [
        ("due", "uiterlijke datum, vroegste eerst"),
        ("-due", "uiterlijke datum, laatste eerst"),
        ("letter_date", "datum van de brief, oudste eerst"),
        ("-letter_date", "datum van de brief, nieuwste eerst"),
    ]


def test_unknown_sort_is_a_dutch_form_error(policy_client, seed):
    response = policy_client.get(reverse("api_commitments"), {"sort": "tekst"})

    assert (response.status_code, response.json()["errors"]["sort"]) == (
        400,
        ["Onbekende waarde; kies uit due, -due, letter_date, -letter_date."],
    )


@pytest.mark.parametrize("typed", ["1 januari 2025", "1 Januari 2025", "1 jan. 2025", "2025-01-01", "01-01-2025"])
def test_due_before_takes_a_date_written_in_dutch(policy_client, three_due_dates, typed):
    assert card_texts(policy_client, due_before=typed) == ["Zoals toegezegd aan "]


def test_due_before_refuses_a_date_that_does_not_exist(policy_client, seed):
    response = policy_client.get(reverse("api_commitments"), {"due_before": "31 februari 2025"})

    assert (response.status_code, response.json()["errors"]["due_before"]) == (
        400,
        ["Geen datum; kies er een of schrijf bijvoorbeeld 1 januari 2025."],
    )


@pytest.mark.parametrize(
    ("name", "status", "count"),
    [
        ("api_motions", "afgedaan", 1),
        ("api_motions", "done", 1),
        ("api_motions", "Open", 5),
        ("api_commitments", "nagekomen", 1),
        ("api_commitments", "vervallen", 0),
        ("api_commitments", "fulfilled", 1),
    ],
)
def test_status_filter_takes_the_dutch_label(clerk_client, seed, name, status, count):
    clerk_client.post(reverse("motion_action", args=[_wijen_pk(), "afdoen"]))
    Commitment.objects.filter(text__startswith=PTSS).update(status="fulfilled")

    assert api_count(clerk_client, name, status=status) == count


def _wijen_pk():
    return Motion.objects.get(members_key="wijen-nass", declared_in__isnull=False).pk


def test_status_filter_names_the_dutch_labels_when_refused(policy_client, seed):
    response = policy_client.get(reverse("api_motions"), {"status": "klaar"})

    assert response.json()["errors"]["status"] == ["Onbekende waarde; kies uit open, afgedaan."]


def test_motion_list_filters_on_afgedaan(clerk_client, seed):
    clerk_client.post(reverse("motion_action", args=[_wijen_pk(), "afdoen"]))

    page = clerk_client.get(reverse("motion_list"), {"status": "afgedaan"}).content.decode()

    assert re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', page) == [
        "Motie Wijen-Nass (29 628, nr. 1272)"
    ]


@pytest.mark.parametrize(("name", "selects"), [("commitment_list", 3), ("motion_list", 3)])
def test_filter_selects_offer_alle_not_onbekend(policy_client, seed, name, selects):
    page = policy_client.get(reverse(name)).content.decode()

    empty_options = re.findall(r'<option value="" selected>([^<]*)</option>', page)
    assert (empty_options, "Onbekend" in page, "---------" in page) == (["Alle"] * selects, False, False)
