"""Wordings of held-out round eight (tests/corpus/SOURCES.md), each with look-alikes that must not match."""

import datetime

import pytest

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
