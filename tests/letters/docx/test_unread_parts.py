"""What the reader never reads is never parsed (issue 16): Word's w:latentStyles in styles.xml is cut from
the bytes before libxml2 reads them, when that cut cannot change what is read; damage inside it does not
keep an intact letter out, as with the parts a letter never uses (test_deferred_parts.py)."""

import pytest

from letters.docx.package import without_element
from letters.docx.reader import read
from letters.docx.sections import split
from tests.docx_builder import build_docx, text_para

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TAG = b"w:latentStyles"


@pytest.mark.parametrize(
    ("data", "cut"),
    [
        (b'<a><w:latentStyles w:count="2"><b/></w:latentStyles><c/></a>', b"<a><c/></a>"),
        (b"<a><w:latentStyles>\n</w:latentStyles></a>", b"<a></a>"),
        (b"<a><w:latentStyles/></a>", None),  # no end tag
        (b"<a><w:latentStylesX></w:latentStylesX></a>", None),  # another tag
        (b"<a><w:latentStyles><!-- x --></w:latentStyles></a>", None),  # a comment the cut could break
        (b"<a><!-- <w:latentStyles> --><w:latentStyles></w:latentStyles></a>", None),  # twice
        (b"<a><w:latentStyles><![CDATA[</w:latentStyles>]]></w:latentStyles></a>", None),
        (b"<a/>", None),
    ],
)
def test_the_element_is_cut_only_where_the_cut_cannot_change_what_is_read(data, cut):
    assert without_element(data, TAG) == (data if cut is None else cut)


def styles(latent: str) -> str:
    return (
        f'<w:styles xmlns:w="{W_NS}"><w:latentStyles w:count="1">{latent}</w:latentStyles>'
        '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/>'
        "</w:pPr></w:style></w:styles>"
    )


@pytest.mark.parametrize(
    "latent",
    ['<w:lsdException w:name="Normal"/>', '<w:lsdException w:name="a" w:name="b"/>'],
    ids=["intact", "broken"],
)
def test_a_letter_reads_the_same_whatever_its_latent_styles_hold(latent):
    heading = text_para("Meldkamers").replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="Kop1"/></w:pPr>', 1)
    content = build_docx(
        text_para("Inleiding."), heading, text_para("Tekst."), parts={"word/styles.xml": styles(latent)}
    )

    sections = split(read(content, "brief.docx").blocks)

    assert [(s.heading, s.level) for s in sections] == [("", 1), ("Meldkamers", 1)]
