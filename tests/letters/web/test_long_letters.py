"""Long letters are shown in parts, so that one page stays small (issue 17, item 5)."""

import functools
import re

import pytest
from django.urls import reverse

from letters.importing.store import import_letter
from letters.models import Source
from letters.web.letter_views import part_numbers
from tests.docx_builder import build_docx, head_table, text_para

pytestmark = pytest.mark.django_db

CHAPTERS, TOPICS_PER_CHAPTER = 15, 99  # 1,500 sections: 8 parts of at most 200
PAGE_BOUND = 500_000  # bytes of HTML of one part, a clerk's (each section with its topic form) included


@functools.cache
def long_letter(wording="Tekst") -> bytes:
    body = [head_table("1 mei 2025", "Een heel lange brief")]
    for chapter in range(1, CHAPTERS + 1):
        body += [text_para(f"{chapter}. Hoofdstuk {chapter}", bold=True), text_para(f"Inleiding {chapter}.")]
        for topic in range(1, TOPICS_PER_CHAPTER + 1):
            body += [
                text_para(f"{chapter}.{topic} Onderwerp {chapter}.{topic}", bold=True),
                text_para(f"{wording} van onderwerp {chapter}.{topic}."),
            ]
    body += [text_para("De Minister van Justitie en Veiligheid,"), text_para("A.B. Minister")]
    return build_docx(*body)


def imported(wording="Tekst"):
    return import_letter(content=long_letter(wording), filename=f"{wording}.docx", source=Source.COMMAND)


def text_of(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def shown_sections(response) -> list[int]:
    return [int(p) for p in re.findall(r'<section class="section [^"]*" id="sectie-(\d+)"', response.content.decode())]


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ([10] * 5, [1, 1, 1, 1, 1]),
        ([10] * 450, [1] * 200 + [2] * 200 + [3] * 50),
        ([150_000, 40_000, 20_000, 5], [1, 1, 2, 2]),  # the third would pass 200,000 characters
        ([10, 500_000, 10], [1, 2, 3]),  # a section longer than a part has one of its own
        ([], []),
    ],
)
def test_part_numbers_end_a_part_at_200_items_or_200000_characters(sizes, expected):
    assert part_numbers(sizes) == expected


def test_long_letter_first_part_is_small_and_links_to_the_others(clerk_client):
    letter = imported().letter

    response = clerk_client.get(letter.get_absolute_url())
    html = response.content.decode()

    assert len(response.content) < PAGE_BOUND
    assert shown_sections(response) == list(range(200))
    assert "Deel 1 van 8 Volgende" in text_of(response)
    assert '<a href="?deel=2" rel="next">Volgende</a>' in html and 'rel="prev"' not in html
    # The table of contents: every heading of this part, the chapters of the others across parts.
    assert '<a href="#sectie-199">2.99 Onderwerp 2.99</a>' in html
    assert '<a href="?deel=8#sectie-1400">15 Hoofdstuk 15</a>' in html
    assert "Onderwerp 15.99" not in html
    assert 'class="signature"' not in html


def test_long_letter_last_part_shows_the_last_section_and_the_signature(policy_client):
    letter = imported().letter

    response = policy_client.get(letter.get_absolute_url(), {"deel": 8})
    html, text = response.content.decode(), text_of(response)

    assert shown_sections(response) == list(range(1400, 1500))
    assert "Deel 8 van 8" in text and "Vorige Deel 8 van 8" in text
    assert "15.99 Onderwerp 15.99 Tekst van onderwerp 15.99." in text
    assert '<p class="signature">Minister van Justitie en Veiligheid,<br>A.B. Minister</p>' in html
    assert '<a href="?deel=1#sectie-0">1 Hoofdstuk 1</a>' in html


@pytest.mark.parametrize(("asked", "shown"), [("99", 8), ("0", 1), ("twee", 1)])
def test_long_letter_part_out_of_range_shows_the_nearest(policy_client, asked, shown):
    letter = imported().letter

    response = policy_client.get(letter.get_absolute_url(), {"deel": asked})

    assert f"Deel {shown} van 8" in text_of(response)


@pytest.mark.parametrize(("position", "shown"), [(1499, 8), (199, 1), (200, 2), (5000, 1)])
def test_long_letter_link_to_a_section_opens_its_part(policy_client, position, shown):
    letter = imported().letter

    response = policy_client.get(letter.get_absolute_url(), {"sectie": position})

    assert f"Deel {shown} van 8" in text_of(response)
    assert (position in shown_sections(response)) == (position < 1500)


def test_long_comparison_shows_200_changed_sections_per_part(policy_client):
    letter = imported().letter
    imported("Herziene tekst")
    url = reverse("version_compare", args=[letter.pk, 1, 2])

    first = policy_client.get(url)
    last = policy_client.get(url, {"deel": 8})

    assert len(first.content) < PAGE_BOUND
    assert "15 passages ongewijzigd" in text_of(first)
    assert text_of(first).count("Gewijzigd: ") == 200 and "Deel 1 van 8" in text_of(first)
    assert "Verwijzingen, moties en toezeggingen" in text_of(first)
    assert text_of(last).count("Gewijzigd: ") == 1485 - 7 * 200
    assert "Gewijzigd: Onderwerp 15.99 Tekst Herziene tekst van onderwerp 15.99." in text_of(last)
    assert "Verwijzingen, moties en toezeggingen" not in text_of(last)


def test_a_passage_found_elsewhere_links_to_the_part_that_holds_it(policy_client):
    letter = imported().letter
    found = policy_client.get(reverse("section_list"), {"q": "Onderwerp 15.99"})
    link = re.search(r'class="passage-heading" href="([^"]+)"', found.content.decode()).group(1)

    response = policy_client.get(link.split("#")[0])  # the browser keeps the fragment to itself

    assert link == f"/brieven/{letter.pk}/?sectie=1499#sectie-1499"
    assert "Deel 8 van 8" in text_of(response) and 1499 in shown_sections(response)
