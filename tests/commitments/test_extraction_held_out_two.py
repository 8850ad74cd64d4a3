"""Wordings the second held-out round of real letters showed the finders did not know
(tests/corpus/README.md), each as a class of ministry wording, with look-alikes that must stay out:

- a promise in a subordinate clause, its verb last ("waarna ik uw Kamer spoedig zal informeren");
- the Kamer receiving something at a later moment, in the present ("In Q1 2026 ontvangt uw Kamer");
- a quarter written as Q1-Q4 and a year;
- a doubled word before the members ("de motie van van het lid ..."), as published;
- a debate title in a Handelingen citation ("Stemmingen moties Vreemdelingen- en asielbeleid"),
  whose half-written compound is no member's name.
"""

import datetime

import pytest

from commitments.extraction import Passage, find_commitments, find_motions

LETTER_DATE = datetime.date(2024, 3, 1)


def found(sentence):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], LETTER_DATE)]


def mentions(text):
    return [(m.members, m.kamerstuk) for m in find_motions([Passage(0, text)], {})]


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Deze bespreking zal in de eerstvolgende ministerraad plaatsvinden, "
            "waarna ik uw Kamer spoedig zal informeren.",
            None,
        ),
        ("Het onderzoek loopt nog, waarna wij uw Kamer voor de zomer zullen informeren.", datetime.date(2024, 7, 1)),
        ("De evaluatie is bijna gereed, zodat ik u de uitkomsten spoedig zal doen toekomen.", None),
        ("In Q1 2026 ontvangt uw Kamer de jaarlijkse voortgangsrapportage.", datetime.date(2026, 3, 31)),
        ("Uw Kamer ontvangt in het najaar de evaluatie van de regeling.", datetime.date(2024, 12, 21)),
        ("Ik informeer uw Kamer in Q3 2024 over de voortgang.", datetime.date(2024, 9, 30)),
    ],
)
def test_promises_in_these_wordings_are_new_commitments(sentence, due):
    assert found(sentence) == [("new", due)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Uw Kamer ontvangt hierbij de rapportage over de stand in juni.",  # the letter itself
        "Vorig jaar ontving uw Kamer in het najaar de evaluatie.",  # past
        "Het is nog niet zeker of ik uw Kamer daarover niet zal informeren.",  # hedged and negated
        "In Q1 2023 is de regeling geëvalueerd.",  # a quarter, no promise
    ],
)
def test_look_alikes_are_no_commitments(sentence):
    assert found(sentence) == []


def test_a_doubled_word_before_the_member_still_names_the_motion():
    text = (
        "Ook wordt ingegaan op de motie van van het lid Jasper van Dijk (Kamerstuk 35 663, nr.19) over het aandringen."
    )

    assert mentions(text) == [(("Jasper van Dijk",), "35663-19")]


@pytest.mark.parametrize(
    "text",
    [
        "Bij de stemmingen van 21 februari 2017 (Handelingen II 2016/17, nr. 55, Stemmingen moties "
        "Vreemdelingen- en asielbeleid) heeft uw Kamer de motie aangenomen.",
        "Bij de stemmingen over moties Onderwijs- en cultuurbeleid is dit besproken.",
    ],
)
def test_a_debate_title_is_no_member(text):
    assert mentions(text) == []
