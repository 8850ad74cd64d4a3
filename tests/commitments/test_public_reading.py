"""With TKD_PUBLIC_READ on, a reader without the audit trail's permission sees a motion's
decisions, not which clerk made them nor the clerk's note (issue 17, item 8)."""

import datetime
import re
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse

from commitments.models import Motion, StatusChange
from commitments.services import motion_confirm_done
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED, make_user

pytestmark = pytest.mark.django_db

NOTE = "interne notitie: gebeld met het ministerie"
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DECIDED_AT = datetime.datetime(2025, 10, 3, 14, 5, tzinfo=AMSTERDAM)


@pytest.fixture
def confirmed(settings, clerk):
    """Wijen-Nass's motion, confirmed done by the clerk "griffie" with an internal note on 3 October 2025."""
    settings.TKD_PUBLIC_READ = True
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    motion = Motion.objects.get(members_key="wijen-nass", kamerstuk__number="1272")
    motion_confirm_done(motion=motion, user=clerk, note=NOTE)
    StatusChange.objects.filter(motion=motion).update(at=DECIDED_AT)
    return motion


def history_text(response) -> str:
    """The history table of a motion page as the reader sees it: tags dropped, spaces collapsed."""
    table = re.search(r'<table class="data history">.*?</table>', response.content.decode(), re.S).group()
    return " ".join(re.sub(r"<[^>]+>", " ", table).split())


def test_motion_page_shows_an_anonymous_reader_the_decision_not_who_or_why(confirmed):
    response = Client().get(confirmed.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert history_text(response) == (
        "Wanneer Handeling Van → naar Passage 3 okt. 2025 14:05 afgedaan open → afgedaan Videobellen met de meldkamer"
    )
    assert "griffie" not in page
    assert NOTE not in page


def test_motion_page_shows_a_reader_without_a_role_the_decision_not_who_or_why(confirmed):
    reader = Client()
    reader.force_login(make_user("lezer", None))

    response = reader.get(confirmed.get_absolute_url())

    page = response.content.decode()
    assert history_text(response) == (
        "Wanneer Handeling Van → naar Passage 3 okt. 2025 14:05 afgedaan open → afgedaan Videobellen met de meldkamer"
    )
    assert ("griffie" in page, NOTE in page) == (False, False)


@pytest.mark.parametrize("colleague", ["clerk_client", "policy_client"])
def test_motion_page_shows_colleagues_who_decided_and_why(confirmed, colleague, request):
    """The counterpart of the tests above: clerks and policy staff keep the whole audit trail."""
    response = request.getfixturevalue(colleague).get(confirmed.get_absolute_url())

    assert history_text(response) == (
        "Wanneer Wie Handeling Van → naar Toelichting Passage "
        f"3 okt. 2025 14:05 griffie afgedaan open → afgedaan {NOTE} Videobellen met de meldkamer"
    )


def test_motion_page_tells_an_anonymous_reader_when_nothing_was_decided(settings):
    settings.TKD_PUBLIC_READ = True
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    motion = Motion.objects.get(members_key="wijen-nass", kamerstuk__number="1272")

    response = Client().get(reverse("motion_detail", args=[motion.pk]))

    assert history_text(response) == "Wanneer Handeling Van → naar Passage Nog geen besluiten."
