"""Parts the reader puts off (Package.defer): numbering.xml until a list paragraph needs it, the page
headers and docProps until the metadata does. A part that is read and broken is refused with the
message parse_xml gives; a part the letter never reads is never unpacked nor parsed, so damage in it
does not keep an intact letter out (Word repairs such a part); its size still counts against the limits."""

import random

import pytest

from letters.docx import package as package_mod
from letters.docx import xmlparts
from letters.docx.package import ReadError, check_xml, parse_xml
from letters.docx.reader import read
from tests.docx_builder import build_docx, footnote_ref, head_table, para, run, text_para

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (text_para("Met deze brief informeer ik uw Kamer."),)
# Lists a letter does not use.
UNUSED_LISTS = "".join(
    f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
    for n in range(10, 40)
)
NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">{UNUSED_LISTS}<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
BROKEN_NUMBERING = f'<w:numbering xmlns:w="{W_NS}">{UNUSED_LISTS}<w:abstractNum></w:numbering>'
SMALL_BROKEN_NUMBERING = f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum></w:numbering>'
PAGE_NUMBER = '<w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr="PAGE"/></w:p>' * 40
BROKEN_HEADER = f'<w:hdr xmlns:w="{W_NS}">{PAGE_NUMBER}<w:p></w:hdr>'
# A letter head that says everything the metadata looks for but a document number.
HEAD = head_table("3 oktober 2025", "Voortgang meldkamers").replace(
    "</w:tbl>", f"<w:tr><w:tc>{text_para('Ons kenmerk')}</w:tc><w:tc>{text_para('5303168')}</w:tc></w:tr></w:tbl>"
)


def header(*runs: str) -> str:
    return f'<w:hdr xmlns:w="{W_NS}">{PAGE_NUMBER}<w:p>{"".join(runs)}</w:p></w:hdr>'


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the parts parse_xml builds a tree of, in order."""
    names = []
    real = package_mod.parse_xml

    def recording(data, name):
        names.append(name)
        return real(data, name)

    monkeypatch.setattr(package_mod, "parse_xml", recording)
    monkeypatch.setattr(xmlparts, "parse_xml", recording)  # the numbering's parses
    return names


def test_a_letter_without_lists_builds_no_tree_of_its_numbering(parsed):
    read(build_docx(*BODY, parts={"word/numbering.xml": NUMBERING}))

    assert "word/numbering.xml" not in parsed


def test_a_list_paragraph_reads_the_numbering_it_uses(parsed):
    document = read(build_docx(para(run("Eerste punt"), num=(1, 0)), parts={"word/numbering.xml": NUMBERING}))

    assert document.blocks[0].list_label == "1."
    assert "word/numbering.xml" in parsed


@pytest.mark.parametrize("numbering", [BROKEN_NUMBERING, SMALL_BROKEN_NUMBERING], ids=["big", "small"])
def test_a_broken_numbering_a_letter_without_lists_never_reads_does_not_keep_it_out(numbering, parsed):
    document = read(build_docx(*BODY, parts={"word/numbering.xml": numbering}))

    assert [block.text for block in document.blocks] == ["Met deze brief informeer ik uw Kamer."]
    assert "word/numbering.xml" not in parsed


@pytest.mark.parametrize(
    ("numbering", "column"),
    [(BROKEN_NUMBERING, 3234), (SMALL_BROKEN_NUMBERING, 114)],
    ids=["big", "small"],
)
def test_a_broken_numbering_a_list_uses_is_refused(numbering, column):
    with pytest.raises(ReadError) as refused:
        read(build_docx(para(run("Eerste punt"), num=(1, 0)), parts={"word/numbering.xml": numbering}))

    assert str(refused.value) == f"word/numbering.xml is geen geldige XML (fout op regel 1, kolom {column})"


def test_an_oversized_numbering_is_refused_though_no_list_uses_it():
    noise = random.Random(0).randbytes(1_100_000).hex()  # 2.2 MB that does not compress like a zip bomb
    big = NUMBERING.replace("</w:numbering>", f"<!--{noise}--></w:numbering>")

    with pytest.raises(ReadError) as refused:
        read(build_docx(*BODY, parts={"word/numbering.xml": big}))

    assert str(refused.value).startswith("word/numbering.xml is te groot (")


def test_a_broken_document_is_refused_with_its_own_message_beside_a_broken_unused_numbering():
    parts = {"word/numbering.xml": BROKEN_NUMBERING, "word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>'}

    with pytest.raises(ReadError) as refused:
        read(build_docx(parts=parts))

    assert str(refused.value).startswith("word/document.xml is geen geldige XML (fout op regel 1, kolom ")


def test_a_broken_page_header_is_refused_before_broken_footnotes():
    parts = {"word/header1.xml": BROKEN_HEADER, "word/footnotes.xml": f'<w:footnotes xmlns:w="{W_NS}">'}

    with pytest.raises(ReadError) as refused:
        read(build_docx(para(run("Zie noot"), footnote_ref(1)), parts=parts))

    assert str(refused.value) == "word/header1.xml is geen geldige XML (fout op regel 1, kolom 3692)"


def test_page_headers_without_a_document_number_are_not_parsed_when_the_head_says_everything(parsed):
    headers = {"word/header1.xml": header(run("Directie Wetgeving, "), run("Datum 2024"))}

    document = read(build_docx(HEAD, *BODY, parts=headers), "brief.docx")

    assert (document.metadata.title, document.metadata.kenmerk, document.metadata.document_number) == (
        "Voortgang meldkamers",
        "5303168",
        None,
    )
    assert "word/header1.xml" not in parsed


@pytest.mark.parametrize(
    "runs",
    [
        (run("Kenmerk 2024"), run("D12345")),
        (run("Kenmerk 2024D"), run("12345")),
        ('<w:r><w:t xml:space="preserve">Kenmerk 2024&#68;12345</w:t></w:r>',),
        ('<w:r><w:t xml:space="preserve">Kenmerk 2024&#x44;1&#50;345</w:t></w:r>',),
        ("<w:r><w:t><![CDATA[Kenmerk 2024D12345]]></w:t></w:r>",),
    ],
)
def test_a_document_number_in_a_page_header_is_found_however_it_is_written(runs):
    document = read(build_docx(HEAD, *BODY, parts={"word/header1.xml": header(*runs)}), "brief.docx")

    assert document.metadata.document_number == "2024D12345"


def outcome(check, data: bytes) -> str:
    try:
        check(data, "word/numbering.xml")
    except ReadError as exc:
        return str(exc)
    return "gelezen"


@pytest.mark.parametrize(
    "data",
    [
        NUMBERING.encode(),
        BROKEN_NUMBERING.encode(),
        b'<a xml:id="1 2"/>',  # only the tree builder checks an xml:id
        b'<a xml:id="x"><b xml:id="x"/></a>',
        b"<x:a/>",  # an undeclared prefix: in the parser's log, not raised without a tree
        b'<a xmlns:p=""/>',
        b'<a xmlns="relative"/>',  # a warning only: read
        b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
        b"<!DOCTYPE a><a/>",
        b"<a>&#0;</a>",
        "<a>één</a>".encode("utf-16"),
        b'<?xml version="1.0" encoding="latin1"?><a>\xe9</a>',
        b"\xef\xbb\xbf<a/>",
        b"",
        b"<a/><b/>",
    ],
)
def test_checking_a_part_raises_what_parsing_it_would(data):
    assert outcome(check_xml, data) == outcome(parse_xml, data)
