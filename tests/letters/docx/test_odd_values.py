"""Odd but harmless values in a .docx are read, not a crash (they raised ValueError before)."""

from letters.docx.reader import read
from tests.docx_builder import build_docx, footnote_ref, para, run, text_para

NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)


def test_a_private_use_character_beside_a_footnote_marker_is_read_as_a_space():
    content = build_docx(para(run("Zie\ue000hier"), footnote_ref(1), run(" verder.")), footnotes={1: "Bron."})

    (paragraph,) = read(content).blocks

    assert (paragraph.text, [(ref.offset, ref.number) for ref in paragraph.footnote_refs]) == (
        "Zie hier verder.",
        [(8, "1")],
    )


def test_a_list_level_that_is_no_number_counts_as_the_first_level():
    bad_level = para(run("Eén"), num=(4, 0)).replace('w:ilvl w:val="0"', 'w:ilvl w:val="x"')
    content = build_docx(bad_level, text_para("Twee", num=(4, 0)), parts={"word/numbering.xml": NUMBERING})

    blocks = read(content).blocks

    assert [(b.list_label, b.list_level, b.text) for b in blocks] == [("1.", 0, "Eén"), ("2.", 0, "Twee")]


def test_superscript_digits_in_levels_and_starts_count_as_no_number():
    # "²" passes str.isdigit() but not int(): an outline level, a list level or a start written so is ignored
    numbering = NUMBERING.replace('w:ilvl="x"', 'w:ilvl="0"').replace('w:start w:val="1"', 'w:start w:val="²"')
    odd_level = para(run("Eén"), num=(4, 0)).replace('w:ilvl w:val="0"', 'w:ilvl w:val="²"')
    heading = text_para("Kop").replace("<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="²"/></w:pPr>', 1)
    content = build_docx(heading, odd_level, parts={"word/numbering.xml": numbering})

    blocks = read(content).blocks

    assert [(b.text, b.outline_level, b.list_level, b.list_label) for b in blocks] == [
        ("Kop", None, None, ""),
        ("Eén", None, 0, "1."),
    ]
