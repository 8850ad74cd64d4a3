"""Issue 15, items 9 and 13 in a real browser: searching as people type (a slash, a phrase, a
dossier number) and exporting a filtered list for Dutch Excel."""

import csv
import io
import re

import openpyxl
import pytest

from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)


def search_for(page, terms):
    box = page.get_by_role("searchbox", name="Zoekterm")
    box.fill(terms)
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/zoeken/\?q="))


def test_policy_staff_search_with_a_slash_a_phrase_and_a_dossier_number(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/zoeken/")

    search_for(page, "C2000/VMX")
    headings = page.locator(".passage-heading").all_inner_texts()
    marked = page.locator(".passage .snippet mark").all_inner_texts()
    shoot(page, "zoeken-schuine-streep")

    search_for(page, '"robuuste motorblok"')
    phrase_snippet = page.locator(".passage .snippet").first.inner_text()
    phrase_marks = page.locator(".passage .snippet").first.locator("mark").all_inner_texts()
    shoot(page, "zoeken-zinsdeel")

    search_for(page, "29517")
    offer = page.locator(".dossier-offer a")
    offer_text = offer.inner_text()
    shoot(page, "zoeken-dossiernummer")
    offer.click()
    page.wait_for_url("**/dossiers/29517/")

    assert [h.split("›")[-1].strip() for h in headings] == ["C2000", "Beleidsreactie WODC evaluatie naar programma IVC"]
    assert {"C2000"} <= set(marked)
    assert "het ‘robuuste motorblok’" in phrase_snippet and phrase_marks == ["robuuste", "motorblok"]
    assert offer_text.startswith("Dossier 29517") and offer_text.endswith("→")


def test_search_on_a_phone_shows_the_hit_without_sideways_scrolling(browser, live_server, letters, policy_user):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, is_mobile=True, locale="nl-NL"
    )
    page = context.new_page()
    log_in(page, "beleid")

    page.goto("/zoeken/?q=%22robuuste+motorblok%22")
    marks = page.locator(".passage .snippet mark").all_inner_texts()
    width = page.evaluate("document.documentElement.scrollWidth")
    shoot(page, "zoeken-telefoon")
    page.goto("/zoeken/?q=29+517")
    offer = page.locator(".dossier-offer a").inner_text()
    shoot(page, "zoeken-telefoon-dossier")
    context.close()

    assert marks == ["robuuste", "motorblok"]
    assert offer.startswith("Dossier 29517")
    assert width <= 390


def test_analyst_exports_a_filtered_list_for_dutch_excel(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/brieven/?dossier=29+517&year=2025")
    shoot(page, "export-brieven-gefilterd")

    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Excel").click()
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV").click()
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes())).active
    header, *rows = sheet.iter_rows(values_only=True)
    csv_rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8-sig"))))

    assert xlsx_download.value.suggested_filename == "brieven-dossier-29517-2025.xlsx"
    assert csv_download.value.suggested_filename == "brieven-dossier-29517-2025.csv"
    assert header[:6] == ("id", "documentnummer", "kenmerk", "titel", "datum", "vergaderjaar")
    assert [(row[1], row[4]) for row in rows] == [("2025D43420", "2025-10-03")]
    assert [(r["documentnummer"], r["datum"], r["vergaderjaar"]) for r in csv_rows] == [
        ("2025D43420", "2025-10-03", "2025/26")
    ]


def test_analyst_exports_motions_with_dutch_values(page, letters, policy_user):
    log_in(page, "beleid")
    page.goto("/moties/?dossier=29517")

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    header, *rows = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active.iter_rows(
        values_only=True
    )
    shoot(page, "export-moties")

    assert download.value.suggested_filename == "moties-dossier-29517.xlsx"
    assert header[1:5] == ("indieners", "kamerstuk", "status", "wacht op griffie")
    assert {row[3] for row in rows} <= {"open", "afgedaan"} and {row[4] for row in rows} <= {"ja", "nee"}
    assert len(rows) == 3
