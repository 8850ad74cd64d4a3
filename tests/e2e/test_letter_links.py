"""Issue 12 item 5 and issue 15 item 12, in a real browser: the letter page names its kamerstuk and
zaak as links, and a web address in a footnote is a link one can click.

No machine here reaches the Kamer or the inspectie: the browser's requests to them are answered
by the test (page.route), so following a link out is seen to arrive where it points."""

import re

import pytest

from kamer.models import Document, DocumentZaak, Zaak
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.e2e.conftest import log_in, shoot
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db(transaction=True)
INSPECTIE = "https://www.inspectie-jenv.nl/documenten/2025/08/07/brief-toezicht-preparatie-op-stroomuitval"
ZAAK_PAGE = "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z18704&did=2025D43420"


@pytest.fixture
def seed_with_record(reference_data):
    dossier, _ = Dossier.objects.get_or_create(number="29517")
    Document.objects.create(
        guid="doc-seed", document_number="2025D43420", soort="Brief regering", volgnummer=275, dossier=dossier
    )
    Zaak.objects.create(guid="zaak-seed", number="2025Z18704", soort="Brief regering", subject="Verzamelbrief")
    DocumentZaak.objects.create(document_id="doc-seed", zaak_id="zaak-seed")
    return import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).letter


def answer_outside(page, url_pattern, text):
    page.route(url_pattern, lambda route: route.fulfill(status=200, content_type="text/html", body=text))


def test_the_letter_page_links_its_kamerstuk_zaak_and_footnote_addresses(page, policy_user, seed_with_record):
    answer_outside(page, re.compile(r"^https://www\.(tweedekamer|inspectie-jenv)\.nl/"), "<h1>Buiten de site</h1>")
    log_in(page, "beleid")
    page.goto(seed_with_record.get_absolute_url())
    meta = page.locator(".letter-meta")

    kamerstuk = meta.get_by_role("link", name="29 517, nr. 275", exact=True)
    zaak = meta.get_by_role("link", name="2025Z18704", exact=True)
    assert (kamerstuk.get_attribute("href"), zaak.get_attribute("href")) == ("/kamerstukken/29517-275/", ZAAK_PAGE)
    assert zaak.get_attribute("rel") == "noopener noreferrer"
    assert meta.get_by_role("link", name="Zaak bij de Tweede Kamer (2025Z18704)").get_attribute("href") == ZAAK_PAGE
    shoot(page, "brief-kamerstuk-en-zaak")

    kamerstuk.click()
    page.get_by_role("heading", level=1, name="29 517, nr. 275").wait_for()
    page.go_back()

    footnote = page.locator(".footnotes li", has_text="inspectie-jenv.nl")
    footnote.get_by_role("link", name=INSPECTIE).click()
    page.wait_for_url(INSPECTIE)
    assert page.locator("h1").inner_text() == "Buiten de site"

    page.go_back()
    page.locator(".letter-meta").get_by_role("link", name="2025Z18704", exact=True).click()
    page.wait_for_url(ZAAK_PAGE)
    assert page.locator("h1").inner_text() == "Buiten de site"


def test_on_a_phone_the_letter_still_starts_on_the_first_screen_under_its_record(
    browser, live_server, policy_user, seed_with_record
):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True, locale="nl-NL"
    )
    phone = context.new_page()
    try:
        log_in(phone, "beleid")
        phone.goto(seed_with_record.get_absolute_url())
        first_sentence = phone.locator(".letter-body .section p").first

        assert phone.locator(".letter-meta").get_by_role("link", name="2025Z18704", exact=True).is_visible()
        assert first_sentence.inner_text().startswith("Met deze brief informeer ik uw Kamer")
        assert first_sentence.bounding_box()["y"] < 844
        shoot(phone, "brief-kamerstuk-en-zaak-telefoon", full_page=False)
    finally:
        context.close()
