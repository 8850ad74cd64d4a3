"""tkdossiers.csrf: the page a refused form goes back to is on this site. A URL on our own host
whose path starts with // or /\\ is such a URL, but its path alone, as a link, leaves the site."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from tkdossiers.csrf import page_of

OFF_SITE_PATHS = ["http://testserver//evil.example/phish", "http://testserver/\\evil.example/phish"]


@pytest.mark.parametrize("url", OFF_SITE_PATHS)
@pytest.mark.parametrize("sent_as", ["next", "HTTP_HX_CURRENT_URL", "HTTP_REFERER"])
def test_page_of_refuses_a_path_a_browser_reads_as_another_host(url, sent_as):
    data, headers = ({"next": url}, {}) if sent_as == "next" else ({}, {sent_as: url})

    assert page_of(RequestFactory().post("/uitloggen/", data, **headers)) is None


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("http://testserver/moties/wachtrij/", "/moties/wachtrij/"),
        ("/brieven/?q=meldkamer&page=2", "/brieven/?q=meldkamer&page=2"),
        ("http://evil.example/moties/", None),
        ("//evil.example/moties/", None),
        ("brieven/", None),
    ],
)
def test_page_of_keeps_a_path_on_this_site(url, page):
    assert page_of(RequestFactory().post("/uitloggen/", {"next": url})) == page


@pytest.mark.django_db
@pytest.mark.parametrize("url", OFF_SITE_PATHS)
def test_csrf_page_links_back_only_to_this_site(clerk, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    plain = client.post(reverse("logout"), {"next": url})
    htmx = client.post(reverse("logout"), {"next": url}, HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=url)

    assert plain.status_code == 403
    assert "<p>Ga terug, laad de pagina opnieuw en probeer het nog eens.</p>" in plain.content.decode()
    assert "evil.example" not in plain.content.decode()
    assert (htmx.status_code, htmx.content.decode()) == (
        403,
        '<p class="message error" role="alert" data-decision-message>Deze pagina is verlopen, daarom is dit niet '
        "opgeslagen. Uw toelichting blijft staan: laad de pagina opnieuw en probeer het nog eens. "
        '<a href="/">Pagina opnieuw laden</a></p>',
    )
