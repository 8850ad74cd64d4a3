"""The three ways people use the site, in a real browser."""

import csv
import io
import re

import pytest

from commitments.models import Motion, StatusChange
from letters.models import Letter, TopicFollow
from tests.conftest import SEED
from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)


def test_policy_staff_follow_a_topic_to_a_kamerstuk(page, letters, policy_user):
    log_in(page, "beleid")
    shoot(page, "01-start")

    page.get_by_role("link", name="C2000 en VMX (missiekritische communicatie)").first.click()
    page.get_by_role("heading", level=1, name="C2000 en VMX (missiekritische communicatie)").wait_for()
    shoot(page, "02-onderwerp-c2000")
    page.get_by_role("button", name="Volgen", exact=True).click()
    page.get_by_text("U volgt nu “C2000 en VMX (missiekritische communicatie)”").wait_for()
    assert TopicFollow.objects.filter(user=policy_user, topic__slug="c2000-en-vmx").exists()

    page.locator(".timeline-item h2 a", has_text="C2000").last.click()  # the passage in its letter
    page.wait_for_url(re.compile(r"/brieven/\d+/\?sectie=9#sectie-9$"))
    assert page.locator("#sectie-9-kop").inner_text() == "C2000"
    page.locator("#sectie-9 .fn-ref a", has_text="13").click()  # the footnote it cites
    footnote = page.locator("#voetnoot-13")
    assert footnote.inner_text().startswith("13 Kamerstukken II, 2024/25, 28 684, nr. 759")
    shoot(page, "03-brief-voetnoot")
    footnote.get_by_role("link", name="28 684, nr. 759").click()
    page.get_by_role("heading", level=1, name="28 684, nr. 759").wait_for()
    assert "Passages die dit kamerstuk citeren (1)" in page.content()
    shoot(page, "04-kamerstuk")

    page.goto("/")
    page.get_by_role("searchbox", name="Zoeken in alle brieven").fill("meldkamers")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/zoeken/?q=meldkamers")
    headings = page.locator(".passage-heading").all_inner_texts()
    assert any("Videobellen met de meldkamer" in h for h in headings)  # stemming: meldkamers → meldkamer
    assert page.locator("mark").first.inner_text().lower().startswith("meldkamer")
    shoot(page, "05-zoeken")


def test_clerk_settles_motions_inline_and_uploads_a_letter(page, letters, clerk):
    log_in(page, "griffie")
    page.get_by_role("link", name="Moties").click()
    page.get_by_role("link", name="Wachtrij: afgedaan volgens de regering").click()
    cards = page.locator(".motion-card")
    assert cards.count() == 3
    shoot(page, "06-wachtrij")

    page.evaluate("window.noReload = true")
    wijen = page.locator(".motion-card", has_text="Wijen-Nass")
    wijen.get_by_label("Toelichting (optioneel)").fill("Videobellen kan nu bij alle meldkamers.")
    wijen.get_by_role("button", name="Afgedaan bevestigen").click()
    page.locator(".motion-card", has_text="Wijen-Nass").locator(".status-done").wait_for()
    assert page.evaluate("window.noReload") is True  # htmx swapped the card; the page stayed

    van_dijk = page.locator(".motion-card", has_text="Van Dijk")
    van_dijk.get_by_label("Reden van afwijzing").fill("De voorstellen voor borging ontbreken nog.")
    van_dijk.get_by_role("button", name="Verklaring afwijzen").click()
    page.locator(".motion-card", has_text="Van Dijk").get_by_text("wacht op griffie").wait_for(state="detached")
    assert page.evaluate("window.noReload") is True

    page.locator(".motion-card", has_text="Wijen-Nass").get_by_role("link", name=re.compile("Wijen-Nass")).click()
    history = page.locator("table.history tbody tr").first.inner_text()
    assert "griffie" in history and "afgedaan" in history and "Videobellen kan nu bij alle meldkamers." in history
    shoot(page, "07-motie")
    assert Motion.objects.get(members_key="wijen-nass").status == "done"
    assert list(StatusChange.objects.order_by("id").values_list("action", flat=True)) == [
        "afgedaan",
        "verklaring afgewezen",
    ]

    page.get_by_role("link", name="Uploaden").click()
    page.get_by_label("Word-bestand (.docx)").set_input_files(str(SEED))
    page.get_by_role("button", name="Importeren").click()
    page.get_by_text("Geïmporteerd als versie 2 van een bekende brief.").wait_for()
    assert page.locator("h1").inner_text() == "Verzamelbrief brandweer, crisisbeheersing en meldkamers"
    assert Letter.objects.get(document_number="2025D43420").versions.count() == 2
    shoot(page, "08-geupload")


def test_analyst_filters_by_dossier_and_year_and_exports(page, letters, policy_user):
    log_in(page, "beleid")
    page.get_by_role("link", name="Brieven", exact=True).click()
    page.get_by_label("Dossier").fill("29 517")
    page.get_by_label("Jaar", exact=True).fill("2025")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"dossier=29\+517"))
    assert page.locator(".letter-title").all_inner_texts() == [
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers"
    ]
    assert page.get_by_label("Dossier").input_value() == "29 517"
    shoot(page, "09-filter")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text(encoding="utf-8-sig"))))
    assert [(r["documentnummer"], r["datum"], r["vergaderjaar"]) for r in rows] == [
        ("2025D43420", "2025-10-03", "2025/26")
    ]


def test_pages_read_well_on_a_phone(browser, live_server, letters, policy_user):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True, locale="nl-NL"
    )
    page = context.new_page()
    log_in(page, "beleid")
    letter = Letter.objects.get(document_number="2025D43420")

    page.goto(letter.get_absolute_url())
    width = page.evaluate("document.documentElement.scrollWidth")
    shoot(page, "10-telefoon-brief")
    page.goto("/onderwerpen/c2000-en-vmx/")
    shoot(page, "11-telefoon-onderwerp")
    context.close()

    assert width <= 390  # nothing sticks out sideways


def test_keyboard_users_can_skip_to_the_content(page, letters, policy_user):
    log_in(page, "beleid")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")

    assert focused == "Naar de inhoud"
    assert page.evaluate("location.hash") == "#inhoud"
