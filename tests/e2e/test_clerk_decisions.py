"""The clerks' decisions in a real browser: an expired session keeps what was typed and says so,
a decision says what happened and updates the queue, commitments keep their history (issue 15,
items 1, 2 and 3)."""

import re

import pytest
from django.utils import timezone

from commitments.models import Commitment, Motion, StatusChange
from tests.e2e.conftest import PASSWORD, log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)

MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
MONTH_NAMES = "januari februari maart april mei juni juli augustus september oktober november december".split()
NOTE = "Videobellen kan nu bij alle meldkamers."
LOGGED_OUT = (
    "U bent niet meer ingelogd, daarom is dit niet opgeslagen. Uw toelichting blijft staan: "
    "log opnieuw in en probeer het nog eens. Opnieuw inloggen"
)


def today() -> str:
    day = timezone.localdate()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def card(page, text):
    return page.locator(".card", has_text=text)


def log_in_again(page):
    page.get_by_label("Gebruikersnaam").fill("griffie")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


@pytest.mark.parametrize("cleared", ["all cookies", "session cookie"])
def test_expired_session_keeps_the_typed_note_and_says_so(page, letters, clerk, cleared):
    log_in(page, "griffie")
    page.goto("/moties/wachtrij/")
    page.evaluate("window.noReload = true")
    card(page, "Wijen-Nass").get_by_label("Toelichting (optioneel)").fill(NOTE)
    if cleared == "all cookies":
        page.context.clear_cookies()  # CSRF cookie gone too: the CSRF check refuses first
    else:
        page.context.clear_cookies(name="sessionid")

    card(page, "Wijen-Nass").get_by_role("button", name="Afgedaan bevestigen").click()

    message = card(page, "Wijen-Nass").locator(".decision-message [data-decision-message]")
    message.wait_for()
    if cleared == "all cookies":
        shoot(page, "12-griffie-sessie-verlopen")
        page.set_viewport_size({"width": 390, "height": 844})
        message.scroll_into_view_if_needed()
        shoot(page, "12-telefoon-sessie-verlopen")
        page.set_viewport_size({"width": 1366, "height": 900})
    assert message.inner_text() == LOGGED_OUT
    assert card(page, "Wijen-Nass").get_by_label("Toelichting (optioneel)").input_value() == NOTE
    assert (page.locator("main .site-header").count(), page.evaluate("window.noReload")) == (0, True)
    wijen = Motion.objects.get(members_key="wijen-nass", declared_in__isnull=False)
    assert (wijen.status, StatusChange.objects.count()) == ("open", 0)

    message.get_by_role("link", name="Opnieuw inloggen").click()
    log_in_again(page)
    page.wait_for_url("**/moties/wachtrij/")
    assert card(page, "Wijen-Nass").get_by_label("Toelichting (optioneel)").input_value() == NOTE  # kept for the tab
    card(page, "Wijen-Nass").get_by_role("button", name="Afgedaan bevestigen").click()
    card(page, "Wijen-Nass").locator(".status-done").wait_for()
    assert StatusChange.objects.get().note == NOTE


def test_decisions_say_what_happened_and_update_the_queue(page, letters, clerk):
    log_in(page, "griffie")
    page.goto("/moties/wachtrij/")
    page.evaluate("window.noReload = true")
    count = page.locator("#wachtrij-aantal")
    assert count.inner_text() == "3 wachtend"

    card(page, "Van Dijk").get_by_label("Reden van afwijzing").fill("De voorstellen voor borging ontbreken nog.")
    card(page, "Van Dijk").get_by_role("button", name="Verklaring afwijzen").click()
    outcome = card(page, "Van Dijk").locator(".outcome")
    outcome.wait_for()
    assert outcome.inner_text() == (
        f"Verklaring afgewezen door griffie op {today()}: De voorstellen voor borging ontbreken nog."
    )
    assert count.inner_text() == "2 wachtend"
    card(page, "Wijen-Nass").get_by_role("button", name="Afgedaan bevestigen").click()
    card(page, "Wijen-Nass").locator(".status-done").wait_for()
    assert (count.inner_text(), page.evaluate("window.noReload")) == ("1 wachtend", True)
    shoot(page, "13-griffie-besluiten")

    card(page, "Wijen-Nass").get_by_role("link", name=re.compile("Wijen-Nass")).click()
    card(page, "Wijen-Nass").get_by_role("button", name="Heropenen").click()  # no reason: the browser refuses
    assert card(page, "Wijen-Nass").get_by_label("Reden om te heropenen").evaluate("el => el.validity.valueMissing")
    assert StatusChange.objects.count() == 2
    card(page, "Wijen-Nass").get_by_label("Reden om te heropenen").fill("Nog niet bij alle meldkamers.")
    card(page, "Wijen-Nass").get_by_role("button", name="Heropenen").click()
    card(page, "Wijen-Nass").get_by_text("wacht op griffie").wait_for()
    assert card(page, "Wijen-Nass").locator(".outcome").inner_text() == (
        f"Heropend door griffie op {today()}: Nog niet bij alle meldkamers."
    )

    page.reload()
    history = [" ".join(row.split()) for row in page.locator("table.history tbody tr").all_inner_texts()]
    assert [row.split(" griffie ")[1] for row in history] == [
        "heropend afgedaan → open Nog niet bij alle meldkamers. —",
        "afgedaan open → afgedaan — Videobellen met de meldkamer",
    ]
    page.goto("/moties/wachtrij/")
    assert (count.inner_text(), card(page, "Wijen-Nass").count()) == ("2 wachtend", 1)


def test_commitment_status_change_is_kept_with_its_note(page, letters, clerk):
    log_in(page, "griffie")
    page.goto("/toezeggingen/?q=In+plaats+van+de+door+de+toelichting")
    ptss = card(page, "In plaats van de door de toelichting")
    ptss.get_by_label("Status").select_option(label="nagekomen")
    ptss.get_by_label("Toelichting").fill("Dekking staat in de Voorjaarsnota.")

    ptss.get_by_role("button", name="Opslaan").click()

    outcome = card(page, "In plaats van de door de toelichting").locator(".outcome")
    outcome.wait_for()
    assert outcome.inner_text() == f"Op ‘nagekomen’ gezet door griffie op {today()}: Dekking staat in de Voorjaarsnota."
    card(page, "In plaats van de door de toelichting").get_by_role("link", name="Toezegging en geschiedenis").click()
    page.wait_for_url(re.compile(r"/toezeggingen/\d+/$"))
    row = " ".join(page.locator("table.history tbody tr").first.inner_text().split())
    assert row.endswith(
        "griffie status gewijzigd open → nagekomen Dekking staat in de Voorjaarsnota. "
        "Dekking amendement 36725-VI, nr. 16 inzake uitvoering regeling PTSS brandweerlieden"
    )
    assert Commitment.objects.get(text__startswith="In plaats van de door de toelichting").status == "fulfilled"
    shoot(page, "14-toezegging-geschiedenis")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "15-telefoon-toezegging", full_page=True)


def test_commitment_list_sorts_by_due_date(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/toezeggingen/")

    page.get_by_label("Sorteren op").select_option(label="uiterlijke datum, laatste eerst")
    page.get_by_role("button", name="Filteren").click()

    page.wait_for_url(re.compile(r"sort=-due"))
    dues = list(Commitment.objects.exclude(due=None).order_by("-due").values_list("due", flat=True)[:1])
    first = page.locator(".commitment-card").first.locator(".card-head .meta").inner_text()
    assert first.endswith(f"uiterlijk {dues[0].day} {MONTH_NAMES[dues[0].month - 1]} {dues[0].year}")
    shoot(page, "16-toezeggingen-gesorteerd")
