"""The citation patterns are tried only where a match can begin, and letters' texts that can hold no
citation are not searched at all (issue 16). Both must give exactly what searching everything gives."""

import re

import pytest

from letters.docx.reader import read
from letters.docx.references import texts_of
from letters.docx.sections import split
from tests.conftest import REAL_LETTERS, SEED_VARIANTS
from tkdossiers.citations import (
    DOSSIER_ONLY,
    DOSSIER_ONLY_STARTS,
    KAMERSTUK,
    OTHER_PATTERNS,
    _citation_starts,
    _matches,
    _word_starts,
    find,
    find_dossiers,
    may_cite,
)

ODD = [
    "Kamerstuk 29\u00a0517, nr. 3 en 29\u202f517, nr. 4",
    "٢٩٥١٧, nr. ٣ en Kamerstukken II ٢٠٢٤/٢٥, ٢٩ ٥١٧, nr. 5",
    "123456, nr. 7 en 1234567 nr. 8 (Kamerstuk 34 919) dossier 36 600-VI, wetsartikel 3 van de Wet X",
    "Stb. 2020, 123; Stcrt. 2024, 12345; BWBR0043762; http://a.nl/b. Artikel 7 Regeling x; artikel 8:109 Awb",
    "Aanhangsel van de Handelingen II, 2022/-23, nr. 1823 en Handelingen II 2022/23, nr. 41, item 9",
    "€ 12 345, nr. 3 en TK 2019/20, 35 300 VI, nr. 3; Eerste Kamer, vergaderjaar 2017–2018, 30 880, nr. AC",
    "Tweede Kamer Tweede\u00a0Kamer 29 517 nr. 1 TK TK 36725-VI, nr. 16",
]


def letter_texts(path) -> list[str]:
    parsed = read(path.read_bytes(), path.name)
    return [text for _, _, text, _ in texts_of(split(parsed.blocks))] + [f.text for f in parsed.footnotes]


def all_texts() -> list[str]:
    return [text for path in [*SEED_VARIANTS, *REAL_LETTERS] for text in letter_texts(path)] + ODD


def spans(matches) -> list[tuple[int, int]]:
    return [match.span() for match in matches]


def test_every_digit_below_u0660_is_ascii():
    # DOSSIER_NUMBER looks for a first digit among 0-9 and from U+0660 on.
    assert [chr(code) for code in range(0x660) if re.fullmatch(r"\d", chr(code))] == list("0123456789")


def test_patterns_tried_where_a_match_begins_find_what_finditer_finds():
    for text in all_texts():
        assert spans(_matches(KAMERSTUK, text, _citation_starts(text))) == spans(KAMERSTUK.finditer(text))
        starts = _word_starts(text, DOSSIER_ONLY_STARTS)
        assert spans(_matches(DOSSIER_ONLY, text, starts)) == spans(DOSSIER_ONLY.finditer(text))
        for _, pattern, words in OTHER_PATTERNS:
            assert spans(_matches(pattern, text, _word_starts(text, words))) == spans(pattern.finditer(text))


def test_a_text_that_may_not_cite_cites_nothing():
    texts = all_texts()

    skipped = [text for text, may in zip(texts, may_cite(texts), strict=True) if not may]

    assert skipped  # most paragraphs of a letter
    assert [(find(text), find_dossiers(text)) for text in skipped] == [(([], []), [])] * len(skipped)


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Geen nummer hier, maar wel 2025 en 112.", False),
        ("", False),
        ("Kamerstuk 29 517, nr. 3", True),
        ("29\u00a0517", True),
        ("٢٩٥١٧", True),
        ("zie https://www.rijksoverheid.nl", True),
        ("artikel 3", True),
        ("De Staat", True),  # "St": Stb., Stcrt.
    ],
)
def test_may_cite(text, may):
    assert may_cite(["Niets.", text, "Ook niets."]) == [False, may, False]


def test_a_huge_letter_is_looked_at_in_batches_with_the_same_answer(monkeypatch):
    texts = all_texts()
    whole = may_cite(texts)
    monkeypatch.setattr("tkdossiers.citations.LOOKED_AT_TOGETHER", 2_000)

    assert may_cite(texts) == whole
