"""The pure scoring of commitments against the register (commitments/register/matching.py), on
texts phrased as letters and the griffie's register phrase them."""

import datetime

import pytest

from commitments.register.matching import (
    FULFILS,
    SAME,
    CommitmentFacts,
    Register,
    ToezeggingFacts,
    best,
    bewindspersoon_score,
    content_words,
    ministerie_score,
    score,
    sentence_before,
)
from tests.commitments.register.helpers import JENV, VIDEOBELLEN, VIDEOBELLEN_REGISTERED

LETTER_DATE = datetime.date(2025, 10, 3)


def register_entry(key, text, *, made=datetime.date(2025, 3, 12), due=None, ministerie=JENV, surname="Weel"):
    return ToezeggingFacts(key=key, text=text, made_on=made, due=due, ministerie=ministerie, surname=surname)


REGISTER = [
    register_entry(
        "videobellen",
        VIDEOBELLEN_REGISTERED,
        due=datetime.date(2026, 7, 1),
    ),
    register_entry(
        "initiatiefnota",
        "De minister zegt toe de Kamer een kabinetsreactie te sturen op de initiatiefnota van het lid Mutluer "
        "over crisisbeheersing en brandweerzorg.",
        due=datetime.date(2025, 9, 30),
    ),
    register_entry(
        "c2000",
        "De minister zegt toe de Kamer te informeren over de voortgang van de aanbesteding van de opvolger van C2000.",
        due=datetime.date(2025, 12, 31),
    ),
    register_entry(
        "jeugdzorg",
        "De staatssecretaris zegt toe een reactie op de initiatiefnota over de jeugdzorg naar de Kamer te sturen.",
        ministerie="Volksgezondheid, Welzijn en Sport",
        surname="Karremans",
        due=datetime.date(2025, 9, 1),
    ),
]

NEW = CommitmentFacts(
    text=VIDEOBELLEN,
    kind="new",
    letter_date=LETTER_DATE,
    sender=f"Ministerie van {JENV}",
    signatory="D.M. van Weel",
    title="Verzamelbrief meldkamers, C2000 en crisisbeheersing",
)
PRIOR = CommitmentFacts(
    text="Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota.",
    kind="prior",
    letter_date=LETTER_DATE,
    sender=f"Ministerie van {JENV}",
    signatory="D.M. van Weel",
    title="Kabinetsreactie op de initiatiefnota van het lid Mutluer over crisisbeheersing en brandweerzorg",
)


def test_a_new_commitment_ranks_the_same_promise_first_and_alone():
    found = best(NEW, REGISTER)

    assert [(s.key, s.kind) for s in found] == [("videobellen", SAME)]
    assert found[0].score == pytest.approx(96.0)


def test_a_letter_keeping_a_promise_finds_it_through_its_title():
    ranked = sorted((score(PRIOR, entry) for entry in REGISTER), key=lambda s: -s.score)

    assert [s.key for s in ranked] == ["initiatiefnota", "jeugdzorg", "c2000", "videobellen"]
    assert [(s.key, s.kind) for s in best(PRIOR, REGISTER)] == [("initiatiefnota", FULFILS)]


def test_the_title_is_what_tells_two_initiatiefnotas_apart():
    untitled = CommitmentFacts(**(PRIOR.__dict__ | {"title": ""}))

    with_title = dict(score(PRIOR, REGISTER[1]).parts)["text"]
    without = dict(score(untitled, REGISTER[1]).parts)["text"]

    assert with_title > 85 > 60 > without


def test_a_promise_registered_after_the_letter_is_no_candidate():
    later = register_entry("later", REGISTER[0].text, made=datetime.date(2025, 11, 1))

    assert score(NEW, later) is None
    assert best(NEW, [later]) == []


def test_another_ministry_and_minister_lower_the_score_of_the_same_words():
    elsewhere = register_entry("elders", REGISTER[0].text, ministerie="Binnenlandse Zaken", surname="Uitermark")

    assert score(NEW, REGISTER[0]).score - score(NEW, elsewhere).score == pytest.approx(22.0)


@pytest.mark.parametrize(
    ("sender", "ministerie", "expected"),
    [
        ("Ministerie van Justitie en Veiligheid", "Justitie en Veiligheid", 100.0),
        ("MINISTERIE VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES", "Binnenlandse Zaken", 100.0),
        ("Ministerie van Justitie en Veiligheid", "Defensie", 0.0),
        ("", "Defensie", 50.0),
    ],
)
def test_ministerie_of_the_sender(sender, ministerie, expected):
    assert ministerie_score(sender, ministerie) == expected


@pytest.mark.parametrize(
    ("signatory", "surname", "expected"),
    [
        ("D.M. van Weel", "Weel", 100.0),
        ("D. Yeşilgöz-Zegerius", "Yesilgoz-Zegerius", 100.0),
        ("D.M. van Weel", "Grapperhaus", 0.0),
        ("", "Weel", 50.0),
    ],
)
def test_bewindspersoon_of_the_signatory(signatory, surname, expected):
    assert bewindspersoon_score(signatory, surname) == expected


def test_content_words_drop_what_every_promise_says():
    assert content_words("De minister zegt toe de Kamer vóór de zomer te informeren over het C2000-systeem.") == (
        "c2000",
        "systeem",
    )


def test_the_first_pass_keeps_the_right_entry_among_thousands():
    noise = [
        register_entry(f"ruis-{n}", f"De minister zegt toe de Kamer te informeren over onderwerp {n} van de begroting.")
        for n in range(2000)
    ]
    register = Register([*noise, *REGISTER])

    assert [s.key for s in best(NEW, register)] == ["videobellen"]
    assert [s.key for s in best(PRIOR, register)] == ["initiatiefnota"]


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        (
            "Zij staan klaar. Het kabinet dankt de leden voor de initiatiefnota. Zoals toegezegd25 aan uw Kamer geef",
            "Het kabinet dankt de leden voor de initiatiefnota.",
        ),
        ("Zoals toegezegd aan uw Kamer geef ik een reactie.", ""),  # the passage's first sentence
        ("Een andere passage.", ""),
    ],
)
def test_the_sentence_before_is_found_despite_footnote_markers(passage, expected):
    assert sentence_before(passage, "Zoals toegezegd aan uw Kamer geef ik een reactie.") == expected


def test_the_sentence_before_names_what_the_promise_points_back_to():
    pointing = CommitmentFacts(**(PRIOR.__dict__ | {"title": "Verzamelbrief brandweer en meldkamers"}))
    before = "Het kabinet dankt het lid Mutluer voor de initiatiefnota over brandweerzorg."
    told = CommitmentFacts(**(pointing.__dict__ | {"before": before}))

    assert score(told, REGISTER[1]).score > score(pointing, REGISTER[1]).score + 10
