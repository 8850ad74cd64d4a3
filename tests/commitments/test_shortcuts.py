"""The shortcuts the extraction takes before a search (issue 16): each may only skip what cannot match."""

import re
import sys

import pytest

from commitments import dates, extraction, promises
from commitments.literals import UNFOLDING, Needs, folded, is_plain

SENTENCES = [
    "Hiermee beschouw ik de motie van het lid Michon-Derkzen als afgedaan.",
    "De door de Kamer aangenomen motie van de leden Van der Plas en Bontenbal vraagt om een brief.",
    "De eerder genoemde moties Dassen c.s. en Kröger c.s. zijn uitgevoerd.",
    "Met de moties Kamerstuk 32 793, nr. 176 (Dik-Faber) en Kamerstuk 32 793, nr. 177 (Dassen) vraagt de Kamer dit.",
    "De motie (Kamerstuk 36 600 VI, nr. 12) is hiermee afgedaan.",
    "In de gewijzigde motie-De Vries en de verwante motie Inge van Dijk staat het anders.",
    "De Motie Omtzigt is aangehouden; de bovengenoemde motie Klaver niet.",
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten, uiterlijk in Q3 2026.",
    "De modelmotie van de gemeente noemt geen lid.",
]


def test_the_characters_ignorecase_takes_for_a_letter_they_do_not_lower_to_are_unfolding():
    letters = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        char
        for char in map(chr, range(128, sys.maxunicode + 1))
        if letters.fullmatch(char) and not any(char.lower() == c for c in "abcdefghijklmnopqrstuvwxyz")
    }

    assert odd == set(UNFOLDING)


@pytest.mark.parametrize(("text", "plain"), [("Uw Kamer", True), ("’s middags één", True), ("Bakırköy", False)])
def test_a_text_is_plain_without_the_unfolding_characters(text, plain):
    assert is_plain(text) is plain


@pytest.mark.parametrize("sentence", [*SENTENCES, "Zoals toegezegd stuur ik u de brief."])
def test_a_plain_sentence_a_pattern_matches_meets_its_plain_needs(sentence):
    patterns = [w.pattern for w in promises.PRIOR + promises.NEW] + [p for _, p, _ in extraction.DECLARATIONS]
    patterns += [p for p, _, _ in dates.COMPILED] + [promises.ABOUT_THIS_LETTER, promises.ONGOING]
    for pattern in patterns:
        if pattern.search(sentence):
            assert Needs.of(pattern).met(sentence, folded(sentence), True), pattern.pattern


def test_a_quarter_is_read_only_where_the_sentence_holds_a_q():
    pattern, build, needs = next(rule for rule in dates.COMPILED if rule[0].pattern.startswith(r"\bQ(?P<q>"))
    assert needs.clauses == (("q",),)
    assert dates.parse_due("Ik informeer u in Q3 2026.", None) == dates._dated(
        pattern.search("Ik informeer u in Q3 2026."), build, None, False
    )


LEADS = ["De", "de", "door de Kamer", "De door de Kamer aangenomen", "de gewijzigde", "gelijkstrekkende", "verwante"]
LEADS += ["eerdere", "aangehouden", "eerder genoemde", "bovengenoemde", "genoemde", "de verwante eerdere"]


@pytest.mark.parametrize("sentence", [*SENTENCES, *(f"Zo vraagt {lead} motie Bikker dat." for lead in LEADS)])
def test_the_leads_tried_where_they_can_begin_are_those_finditer_gives(sentence):
    for pattern in (extraction.MENTION, extraction.CITED_FIRST):
        spans = [m.span() for m in pattern.finditer(sentence)]

        assert [m.span() for m in extraction._lead_matches(pattern, sentence)] == spans


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_without_a_citation_after_a_motion_has_no_motion_cited_first(sentence):
    if not extraction.CITED_AFTER_MOTION.search(sentence):
        assert not extraction.CITED_FIRST.search(sentence)


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Zie nr. 12 van de brief. Daarna volgt meer.", [24, 43]),
        ("Dit is afgedaan. Dat ook.", [16, 25]),
        ("Het lid J.Z.C.M. Tellegen vroeg dit. Het kabinet antwoordt.", [36, 59]),
        ("Het bedrag is 5 mln. Extra geld volgt.", [38]),
    ],
)
def test_sentences_end_after_long_words_and_not_after_abbreviations(text, ends):
    assert [end for _, end in extraction.sentences(text)] == ends
