"""The letter date of the kamerstuk layout: "Den Haag, 29 maart 2018" above the text, no Datum table."""

import datetime

import pytest

from letters.docx.reader import read
from tests.docx_builder import build_docx, head_table, text_para

ADDRESS = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Den Haag, 29 maart 2018", datetime.date(2018, 3, 29)),  # def 2018
        ("Den Haag, 5 april 2016", datetime.date(2016, 4, 5)),
        ("’s-Gravenhage, 14 januari 2020", datetime.date(2020, 1, 14)),
        ("Den Haag 12 september 2024", datetime.date(2024, 9, 12)),
    ],
)
def test_letter_date_from_the_den_haag_line(line, date):
    content = build_docx(text_para(ADDRESS), text_para(line), text_para("Hierbij informeer ik u over de nota."))

    assert read(content).metadata.date == date


@pytest.mark.parametrize(
    "text",
    [
        "In Den Haag, 29 maart 2018 en later is hierover gesproken.",  # running text, not the letter's date line
        "Den Haag, de hofstad",
    ],
)
def test_other_den_haag_text_is_no_letter_date(text):
    content = build_docx(text_para(ADDRESS), text_para(text))

    assert read(content).metadata.date is None


def test_the_datum_of_the_letter_head_comes_first():
    content = build_docx(
        head_table("3 oktober 2025", "Voortgang meldkamers"), text_para("Den Haag, 1 januari 2025"), text_para("Tekst.")
    )

    assert read(content).metadata.date == datetime.date(2025, 10, 3)
