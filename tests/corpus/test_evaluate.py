"""The matching rules of tests/corpus/SCHEMA.md, on one small letter's gold and analysis result."""

import re
from pathlib import Path

import pytest

from tests.corpus.evaluate import Count, below_floors, compare, held_out_ids, raised_floors

GOLD = {
    "id": "x",
    "document": {"date": "2021-11-12", "document_number": None, "kst": None},
    "headings": [{"text": "1. Inleiding", "level": 1}, {"text": "Vraag 1", "level": 2}, {"text": "Kop", "level": None}],
    "references": [
        {"dossier": "29628", "toevoeging": None, "number": "1135", "location": "footnote"},
        {"dossier": "34477", "toevoeging": None, "number": "57", "location": "body", "borderline": True},
    ],
    "dossiers": [
        {"dossier": "34919", "toevoeging": None, "location": "body"},
        {"dossier": "36600", "toevoeging": "VI", "location": "footnote"},
    ],
    "motions": [
        {"members": ["Van den Berg"], "kamerstuk": None, "declares_done": True},
        {"members": ["Kuik", "Palland"], "kamerstuk": "36600-VI-100", "declares_done": False},
        {"members": ["Van Campen"], "kamerstuk": None, "declares_done": None},
    ],
    "commitments": [
        {"text_contains": "zoals eerder toegezegd, uw Kamer eind februari", "kind": "prior", "due": "2024-02-29"},
        {"text_contains": "Ik verwacht u begin juni", "kind": "new", "due": "unclear"},
        {"text_contains": "Ik zal uw Kamer informeren", "kind": "new", "due": None},
    ],
    "notes": [],
}
RESULT = {
    "document": {"date": "2021-12-11"},
    "sections": [
        {"heading": "", "level": 1},
        {"heading": "Inleiding", "level": 1},
        {"heading": "Vraag 1", "level": 1},
        {"heading": "Kop", "level": 3},
        {"heading": "Antwoord op vraag 1", "level": 2},
    ],
    "references": [
        {"dossier": "29628", "toevoeging": None, "number": "1135", "location": "footnote 3"},
        {"dossier": "34477", "toevoeging": None, "number": "57", "location": "body"},
        {"dossier": "34919", "toevoeging": None, "number": "77", "location": "body"},
    ],
    "other_references": [
        {"text": "Kamerstuk 34 919", "kind": "dossier", "location": "body"},
        {"text": "Handelingen II 2019/20, nr. 3", "kind": "handelingen", "location": "body"},
        {"text": "kamerstukdossier 29 517", "kind": "dossier", "location": "footnote 2"},
    ],
    "motions": [
        {"members": ["van den Berg c.s."], "kamerstuk": None, "declares_done": False},
        {"members": ["Palland", "Kuik"], "kamerstuk": "36600-vi-100", "declares_done": True},
        {"members": ["Van Campen"], "kamerstuk": None, "declares_done": True},
    ],
    "commitments": [
        {
            "text": "Het is daarom niet mogelijk, zoals eerder toegezegd, uw Kamer eind februari te informeren.",
            "kind": "new",
            "due": "2025-02-28",
        },
        {
            "text": "Ik verwacht u begin juni de kabinetsreactie te kunnen aanbieden.",
            "kind": "new",
            "due": "2018-06-30",
        },
        {"text": "In deze brief ga ik in op de motie.", "kind": "new", "due": None},
    ],
}


def figures(count: Count) -> tuple:
    return count.tp, count.fp, count.fn


def test_compare_counts_each_row_by_the_schema_rules():
    counts = compare(GOLD, RESULT)

    assert {row: figures(count) for row, count in counts.items()} == {
        "headings": (3, 1, 0),
        "heading levels": (1, 2, 1),
        "references": (1, 1, 0),
        "dossier mentions": (1, 1, 1),
        "motion mentions": (3, 0, 0),
        "declared done": (0, 1, 1),
        "commitments": (2, 1, 1),
        "commitment kind": (1, 2, 2),
        "commitment due": (0, 2, 2),
        "letter date": (0, 1, 1),
    }


def test_compare_lists_what_was_missed_and_what_was_extra():
    counts = compare(GOLD, RESULT)

    assert counts["heading levels"].missed == ["'Vraag 1' (level 2)"]
    assert counts["heading levels"].extra == ["'Vraag 1' (level 1)", "'Antwoord op vraag 1' (level 2)"]
    assert counts["references"].extra == ["34919 nr. 77 (body)"]
    assert counts["dossier mentions"].missed == ["dossier 36600-VI (footnote)"]
    assert counts["dossier mentions"].extra == ["dossier 29517 (footnote)"]
    assert counts["declared done"].missed == ["Van den Berg [-] done=True"]
    assert counts["declared done"].extra == ["Palland, Kuik [36600-vi-100] done=True"]
    assert counts["letter date"].missed == ["2021-11-12"] and counts["letter date"].extra == ["2021-12-11"]


def test_below_floors_names_each_figure_under_its_floor():
    summed = {"headings": Count(tp=1, fp=1, fn=0), "references": Count(tp=3, fp=0, fn=1)}
    floors = {"headings": {"precision": 0.9, "recall": 1.0}, "references": {"precision": 1.0, "recall": 0.75}}

    assert below_floors(summed, floors) == ["headings precision 0.500 < 0.900"]


def test_raised_floors_keep_the_higher_figure_rounded_down():
    summed = {"headings": Count(tp=2, fp=1, fn=0)}

    assert raised_floors(summed, {"headings": {"precision": 0.7, "recall": 0.5}}) == {
        "headings": {"precision": 0.7, "recall": 1.0}
    }
    assert raised_floors(summed, {"headings": {"precision": 0.5, "recall": 0.5}}) == {
        "headings": {"precision": 0.666, "recall": 1.0}
    }


def test_a_found_item_matches_the_certain_gold_item_before_a_borderline_one():
    gold = {
        **GOLD,
        "motions": [
            {"members": ["Bisschop"], "kamerstuk": None, "declares_done": False, "borderline": True},
            {"members": ["Bisschop"], "kamerstuk": None, "declares_done": False},
        ],
    }
    result = {**RESULT, "motions": [{"members": ["Bisschop"], "kamerstuk": None, "declares_done": False}]}

    assert figures(compare(gold, result)["motion mentions"]) == (1, 0, 0)


def test_a_second_found_item_may_still_take_the_borderline_gold_item():
    gold = {
        **GOLD,
        "motions": [
            {"members": ["Omtzigt"], "kamerstuk": None, "declares_done": False, "borderline": True},
            {"members": ["Omtzigt"], "kamerstuk": None, "declares_done": False},
        ],
    }
    found = [{"members": ["Omtzigt"], "kamerstuk": None, "declares_done": False}] * 3

    assert figures(compare(gold, {**RESULT, "motions": found})["motion mentions"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("round_", "heading", "letters"),
    [
        ("1", "### Held-out round (December 2026)", 16),
        ("2", "### Held-out round two (December 2026)", 15),
        ("3", "### Held-out round three (December 2026)", 11),
        ("4", "### Held-out round four (December 2026)", 11),
        ("5", "### Held-out round five (December 2026)", 12),
        ("6", "### Held-out round six (December 2026)", 12),
        ("7", "### Held-out round seven (December 2026)", 7),
    ],
)
def test_each_held_out_round_is_the_letters_sources_md_lists_under_it(round_, heading, letters):
    sources = (Path(__file__).parent / "SOURCES.md").read_text(encoding="utf-8")
    section = sources.split(f"{heading}\n", 1)[1].split("\n### ", 1)[0].split("\n\nThe five Word files", 1)[0]

    assert held_out_ids(round_) == sorted(re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE))
    assert len(held_out_ids(round_)) == letters
    assert set(held_out_ids(round_)) < set(held_out_ids())
