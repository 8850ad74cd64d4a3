"""Wordings the fifth held-out round of real letters showed the finders did not know
(tests/corpus/README.md), each as a class of ministry wording, with look-alikes that must stay out:

- a first-person sending in the present with the Kamer as object and a moment to come ("Zo spoedig
  mogelijk daarna zend ik u de tweede voortgangsrapportage");
- "toezeggen" split around a longer object ("zeg ik u graag alle medewerking toe");
- a promise in a relative clause, its verbs last ("een Beleidsagenda die we uw Kamer volgend voorjaar
  zullen toezenden"), and "volgend voorjaar" as a due moment.
"""

import datetime

import pytest

from commitments.dates import parse_due
from commitments.extraction import Passage, find_commitments

LETTER_DATE = datetime.date(2017, 10, 6)


def found(sentence):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], LETTER_DATE)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Zo spoedig mogelijk daarna zend ik u de tweede voortgangsrapportage.", None),
        ("Na de zomer stuur ik uw Kamer de evaluatie.", datetime.date(2018, 10, 1)),
        (
            "Gezien het belang van het onderzoek zeg ik u graag alle medewerking toe voor een vertrouwelijke "
            "technische briefing.",
            None,
        ),
        (
            "De maatregelen maken deel uit van een Beleidsagenda Jeugd die we uw Kamer volgend voorjaar zullen "
            "toezenden.",
            datetime.date(2018, 6, 20),
        ),
        ("Het gaat om een plan welke ik u voor de zomer zal sturen.", datetime.date(2018, 7, 1)),
    ],
)
def test_promises_in_these_wordings_are_new_commitments(sentence, due):
    assert found(sentence) == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hierbij zend ik u de tweede voortgangsrapportage.",  # sent along now
        "Vorig jaar zond ik u de eerste voortgangsrapportage.",  # past
        "Ik zend u de rapportage die het bureau heeft opgesteld.",  # no moment to come
        "Het plan die we in 2016 hebben gemaakt, werkt goed.",  # a relative clause, no promise
        "De gemeenten zeggen toe dat zij de middelen inzetten.",  # others promising, not the government
    ],
)
def test_look_alikes_are_no_commitments(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("volgend voorjaar", datetime.date(2018, 6, 20)),
        ("komend voorjaar", datetime.date(2018, 6, 20)),
    ],
)
def test_due_moments(text, due):
    assert parse_due(text, LETTER_DATE) == due
