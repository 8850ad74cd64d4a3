"""Commitments keep the same history as motions: who changed the status, when, from what to what,
why and on which passage, on the commitment's own page and in the exports (issue 15, item 3)."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment, StatusChange
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED

pytestmark = pytest.mark.django_db

NOTE = "Dekking staat in de Voorjaarsnota."
PASSAGE = "Dekking amendement 36725-VI, nr. 16 inzake uitvoering regeling PTSS brandweerlieden"
DECIDED_AT = datetime.datetime(2025, 10, 3, 14, 5, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


@pytest.fixture
def commitment():
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    return Commitment.objects.get(text__startswith="In plaats van de door de toelichting")


@pytest.fixture
def fulfilled(clerk_client, commitment):
    """The PTSS commitment, set to "nagekomen" by the clerk "griffie" with a note on 3 October 2025."""
    clerk_client.post(reverse("commitment_action", args=[commitment.pk]), {"status": "fulfilled", "note": NOTE})
    StatusChange.objects.filter(commitment=commitment).update(at=DECIDED_AT)
    return commitment


def history_text(response) -> str:
    table = re.search(r'<table class="data history">.*?</table>', response.content.decode(), re.S).group()
    return " ".join(re.sub(r"<[^>]+>", " ", table).split())


def exported(client) -> dict:
    response = client.get(reverse("commitment_export", args=["json"]), {"status": "fulfilled"})
    [row] = json.loads(b"".join(response.streaming_content))
    return {key: row[key] for key in ("status", "status_changed_at", "status_changed_by", "status_note")}


def test_commitment_page_shows_a_colleague_who_changed_what_when_and_why(fulfilled, clerk_client):
    response = clerk_client.get(reverse("commitment_detail", args=[fulfilled.pk]))

    assert history_text(response) == (
        "Wanneer Wie Handeling Van → naar Toelichting Passage "
        f"3 okt. 2025 14:05 griffie status gewijzigd open → nagekomen {NOTE} {PASSAGE}"
    )


def test_commitment_page_shows_an_anonymous_reader_the_decision_not_who_or_why(fulfilled, settings):
    settings.TKD_PUBLIC_READ = True

    response = Client().get(reverse("commitment_detail", args=[fulfilled.pk]))

    page = response.content.decode()
    assert history_text(response) == (
        f"Wanneer Handeling Van → naar Passage 3 okt. 2025 14:05 status gewijzigd open → nagekomen {PASSAGE}"
    )
    assert (NOTE in page, "griffie" in page) == (False, False)
    assert "Op ‘nagekomen’ gezet op 3 okt. 2025</p>" in page


def test_saving_a_commitment_status_shows_the_note_on_its_card(clerk_client, commitment):
    response = clerk_client.post(
        reverse("commitment_action", args=[commitment.pk]),
        {"status": "fulfilled", "note": NOTE},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/toezeggingen/",
    )

    day = timezone.localdate()
    outcome = re.search(r'<p class="outcome" role="status">(.*?)</p>', response.content.decode()).group(1)
    assert outcome == f"Op ‘nagekomen’ gezet door griffie op {day.day} {MONTHS[day.month - 1]} {day.year}: {NOTE}"
    assert '<input type="hidden" name="next" value="/toezeggingen/">' in response.content.decode()


def test_commitment_list_links_each_card_to_its_page(policy_client, commitment):
    page = policy_client.get(reverse("commitment_list")).content.decode()

    links = re.findall(r'<a href="(/toezeggingen/\d+/)">Toezegging en geschiedenis</a>', page)
    assert sorted(links) == sorted(f"/toezeggingen/{pk}/" for pk in Commitment.objects.values_list("pk", flat=True))


def test_commitment_export_carries_the_latest_change_for_a_colleague(fulfilled, policy_client):
    assert exported(policy_client) == {
        "status": "fulfilled",
        "status_changed_at": "2025-10-03T14:05:00+02:00",
        "status_changed_by": "griffie",
        "status_note": NOTE,
    }


def test_commitment_export_gives_an_anonymous_reader_when_not_who_or_why(fulfilled, settings):
    settings.TKD_PUBLIC_READ = True

    assert exported(Client()) == {
        "status": "fulfilled",
        "status_changed_at": "2025-10-03T14:05:00+02:00",
        "status_changed_by": None,
        "status_note": None,
    }
