"""The list definitions of word/numbering.xml are parsed one by one as a letter's lists ask for them
(letters/docx/numbering.py): the same elements as a whole parse gives, a whole parse wherever a cut could
change what is read, and the whole parse's message for a part broken where it is read."""

import zipfile

import pytest
from lxml import etree

from letters.docx.numbering import Numbering
from letters.docx.package import ReadError, parse_xml
from letters.docx.reader import read
from letters.docx.wordml import ABSTRACT_NUM, ABSTRACT_NUM_ID
from tests.conftest import REAL_LETTERS, SEED_VARIANTS
from tests.docx_builder import build_docx, para, run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAME = "word/numbering.xml"


def definition(number: int, fmt: str = "decimal", extra: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{number}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>{extra}</w:abstractNum>'
    )


def numbering(*definitions: str, prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>') -> bytes:
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    )
    return f'{prolog}<w:numbering xmlns:w="{W_NS}">{"".join(definitions)}{nums}</w:numbering>'.encode()


def whole(data: bytes) -> tuple[list[bytes], dict[str, bytes]]:
    root = parse_xml(data, NAME)
    abstracts = {a.get(ABSTRACT_NUM_ID): etree.tostring(a) for a in root.iterchildren(ABSTRACT_NUM)}
    return [etree.tostring(num) for num in root.iterchildren(f"{{{W_NS}}}num")], abstracts


@pytest.mark.parametrize("path", [*SEED_VARIANTS, *REAL_LETTERS], ids=lambda path: path.name)
def test_a_letters_lists_and_definitions_are_those_a_whole_parse_gives(path):
    with zipfile.ZipFile(path) as archive:
        data = archive.read(NAME)  # every sample letter has one
    nums, abstracts = whole(data)
    part = Numbering(data, NAME)

    assert part._spans is not None  # cut, not parsed whole
    assert [etree.tostring(num) for num in part.nums] == nums
    assert {key: etree.tostring(part.abstract(key)) for key in abstracts} == abstracts
    assert part.abstract("999") is None


@pytest.mark.parametrize(
    "data",
    [
        numbering(definition(0), "<!-- een opmerking -->", definition(1)),
        numbering(definition(0), definition(1), prolog='<?xml version="1.0" encoding="ISO-8859-1"?>'),
        numbering(definition(0), definition(1).replace('w:abstractNumId="1"', "w:abstractNumId='1'")),
        numbering(definition(0), '<w:abstractNum w:abstractNumId="1"/>'),
        numbering(definition(0, extra=definition(1))),  # nested
        numbering(definition(0), definition(1), "<![CDATA[x]]>"),
    ],
    ids=["comment", "latin-1", "quoted-id", "empty", "nested", "cdata"],
)
def test_a_part_a_cut_could_misread_is_parsed_whole(data):
    try:
        expected = whole(data)
    except ReadError as exc:
        with pytest.raises(ReadError, match=str(exc)):
            Numbering(data, NAME)
        return
    part = Numbering(data, NAME)

    assert part._spans is None
    assert [etree.tostring(num) for num in part.nums] == expected[0]
    assert {key: etree.tostring(part.abstract(key)) for key in expected[1]} == expected[1]


def test_a_doctype_is_refused_as_a_whole_parse_refuses_it():
    data = numbering(definition(0), definition(1), prolog='<!DOCTYPE w:numbering [<!ENTITY x "y">]>')

    with pytest.raises(ReadError) as refused:
        Numbering(data, NAME)

    assert str(refused.value) == "word/numbering.xml bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor"


def test_the_last_definition_of_an_id_counts():
    part = Numbering(numbering(definition(1, "decimal"), definition(1, "lowerLetter")), NAME)

    assert part.abstract("1").find(f".//{{{W_NS}}}numFmt").get(f"{{{W_NS}}}val") == "lowerLetter"


def listed_letter(data: bytes) -> bytes:
    return build_docx(para(run("Eerste punt"), num=(1, 0)), parts={NAME: data.decode()})


def test_a_broken_definition_a_list_uses_is_refused_with_the_whole_parts_message():
    data = numbering(definition(0), definition(1, extra="<w:lvl>"))
    with pytest.raises(ReadError) as whole_parse:
        parse_xml(data, NAME)

    with pytest.raises(ReadError) as refused:
        read(listed_letter(data))

    assert str(refused.value) == str(whole_parse.value)


def test_a_broken_definition_no_list_uses_does_not_keep_the_letter_out():
    document = read(listed_letter(numbering(definition(0, extra="<w:lvl>"), definition(1))))

    assert document.blocks[0].list_label == "1."
