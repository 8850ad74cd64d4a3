"""A real browser (Debian's chromium, driven by Playwright) against the live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import REAL_LETTERS, SAMPLES
from tkdossiers.roles import CLERKS, POLICY_STAFF

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are
# still plain synchronous code, so Django's async guard would be a false alarm here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("TKD_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("TKD_SCREENSHOT_DIR", "/tmp/tkd-screenshots"))
PASSWORD = "een-lang-testwachtwoord"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), f"{CHROMIUM} ontbreekt: make test installeert chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, base_url=live_server.url, accept_downloads=True, locale="nl-NL"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def letters(reference_data):
    for path in [SAMPLES / "seed" / "verzamelbrief-2025D43420-styles.docx", *REAL_LETTERS]:
        import_letter(content=path.read_bytes(), filename=path.name, source=Source.COMMAND)


def user_in(username, group):
    user = User.objects.create_user(username=username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def policy_user(reference_data):
    return user_in("beleid", POLICY_STAFF)


@pytest.fixture
def clerk(reference_data):
    return user_in("griffie", CLERKS)


def log_in(page, username):
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def shoot(page, name, *, full_page=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


@pytest.fixture(autouse=True)
def plain_static_names(settings):
    """The live test server serves static files from the source folders, by their plain names;
    the hashed names of the production storage exist only after collectstatic."""
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
