"""Wordings the third held-out round of real letters showed the finders did not know
(tests/corpus/README.md), each as a class of ministry wording, with look-alikes that must stay out:

- an earlier promise reported as told to the Kamer ("heeft de Staatssecretaris … uw Kamer laten weten
  u eind van het jaar te informeren");
- "is … toegezegd" with a clause set off by commas between them;
- Prinsjesdag without "de" ("voor Prinsjesdag", "op Prinsjesdag") as a due moment;
- the footnote of a motion marked after the member's name, before the party in brackets
  ("de motie van het lid Özütok[^1] (GroenLinks)").
"""

import datetime

import pytest

from commitments.dates import parse_due
from commitments.extraction import Passage, find_commitments, find_motions

LETTER_DATE = datetime.date(2021, 6, 22)


def found(sentence):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], LETTER_DATE)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Met betrekking tot de motie heeft de Staatssecretaris van Binnenlandse Zaken uw Kamer laten weten "
            "u na de zomer te informeren over de plannen.",
            datetime.date(2021, 10, 1),
        ),
        ("Het kabinet heeft uw Kamer gemeld de evaluatie voor de zomer toe te sturen.", datetime.date(2021, 7, 1)),
        (
            "In het debat heb ik u laten weten de rapportage in het derde kwartaal te delen.",
            datetime.date(2021, 9, 30),
        ),
        (
            "In aanvulling daarop is, in antwoord op vragen van de leden Ceder (CU)/Leijten (SP), uw Kamer voor het "
            "begrotingsdebat een eerste rapportage over de voortgang toegezegd.",
            None,
        ),
        (
            "In de aanbiedingsbrief is toegezegd een overzicht van de actieplannen met uw Kamer te delen "
            "voor Prinsjesdag.",
            datetime.date(2021, 9, 21),
        ),
    ],
)
def test_reported_promises_in_these_wordings_are_prior_commitments(sentence, due):
    assert found(sentence) == [("prior", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "De Staatssecretaris heeft uw Kamer laten weten dat de regeling is ingegaan.",  # news, no promise
        "Het kabinet heeft uw Kamer gemeld hoe de middelen zijn verdeeld.",
        "De subsidie is, na overleg met de provincies, nog niet verdeeld.",  # no "toegezegd"
    ],
)
def test_look_alikes_are_no_commitments(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("text", "looking_back", "due"),
    [
        ("Ik stuur u de brief voor Prinsjesdag.", False, datetime.date(2021, 9, 21)),
        ("De Miljoenennota verschijnt op Prinsjesdag 2022.", False, datetime.date(2022, 9, 20)),
        ("uiterlijk vóór Prinsjesdag", False, datetime.date(2021, 9, 21)),
        ("bij de begroting", False, datetime.date(2021, 9, 21)),
        ("eind van het jaar", False, datetime.date(2021, 12, 31)),
        ("zoals toegezegd eind februari", True, datetime.date(2021, 2, 28)),  # a passed month stays passed
    ],
)
def test_due_moments(text, looking_back, due):
    assert parse_due(text, LETTER_DATE, looking_back=looking_back) == due


def test_a_footnote_after_the_member_and_before_the_party_gives_the_motion_its_kamerstuk():
    text = "Op 18 oktober 2018 heeft uw Kamer de motie van het lid Özütok (GroenLinks) aangenomen."
    marker = text.index(" (GroenLinks)")
    passage = Passage(0, text, refs=((marker, "1"),))

    assert [(m.members, m.kamerstuk) for m in find_motions([passage], {"1": "35000-VII-18"})] == [
        (("Özütok",), "35000-VII-18")
    ]


def test_a_footnote_further_on_in_the_sentence_is_not_the_motions():
    text = "De motie van het lid Özütok (GroenLinks) vraagt om overleg met de financiers van de herdenking."
    passage = Passage(0, text, refs=((text.index(" van de herdenking"), "1"),))

    assert [(m.members, m.kamerstuk) for m in find_motions([passage], {"1": "35000-VII-18"})] == [(("Özütok",), None)]
