"""Parts the reader always parses whole (styles, numbering, headers, properties) have a size cap.

libxml2's tree of a part is many times its size: before, a 3.6 MB file with a 39 MB styles.xml took
17 s and 700 MB of memory, inside the web request.
"""

import pytest

from letters.docx.package import MAX_WHOLE_PART_BYTES, MAX_WHOLE_PARTS_BYTES
from letters.docx.reader import ReadError, read
from tests.docx_builder import build_docx, text_para

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (text_para("Met deze brief informeer ik uw Kamer."),)


def part_of(root: str, piece: str, size: int) -> str:
    """A valid part of at least `size` bytes: numbered pieces (numbered, so that it does not
    compress like a zip bomb) inside the root element."""
    pieces, length, n = [], 0, 0
    while length < size:
        pieces.append(piece.format(n=n))
        length, n = length + len(pieces[-1]), n + 1
    return f'<w:{root} xmlns:w="{W_NS}">' + "".join(pieces) + f"</w:{root}>"


def styles_of(size: int) -> str:
    return part_of("styles", '<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="Stijl {n}"/></w:style>', size)


def header_of(size: int) -> str:
    return part_of("hdr", "<w:p><w:r><w:t>Directie Veiligheid en Bestuur, kenmerk {n}</w:t></w:r></w:p>", size)


def test_a_styles_part_bigger_than_a_whole_part_may_be_is_refused():
    content = build_docx(*BODY, parts={"word/styles.xml": styles_of(MAX_WHOLE_PART_BYTES + 1024)})

    with pytest.raises(ReadError) as refused:
        read(content)

    assert str(refused.value).startswith("word/styles.xml is te groot (20")
    assert "KB uitgepakt; in een brief hooguit enkele tientallen KB)" in str(refused.value)


def test_many_page_headers_each_within_the_cap_are_refused_together():
    each = MAX_WHOLE_PART_BYTES - 4096
    headers = {f"word/header{n}.xml": header_of(each) for n in range(1, MAX_WHOLE_PARTS_BYTES // each + 2)}

    with pytest.raises(ReadError) as refused:
        read(build_docx(*BODY, parts=headers))

    assert str(refused.value) == "de opmaakdelen van het bestand zijn samen te groot (meer dan 6 MB)"


def test_a_real_sized_styles_part_is_read():
    parsed = read(build_docx(*BODY, parts={"word/styles.xml": styles_of(80 * 1024)}))

    assert [block.text for block in parsed.blocks] == ["Met deze brief informeer ik uw Kamer."]
