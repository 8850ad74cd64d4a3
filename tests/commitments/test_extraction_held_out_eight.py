"""Wordings of held-out round eight (tests/corpus/SOURCES.md), each with look-alikes that must not match."""

import datetime
from dataclasses import dataclass

import pytest

from commitments.analysis import FootnoteKamerstukken
from commitments.extraction import Passage, find_commitments, find_motions

DATE = datetime.date(2023, 11, 13)


def _motions(text: str) -> list[tuple[tuple[str, ...], str | None]]:
    return [(m.members, m.kamerstuk) for m in find_motions([Passage(0, text)], {})]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # bz-2023-ah-tk-20232024-387: "Lid" with a capital
            "Het kabinet zal hierop ingaan, mede in het kader van de aangenomen motie van het Lid Ceder over feiten.",
            [(("Ceder",), None)],
        ),
        ("Over de motie van het lid Lidwien is gesproken.", [(("Lidwien",), None)]),
        (  # lnv-2024-ah-tk-20232024-1433: the kamerstuk set off by a comma
            "Ik wil uitvoering geven aan de motie van het lid Akerboom, 36 410 XIV, nr. 9, waarin wordt opgeroepen.",
            [(("Akerboom",), "36410-XIV-9")],
        ),
        ("Zie de motie van het lid De Vries, Kamerstuk 36 410, nr. 31.", [(("De Vries",), "36410-31")]),
        ("Dit is de motie van het lid Akerboom, 36 410 leden stemden voor.", [(("Akerboom",), None)]),
        # a party is no member
        ("De Kamer heeft een motie van de Partij voor de Dieren aangenomen.", []),
        ("De motie van de Partij van de Arbeid is aangenomen.", []),
    ],
)
def test_motion_wordings_of_round_eight(text, expected):
    assert _motions(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Het kabinet zal in een separate brief op deze vraag ingaan, mede in het kader van de motie.", True),
        ("Het kabinet zal hier in een brief op ingaan.", True),
        ("Het kabinet zal op de Raad ingaan op de voorstellen.", False),
        ("Het kabinet zal in deze brief ingaan op de motie.", False),
        ("De minister zal in een gesprek ingaan op de zorgen.", False),
    ],
)
def test_a_letter_to_come_that_goes_into_a_question_is_a_promise(text, found):
    commitments = find_commitments([Passage(0, text)], DATE)
    assert [(c.kind, c.due) for c in commitments] == ([("new", None)] if found else [])


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (  # lnv-2023-ah-tk-20222023-3649: a moment named with its date in brackets
            "Over de uitkomsten van dit onderzoek zal ik uw kamer op korte termijn informeren, in ieder geval "
            "ruim voor het sluiten van de openstellingsperiode van de Lbv (1 december 2023).",
            datetime.date(2023, 12, 1),
        ),
        ("Ik zal u voor het commissiedebat van 12 maart informeren.", datetime.date(2024, 3, 12)),
        (
            "Ik zal uw Kamer voor de Raad Buitenlandse Zaken van 20 november een verslag sturen.",
            datetime.date(2023, 11, 20),
        ),
        ("Ik zal u voor het rapport van 12 maart een reactie sturen.", None),  # the report's date, not a moment's
    ],
)
def test_a_moment_named_with_its_date_is_the_due_date(sentence, due):
    assert [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], DATE)] == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        # lnv-2024-ah-tk-20232024-1433: a member's question quoting the minister's earlier answer
        "Kunt u bevestigen dat u op 15 februari 2024 in antwoorden op schriftelijke vragen het volgende schreef aan de "
        "Kamer: «Om aan de motie tegemoet te komen, zal ik voorbereidingen treffen voor het intrekken van de "
        "vrijstelling»?",
        "Zult u de Kamer voor de zomer informeren over de uitkomsten?",
        "Bent u bereid de Kamer te informeren zodra het rapport verschijnt (vóór 1 juli)?",
    ],
)
def test_a_question_is_no_new_promise(sentence):
    assert find_commitments([Passage(0, sentence)], DATE) == []


def test_the_answer_after_the_question_still_promises():
    text = "Zult u de Kamer informeren? Ja, ik zal uw Kamer voor de zomer informeren."
    assert [(c.kind, c.due) for c in find_commitments([Passage(0, text)], DATE)] == [("new", datetime.date(2024, 7, 1))]


@dataclass
class Note:
    number: str
    text: str


def _motions_with_note(sentence: str, note: str) -> list[tuple[tuple[str, ...], str | None]]:
    """The motions of a sentence whose footnote 1 is marked after its full stop."""
    passage = Passage(0, sentence, ((len(sentence), "1"),))
    return [(m.members, m.kamerstuk) for m in find_motions([passage], FootnoteKamerstukken([Note("1", note)]))]


@pytest.mark.parametrize(
    ("sentence", "note", "expected"),
    [
        (  # bz-2023-ah-tk-20232024-387: the footnote names the motion
            "Tevens heeft Nederland conform de motie van leden Bikker en Omtzigt aangegeven dat in geval van nieuw "
            "geweld gesproken moet worden over gepaste maatregelen.",
            "Motie Bikker en Omtzigt, Kamerstuk 36 410, nr. 31",
            [(("Bikker", "Omtzigt"), "36410-31")],
        ),
        (  # the same letter: the motion's subject runs to the sentence's end
            "Het kabinet zal hierop ingaan, mede in het kader van de aangenomen motie van het Lid Ceder over op "
            "basis van feiten (12-10-2023).",
            "Kamerstuk 21 501-02, nr. 2733",
            [(("Ceder",), "21501-02-2733")],
        ),
        (  # the footnote at the end is the report's
            "Conform de motie van het lid Van Dijk bied ik u hierbij het rapport aan.",
            "Kamerstuk 36 410, nr. 40",
            [(("Van Dijk",), None)],
        ),
        (  # a footnote naming another motion
            "Conform de motie van het lid Van Dijk bied ik u hierbij het rapport aan.",
            "Motie De Vries, Kamerstuk 36 410, nr. 41",
            [(("Van Dijk",), None)],
        ),
    ],
)
def test_a_footnote_after_the_full_stop_gives_the_motion_its_kamerstuk_only_when_it_is_the_motions(
    sentence, note, expected
):
    assert _motions_with_note(sentence, note) == expected
