"""The clerks' inline decisions (htmx): a refused one says why in Dutch and leaves the card, a
made one says what was decided and updates the queue's count (issue 15, items 1 and 2)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commitments.models import Motion, StatusChange
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED

pytestmark = pytest.mark.django_db

QUEUE = "/moties/wachtrij/"
MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
LOGGED_OUT = (
    '<p class="message error" role="alert" data-decision-message>U bent niet meer ingelogd, daarom is dit niet '
    "opgeslagen. Uw toelichting blijft staan: log opnieuw in en probeer het nog eens. "
    '<a href="/inloggen/?next=%2Fmoties%2Fwachtrij%2F">Opnieuw inloggen</a></p>'
)


@pytest.fixture
def seed():
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)


def motion(members_key):
    return Motion.objects.get(members_key=members_key, declared_in__isnull=False)


def htmx(client, m, action, note="", page=QUEUE):
    return client.post(
        reverse("motion_action", args=[m.pk, action]),
        {"note": note, "next": page},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL=f"http://testserver{page}",
    )


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def today() -> str:
    day = timezone.localdate()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def test_htmx_decision_logged_out_gets_a_dutch_message_not_the_login_page(client, seed):
    wijen = motion("wijen-nass")

    response = htmx(client, wijen, "afdoen", "Videobellen kan nu overal.")

    assert (response.status_code, response.content.decode()) == (401, LOGGED_OUT)
    assert (Motion.objects.get(pk=wijen.pk).status, StatusChange.objects.count()) == ("open", 0)


def test_plain_decision_logged_out_goes_to_login_and_back_to_the_page(client, seed):
    response = client.post(reverse("motion_action", args=[motion("wijen-nass").pk, "afdoen"]), {"next": QUEUE})

    assert (response.status_code, response["Location"]) == (302, "/inloggen/?next=/moties/wachtrij/")


def test_htmx_decision_without_csrf_cookie_logged_out_says_so_in_dutch(seed):
    client = Client(enforce_csrf_checks=True)

    response = htmx(client, motion("wijen-nass"), "afdoen", "Videobellen kan nu overal.")

    assert (response.status_code, response.content.decode()) == (403, LOGGED_OUT)


def test_htmx_decision_without_csrf_cookie_logged_in_says_the_page_expired(clerk, seed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    response = htmx(client, motion("wijen-nass"), "afdoen", "Videobellen kan nu overal.")

    assert (response.status_code, response.content.decode()) == (
        403,
        '<p class="message error" role="alert" data-decision-message>Deze pagina is verlopen, daarom is dit niet '
        "opgeslagen. Uw toelichting blijft staan: laad de pagina opnieuw en probeer het nog eens. "
        '<a href="/moties/wachtrij/">Pagina opnieuw laden</a></p>',
    )
    assert StatusChange.objects.count() == 0


def test_plain_form_without_csrf_token_gets_a_dutch_page(clerk, seed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    response = client.post(reverse("motion_action", args=[motion("wijen-nass").pk, "afdoen"]), {"next": QUEUE})

    html = response.content.decode()
    assert response.status_code == 403
    assert "Dit formulier is verlopen Wat u verstuurde is niet opgeslagen: de pagina stond te lang open" in text_of(
        html
    )
    assert '<a href="/moties/wachtrij/">Ga terug naar de pagina</a>, laad die opnieuw' in html


def test_rejected_declaration_card_says_who_when_and_why(clerk_client, seed):
    van_dijk = motion("van dijk")

    response = htmx(clerk_client, van_dijk, "afwijzen", "De voorstellen voor borging ontbreken nog.")

    outcome = re.search(r'<p class="outcome" role="status">(.*?)</p>', response.content.decode()).group(1)
    assert outcome == f"Verklaring afgewezen door griffie op {today()}: De voorstellen voor borging ontbreken nog."


def test_decision_from_the_queue_updates_its_count_out_of_band(clerk_client, seed):
    van_dijk = motion("van dijk")

    from_queue = htmx(clerk_client, motion("wijen-nass"), "afdoen")
    from_motion_page = htmx(clerk_client, van_dijk, "afdoen", page=van_dijk.get_absolute_url())

    assert from_queue.content.decode().endswith(
        '<p class="count" id="wachtrij-aantal" hx-swap-oob="true">2 wachtend</p>\n'
    )
    assert ("wachtrij-aantal" in from_motion_page.content.decode(), from_motion_page.status_code) == (False, 200)


def test_reopen_without_a_reason_is_refused_in_dutch_and_changes_nothing(clerk_client, seed):
    wijen = motion("wijen-nass")
    htmx(clerk_client, wijen, "afdoen")

    response = htmx(clerk_client, wijen, "heropenen", "   ")

    assert (response.status_code, response.content.decode()) == (
        422,
        '<p class="message error" role="alert" data-decision-message>Geef een reden om de motie te heropenen.</p>',
    )
    assert Motion.objects.get(pk=wijen.pk).status == "done"
    assert list(StatusChange.objects.values_list("action", flat=True)) == ["afgedaan"]


def test_reopened_motion_the_government_still_declares_done_returns_to_the_queue(clerk_client, seed):
    wijen = motion("wijen-nass")
    htmx(clerk_client, wijen, "afdoen")

    htmx(clerk_client, wijen, "heropenen", "Toch niet landelijk uitgevoerd.", page=wijen.get_absolute_url())

    queue = clerk_client.get(reverse("motion_queue")).content.decode()
    assert (Motion.objects.get(pk=wijen.pk).awaiting_review, "Motie Wijen-Nass (29 628, nr. 1272)" in queue) == (
        True,
        True,
    )
    assert '<p class="count" id="wachtrij-aantal">3 wachtend</p>' in queue


def test_motion_history_shows_dutch_statuses(clerk_client, seed):
    wijen = motion("wijen-nass")
    htmx(clerk_client, wijen, "afdoen")
    htmx(clerk_client, wijen, "heropenen", "Toch niet landelijk uitgevoerd.")

    page = clerk_client.get(wijen.get_absolute_url()).content.decode()

    history = re.search(r'<table class="data history">.*?<tbody>.*?</tbody>', page, re.S).group()
    rows = re.findall(r"<tr><td>.*?</tr>", history, re.S)
    assert [text_of(row).split(" griffie ")[1] for row in rows] == [
        "heropend afgedaan → open Toch niet landelijk uitgevoerd. —",
        "afgedaan open → afgedaan — Videobellen met de meldkamer",
    ]
