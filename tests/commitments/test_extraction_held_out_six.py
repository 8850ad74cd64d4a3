"""Wordings the sixth held-out round of real letters showed the finders did not know
(tests/corpus/README.md), each as a class of ministry wording, with look-alikes that must stay out:

- the Kamer addressed in the future as the one who will receive or be informed: "U zult deze
  informatie tegelijkertijd met de andere verzoeken om informatie over ProRail ontvangen"
  (`ienm-2015-kst-29984-622`), "Daarna zult u hierover worden geïnformeerd";
- a weekday named as coming, "aanstaande maandag", "komende vrijdag", "maandag a.s.", as a due moment
  counted from the letter's date: "Ik zal uw Kamer aanstaande maandag schriftelijk nader informeren" in
  a letter of Thursday 20 March 2014 is due Monday 24 March (`ez-2014-kst-33037-89`).
"""

import datetime

import pytest

from commitments.dates import parse_due
from commitments.extraction import Passage, find_commitments

THURSDAY = datetime.date(2014, 3, 20)


def found(sentence, letter_date=THURSDAY):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], letter_date)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("U zult deze informatie tegelijkertijd met de andere verzoeken om informatie over ProRail ontvangen.", None),
        ("Daarna zult u hierover worden geïnformeerd.", None),
        ("U zult voor de zomer nader worden geïnformeerd over de uitkomsten.", datetime.date(2014, 7, 1)),
        ("Ik zal uw Kamer aanstaande maandag schriftelijk nader informeren.", datetime.date(2014, 3, 24)),
        ("De rapportage zal ik u komende vrijdag toesturen.", datetime.date(2014, 3, 21)),
    ],
)
def test_promises_in_these_wordings_are_new_commitments(sentence, due):
    assert found(sentence) == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "U zult begrijpen dat de voorbereiding extra tijd vraagt.",  # no receiving, no informing
        "U zult mijn brief van 3 maart inmiddels hebben ontvangen.",  # what the Kamer will have had
        "U zult deze gegevens niet ontvangen, omdat zij vertrouwelijk zijn.",  # a refusal
        "Wanneer zult u het rapport van de inspectie ontvangen?",  # a question (the Kamer asking a minister)
    ],
)
def test_look_alikes_are_no_commitments(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("text", "letter_date", "due"),
    [
        ("aanstaande maandag", THURSDAY, datetime.date(2014, 3, 24)),
        ("komende vrijdag", THURSDAY, datetime.date(2014, 3, 21)),
        ("op dinsdag a.s.", THURSDAY, datetime.date(2014, 3, 25)),
        ("maandag aanstaande", THURSDAY, datetime.date(2014, 3, 24)),
        ("aanstaande donderdag", THURSDAY, datetime.date(2014, 3, 27)),  # a week on, in a letter of a Thursday
    ],
)
def test_a_coming_weekday_is_counted_from_the_letter(text, letter_date, due):
    assert parse_due(text, letter_date) == due


@pytest.mark.parametrize(
    "text",
    [
        "afgelopen maandag",  # past
        "op maandag 17 maart jl.",  # past, with its date
        "de komende maanden",  # not a weekday
        "op maandagen en vrijdagen",  # every week, no one day
        "maandag aanstaander",  # no such word
    ],
)
def test_look_alikes_of_a_coming_weekday_name_no_moment(text):
    assert parse_due(text, THURSDAY) is None


def test_a_coming_weekday_without_a_letter_date_is_not_dated():
    assert parse_due("aanstaande maandag", None) is None
