"""The kamerstuk page (letters/web/dossier_views.py): its one vergaderjaar and the years its
citations give when they disagree; each citing passage once."""

import datetime
import re

import pytest
from django.urls import reverse

from kamer.models import Document
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The text of the page's main part."""
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def page(client, key):
    return text_of(client.get(reverse("kamerstuk_detail", args=[key])))


def test_kamerstuk_page_shows_the_most_cited_year_and_how_the_citations_differ(policy_client, seed_letter):
    disagreeing, agreeing = page(policy_client, "29517-264"), page(policy_client, "29517-252")

    assert "Vergaderjaar 2024/25 Geciteerd als 2023/24 (1×) en 2024/25 (3×) Officiële publicatie" in disagreeing
    assert "Vergaderjaar 2023/24 Officiële publicatie" in agreeing


def test_kamerstuk_page_takes_the_year_of_the_kamer_record(policy_client):
    dossier = Dossier.objects.create(number="29517", title="Stroomlijning meldkamers", tk_id="dossier-guid")
    Document.objects.create(
        guid="document-guid",
        soort="Brief regering",
        dossier=dossier,
        volgnummer=264,
        vergaderjaar="2024-2025",
        bijgewerkt=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    add(letter_citing("Meldkamers", "1 mei 2025", ["Kamerstukken II 2023/24, 29 517, nr. 264"]), "a.docx")

    text = page(policy_client, "29517-264")

    assert (
        "Dossier 29 517 — Stroomlijning meldkamers Vergaderjaar 2024/25 (volgens de Tweede Kamer) "
        "Geciteerd als 2023/24 (1×) Officiële publicatie"
    ) in text


def test_kamerstuk_page_lists_a_passage_citing_it_twice_once(policy_client):
    add(SEED.read_bytes(), SEED.name)

    text = page(policy_client, "29517-252")

    assert "Passages die dit kamerstuk citeren (1)" in text
    assert (
        "Waarschuwings- en Alarmeringssysteem Verzamelbrief brandweer, crisisbeheersing en meldkamers 3 oktober 2025 "
        "2 verwijzingen Voetnoot 33: Kamerstukken II, 2023/24, 29517, nr. 252 → 29 517, nr. 252 "
        "Voetnoot 35: Kamerstukken II, 2023/24, 29517, nr. 252 → 29 517, nr. 252"
    ) in text
