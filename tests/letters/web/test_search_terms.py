"""The search page on PostgreSQL (letters/web/search.py, views.search): terms as people type them
("C2000/VMX", a dossier number), snippets around the hit with the matched words marked."""

import re

import pytest
from django.urls import reverse

from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


def headings(response) -> list[str]:
    return re.findall(
        r'class="passage-heading" href="[^"]+">(?:<span class="path">[^<]*</span> )?([^<]*)</a>',
        response.content.decode(),
    )


def snippets(response) -> list[str]:
    return [
        re.sub(r"\s+", " ", s) for s in re.findall(r'<p class="snippet">(.*?)</p>', response.content.decode(), re.S)
    ]


def footnote_numbers(response) -> list[str]:
    return re.findall(r">Voetnoot (\d+)</a>", response.content.decode())


def test_search_for_words_joined_by_a_slash_finds_the_passages_with_both(policy_client, seed_letter):
    response = policy_client.get(reverse("search"), {"q": "C2000/VMX"})

    assert headings(response) == ["C2000", "Beleidsreactie WODC evaluatie naar programma IVC"]
    assert "<mark>C2000</mark>" in snippets(response)[0]


@pytest.mark.parametrize("terms", ["29517", "29 517"])
def test_search_for_a_dossier_number_offers_the_dossier_page_first(policy_client, seed_letter, terms):
    Dossier.objects.filter(number="29517", toevoeging="").update(title="Veiligheidsregio's")

    response = policy_client.get(reverse("search"), {"q": terms})

    offer = re.search(r'<p class="message dossier-offer"><a href="([^"]+)">([^<]+)</a></p>', response.content.decode())
    assert offer.groups() == ("/dossiers/29517/", "Dossier 29517 · Veiligheidsregio&#x27;s →")
    assert response.content.decode().index("dossier-offer") < response.content.decode().index("<h2>Passages")


def test_search_for_a_dossier_with_toevoeging_offers_that_dossier(policy_client, seed_letter):
    response = policy_client.get(reverse("search"), {"q": "36600-VI"})
    words = policy_client.get(reverse("search"), {"q": "meldkamers"})

    assert re.findall(r'dossier-offer"><a href="([^"]+)">([^<]+)</a>', response.content.decode()) == [
        ("/dossiers/36600-VI/", "Dossier 36600-VI →")
    ]
    assert "dossier-offer" not in words.content.decode()


def test_search_for_a_dossier_number_finds_the_footnotes_that_write_it_with_a_space(policy_client, seed_letter):
    response = policy_client.get(reverse("search"), {"q": "29517"})

    # "29 517" (1, 2, 5, 6, 7, 11) as well as "29517" (23, 26, 31, 33, 34, 35)
    assert sorted(footnote_numbers(response), key=int) == [
        "1",
        "2",
        "5",
        "6",
        "7",
        "11",
        "23",
        "26",
        "31",
        "33",
        "34",
        "35",
    ]


def test_search_marks_the_matched_words_in_footnotes(policy_client, seed_letter):
    response = policy_client.get(reverse("search"), {"q": "Staatscourant"})

    footnotes = re.findall(r">Voetnoot \d+</a>.*?<p class=\"snippet\">(.*?)</p>", response.content.decode(), re.S)
    assert footnotes and all("<mark>Staatscourant</mark>" in footnote for footnote in footnotes)
