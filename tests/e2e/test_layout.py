"""Issue 15, item 17: the pages on a phone (390 px), a laptop (1366 px) and a wide screen (1600 px)."""

import re

import pytest

from letters.models import Letter
from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, is_mobile=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def wide(browser, live_server):
    context = browser.new_context(viewport={"width": 1600, "height": 900}, base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def box(locator) -> dict:
    return locator.bounding_box()


def test_phone_header_is_one_line_and_its_menu_unfolds(phone, letters, clerk):
    log_in(phone, "griffie")
    menu_link = phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Brieven", exact=True)

    assert box(phone.locator(".site-header"))["height"] <= 56
    assert not menu_link.is_visible()
    phone.get_by_text("Menu", exact=True).click()
    # eight pages, the three under "Meer" (open on a phone) and Meldingen beside the account
    assert [link.is_visible() for link in phone.locator(".menu-panel a").all()] == [True] * 12
    shoot(phone, "layout-telefoon-menu")
    menu_link.click()
    phone.get_by_role("heading", level=1, name="Brieven").wait_for()


def test_phone_letter_starts_on_the_first_screen_under_a_folded_contents(phone, letters, policy_user):
    log_in(phone, "beleid")
    letter = Letter.objects.get(document_number="2025D43420")
    phone.goto(letter.get_absolute_url())
    first_sentence = phone.locator(".letter-body .section p").first

    assert first_sentence.inner_text().startswith("Met deze brief informeer ik uw Kamer")
    assert box(first_sentence)["y"] < PHONE["height"]
    assert not phone.get_by_role("navigation", name="Inhoud van de brief").is_visible()
    shoot(phone, "layout-telefoon-brief")

    phone.get_by_text("Inhoud van de brief", exact=True).click()
    shoot(phone, "layout-telefoon-inhoud")
    phone.get_by_role("navigation", name="Inhoud van de brief").get_by_role("link", name="C2000", exact=True).click()
    phone.wait_for_url(re.compile(r"#sectie-9$"))
    assert box(phone.locator("#sectie-9-kop"))["y"] < PHONE["height"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_phone_filters_fold_and_say_which_are_in_use(phone, letters, clerk):
    log_in(phone, "griffie")
    phone.goto("/moties/?status=open")
    summary = phone.locator(".filter-panel > summary")

    assert summary.inner_text() == "Filters: Status: open"
    assert not phone.get_by_label("Indiener").is_visible()
    assert box(phone.locator(".motion-card").first)["y"] < PHONE["height"] / 2
    shoot(phone, "layout-telefoon-filters")

    summary.click()
    phone.get_by_label("Indiener").fill("Mutluer")
    phone.get_by_role("button", name="Filteren").click()
    phone.wait_for_url(re.compile(r"member=Mutluer"))
    assert phone.locator(".filter-panel > summary").inner_text() == "Filters: Status: open · Indiener: Mutluer"


def test_phone_dossier_table_shows_that_it_scrolls_sideways(phone, letters, policy_user):
    log_in(phone, "beleid")
    phone.goto("/dossiers/29517/")
    wrap = phone.locator(".table-wrap").first

    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")  # the table is wider than the phone
    style = wrap.evaluate("el => [getComputedStyle(el).backgroundAttachment, getComputedStyle(el).backgroundImage]")
    assert style[0] == "local, local, scroll, scroll"  # white covers that scroll away, shadows that stay
    assert style[1].count("radial-gradient") == 2
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(phone, "layout-telefoon-dossier")


def test_phone_error_page_is_dutch_with_the_menu(phone, letters, policy_user):
    log_in(phone, "beleid")
    response = phone.goto("/bestaat-niet/")

    assert response.status == 404
    assert phone.get_by_role("heading", level=1).inner_text() == "Deze pagina bestaat niet"
    assert phone.get_by_text("Menu", exact=True).is_visible()
    shoot(phone, "layout-telefoon-404")


def test_laptop_menu_fits_one_row_and_filters_and_contents_stand_open(page, letters, clerk):
    log_in(page, "griffie")
    header = page.locator(".site-header")
    tops = {round(box(item)["y"]) for item in page.locator(".menu-panel nav > ul > li, .account").all()}

    assert (box(header)["height"], len(tops)) == (48, 1)
    shoot(page, "layout-laptop-menu")
    page.get_by_text("Meer", exact=True).click()
    shoot(page, "layout-laptop-meer")
    page.get_by_role("link", name="Synchronisatie").click()
    page.get_by_role("heading", level=1, name="Synchronisatie met de Tweede Kamer").wait_for()

    page.goto("/brieven/")  # no fold at this width: the filters, the contents and the notes stand open
    assert page.get_by_label("Dossier").is_visible()
    assert not page.locator(".filter-panel > summary").is_visible()
    letter = Letter.objects.get(document_number="2025D43420")
    page.goto(f"{letter.get_absolute_url()}?sectie=9#sectie-9")
    assert page.get_by_role("navigation", name="Inhoud van de brief").is_visible()
    passage = box(page.locator("#sectie-9 .section-body"))
    assert box(page.locator("#voetnoot-13"))["y"] >= passage["y"] + passage["height"]  # under it, not beside


def test_wide_screen_sets_footnotes_beside_their_passage(wide, letters, policy_user):
    log_in(wide, "beleid")
    letter = Letter.objects.get(document_number="2025D43420")
    wide.goto(f"{letter.get_absolute_url()}?sectie=9#sectie-9")
    passage = box(wide.locator("#sectie-9 .section-body"))
    note = box(wide.locator("#voetnoot-13"))

    assert note["x"] >= passage["x"] + passage["width"]
    assert passage["y"] <= note["y"] < passage["y"] + passage["height"]
    shoot(wide, "layout-breed-voetnoten")
