"""Wordings the fourth held-out round of real letters showed the finders did not know
(tests/corpus/README.md), each as a class of ministry wording, with look-alikes that must stay out:

- "heeft/hebben … toegezegd" with a long subject and a clause set off by commas ("hebben de Minister van
  Justitie en Veiligheid en de Minister van Defensie, namens de Minister van …, toegezegd dat …");
- a promise in the present, passive or active, made a promise by a moment or condition still to come
  ("Zodra …, wordt deze verstuurd aan de Kamer", "Ik stuur het akkoord na de zomer aan uw Kamer",
  "Zodra het akkoord er ligt, ontvangt uw Kamer het");
- a minister taking part in a meeting ("zal de Minister … de bijeenkomst voorzitten") is no promise.
"""

import datetime

import pytest

from commitments.extraction import Passage, find_commitments

LETTER_DATE = datetime.date(2024, 6, 14)


def found(sentence):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], LETTER_DATE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tijdens het plenaire debat op donderdag 30 mei jl. over de weerbaarheid hebben de Minister van Justitie en "
        "Veiligheid en de Minister van Defensie, namens de Minister van Infrastructuur en Waterstaat, toegezegd dat uw "
        "Kamer op korte termijn het afgeronde actieplan ontvangt.",
        "In het debat heeft de Minister toegezegd dat uw Kamer het actieplan ontvangt.",
    ],
)
def test_reported_promises_are_prior_commitments(sentence):
    assert found(sentence) == [("prior", None)]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Zodra de partijen aan de hoofdtafel tot een onderhandelaarsakkoord zijn gekomen, wordt deze verstuurd "
            "aan de Kamer en ga ik graag met de Kamer hierover in gesprek.",
            None,
        ),
        ("Na de zomer wordt het akkoord aan uw Kamer verstuurd.", datetime.date(2024, 10, 1)),
        ("Ik stuur het akkoord voor de zomer aan uw Kamer.", datetime.date(2024, 7, 1)),
        ("Na de zomer stuur ik het akkoord naar de Kamer.", datetime.date(2024, 10, 1)),
        ("Zodra het akkoord er ligt, ontvangt uw Kamer het.", None),
        ("De minister zal de Raad bijwonen en uw Kamer daarna informeren.", None),  # informing the Kamer
    ],
)
def test_present_promises_with_a_moment_to_come_are_new_commitments(sentence, due):
    assert found(sentence) == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "De rapportage wordt jaarlijks aan de Kamer verstuurd.",  # a habit, no moment to come
        "Hierbij wordt de rapportage aan uw Kamer verstuurd, zodra die is vastgesteld.",  # the letter itself
        "In 2020 werd het verslag aan de Kamer verstuurd, nadat het was vastgesteld.",  # past
        "Ik stuur de brief ook aan de Eerste Kamer.",  # sent along, no moment to come
        "Voorafgaand aan de JBZ-Raad zal de Minister van Justitie en Veiligheid de ontbijtbijeenkomst van de "
        "kopgroep terrorisme voorzitten.",
        "De Minister voor Rechtsbescherming zal de gehele Justitie-dag deelnemen.",
        "Op 12 juni zal ik de Transportraad bijwonen.",
    ],
)
def test_look_alikes_are_no_commitments(sentence):
    assert found(sentence) == []
