"""The "1) …" source lists of answers to Kamervragen, linked to the "1)" markers in the questions."""

import pytest

from letters.docx.reader import Footnote, FootnoteRef, read
from tests.conftest import SAMPLES
from tests.docx_builder import build_docx, footnote_ref, para, run, text_para

ARGOS = SAMPLES / "letters" / "jenv_antwoord_2023Z16994_mutluer_ellemeet_argos.docx"
TEMMINK = SAMPLES / "letters" / "jenv_antwoord_2023Z19677_temmink_vannispen_nietnoodnummer.docx"
EERDMANS = SAMPLES / "letters" / "jenv_antwoord_eerdmans_me_arnhem.docx"


def parsed(path):
    return read(path.read_bytes(), path.name)


def refs_with_text(document, number):
    """(text just before, mark) of every reference to note `number`."""
    return [
        (block.text[max(ref.offset - 20, 0) : ref.offset], ref.number)
        for block in document.blocks
        for ref in getattr(block, "footnote_refs", ())
        if ref.number == number
    ]


def test_a_word_numbered_source_list_is_linked_to_its_markers_beside_the_real_footnote():
    """Argos: "…van Sammy'? 1)", "…verward gedrag2)", "…Bureau Beke3) ,"; the list is numbered 1. 2. 3. by Word."""
    document = parsed(ARGOS)

    assert [note.number for note in document.footnotes] == ["1", "1)", "2)", "3)"]
    assert document.footnotes[1] == Footnote(
        "1)",
        "Argos, 27 september, 2023, www.vpro.nl/argos/media/kijk/kort/algemeen/2023/"
        "het-laatste-kwartier-van-sammy.html",
    )
    assert refs_with_text(document, "2)") == [("sonen verward gedrag", "2)")]
    assert refs_with_text(document, "3)") == [("ten” van Bureau Beke", "3)")]
    assert not any(block.text.startswith("vng.nl/") for block in document.blocks)  # the list left the text


def test_a_source_list_numbered_1_2_with_brackets_links_both_questions():
    document = parsed(TEMMINK)

    assert document.footnotes[1:] == (
        Footnote("1)", "Geen spoed wel brandweer – Brandweer"),
        Footnote("2)", "Contact marechaussee | Koninklijke Marechaussee | Defensie.nl"),
    )
    assert refs_with_text(document, "1)") == [("ële tarieven vraagt?", "1)")]
    assert refs_with_text(document, "2)") == [("dingen kunnen delen?", "2)")]


def test_a_typed_source_list_links_two_markers_at_one_question():
    document = parsed(EERDMANS)

    assert document.footnotes[1:] == (
        Footnote("1)", "Aanhangsel Handelingen, vergaderjaar 2023-2024, nr. 1121."),
        Footnote(
            "2)",
            "AD, 13 januari 2024, Hoe een provocatie met een koran volledig uit de hand liep in Arnhem: ‘Ik snap niet "
            "dat de burgemeester dit heeft toegestaan’ (www.ad.nl/binnenland/hoe-een-provocatie-met-een-koran-volledig"
            "-uit-de-hand-liep-in-arnhem-ik-snap-niet-dat-de-burgemeester-dit-heeft-toegestaan~ad81e910/).",
        ),
    )
    question = next(block for block in document.blocks if block.text.startswith("In uw antwoord op vraag 2"))
    assert question.text.endswith("wat voor traumatische ervaringen worden hier bedoeld?")
    assert question.footnote_refs == (FootnoteRef(476, "1)"), FootnoteRef(476, "2)"))
    assert "(JA21)" in document.blocks[0].text  # a party's name in brackets is no marker


def letter(*body):
    return read(build_docx(text_para("Vraag 1"), *body))


SOURCES = [text_para("1) NOS, 3 maart 2024."), text_para("2) NRC, 4 maart 2024.")]


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Kent u het bericht 1) en het bericht 3)?", id="a marker the list does not have"),
        pytest.param("Kent u het bericht 2) en het bericht 1)?", id="markers out of order"),
        pytest.param("Kent u het bericht 1)?", id="one source never marked"),
        pytest.param("Kent u de berichten (1) en (2)?", id="enumeration in brackets"),
    ],
)
def test_a_closing_list_that_the_text_does_not_mark_in_order_stays_text(question):
    document = letter(text_para(question), *SOURCES)

    assert document.footnotes == ()
    assert [block.text for block in document.blocks] == [
        "Vraag 1",
        question,
        "1) NOS, 3 maart 2024.",
        "2) NRC, 4 maart 2024.",
    ]


def test_a_list_that_does_not_end_the_letter_is_no_source_list():
    document = letter(text_para("Kent u het bericht 1) en 2)?"), *SOURCES, text_para("Hoogachtend,"))

    assert document.footnotes == ()


def test_a_source_list_that_does_not_start_at_one_is_no_source_list():
    document = letter(text_para("Kent u het bericht 2)?"), text_para("2) NRC, 4 maart 2024."))

    assert document.footnotes == ()


def test_markers_move_the_offsets_of_real_footnotes_after_them():
    document = letter(para(run("Kent u het bericht 1) en de brief"), footnote_ref(1), run("? 2)")), *SOURCES)

    question = document.blocks[1]
    assert question.text == "Kent u het bericht en de brief?"
    assert question.footnote_refs == (FootnoteRef(18, "1)"), FootnoteRef(30, "1"), FootnoteRef(31, "2)"))
    assert [note.number for note in document.footnotes] == ["1)", "2)"]  # footnote 1 has no text here
