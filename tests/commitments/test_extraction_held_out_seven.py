"""What the seventh held-out round of real letters showed the finders got wrong (tests/corpus/README.md),
each fixed as a class of ministry wording, with look-alikes on both sides:

- a sentence about a part of the letter itself, the letter named by what it is: "In het eerste gedeelte
  van deze voortgangsrapportage zal ik stilstaan bij de resultaten ..." (`bzk-2021-2021D10575`) was taken
  as a promise; "het eerste / tweede gedeelte (deel) van deze brief / rapportage / notitie" is the letter now;
- a later moment anywhere in a sentence with "ontvangt" or "ik informeer": "…, ontvangt VWS tweemaal per
  jaar (in februari en in juli) een update …" (`fin-2022-kst-31865-214`) was taken as the Kamer receiving
  something in February. The alternatives of the later moment were not grouped, so "in februari" alone
  (or "bij de begroting" alone) matched those wordings; the Kamer must be the one who receives now.
"""

import datetime

import pytest

from commitments.extraction import Passage, find_commitments

LETTER_DATE = datetime.date(2022, 9, 15)


def found(sentence, letter_date=LETTER_DATE):
    return [(c.kind, c.due) for c in find_commitments([Passage(0, sentence)], letter_date)]


@pytest.mark.parametrize(
    "sentence",
    [
        (  # the real sentence (bzk-2021-2021D10575)
            "In het eerste gedeelte van deze voortgangsrapportage zal ik stilstaan bij de resultaten die we in"
            " deze kabinetsperiode hebben behaald; in het tweede gedeelte kijk ik vooruit."
        ),
        "In het tweede deel van deze brief zal ik ingaan op de motie.",
        "In het laatste gedeelte van deze notitie zal ik de vervolgstappen schetsen.",
        (  # the real sentence (fin-2022-kst-31865-214): VWS receives, not the Kamer
            "Voor de uitgaven die vallen onder de Wet Langdurige Zorg (Wlz) en die ook onder het Wlz-kader vallen,"
            " ontvangt VWS tweemaal per jaar (in februari en in juli) een update van de uitvoeringscijfers van de"
            " Nederlandse Zorgautoriteit (NZa)."
        ),
        "De gemeente ontvangt bij de begroting een specifieke uitkering.",
        "Het Zorginstituut ontvangt in het najaar de cijfers van de verzekeraars.",
    ],
)
def test_the_letter_itself_and_others_receiving_are_no_commitments(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "due"),
    [  # look-alikes that stay promises
        ("In het eerste deel van de volgende rapportage zal ik uw Kamer over de resultaten informeren.", None),
        ("Ik zal uw Kamer voor de zomer de volgende voortgangsrapportage sturen.", datetime.date(2023, 7, 1)),
        ("Uw Kamer ontvangt in februari de cijfers over het tweede halfjaar.", datetime.date(2023, 2, 28)),
        ("In het najaar ontvangt u de evaluatie.", datetime.date(2022, 12, 21)),
        ("In Q1 2023 ontvangt uw Kamer de voortgangsrapportage.", datetime.date(2023, 3, 31)),
        ("Ik informeer uw Kamer bij de Voorjaarsnota over de stand van zaken.", datetime.date(2023, 6, 1)),
    ],
)
def test_promises_beside_them_are_still_new_commitments(sentence, due):
    assert found(sentence) == [("new", due)]
