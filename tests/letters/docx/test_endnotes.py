"""Endnotes (word/endnotes.xml) are read like footnotes: marked as the letter marks them, within the same caps."""

import pytest

from letters.docx.package import MAX_FOOTNOTES
from letters.docx.reader import Footnote, FootnoteRef, ReadError, read
from tests.docx_builder import W_NS, build_docx, footnote_ref, para, run, text_para

SEED_NOTE = "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272"
NEXT_NOTE = "Kamerstukken II 2023/24, 25 295, nr. 2186"


def endnote_ref(endnote_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="Eindnootmarkering"/></w:rPr><w:endnoteReference w:id="{endnote_id}"/></w:r>'


def endnotes_xml(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:endnote w:id="{number}"><w:p><w:r><w:endnoteRef/></w:r>{run(" " + text)}</w:p></w:endnote>'
        for number, text in notes.items()
    )
    return (
        f'<w:endnotes xmlns:w="{W_NS}"><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        f'</w:r></w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:endnote>{body}</w:endnotes>"
    )


def settings_xml(fmt: str, start: int = 1) -> str:
    return (
        f'<w:settings xmlns:w="{W_NS}"><w:endnotePr><w:numFmt w:val="{fmt}"/><w:numStart w:val="{start}"/>'
        "</w:endnotePr></w:settings>"
    )


def letter_with_endnotes(*body, endnotes, settings=None, footnotes=None) -> bytes:
    parts = {"word/endnotes.xml": endnotes_xml(endnotes)}
    if settings:
        parts["word/settings.xml"] = settings
    return build_docx(*body, footnotes=footnotes, parts=parts)


def test_endnotes_are_kept_with_word_default_marks_in_the_order_the_text_cites_them():
    content = letter_with_endnotes(
        para(run("Uw Kamer is eerder geïnformeerd over videobellen"), endnote_ref(2), run(".")),
        para(run("Over de landelijke meldkamer"), endnote_ref(1), run(" en videobellen"), endnote_ref(2)),
        endnotes={1: NEXT_NOTE, 2: SEED_NOTE, 3: "Een eindnoot die de tekst niet noemt."},
    )

    parsed = read(content)

    assert parsed.footnotes == (Footnote("i", SEED_NOTE), Footnote("ii", NEXT_NOTE))
    first, second = parsed.blocks
    assert first.footnote_refs == (FootnoteRef(offset=48, number="i"),)
    assert first.text == "Uw Kamer is eerder geïnformeerd over videobellen."
    assert second.footnote_refs == (FootnoteRef(28, "ii"), FootnoteRef(43, "i"))


@pytest.mark.parametrize(
    ("fmt", "start", "marks"),
    [
        ("decimal", 1, ["1", "2"]),
        ("upperRoman", 1, ["I", "II"]),
        ("lowerLetter", 3, ["c", "d"]),
        ("chicago", 4, ["§", "**"]),
    ],
)
def test_endnotes_are_marked_as_the_letters_settings_say(fmt, start, marks):
    content = letter_with_endnotes(
        para(run("Zie"), endnote_ref(1), run(" en"), endnote_ref(2)),
        endnotes={1: SEED_NOTE, 2: NEXT_NOTE},
        settings=settings_xml(fmt, start),
    )

    assert [note.number for note in read(content).footnotes] == marks


def test_numbered_endnotes_beside_footnotes_keep_marks_of_their_own():
    """Word would show two notes marked "1"; the reader keeps Word's default endnote marks there."""
    content = letter_with_endnotes(
        para(run("Een voetnoot"), footnote_ref(1), run(" en een eindnoot"), endnote_ref(1)),
        endnotes={1: NEXT_NOTE},
        footnotes={1: SEED_NOTE},
        settings=settings_xml("decimal"),
    )

    parsed = read(content)

    assert parsed.footnotes == (Footnote("1", SEED_NOTE), Footnote("i", NEXT_NOTE))
    assert [ref.number for ref in parsed.blocks[0].footnote_refs] == ["1", "i"]


def test_an_endnote_marker_without_endnotes_part_is_dropped_and_the_text_kept():
    parsed = read(build_docx(para(run("Zie de brief"), endnote_ref(1), run("."))))

    assert (parsed.blocks[0].text, parsed.footnotes) == ("Zie de brief.", ())


def test_endnote_markers_count_towards_the_footnote_cap():
    markers = [footnote_ref(1)] + [endnote_ref(1 + index % 2) for index in range(MAX_FOOTNOTES)]
    content = letter_with_endnotes(para(run("Zie de noten."), *markers), endnotes={1: "een", 2: "twee"})

    with pytest.raises(ReadError) as refused:
        read(content)

    assert str(refused.value) == "de brief bevat te veel voetnoten (meer dan 10.000)"


def test_a_custom_endnote_mark_stays_in_the_text_as_written():
    custom = '<w:r><w:endnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>'
    parsed = read(letter_with_endnotes(para(run("Zie"), custom), endnotes={1: SEED_NOTE}))

    assert (parsed.blocks[0].text, parsed.footnotes) == ("Zie*", ())


def test_a_heading_with_an_endnote_is_still_a_heading():
    content = letter_with_endnotes(
        text_para("Met deze brief informeer ik uw Kamer."),
        para(run("Videobellen met de meldkamer", bold=True), endnote_ref(1)),
        text_para("De pilot is afgerond."),
        endnotes={1: SEED_NOTE},
    )

    heading = read(content).blocks[1]

    assert (heading.bold, heading.footnote_refs) == (True, (FootnoteRef(28, "i"),))
