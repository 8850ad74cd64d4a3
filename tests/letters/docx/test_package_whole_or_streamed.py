"""Small parts are parsed whole (faster), big ones streamed (bounded memory): the same letter either way."""

import pytest

from letters.docx import package
from letters.docx.reader import ReadError, read
from letters.docx.sections import split
from tests.conftest import REAL_LETTERS, SEED_VARIANTS
from tests.docx_builder import build_docx, footnote_ref, para, run, text_para
from tests.letters.docx.bad_files import BAD_FILES, BAD_IDS


def outcome(content: bytes, name: str) -> str:
    try:
        parsed = read(content, name)
    except ReadError as exc:
        return f"ReadError: {exc}"
    return repr(parsed) + repr(split(parsed.blocks))


@pytest.fixture
def streamed(monkeypatch):
    """Every part streamed, as a letter with a word/document.xml over the limit would be."""
    monkeypatch.setattr(package, "WHOLE_PART_BYTES", 0)


@pytest.mark.parametrize("path", [*SEED_VARIANTS, *REAL_LETTERS], ids=lambda path: path.name)
def test_sample_letters_read_the_same_whole_and_streamed(path, monkeypatch):
    content = path.read_bytes()
    whole = outcome(content, path.name)

    monkeypatch.setattr(package, "WHOLE_PART_BYTES", 0)
    assert outcome(content, path.name) == whole


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=BAD_IDS)
def test_bad_files_get_the_same_reason_whole_and_streamed(name, make, reason, monkeypatch):
    content = make()
    whole = outcome(content, name)

    monkeypatch.setattr(package, "WHOLE_PART_BYTES", 0)
    assert outcome(content, name) == whole


def test_a_small_document_is_parsed_once_for_the_text_and_the_opening_date():
    content = build_docx(
        text_para("Den Haag, 29 maart 2018"),
        para(run("Geachte voorzitter,"), footnote_ref(1)),
        footnotes={1: "Kamerstukken II, 2023/24, 29 517, nr. 264"},
    )
    opened = package.open_package(content)

    first = opened.small_tree("word/document.xml")

    assert first is not None
    assert opened.small_tree("word/document.xml") is first
    parsed = read(content)
    assert parsed.metadata.date.isoformat() == "2018-03-29"
    assert [(f.number, f.text) for f in parsed.footnotes] == [("1", "Kamerstukken II, 2023/24, 29 517, nr. 264")]


def test_a_document_over_the_limit_is_not_kept_whole(streamed):
    content = build_docx(text_para("Den Haag, 29 maart 2018"), text_para("Geachte voorzitter,"))
    opened = package.open_package(content)

    assert opened.small_tree("word/document.xml") is None
    parsed = read(content)
    assert [p.text for p in parsed.blocks] == ["Den Haag, 29 maart 2018", "Geachte voorzitter,"]
    assert parsed.metadata.date.isoformat() == "2018-03-29"
