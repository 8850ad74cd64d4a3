import collections
import datetime

import pytest

from letters.importing.analysis import analyse
from tests.conftest import SAMPLES, SEED
from tkdossiers.citations import find, normalise_year, parse_dossier, vergaderjaar_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstukken II, 2024/25, 29 517, nr. 264", [("29517", None, "264", "2024/25")]),
        ("Kamerstuk II, 2023/24, 29517, nr. 257", [("29517", None, "257", "2023/24")]),
        ("Kamerstukken II 2023/24 29517 nr.258", [("29517", None, "258", "2023/24")]),
        ("Kamerstukken, 2022-2023, 29628, nr. 1135", [("29628", None, "1135", "2022/23")]),
        ("Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272", [("29628", None, "1272", "2024/25")]),
        ("Tweede Kamer, 2024/25, 29 517 nr. 253", [("29517", None, "253", "2024/25")]),
        ("36 600 VI, nr. 100", [("36600", "VI", "100", None)]),
        ("36600-VI, nr. 100", [("36600", "VI", "100", None)]),
        ("Kamerstukken II 2024/25, 36 600 VI, nr. 100", [("36600", "VI", "100", "2024/25")]),
        ("Dekking amendement 36725-VI, nr. 16 inzake", [("36725", "VI", "16", None)]),
        ("Kamerstukken II 2022/23, 21501-20, nr. 1890", [("21501", "20", "1890", "2022/23")]),
        ("Kamerstukken I 2019/20, 35 300 A, nr. 5", [("35300", "A", "5", "2019/20")]),
        (
            "Kamerstukken II, 2018/19, 29 517 nr. 172 en Kamerstukken II, 2018/19 29 517 nr. 173",
            [("29517", None, "172", "2018/19"), ("29517", None, "173", "2018/19")],
        ),
        (
            "Kamerstukken II 2022/23, 29 517, nrs. 230 en 231",
            [("29517", None, "230", "2022/23"), ("29517", None, "231", "2022/23")],
        ),
        ("te vinden via Kamerstukken II, 2024/25, 29517 nr. 264", [("29517", None, "264", "2024/25")]),
        (
            "de brief van 29 februari 2024: Kamerstukken II, 2023/24, 29517, nr. 252.",
            [("29517", None, "252", "2023/24")],
        ),
        ("Kamerstuk 31 793, 42", [("31793", None, "42", None)]),
        ("zoals eerder gemeld (Kamerstukken II 2019/20, 35 300 VI, nr. 3) is", [("35300", "VI", "3", "2019/20")]),
        ("Kamerstukken 32 317 en 29 911, nr. 12", [("32317", None, "12", None), ("29911", None, "12", None)]),
        # the Eerste Kamer numbers its papers with letters (jenv 2018)
        ("Kamerstukken I, 2017/18 30 880 AA", [("30880", None, "AA", "2017/18")]),
        ("Kamerstukken I 2017/18, 30 880, AB", [("30880", None, "AB", "2017/18")]),
        ("Eerste Kamer, vergaderjaar 2017–2018, 30 880, nr. AC", [("30880", None, "AC", "2017/18")]),
        ("Kamerstukken I 2019/20, 35 300 VII, C", [("35300", "VII", "C", "2019/20")]),
        ("(30 880, nr. AA)", [("30880", None, "AA", None)]),
        # a letter to the Eerste Kamer names its papers "Kamerstuk", the letter set off by a comma (ezk 2019)
        ("via de motie Van Hattem c.s. (Kamerstuk 34 903, F.) verzocht", [("34903", None, "F", None)]),
        ("Kamerstukken I 2018/19, 34 902, H", [("34902", None, "H", "2018/19")]),
    ],
)
def test_kamerstuk_citation_forms(text, expected):
    citations, others = find(text)

    assert [(c.dossier, c.toevoeging, c.number, c.year) for c in citations] == expected
    assert others == []


@pytest.mark.parametrize(
    ("text", "kind", "literal"),
    [
        ("Handelingen II 2022/23, nr. 41, item 9", "handelingen", "Handelingen II 2022/23, nr. 41, item 9"),
        (
            "Aanhangsel van de Handelingen II, 2022/-23, nr. 1823.",
            "aanhangsel",
            "Aanhangsel van de Handelingen II, 2022/-23, nr. 1823",
        ),
        (
            "Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1121.",
            "aanhangsel",
            "Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1121",
        ),
        ("Staatscourant 2025, 9867 | Overheid.nl", "staatscourant", "Staatscourant 2025, 9867"),
        ("Stcrt. 2024, 12345", "staatscourant", "Stcrt. 2024, 12345"),
        ("Stb. 2020, 123", "staatsblad", "Stb. 2020, 123"),
        ("wijziging van artikel 8:109 Awb niet", "wetsartikel", "artikel 8:109 Awb"),
        (
            "conform wetsartikel 3.1 van de Comptabiliteitswet 2016",
            "wetsartikel",
            "wetsartikel 3.1 van de Comptabiliteitswet 2016",
        ),
        (
            "Artikel 7 Regeling ambulancezorgvoorzieningen",
            "regelgeving",
            "Artikel 7 Regeling ambulancezorgvoorzieningen",
        ),
        ("wetten.nl - Regeling - BWBR0043762", "bwb", "BWBR0043762"),
        (
            "zie https://www.inspectie-jenv.nl/documenten/2025/08/07/brief.",
            "url",
            "https://www.inspectie-jenv.nl/documenten/2025/08/07/brief",
        ),
    ],
)
def test_look_alikes_are_kept_apart(text, kind, literal):
    citations, others = find(text)

    assert citations == []
    assert [(o.kind, o.text) for o in others] == [(kind, literal)]


@pytest.mark.parametrize(
    "text",
    [
        "in 2019, nr. 3 en 29 jaar",
        "€ 70 mln. in 2025 en € 20 mln. in 2026",
        "op 14 mei 2025 aangeboden",
        "112-meldingen",
        "Kamerstukken II 2017/18, 30 880 AA",  # letters are the Eerste Kamer's numbers, or need "nr."
        "Kamerstukken II 2017/18, 30 880, AA",
        "Kamerstuk 30 880 AA",  # without the comma a letter is no paper of its own
        "TK 30 880, AA",
        "het dossier 30 880 AA en AB",
        "de brief van 29 maart 2018 (blz. 12)",
    ],
)
def test_ordinary_text_has_no_citations(text):
    assert find(text) == ([], [])


@pytest.mark.parametrize(
    ("raw", "year"),
    [("2024–2025", "2024/25"), ("2022-2023", "2022/23"), ("2022/-23", "2022/23"), ("2024/25", "2024/25")],
)
def test_vergaderjaar_is_normalised(raw, year):
    assert normalise_year(raw) == year


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("29517", ("29517", None)),
        ("29 517", ("29517", None)),
        ("36600-VI", ("36600", "VI")),
        ("36600 VI", ("36600", "VI")),
        ("36600-vi", ("36600", "VI")),
        ("21501-20", ("21501", "20")),
        ("nonsens", None),
        ("2951", None),
    ],
)
def test_dossier_numbers_as_analysts_type_them(raw, parsed):
    assert parse_dossier(raw) == parsed


@pytest.mark.parametrize(
    ("day", "year"),
    [("2025-10-03", "2025/26"), ("2025-09-16", "2025/26"), ("2025-09-15", "2024/25"), ("2024-03-24", "2023/24")],
)
def test_vergaderjaar_starts_on_prinsjesdag(day, year):
    assert vergaderjaar_for(datetime.date.fromisoformat(day)) == year


@pytest.mark.django_db  # analyse reads the topic rules
def test_seed_references_match_the_careful_reader(gold):
    result = analyse(SEED.read_bytes(), SEED.name)

    found = collections.Counter(
        (r["text"], r["dossier"], r["toevoeging"], r["number"], r["year"], r["location"]) for r in result["references"]
    )
    expected = collections.Counter(
        (r["text"], r["dossier"], r["sub"], r["number"], r["year"], r["location"]) for r in gold["references"]
    )
    assert found == expected  # precision and recall 1.0: nothing missing, nothing extra


@pytest.mark.django_db  # analyse reads the topic rules
def test_seed_look_alikes_are_found_where_they_stand(gold):
    result = analyse(SEED.read_bytes(), SEED.name)

    kinds = [(o["kind"], o["location"]) for o in result["other_references"]]
    assert kinds == [
        ("regelgeving", "footnote 8"),
        ("bwb", "footnote 12"),
        ("url", "footnote 16"),
        ("wetsartikel", "body"),
        ("wetsartikel", "body"),
        ("staatscourant", "footnote 27"),
        ("url", "footnote 30"),
        ("wetsartikel", "body"),
    ]


@pytest.mark.django_db  # analyse reads the topic rules
@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("jenv_antwoord_2023Z16994_mutluer_ellemeet_argos.docx", [("25424", "670", None, "footnote 1")]),
        (
            "jenv_antwoord_2023Z19006_beckerman_milieudelicten.docx",
            [
                ("29628", "1139", "2022/23", "footnote 2"),
                ("22343", "344", "2022/23", "footnote 3"),
                ("35690", "3", "2020/21", "footnote 4"),
            ],
        ),
        (
            "jenv_antwoord_2023Z19677_temmink_vannispen_nietnoodnummer.docx",
            [("29628", "1135", "2022/23", "footnote 1")],
        ),
        ("jenv_antwoord_2024Z11859_mutluer_wolvega.docx", []),
        ("jenv_antwoord_eerdmans_me_arnhem.docx", []),
    ],
)
@pytest.mark.django_db  # analyse reads the topic rules
def test_real_letters_references(filename, expected):
    result = analyse((SAMPLES / "letters" / filename).read_bytes(), filename)

    assert [(r["dossier"], r["number"], r["year"], r["location"]) for r in result["references"]] == expected
