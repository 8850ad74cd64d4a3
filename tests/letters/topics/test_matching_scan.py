"""The matcher looks for every term's first word in all texts of a letter at once, and tries the term's
pattern only there (issue 16). It must count exactly what `findall` over each text counts, up to
MAX_COUNT (more weighs no more)."""

import re
import sys

import pytest

from letters.docx.reader import read
from letters.docx.sections import split
from letters.importing.analysis import section_texts
from letters.topics.defaults import starting_rules
from letters.topics.matching import ASCII_LOOKALIKES, Matcher, Rule, TopicRules
from tests.conftest import REAL_LETTERS, SEED_VARIANTS

NOT_ASCII = "".join(chr(code) for code in range(0x80, sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
ODD_RULES = [
    TopicRules("odd", (Rule("\u212aelvin", 2), Rule("ſtraat", 2), Rule("coördinatie*", 2), Rule("*", 1))),
    TopicRules("plain", (Rule("Taskforce", 5), Rule("a?b", 2), Rule("LMS", 1), Rule("meldkamer*", 2))),
]


def letter_texts(path) -> list[str]:
    parsed = read(path.read_bytes(), path.name)
    return [text for section in section_texts(split(parsed.blocks)) for text in (section.heading, section.body)]


def test_only_the_lookalikes_are_taken_for_an_ascii_letter():
    # A text holding none of them can match an ASCII word only where the word stands in ASCII.
    taken = {char for letter in "abcdefghijklmnopqrstuvwxyz" for char in re.findall(f"(?i){letter}", NOT_ASCII)}

    assert taken == set(ASCII_LOOKALIKES)


def test_only_the_kelvin_sign_lower_cases_to_ascii():
    # So a term whose first word lower-cases to ASCII has an ASCII first word, or the Kelvin sign in it.
    assert [char for char in NOT_ASCII if char.lower().isascii()] == ["\u212a"]


@pytest.mark.parametrize("path", [*SEED_VARIANTS, *REAL_LETTERS], ids=lambda path: path.name)
def test_letters_get_the_hits_of_each_text_alone(path):
    texts = letter_texts(path)

    for rules in (starting_rules(), ODD_RULES):
        matcher = Matcher(rules)
        assert matcher._hits_of(texts) == [matcher._hits(text) for text in texts]


@pytest.mark.parametrize(
    "texts",
    [
        ["Kelvin en \u212aelvin", "de ſtraat en de straat", "coördinatie, COÖRDINATIEPUNT"],
        ["De meldkamers’s meldkamer-\nmeldkamer", "a?b a’b aéb", "LMS lms", ""],
        ["Taskforce ΣΑΣ µ ϐ", "TASKFORCE taskforces", "meldkamer " * 5],
        [""],
        ["Taskforce", "LMS en de meldkamer"],  # one section: text by text
    ],
)
def test_odd_texts_get_the_hits_of_each_text_alone(texts):
    for rules in (starting_rules(), ODD_RULES):
        matcher = Matcher(rules)
        assert matcher._hits_of(texts) == [matcher._hits(text) for text in texts]


def test_a_lookalike_counts_as_before_only_beside_the_word_itself():
    # The pattern takes "ſtraat" for "straat", the first test on the lower-cased text ("straat" in it)
    # does not: a letter holding a lookalike is matched text by text, as it always was.
    matcher = Matcher([TopicRules("t", (Rule("straat", 5),))])

    assert matcher._hits_of(["de ſtraat", "de ſtraat en de straat", ""]) == [[], [(2, [(0, 5, False)])], []]


def test_a_term_counts_up_to_the_cap_in_each_text_and_counts_again_in_the_next():
    # After a text's third match the scan skips to the next text: that one's matches all count.
    matcher = Matcher([TopicRules("t", (Rule("meldkamer", 1), Rule("meldkamer*", 1)))])
    texts = ["meldkamer " * 5, "de meldkamers en meldkamer", "meldkamerdomein", ""]

    assert matcher._hits_of(texts) == [
        [(3, [(0, 1, False)]), (3, [(0, 1, False)])],
        [(2, [(0, 1, False)]), (2, [(0, 1, False)])],
        [(1, [(0, 1, False)])],
        [],
    ]


def test_a_huge_letter_is_searched_in_batches_with_the_same_hits(monkeypatch):
    texts = letter_texts(SEED_VARIANTS[0])
    monkeypatch.setattr("letters.topics.matching.SEARCHED_TOGETHER", 2_000)
    matcher = Matcher(starting_rules())

    assert matcher._hits_of(texts) == [matcher._hits(text) for text in texts]
