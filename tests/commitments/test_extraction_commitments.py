"""Commitments in the many ways ministries promise, and the look-alikes that are no promise.

Each sentence is ministry wording (subject first or inverted, "het kabinet", the passive,
"zeg ik toe", the present for a later moment); the due date follows commitments/dates.py.
"""

import datetime

import pytest

from commitments.dates import parse_due
from commitments.extraction import Passage, find_commitments

LETTER_DATE = datetime.date(2024, 3, 1)


def found(sentence):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], LETTER_DATE)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Het kabinet zal uw Kamer voor de zomer informeren over de uitkomsten.", datetime.date(2024, 7, 1)),
        ("De minister zal de Kamer na de zomer een brief sturen.", datetime.date(2024, 10, 1)),
        ("Uw Kamer wordt voor het einde van het jaar geïnformeerd over de evaluatie.", datetime.date(2024, 12, 31)),
        (
            "De Kamer zal in het tweede kwartaal van 2024 een voortgangsrapportage ontvangen.",
            datetime.date(2024, 6, 30),
        ),
        (
            "Het kabinet zet zich in om het wetsvoorstel zo spoedig mogelijk aan uw Kamer aan te bieden.",
            None,
        ),
        ("Ik zeg toe uw Kamer voor de zomer te informeren.", datetime.date(2024, 7, 1)),
        ("Graag zeg ik u toe dat ik de evaluatie bij de begroting stuur.", datetime.date(2024, 9, 17)),
        ("Ik informeer uw Kamer voor het zomerreces over de voortgang.", datetime.date(2024, 7, 1)),
        (
            "De resultaten van het onderzoek zullen naar verwachting in het najaar aan uw Kamer worden aangeboden.",
            datetime.date(2024, 12, 21),
        ),
        ("Wij zullen uw Kamer komend najaar over de voortgang informeren.", datetime.date(2024, 12, 21)),
    ],
)
def test_new_commitments_in_ministry_wording(sentence, due):
    assert found(sentence) == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In deze brief informeer ik u over de voortgang.",  # the letter itself
        "Ik blijf mij inzetten voor een veilige samenleving.",  # ongoing work
        "Ik verwacht dat de kosten zullen stijgen.",  # an expectation
        "Hierbij zend ik u het rapport.",  # sent now
        "Uw Kamer heeft verzocht het wetsvoorstel zo spoedig mogelijk in te dienen.",  # the Kamer's request
        "De gemeenten zullen de regeling uitvoeren.",  # others' work
        "Gelijktijdig met deze brief wordt het rapport gepubliceerd.",  # sent along now
        "Ik kom hier niet op terug.",
        "Ik informeer uw Kamer over de stand van zaken.",  # the present without a later moment: this letter
        "Het kabinet zet zich in voor een gezonde leefomgeving.",  # effort, no promise to the Kamer
        "Het kabinet zal de regels vereenvoudigen.",  # policy, nothing to the Kamer
    ],
)
def test_what_is_not_a_commitment(sentence):
    assert found(sentence) == []


def test_the_summer_recess_named_with_its_article():
    assert parse_due("voor het zomerreces", LETTER_DATE) == datetime.date(2024, 7, 1)
    assert parse_due("na het zomerreces van 2025", LETTER_DATE) == datetime.date(2025, 10, 1)
