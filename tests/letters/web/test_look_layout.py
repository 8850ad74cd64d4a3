"""Issue 15, item 17, as the server sends it: what folds on a phone (the menu, the filters, the side of a
letter) and what the folded filters say. tests/e2e/test_layout.py looks at the same pages in a browser."""

import re

import pytest
from django.urls import reverse

from tests.letters.web.test_views import text_of

pytestmark = pytest.mark.django_db


def summary_of(html: str, details_class: str) -> str:
    match = re.search(rf'<details class="{details_class}"[^>]*>\s*<summary>(.*?)</summary>', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1))


def test_folded_filters_name_the_filters_in_use(policy_client, seed_letter):
    html = policy_client.get(reverse("letter_list"), {"dossier": "29517", "year": "2025"}).content.decode()

    assert summary_of(html, "filter-panel open-wide") == "Filters: Dossier: 29517 · Jaar: 2025"
    assert '<details class="filter-panel open-wide">' in html  # folded on a phone


def test_folded_filters_name_a_choice_by_its_label(policy_client):
    html = policy_client.get(reverse("motion_list"), {"status": "done"}).content.decode()

    assert summary_of(html, "filter-panel open-wide") == "Filters: Status: afgedaan"


def test_filters_without_a_value_say_only_filters(policy_client):
    html = policy_client.get(reverse("motion_list")).content.decode()

    assert summary_of(html, "filter-panel open-wide") == "Filters"


def test_filters_with_an_error_stay_open(policy_client):
    response = policy_client.get(reverse("letter_list"), {"year": "twintig"})

    html = response.content.decode()
    assert '<details class="filter-panel open-wide" open>' in html
    assert "Schrijf het jaar in cijfers." in text_of(response)


def test_menu_folds_and_groups_the_clerks_pages_under_meer(clerk_client):
    html = clerk_client.get(reverse("home")).content.decode()

    menu = html[html.index('<details class="menu">') : html.index('<div class="account">')]
    more = menu[menu.index('<li class="more">') :]
    assert re.findall(r">([^<>]+)</a>", menu[: menu.index('<li class="more">')]) == [
        "Onderwerpen",
        "Brieven",
        "Passages",
        "Moties",
        "Toezeggingen",
        "Register",
        "Zoeken",
        "Uploaden",
    ]
    assert re.findall(r"<summary>([^<]+)</summary>|>([^<>]+)</a>", more) == [
        ("Meer", ""),
        ("", "Verwijzingen"),
        ("", "Importfouten"),
        ("", "Synchronisatie"),
    ]


def test_policy_staff_find_only_the_references_under_meer(policy_client):
    html = policy_client.get(reverse("home")).content.decode()

    menu = html[html.index('<details class="menu">') : html.index('<div class="account">')]
    more = menu[menu.index('<li class="more">') :]
    assert re.findall(r">([^<>]+)</a>", more) == ["Verwijzingen"]


def test_letter_side_folds_its_contents_and_versions(policy_client, seed_letter):
    html = policy_client.get(seed_letter.get_absolute_url()).content.decode()

    assert re.findall(r'<details class="fold open-wide">\s*<summary>([^<]+)</summary>', html) == [
        "Inhoud van de brief",
        "Versies (1)",
    ]
