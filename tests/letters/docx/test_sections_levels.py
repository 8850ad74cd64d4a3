"""Heading levels in letters whose headings are all plain bold: what the letter itself says.

The opening that lists the letter's subjects ("Concreet gaat deze brief in op …") tells which
headings are subjects of their own; a heading directly followed by a heading opens a chapter.
"""

import pytest

from letters.docx.reader import Paragraph, read
from letters.docx.sections import split
from tests.conftest import SEED_VARIANTS
from tests.letters.docx.test_sections import SEED_LEVELS


def tree(path):
    sections = split(read(path.read_bytes(), path.name).blocks)
    return [(s.heading, s.level, sections[s.parent].heading if s.parent is not None else None) for s in sections]


@pytest.mark.parametrize("variant", SEED_VARIANTS, ids=lambda p: p.name)
def test_every_seed_variant_gives_the_styled_tree(variant):
    styled = next(p for p in SEED_VARIANTS if p.name.endswith("-styles.docx"))

    assert tree(variant) == tree(styled)
    assert [(heading, level) for heading, level, _ in tree(variant)[1:]] == SEED_LEVELS


def bold(text):
    return Paragraph(text, bold=True)


def text(words):
    return Paragraph(words)


def levels(blocks):
    return [(s.heading, s.level) for s in split(blocks) if s.kind != "opening"]


LETTER = [
    bold("Wonen"),
    bold("Huurbeleid"),
    text("Over de huren valt veel te zeggen."),
    bold("Nieuwbouw"),
    text("Er wordt gebouwd."),
    bold("Energielabels voor huurwoningen"),
    text("De labels worden strenger."),
    bold("Toezicht"),
    text("De inspectie kijkt mee."),
]


def test_a_subject_the_opening_names_is_a_heading_of_its_own():
    opening = text("In deze brief ga ik in op het huurbeleid, de energielabels voor huurwoningen en het toezicht.")

    assert levels([opening, *LETTER]) == [
        ("Wonen", 1),
        ("Huurbeleid", 2),  # named, but the chapter's first subsection
        ("Nieuwbouw", 2),  # not named: one more subsection
        ("Energielabels voor huurwoningen", 1),  # named after an unnamed subsection: a subject of its own
        ("Toezicht", 1),  # named after the text of a level-1 heading: its sibling
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "In deze brief informeer ik u over de stand van zaken.",  # names none
        "In deze brief ga ik in op de energielabels voor huurwoningen en het toezicht.",  # too few for a list
    ],
)
def test_without_a_list_of_subjects_the_chapter_rule_stands_alone(opening):
    assert levels([text(opening), *LETTER]) == [
        ("Wonen", 1),
        ("Huurbeleid", 2),
        ("Nieuwbouw", 2),
        ("Energielabels voor huurwoningen", 2),
        ("Toezicht", 2),
    ]
