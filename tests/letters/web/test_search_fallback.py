"""The search without PostgreSQL's full-text search (letters.web.search.RankedSections and
RankedFootnotes), as the SQLite demo runs it; here on the test database, through the ORM alone."""

import pytest
from django.core.paginator import Paginator

from letters.models import Footnote, Section
from letters.web.search import RankedFootnotes, RankedSections
from tests.docx_builder import build_docx, head_table, text_para
from tests.letters.imported import add

pytestmark = pytest.mark.django_db
M, E = "\x01", "\x02"  # around a matched word


def found(terms: str) -> list[str]:
    return [section.heading for section in RankedSections(Section.objects.current(), terms)]


def first_snippet(terms: str) -> str:
    return RankedSections(Section.objects.current(), terms)[0].snippet


def test_fallback_finds_words_joined_by_a_slash_and_marks_both(seed_letter):
    assert found("C2000/VMX") == ["C2000", "Beleidsreactie WODC evaluatie naar programma IVC"]
    assert f"hulpdiensten ({M}C2000{E} nu en {M}VMX{E} in de toekomst)" in first_snippet("C2000/VMX")


def test_fallback_finds_a_quoted_phrase(seed_letter):
    assert found('"robuuste motorblok"') == ["Realisatie meldkamers afgerond"]
    assert f"het ‘{M}robuuste{E} {M}motorblok{E}’ - en" in first_snippet('"robuuste motorblok"')


def test_fallback_phrase_needs_the_words_side_by_side(seed_letter):
    assert found('"motorblok robuuste"') == []


def test_fallback_snippet_shows_the_hit_deep_in_a_long_passage():
    opening = " ".join(["Dit is een lange inleiding over iets anders."] * 40)
    add(
        build_docx(
            head_table("1 mei 2025", "Lange brief"),
            text_para("Inleiding", bold=True),
            text_para(f"{opening} Het ‘robuuste motorblok’ blijft de basis."),
        ),
        "lang.docx",
    )

    # 35 words, ending where the passage ends, and not its opening words
    assert first_snippet('"robuuste motorblok"') == (
        "… lange inleiding over iets anders. "
        + "Dit is een lange inleiding over iets anders. " * 3
        + f"Het ‘{M}robuuste{E} {M}motorblok{E}’ blijft de basis."
    )


def test_fallback_ranks_passages_whose_heading_matches_first(seed_letter):
    headings = found("meldkamers")

    in_heading = [h for h in headings if "meldkamer" in h.lower()]
    assert headings[: len(in_heading)] == in_heading and len(in_heading) == 6
    assert len(headings) == 12


def test_fallback_ignores_diacritics(seed_letter):
    assert found("coordinatie")[0] == "Knooppunt Coördinatie Regio's- Rijk (KCR2)"
    assert first_snippet("coordinatie").startswith(f"De oprichting van het Knooppunt {M}Coördinatie{E} Regio's- Rijk")


@pytest.mark.parametrize(
    ("terms", "headings"),
    [
        (
            "VMX -C2000",
            ["Vernieuwing Missiekritische Communicatie (VMX)", "Brief inspectie governance meldkamerdomein"],
        ),
        ("doorzettingsmacht or Driebergen", ["Brief inspectie governance meldkamerdomein", "Ontwikkelingen 112"]),
    ],
)
def test_fallback_reads_not_and_or_as_websearch_does(seed_letter, terms, headings):
    assert found(terms) == headings


def test_fallback_pages_fetch_only_the_page(seed_letter, django_assert_num_queries):
    ranked = RankedSections(Section.objects.current(), "meldkamers")

    with django_assert_num_queries(1):
        page = Paginator(ranked, 5).get_page(2)
        headings = [section.heading for section in page]

    assert headings == found("meldkamers")[5:10]


def test_fallback_finds_a_dossier_number_written_with_a_space_in_footnotes(seed_letter):
    footnotes = RankedFootnotes(Footnote.objects.filter(version__is_current=True), "29517")

    assert sorted((f.number for f in footnotes), key=int) == [
        "1",
        "2",
        "5",
        "6",
        "7",
        "11",
        "23",
        "26",
        "31",
        "33",
        "34",
        "35",
    ]
    assert {f.number: f.snippet for f in footnotes}["2"] == f"Kamerstukken II, 2023/24, {M}29{E} {M}517{E}, nr. 260"
