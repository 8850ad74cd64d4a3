"""templates/400.html: a request Django refuses to read gets a Dutch page with the site's menu, not
Django's English "Bad Request (400)"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.models import Letter
from tests.docx_builder import simple_letter
from tests.letters.web.test_views import text_of

pytestmark = pytest.mark.django_db
DUTCH_400 = (
    "Dit verzoek kon de site niet lezen Wat uw browser stuurde is niet verwerkt: het bevatte meer "
    "bestanden of velden dan de site aanneemt, of het ging naar een adres dat deze site niet kent."
)


@pytest.fixture(autouse=True)
def without_debug(settings):
    settings.DEBUG = False  # with DEBUG on Django shows its technical page instead


def test_too_many_query_fields_get_the_dutch_400_page(policy_client):
    response = policy_client.get(reverse("letter_list") + "?" + "&".join(f"q{i}=x" for i in range(1001)))

    assert response.status_code == 400
    assert DUTCH_400 in text_of(response)
    assert '<nav aria-label="Hoofdmenu">' in response.content.decode()
    assert "Bad Request" not in response.content.decode()


def test_two_files_in_one_upload_get_the_dutch_400_page_and_nothing_is_imported(clerk_client):
    files = [SimpleUploadedFile(name, simple_letter()) for name in ("a.docx", "b.docx")]

    response = clerk_client.post(reverse("letter_upload"), {"file": files})

    assert (response.status_code, DUTCH_400 in text_of(response)) == (400, True)
    assert Letter.objects.count() == 0


def test_unknown_host_gets_the_dutch_400_page(client):
    response = client.get(reverse("letter_list"), HTTP_HOST="evil.example")

    assert (response.status_code, DUTCH_400 in text_of(response)) == (400, True)
