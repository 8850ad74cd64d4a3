"""What a regex cannot match without (commitments.literals), and the anchors of the commitment
wordings built on it (commitments.promises): tests that fail them may skip the search, so each must
be a string every match holds."""

import re
import sys

import pytest

from commitments import extraction, promises
from commitments.literals import FOLDS_OTHERWISE, Needs


@pytest.mark.parametrize(
    ("pattern", "clauses", "folded"),
    [
        (
            r"\baan\s+uw\s+Kamer\s+(?:zal|zullen)\s+worden\s+verzonden\b",
            (("verzonden",), ("worden",), ("Kamer",), ("aan",), ("zal", "zullen")),
            False,
        ),
        (r"\bzet(?:ten)?\s+ik\b", (("zet",),), False),  # "zetten" holds "zet": one test for both
        (r"\bge[iï]nformeerd\b", (("geinformeerd", "geïnformeerd"),), False),
        (r"\bwordt\s+u\s+bericht\b|\buw\s+Kamer\s+zal\s+worden\s+gestuurd\b", (("bericht", "gestuurd"),), False),
        (r"\bVOLGT\b(?=.*\bnota\b)", (("volgt",), ("nota",)), True),  # lower case, and what a lookahead sees
        (r"\binformeren\b", (("nformeren",),), True),  # "İ" and "ı" match "i" but do not lower() to it
        (r"\bstuur\b", (("tuur",),), True),  # "ſ" matches "s"
        (r"\bop\s+(?:de|het)?\s*moment\b", (("moment",),), False),  # an optional part needs nothing
        (r"\bna\b|\bvoor\b", (), False),  # too short to be worth a scan
    ],
)
def test_needs_are_the_strings_every_match_holds(pattern, clauses, folded):
    flags = re.IGNORECASE if folded else 0

    assert Needs.of(re.compile(pattern, flags)) == Needs(clauses, folded)


def test_a_text_without_a_needed_string_is_not_met_and_with_them_all_it_is():
    needs = Needs.of(re.compile(r"\bKamer\s+(?:wordt|zal)\b.*?\bge[iï]nformeerd\b"))
    text = "Uw Kamer zal worden geïnformeerd."

    assert needs.met(text, text.lower())
    assert not needs.met("Uw kamer zal worden geïnformeerd.", "uw kamer zal worden geïnformeerd.")
    assert not needs.met("Uw Kamer zal worden bericht.", "uw kamer zal worden bericht.")


def test_ignorecase_matches_only_i_and_s_to_characters_that_lower_to_something_else():
    # the letters a folded string may hold: for each, every character IGNORECASE takes for it
    # lower()s to it, so "string in text.lower()" holds wherever the pattern matches
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    candidates = [c for c in map(chr, range(sys.maxunicode + 1)) if not c.isascii() and any_letter.fullmatch(c)]
    unfolding = {
        letter
        for letter in "abcdefghijklmnopqrstuvwxyz"
        for char in candidates
        if re.fullmatch(letter, char, re.IGNORECASE) and char.lower() != letter
    }

    assert unfolding == set(FOLDS_OTHERWISE)


def wordings_and_needs():
    for wording in promises.PRIOR + promises.NEW:
        yield wording.pattern, wording.needs
    for _, pattern, needs in extraction.DECLARATIONS:
        yield pattern, needs
    yield extraction.BACK_REFERENCE, extraction.BACK_REFERENCE_NEEDS


def test_every_sentence_a_pattern_matches_meets_its_needs():
    sentences = [*COMMITMENT_SENTENCES, *DECLARING_SENTENCES]
    matched = 0
    for pattern, needs in wordings_and_needs():
        for sentence in sentences:
            if pattern.search(sentence):
                matched += 1
                assert needs.met(sentence, sentence.lower()), (pattern.pattern, sentence)
    assert matched >= len(sentences)


def test_each_wordings_anchor_is_its_words_or_a_clause_of_its_needs():
    for wording in promises.PRIOR + promises.NEW:
        lowered = [tuple(s.lower() for s in clause) for clause in wording.needs.clauses]
        assert wording.anchors in [wording.words, *lowered]


def test_every_anchor_holds_one_of_the_parts_that_are_looked_for():
    scanned = set(promises.Z_PARTS) | set(promises.SCANNED)
    for wording, parts in promises.PRIOR_PARTS + promises.NEW_PARTS:
        assert parts <= scanned
        assert all(any(part in anchor for part in parts) for anchor in wording.anchors), wording.anchors


def test_the_parts_of_a_letter_are_found_per_passage_as_one_by_one():
    passages = ["hier kom ik op terug.", "", "de minister zal u informeren. uw kamer wordt bericht", "zetten zeggen"]
    starts = [0, 22, 23, 76]

    found = promises.anchors_by_part("\n".join(passages), starts)

    assert found == [promises.anchors_in(passage) for passage in passages]
    assert found == [{"terug"}, set(), {"zal", "kamer wordt", "bericht"}, {"zetten", "zeggen"}]


COMMITMENT_SENTENCES = [
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten.",
    "Het kabinet zal de Kamer voor 1 juli een brief sturen.",
    "Uw Kamer wordt voor de zomer geïnformeerd over de voortgang.",
    "De rapportage zal aan uw Kamer worden aangeboden.",
    "Het kabinet zet zich in om het wetsvoorstel zo spoedig mogelijk aan uw Kamer aan te bieden.",
    "Ik zeg toe uw Kamer daarover te informeren.",
    "Ik verwacht uw Kamer in het najaar te informeren.",
    "Ik streef ernaar uw Kamer voor de zomer te informeren.",
    "Hier kom ik voor de zomer op terug.",
    "Ik ben voornemens uw Kamer daarover te informeren.",
    "Een kabinetsreactie volgt na de zomer.",
    "Informeer ik uw Kamer voor het kerstreces?",
    "Wij informeren uw Kamer voor de zomer over de evaluatie.",
    "Daarover wordt u bericht.",
    "De nota zal aan uw Kamer zullen worden verzonden.",
    "Zoals toegezegd aan uw Kamer geef ik een reactie.",
    "Zoals het kabinet eerder toezegde, volgt hier de brief.",
    "Mijn toezegging om u te informeren kom ik hiermee na.",
    "Eerder heb ik u bericht dat ik Uw Kamer voor 1 april een notitie zal doen toekomen.",
]
DECLARING_SENTENCES = [
    "Hiermee beschouw ik de motie van het lid Michon-Derkzen als afgedaan.",
    "De motie kan als afgedaan worden beschouwd.",
    "Daarmee is de motie-Dassen afgedaan.",
    "Hiermee is de motie uitgevoerd.",
    "Met deze brief wordt voldaan aan de motie van het lid Kröger.",
    "Met deze brief voldoe ik aan de motie van de leden Van der Plas en Bontenbal.",
    "Hiermee kom ik de toezegging na.",
    "Deze motie beschouw ik als afgedaan.",
]
