"""Issue 15, item 15: the error pages are Dutch and keep the site's menu; the demo shows them too."""

import re
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.letters.web.test_views import text_of

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def test_unknown_address_answers_a_dutch_404_with_the_menu(policy_client):
    response = policy_client.get("/bestaat-niet/")

    text = text_of(response)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet Het adres klopt niet, of wat hier stond is verplaatst of verwijderd." in text
    assert '<nav aria-label="Hoofdmenu">' in response.content.decode()
    assert "Onderwerpen Brieven Passages Moties Toezeggingen Register Zoeken Meer Verwijzingen" in text


def test_unknown_dossier_answers_the_same_404(policy_client):
    response = policy_client.get(reverse("dossier_detail", args=["99999"]))

    assert (response.status_code, "Deze pagina bestaat niet" in text_of(response)) == (404, True)


def test_page_without_permission_answers_a_dutch_403_naming_the_account(policy_client):
    response = policy_client.get(reverse("letter_upload"))

    text = text_of(response)
    assert response.status_code == 403
    assert "Geen toegang Met uw account (beleid) mag u deze pagina niet openen." in text
    assert "Vraag de beheerder van TK Dossiers om de juiste rol." in text
    assert '<nav aria-label="Hoofdmenu">' in response.content.decode()


def test_server_error_page_renders_without_a_request_context():
    # Django's handler500 renders 500.html with an empty context: no request, no user.
    response = server_error(RequestFactory().get("/brieven/"))

    text = text_of(response)
    assert response.status_code == 500
    assert "Er ging iets mis De site kon deze pagina niet maken." in text
    assert "Onderwerpen Brieven Passages Moties Toezeggingen Register Zoeken Meer Verwijzingen Inloggen" in text


def test_demo_server_runs_without_debug_so_it_shows_these_pages():
    commands = subprocess.run(
        ["make", "--dry-run", "--always-make", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout

    server = commands[commands.index("export DEBUG=0") :]
    assert re.findall(r"manage\.py (\w+)", server) == ["collectstatic", "runserver"]
    assert "SECURE_COOKIES=0" in server and "SECRET_KEY=$(" in server
