import datetime

import pytest

from commitments.dates import parse_due

LETTER_DATE = datetime.date(2025, 10, 3)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("voor 1 maart 2026", datetime.date(2026, 3, 1)),
        ("vóór 1 maart 2026", datetime.date(2026, 3, 1)),
        ("uiterlijk 30 april", datetime.date(2026, 4, 30)),
        ("uiterlijk op 15 december", datetime.date(2025, 12, 15)),
        ("op vrijdag 13 september 2024", datetime.date(2024, 9, 13)),
        ("vóór de zomer", datetime.date(2026, 7, 1)),
        ("vóór het kerstreces", datetime.date(2025, 12, 20)),
    ],
)
def test_due_dates_of_more_wordings(text, due):
    assert parse_due(f"Ik zal uw Kamer {text} informeren.", LETTER_DATE) == due


@pytest.mark.parametrize(
    "text",
    [
        "in het begin van het project",  # "begin" without a year is no moment
        "over het einde van de pilot",
        "over de brief van 7 maart 2016",  # the date of a letter, not a due date
        "over de uitzending van 24 april jl.",
        "voor 31 april",  # no such day
    ],
)
def test_phrases_that_name_no_due_date(text):
    assert parse_due(f"Ik zal uw Kamer {text} informeren.", LETTER_DATE) is None


def test_29_february_is_due_in_the_next_year_that_has_it():
    assert parse_due("Ik zal uw Kamer uiterlijk 29 februari informeren.", LETTER_DATE) == datetime.date(2028, 2, 29)


def test_the_first_moment_named_is_the_due_date():
    text = "Ik zal uw Kamer in maart informeren over de evaluatie, die voor de zomer klaar is."

    assert parse_due(text, LETTER_DATE) == datetime.date(2026, 3, 31)


@pytest.mark.parametrize(
    ("text", "due"),
    [("begin volgend jaar", datetime.date(2027, 3, 31)), ("eind volgend jaar", datetime.date(2027, 12, 31))],
)
def test_next_year_is_the_year_after_the_letter(text, due):
    assert parse_due(f"Ik zal uw Kamer {text} informeren.", datetime.date(2026, 1, 10)) == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("eind februari", datetime.date(2024, 2, 29)),  # five days before the letter
        ("voor de zomer", datetime.date(2024, 7, 1)),
        ("eind 2023", datetime.date(2023, 12, 31)),
    ],
)
def test_an_earlier_promise_takes_the_moment_nearest_the_letter(text, due):
    assert parse_due(f"uw Kamer {text} te informeren", datetime.date(2024, 3, 5), looking_back=True) == due
