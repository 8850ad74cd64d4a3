"""Issue 12, item 4 in a real browser: an analyst filters the Kamer's toezeggingenregister by
ministerie and status and sees exactly those toezeggingen; a clerk confirms a suggested match
on a commitment's page, inline."""

import datetime
import re

import pytest

from commitments.models import StatusChange, ToezeggingMatch
from commitments.register import services
from kamer.models import Toezegging
from tests.commitments.register.helpers import (
    VIDEOBELLEN,
    VIDEOBELLEN_REGISTERED,
    commitment,
    letter,
    register_synced,
    toezegging,
)
from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)

BZK = "Binnenlandse Zaken en Koninkrijksrelaties"
OPEN, DONE = Toezegging.Status.OPENSTAAND, Toezegging.Status.VOLDAAN


@pytest.fixture
def register():
    due = datetime.date(2027, 1, 1)
    for number, ministerie, status, text in [
        ("TZ202501-001", "Justitie en Veiligheid", OPEN, "Brief over de voortgang van de meldkamers."),
        ("TZ202501-002", "Justitie en Veiligheid", DONE, "Evaluatie van NL-Alert."),
        ("TZ202501-003", BZK, OPEN, "Reactie op het advies over de Wet open overheid."),
        ("TZ202501-004", "Justitie en Veiligheid", OPEN, "Rapportage over de aanbesteding van C2000."),
        ("TZ202501-005", "Defensie", OPEN, "Brief over de inzet van defensiehelikopters bij branden."),
    ]:
        toezegging(number, text, ministerie=ministerie, status=status, due=due)


def test_an_analyst_filters_the_register_by_ministerie_and_status(page, register, policy_user):
    log_in(page, "beleid")
    page.goto("/toezeggingen/")
    page.get_by_role("link", name="Toezeggingenregister").click()
    page.wait_for_url("**/toezeggingenregister/")
    everything = page.locator(".toezegging-card").count()

    page.get_by_label("Ministerie").select_option(label="Justitie en Veiligheid")
    page.get_by_label("Status").select_option(label="openstaand")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"ministerie=Justitie"))

    numbers = page.locator(".toezegging-card .card-head .meta a").all_inner_texts()
    texts = page.locator(".toezegging-card .commitment-text").all_inner_texts()
    count = page.locator(".list-header .count").inner_text()
    csv_link = page.get_by_role("link", name="CSV").get_attribute("href")
    shoot(page, "toezeggingenregister-gefilterd")
    page.get_by_role("link", name="TZ202501-004").click()
    page.wait_for_url("**/toezeggingenregister/TZ202501-004/")
    heading = page.get_by_role("heading", level=1).inner_text()
    ministerie = page.locator(".letter-meta div", has_text="Ministerie").locator("dd").inner_text()
    shoot(page, "toezegging-register-pagina")

    assert everything == 5
    assert numbers == ["TZ202501-001", "TZ202501-004"]
    assert texts == ["Brief over de voortgang van de meldkamers.", "Rapportage over de aanbesteding van C2000."]
    assert count == "2 toezeggingen"
    assert (heading, ministerie) == ("Toezegging TZ202501-004", "Justitie en Veiligheid")
    query = "q=&status=Openstaand&ministerie=Justitie+en+Veiligheid&overdue=&dossier="
    assert csv_link == f"/toezeggingenregister.csv?{query}"


def test_a_clerk_confirms_a_suggested_toezegging_inline(page, clerk):
    toezegging("TZ202503-041", VIDEOBELLEN_REGISTERED, due=datetime.date(2026, 7, 1))
    found = commitment(letter("Verzamelbrief meldkamers"), VIDEOBELLEN)
    services.after_sync(register_synced())
    log_in(page, "griffie")
    page.goto(found.get_absolute_url())

    card = page.locator(".match-card")
    head = " ".join(card.locator(".card-head").inner_text().split())
    card.get_by_label("Toelichting").fill("Dezelfde pilot.")
    card.get_by_role("button", name="Bevestigen").click()
    page.locator(".match-card .outcome[role=status]").wait_for()
    outcome = page.locator(".match-card .outcome").inner_text()
    shoot(page, "toezegging-register-bevestigd")

    assert head == "voorgesteld dezelfde toezegging · score 96"
    assert outcome.startswith("Bevestigd door griffie op ")
    assert page.url.endswith(found.get_absolute_url())  # inline: the page stayed
    assert ToezeggingMatch.objects.get().state == "accepted"
    assert StatusChange.objects.get().note == "Toezegging TZ202503-041 (dezelfde toezegging, score 96): Dezelfde pilot."
