"""What the fourth held-out round of real letters showed the reader did not know (tests/corpus/README.md):
the long title of an amendment or motion heading its answer, and a heading right after the signature
of a cover letter ("Vragen van het lid …" over the answers sent along)."""

from letters.docx.reader import read
from letters.docx.sections import split
from tests.docx_builder import build_docx, text_para

AMENDMENT = (
    "Amendement met Kamerstuk 36 200 XVI, nr. 12 van het Kamerlid Van Dijck (PVV) gericht de afschaffing van het "
    "eigen risico ten behoeve van het verbeteren van de koopkracht van burgers"
)


def headings(*body: str) -> list[str]:
    return [section.heading for section in split(read(build_docx(*body), "brief.docx").blocks) if section.heading]


def test_an_amendments_long_title_in_bold_heads_its_answer():
    assert len(AMENDMENT) == 181
    assert headings(text_para("Hierbij de reactie."), text_para(AMENDMENT, bold=True), text_para("Ontraden.")) == [
        AMENDMENT
    ]


def test_a_bold_paragraph_longer_than_any_title_is_no_heading():
    long = "Nadruk " + "op een lange zin zonder punt " * 9  # 268 characters, no full stop
    assert len(long) > 250

    assert headings(text_para("Inleiding."), text_para(long, bold=True), text_para("Verder.")) == []


def test_a_heading_after_the_signature_is_kept_and_is_no_signatory():
    content = build_docx(
        text_para("Hierbij treft u de schriftelijke antwoorden aan."),
        text_para("De minister van Buitenlandse Zaken,"),
        text_para("Vragen van het lid Piri (GL-PvdA)", bold=True),
        text_para("Vraag 1", bold=True),
        text_para("Waarom zien we een afname van de steun?"),
    )
    parsed = read(content, "antwoorden.docx")

    assert parsed.metadata.signatory == ""
    assert "Vragen van het lid Piri (GL-PvdA)" in [s.heading for s in split(parsed.blocks)]


def test_the_name_under_the_signature_is_still_the_signatory():
    parsed = read(
        build_docx(
            text_para("Hierbij de antwoorden."),
            text_para("De minister van Buitenlandse Zaken,"),
            text_para("Caspar Veldkamp"),
            text_para("Vragen van het lid Piri (GL-PvdA)", bold=True),
        ),
        "antwoorden.docx",
    )

    assert (parsed.metadata.sender, parsed.metadata.signatory) == ("Minister van Buitenlandse Zaken", "Caspar Veldkamp")
