"""The lower case the commitment finders read (commitments.literals.folded) and what is looked for
in it: every string must stand in the folded copy wherever it stands in lower(), or a passage that
can match would be passed over."""

import datetime

import pytest

from commitments import dates, extraction, promises
from commitments.extraction import Passage, find_commitments
from commitments.literals import folded

LETTER_DATE = datetime.date(2025, 10, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uw Kamer", "uw kamer"),
        ("Uw Kamer wordt geïnformeerd", "uw kamer wordt ge?nformeerd"),
        ("De minister’s brief\u00a0volgt", "de minister?s brief?volgt"),
        ("\u212aamer zal", "kamer zal"),  # the Kelvin sign lower()s to "k"
        ("\u0130k zal", "i?k zal"),  # "İ" lower()s to "i" and a combining dot: one character longer
    ],
)
def test_folded_is_lower_case_with_a_question_mark_for_what_is_not_ascii(text, expected):
    assert folded(text) == expected


def test_folded_is_as_long_as_the_text_but_where_lower_lengthens_a_character():
    text = "Ik zal uw Kamer vóór 1 maart informeren over de ‘stand van zaken’ (€ 12 mln)."

    assert len(folded(text)) == len(text)
    assert len(folded(text + "\u0130")) == len(text) + 2


def test_every_string_looked_for_in_a_folded_text_is_ascii():
    looked_for = [*promises.Z_PARTS, *promises.SCANNED_FOLDED, *extraction.DECLARING_WORDS]
    for wording in promises.PRIOR + promises.NEW:
        looked_for += [*wording.words, *wording.looks]
        looked_for += [string for clause in wording.needs.clauses for string in clause] if wording.needs.folded else []
    for words, _, needs in extraction.DECLARATIONS:
        looked_for += [*words, *(string for clause in needs.clauses for string in clause)]
    for _, _, needs in dates.COMPILED:
        looked_for += [string for clause in needs.clauses for string in clause]

    assert [string for string in looked_for if not string.isascii()] == []


def test_an_anchor_that_is_not_ascii_is_found_in_the_folded_text():
    assert "geïnformeerd" in promises.anchors_in(folded("Uw Kamer wordt voor de zomer geïnformeerd."))


def test_each_sentence_gets_the_wordings_whose_anchor_begins_in_it():
    text = "Dit is bekend. Hier kom ik op terug. Ook dat is bekend."
    spans = extraction.sentences(text)
    terug = next(w for w in promises.NEW if "terug" in w.anchors)

    found = promises.by_sentence(folded(text), spans, ([], [terug]))

    assert found == [([], []), ([], [terug]), ([], [])]


@pytest.mark.parametrize("odd", ["", "\u0130", "\u212a", "’", "é"])
def test_commitments_are_found_whatever_the_passage_holds_beside_them(odd):
    passage = Passage(0, f"Dit is {odd}bekend. Ik zal uw Kamer voor de zomer informeren. Ook dat{odd} is bekend.")

    found = find_commitments([passage], LETTER_DATE)

    assert [(c.text, c.kind, c.due) for c in found] == [
        ("Ik zal uw Kamer voor de zomer informeren.", "new", datetime.date(2026, 7, 1))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ik zal uw Kamer in het vierde kwartaal van 2026 informeren.",
        "Ik zal uw Kamer uiterlijk maart informeren, en na de zomer opnieuw.",
        "Bij de Voorjaarsnota 2026 of in de loop van 2027 volgt meer, eind dit jaar niet.",
        "Ik informeer u vóór het kerstreces, en anders begin volgend jaar.",
        "Q3 2026, of in het najaar: daarover bericht ik u.",
    ],
)
def test_due_dates_are_those_of_every_rule_tried(text):
    every_rule = [(m, order, build) for order, (p, build, _) in enumerate(dates.COMPILED) if (m := p.search(text))]
    first = min(every_rule, key=lambda item: (item[0].start(), item[1]))

    assert dates.parse_due(text, LETTER_DATE) == dates._dated(first[0], first[2], LETTER_DATE, False)
