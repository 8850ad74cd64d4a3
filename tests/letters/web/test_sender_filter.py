"""The sender filter of the letters' lists (letters/web/filters.py) on the minister's name as
well as the ministry, whatever the diacritics; and the filters' empty choice, "Alle"."""

import re

import pytest
from django.urls import reverse

from letters.importing.store import import_letter
from letters.models import Section, Source
from tests.conftest import REAL_LETTERS, SEED

pytestmark = pytest.mark.django_db
YESILGOZ = ["2024-03-24", "2024-01-11", "2023-12-04", "2023-11-07"]  # the four signed D. Yeşilgöz-Zegerius


@pytest.fixture
def signed_letters():
    for path in [SEED, *REAL_LETTERS]:
        import_letter(content=path.read_bytes(), filename=path.name, source=Source.COMMAND)


def letter_dates(client, sender: str) -> list[str]:
    return [row["date"] for row in client.get(reverse("api_letters"), {"sender": sender}).json()["results"]]


@pytest.mark.parametrize(
    ("sender", "dates"),
    [
        ("Yeşilgöz", YESILGOZ),
        ("yesilgoz", YESILGOZ),
        ("Zegerius", YESILGOZ),
        ("Foort", ["2025-10-03"]),
        ("Weel", ["2024-07-25"]),
        ("van oosten", ["2025-10-03"]),
        ("Minister van Justitie", ["2025-10-03", "2024-07-25", *YESILGOZ]),  # the ministry, as before
    ],
)
def test_sender_filter_matches_the_signatory_and_the_ministry(policy_client, signed_letters, sender, dates):
    assert letter_dates(policy_client, sender) == dates


def test_letter_list_page_filtered_on_a_ministers_name_lists_their_letters(policy_client, signed_letters):
    html = policy_client.get(reverse("letter_list"), {"sender": "Weel"}).content.decode()

    assert re.findall(r'<a class="letter-title" href="[^"]+">([^<]+)</a>', html) == [
        "Beantwoording Kamervragen leden Mutluer, Lahlah (GroenLinks-PvdA), Boswijk (CDA) en Helder (BBB) "
        "over de voorgenomen sluiting van het politiebureau in Wolvega"
    ]


def test_passage_and_reference_lists_filter_on_the_ministers_name(policy_client, signed_letters):
    seed_sections = Section.objects.current().filter(version__filename=SEED.name).count()

    sections = policy_client.get(reverse("api_sections"), {"sender": "Foort"}).json()
    references = policy_client.get(reverse("api_references"), {"sender": "Foort"}).json()

    assert sections["count"] == seed_sections
    assert {row["letter_date"] for row in sections["results"] + references["results"]} == {"2025-10-03"}


def empty_choice(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value=""[^>]*>([^<]*)</option>', select).group(1)


def test_the_empty_choice_of_a_letters_filter_reads_alle(clerk_client):
    failed = clerk_client.get(reverse("failed_imports")).content.decode()
    references = clerk_client.get(reverse("reference_list")).content.decode()

    assert (empty_choice(failed, "source"), empty_choice(references, "kind")) == ("Alle", "Alle")
