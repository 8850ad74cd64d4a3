import time

import pytest

from letters.docx.reader import ReadError, read
from letters.docx.sections import split
from tests.docx_builder import build_docx, para, run, text_para
from tests.letters.docx.bad_files import BAD_FILES, BAD_IDS


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=BAD_IDS)
def test_bad_file_is_refused_with_a_clear_reason_quickly(name, make, reason):
    content = make()
    started = time.perf_counter()

    with pytest.raises(ReadError) as refused:
        read(content, name)

    assert str(refused.value) == reason
    # Refusing must not mean unpacking: even the 200 MB bomb is turned away at once.
    assert time.perf_counter() - started < 2


def test_dtd_is_refused_even_past_the_first_bytes():
    padding = "<!-- " + "x" * 5000 + " -->"
    xml = (
        f'<?xml version="1.0"?>{padding}<!DOCTYPE d [<!ENTITY e "boom">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"
    )
    from tests.letters.docx.bad_files import _with_document

    with pytest.raises(ReadError, match="DTD"):
        read(_with_document(xml))


def test_twenty_thousand_paragraphs_still_read_and_split():
    body = []
    for index in range(20_000):
        if index % 100 == 0:
            body.append(text_para(f"Onderdeel {index // 100}", bold=True))
        else:
            body.append(para(run(f"Alinea {index} over de meldkamer.")))

    sections = split(read(build_docx(*body)).blocks)

    assert len(sections) == 200
    assert sections[-1].heading == "Onderdeel 199"
    assert sum(len(s.blocks) for s in sections) == 19_800
