"""The title as the reader sees it: a doubled "van het van het" (a slip in the ministry's file) said once."""

import pytest

from letters.docx.reader import read
from tests.docx_builder import build_docx, head_table, text_para


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Antwoord op vragen van het van het lid Beckerman", "Antwoord op vragen van het lid Beckerman"),
        ("Reactie op verzoek van de van de commissie", "Reactie op verzoek van de commissie"),
        ("Het belang van het van Dijk-fonds", "Het belang van het van Dijk-fonds"),
    ],
)
def test_title_from_the_letter_head_says_a_doubled_article_once(subject, title):
    content = build_docx(head_table("3 oktober 2025", subject), text_para("Geachte voorzitter,"))

    assert read(content).metadata.title == title
