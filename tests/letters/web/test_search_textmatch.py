"""Matching words without the database (letters/web/textmatch.py): folding, Dutch endings,
websearch syntax, scores and snippets, on the phrasings people type."""

import pytest

from letters.web.textmatch import ACCENTED, PLAIN, Query, fold, parse, score, snippet, stem

M, E = "\x01", "\x02"


@pytest.mark.parametrize(
    ("text", "folded"),
    [("D. Yeşilgöz-Zegerius", "d. yesilgoz-zegerius"), ("Coördinatie", "coordinatie"), ("Ørsted Łódź", "orsted lodz")],
)
def test_fold_drops_case_and_diacritics(text, folded):
    assert fold(text) == folded


def test_fold_table_for_sql_maps_one_character_to_one():
    assert len(ACCENTED) == len(PLAIN)
    assert "Yeşilgöz".translate(str.maketrans(ACCENTED, PLAIN)).lower() == "yesilgoz"


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("meldkamers", "meldkamer"),
        ("meldkamer", "meldkamer"),
        ("robuuste", "robuust"),
        ("mogelijkheden", "mogelijkheid"),
        ("bakken", "bak"),
        ("c2000", "c2000"),
        ("29517", "29517"),
        ("vmx", "vmx"),
    ],
)
def test_stem_drops_dutch_endings(word, stemmed):
    assert stem(word) == stemmed


@pytest.mark.parametrize(
    ("terms", "query"),
    [
        ("C2000/VMX", Query(((("c2000",), ("vmx",)),))),
        ('"robuuste motorblok"', Query(((("robuust", "motorblok"),),))),
        ("VMX -C2000", Query(((("vmx",),),), (("c2000",),))),
        ("meldkamers or VMX", Query(((("meldkamer",),), (("vmx",),)))),
        ("!!!", Query(())),
    ],
)
def test_parse_reads_websearch_syntax(terms, query):
    assert parse(terms) == query


def test_parse_adds_other_spellings_as_alternatives():
    assert parse("29517", also=("29 517",)) == Query(((("29517",),), (("29", "517"),)))


def test_score_weighs_a_heading_hit_above_text_hits():
    query = parse("meldkamers")

    in_heading = score(query, "Meldkamers", "Over iets anders.")
    in_text = score(query, "Iets anders", "De meldkamer en de meldkamers en de meldkamerdomeinen.")

    assert in_heading > in_text > 0
    assert score(query, "Brandweer", "Over de brandweer.") == 0


def test_score_is_zero_when_an_excluded_word_is_there():
    assert score(parse("VMX -C2000"), "", "C2000 nu en VMX straks.") == 0


def test_score_does_not_take_a_longer_number_for_a_dossier():
    assert score(parse("29517"), "", "Kamerstuk 295170.") == 0


def test_snippet_marks_every_form_of_the_word():
    text = "De meldkamers en het meldkamerdomein; een meldkamer."

    assert (
        snippet(parse("meldkamers"), text) == f"De {M}meldkamers{E} en het {M}meldkamerdomein{E}; een {M}meldkamer{E}."
    )


def test_snippet_without_a_hit_in_the_text_is_its_opening():
    text = " ".join(f"woord{i}" for i in range(50))

    assert snippet(parse("kopje"), text, size=5) == "woord0 woord1 woord2 woord3 woord4 …"
