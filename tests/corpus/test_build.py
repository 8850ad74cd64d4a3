import io
import zipfile

import pytest

from tests.corpus.build import Block, SourceError, build, parse

SOURCE = """---
ministry: Justitie en Veiligheid
date: 26 april 2018
subject: Kabinetsreactie evaluatie Politiewet 2012
headings: numbered
---
Ik heb het rapport op dezelfde dag aan uw Kamer doorgezonden.[^1] Zie
ook de voortgangsbrief.

# Inleiding

- eerste punt
+ genummerd punt

[^1]: Kamerstukken I, 2017/18 30 880 AA
"""


def test_parse_joins_lines_into_paragraphs_and_reads_headings_lists_and_footnotes():
    source = parse(SOURCE)

    assert source.blocks == (
        Block(
            "paragraph", "Ik heb het rapport op dezelfde dag aan uw Kamer doorgezonden.[^1] Zie ook de voortgangsbrief."
        ),
        Block("heading", "Inleiding", 1),
        Block("bullet", "eerste punt"),
        Block("numbered", "genummerd punt"),
    )
    assert source.footnotes == {"1": "Kamerstukken I, 2017/18 30 880 AA"}


def test_parse_rejects_a_marker_without_a_footnote():
    with pytest.raises(SourceError) as error:
        parse(SOURCE.replace("[^1]: Kamerstukken I, 2017/18 30 880 AA\n", ""))

    assert str(error.value) == "footnote markers without a definition: ['1']"


def test_build_writes_word_footnotes_numbered_headings_and_the_same_bytes_each_time():
    content = build(parse(SOURCE))
    archive = zipfile.ZipFile(io.BytesIO(content))
    document = archive.read("word/document.xml").decode()

    assert build(parse(SOURCE)) == content
    assert '<w:footnoteReference w:id="1"/>' in document
    assert '<w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>' in document
    assert "Kamerstukken I, 2017/18 30 880 AA" in archive.read("word/footnotes.xml").decode()
