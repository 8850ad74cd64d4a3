"""A table inside a table cell is read once, in its cell (it was read again as rows of the outer table)."""

from letters.docx.reader import Table, read
from tests.conftest import REAL_LETTERS
from tests.docx_builder import build_docx, text_para


def table(*rows: list[str]) -> str:
    cells = ("".join(f"<w:tc>{cell}</w:tc>" for cell in row) for row in rows)
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>"


def texts_of(content: bytes) -> list[str]:
    texts = []
    for block in read(content).blocks:
        texts += [p.text for p in block.cell_paragraphs] if isinstance(block, Table) else [block.text]
    return texts


def test_a_nested_table_is_read_once_in_its_cell():
    inner = table([text_para("In antwoord op uw brief van 6 december 2023")], [text_para("Tweede regel")])
    content = build_docx(text_para("Geachte voorzitter,"), table([text_para("Kop") + inner], [text_para("Onder")]))

    assert texts_of(content) == [
        "Geachte voorzitter,",
        "Kop",
        "In antwoord op uw brief van 6 december 2023",
        "Tweede regel",
        "Onder",
    ]


def test_the_temmink_answer_says_its_opening_once():
    (path,) = [p for p in REAL_LETTERS if "temmink" in p.name]

    texts = texts_of(path.read_bytes())

    assert sum(text.startswith("In antwoord op uw brief van 6 december 2023") for text in texts) == 1
