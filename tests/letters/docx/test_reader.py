import datetime

import pytest

from letters.docx.reader import FootnoteRef, Paragraph, Table, read
from tests.conftest import SAMPLES, SEED, SEED_VARIANTS
from tests.docx_builder import build_docx, footnote_ref, head_table, para, run, text_para

LETTERS = SAMPLES / "letters"


@pytest.mark.parametrize(
    ("filename", "title", "date", "signatory"),
    [
        (
            "jenv_antwoord_2023Z16994_mutluer_ellemeet_argos.docx",
            "Beantwoording van Kamervragen van de leden Mutluer (PvDA) en Ellemeet (GroenLinks) over een "
            "uitzending van Argos over de dood van Sammy Baker",
            datetime.date(2023, 11, 7),
            "D. Yeşilgöz-Zegerius",
        ),
        (
            # custom.xml still holds the subject of another letter (Wassenberg): the visible one wins
            "jenv_antwoord_2023Z19677_temmink_vannispen_nietnoodnummer.docx",
            "Beantwoording Kamervragen van de leden Temmink en Van Nispen (beiden SP) aan de minister van Justitie "
            "en Veiligheid over het feit dat het niet noodgevallen nummer van de Brandweer in handen is van een "
            "commerciële partij",
            datetime.date(2024, 1, 11),
            "D. Yeşilgöz-Zegerius",
        ),
        (
            # header text boxes (stored twice by Word) say 25 juli; custom.xml says 8 juli
            "jenv_antwoord_2024Z11859_mutluer_wolvega.docx",
            "Beantwoording Kamervragen leden Mutluer, Lahlah (GroenLinks-PvdA), Boswijk (CDA) en Helder (BBB) over "
            "de voorgenomen sluiting van het politiebureau in Wolvega",
            datetime.date(2024, 7, 25),
            "D.M. van Weel",
        ),
        (
            # the date field's result is split over runs ("2" + "4 maart 2024"); custom.xml says 14 maart
            "jenv_antwoord_eerdmans_me_arnhem.docx",
            "Beantwoording Kamervragen van het lid Eerdmans (JA21) over het bericht dat een ME'er in Arnhem zijn "
            "taak niet wilde uitvoeren vanwege zijn religie",
            datetime.date(2024, 3, 24),
            "D. Yeşilgöz-Zegerius",
        ),
        (
            # custom.xml cuts the subject at 110 characters; the letter head has all of it
            "jenv_antwoord_2023Z19006_beckerman_milieudelicten.docx",
            "Beantwoording van Kamervragen van het lid Beckerman (SP) aan de staatssecretaris van "
            "Infrastructuur en de minister van Justitie en Veiligheid over het artikel 'Agenten willen meer "
            "aandacht voor milieu: ‘Delicten met de meeste doden krijgen geen prioriteit.’'",
            datetime.date(2023, 12, 4),
            "D. Yeşilgöz-Zegerius",
        ),
    ],
)
def test_real_letter_metadata_is_what_the_reader_sees(filename, title, date, signatory):
    meta = read((LETTERS / filename).read_bytes(), filename).metadata

    assert (meta.title, meta.date, meta.sender, meta.signatory) == (
        title,
        date,
        "Minister van Justitie en Veiligheid",
        signatory,
    )


@pytest.mark.parametrize("path", SEED_VARIANTS, ids=lambda p: p.name)
def test_seed_metadata_matches_gold(path, gold):
    meta = read(path.read_bytes(), path.name).metadata

    assert meta.title == gold["title"]
    assert meta.date.isoformat() == gold["date"]
    assert meta.document_number == gold["document_number"]
    assert meta.sender_display == "Minister van Justitie en Veiligheid (Foort van Oosten)"


def test_seed_footnotes_in_order_with_their_text():
    footnotes = read(SEED.read_bytes()).footnotes

    assert [f.number for f in footnotes] == [str(n) for n in range(1, 36)]
    assert footnotes[0].text == "Kamerstukken II, 2023/24, 29 517, nr. 264"
    assert footnotes[3].text == "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272"
    assert footnotes[6].text == "Kamerstukken II, 2018/19, 29 517 nr. 172 en Kamerstukken II, 2018/19 29 517 nr. 173"


def test_seed_footnote_markers_stand_where_the_reader_sees_them():
    blocks = read(SEED.read_bytes()).blocks
    marked = {
        ref.number: block.text[: ref.offset]
        for block in blocks
        if isinstance(block, Paragraph)
        for ref in block.footnote_refs
    }

    assert marked["1"].endswith("Zoals ik in mijn vorige brief")
    assert marked["4"].endswith("Hiermee beschouw ik de motie van het lid Wijen-Nass")
    assert marked["9"].endswith("die voldoet aan bepaalde vaardigheden en deskundigheid.")
    assert len(marked) == 35


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # a word split over runs, with proofing marks and a bookmark between them
        (
            '<w:r><w:t>meld</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/>'
            '<w:r><w:t>kamers</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>',
            "meldkamers",
        ),
        # a field: the code is hidden, the result is what the reader sees
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCPROPERTY datum </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3 oktober 2025</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            "3 oktober 2025",
        ),
        # a simple field keeps its visible result
        ('<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>', "1"),
        # tabs and no-break spaces read as single spaces
        (
            "<w:r><w:t>Datum</w:t><w:tab/><w:t>3\u00a0oktober</w:t><w:t xml:space='preserve'>  2025</w:t></w:r>",
            "Datum 3 oktober 2025",
        ),
        # deleted revisions are not shown, inserted ones are
        (
            '<w:r><w:t xml:space="preserve">de </w:t></w:r>'
            '<w:del w:id="1" w:author="a"><w:r><w:delText>oude </w:delText>'
            '</w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">nieuwe </w:t></w:r></w:ins>'
            "<w:r><w:t>tekst</w:t></w:r>",
            "de nieuwe tekst",
        ),
        # a hyperlink's text is part of the sentence
        (
            '<w:r><w:t xml:space="preserve">zie </w:t></w:r>'
            '<w:hyperlink r:id="rId9"><w:r><w:t>de website</w:t></w:r></w:hyperlink>',
            "zie de website",
        ),
        # a no-break hyphen is a hyphen
        ("<w:r><w:t>C2000</w:t><w:noBreakHyphen/><w:t>systeem</w:t></w:r>", "C2000\u2011systeem"),
    ],
    ids=["split-runs", "complex-field", "simple-field", "tabs-nbsp", "revisions", "hyperlink", "nobreak-hyphen"],
)
def test_text_comes_out_as_a_reader_sees_it(runs, expected):
    parsed = read(build_docx(f"<w:p>{runs}</w:p>"))

    assert [block.text for block in parsed.blocks] == [expected]


def test_footnote_marker_glued_to_a_word_and_a_number():
    content = build_docx(
        para(run("de motie Van Dijk c.s."), footnote_ref(1), run(" en nr. 264"), footnote_ref(2), run(".")),
        footnotes={1: "Kamerstuk 29517, nr. 260", 2: "Kamerstukken II 2024/25, 29 517, nr. 264"},
    )

    parsed = read(content)

    assert parsed.blocks[0].text == "de motie Van Dijk c.s. en nr. 264."
    assert parsed.blocks[0].footnote_refs == (FootnoteRef(22, "1"), FootnoteRef(33, "2"))
    assert [(f.number, f.text) for f in parsed.footnotes] == [
        ("1", "Kamerstuk 29517, nr. 260"),
        ("2", "Kamerstukken II 2024/25, 29 517, nr. 264"),
    ]


def test_footnotes_are_numbered_by_where_they_are_cited_not_by_id():
    content = build_docx(
        para(run("eerst"), footnote_ref(7)),
        para(run("dan"), footnote_ref(3)),
        footnotes={3: "tweede", 7: "eerste"},
    )

    parsed = read(content)

    assert [(f.number, f.text) for f in parsed.footnotes] == [("1", "eerste"), ("2", "tweede")]


def test_dangling_footnote_reference_keeps_its_marker_and_imports():
    parsed = read(build_docx(para(run("tekst"), footnote_ref(5)), footnotes={1: "niet geciteerd"}))

    assert parsed.blocks[0].footnote_refs == (FootnoteRef(5, "1"),)
    assert parsed.footnotes == ()


def test_letter_head_table_is_metadata_not_body():
    content = build_docx(
        head_table("12 maart 2024", "Voortgang C2000", label="Onderwerp"), text_para("Geachte voorzitter,")
    )

    parsed = read(content, "brief.docx")

    assert parsed.metadata.title == "Voortgang C2000"
    assert parsed.metadata.date == datetime.date(2024, 3, 12)
    assert [block.text for block in parsed.blocks] == ["Geachte voorzitter,"]


def test_data_table_in_the_body_is_kept_with_its_cells():
    table = (
        "<w:tbl><w:tr><w:tc>" + text_para("Regio") + "</w:tc><w:tc>" + text_para("Meldingen") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + text_para("Utrecht") + "</w:tc><w:tc>" + text_para("1.200") + "</w:tc></w:tr></w:tbl>"
    )

    parsed = read(build_docx(text_para("Zie de tabel."), table))

    assert isinstance(parsed.blocks[1], Table)
    assert [[cell.text for cell in row] for row in parsed.blocks[1].rows] == [
        ["Regio", "Meldingen"],
        ["Utrecht", "1.200"],
    ]


def test_list_labels_follow_word_numbering():
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    content = build_docx(
        text_para("Eén", num=(4, 0)),
        text_para("Twee", num=(4, 0)),
        text_para("Sub", num=(4, 1)),
        text_para("Drie", num=(4, 0)),
        parts={"word/numbering.xml": numbering},
    )

    blocks = read(content).blocks

    assert [(b.list_label, b.list_level, b.text) for b in blocks] == [
        ("1.", 0, "Eén"),
        ("2.", 0, "Twee"),
        ("a)", 1, "Sub"),
        ("3.", 0, "Drie"),
    ]


def test_dutch_heading_style_gives_outline_level():
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="EigenKop"><w:name w:val="Eigen kop"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>'
    )
    content = build_docx(
        text_para("Tweede niveau", style="Kop2"),
        text_para("Eerste niveau", style="EigenKop"),
        parts={"word/styles.xml": styles},
    )

    blocks = read(content).blocks

    assert [(b.text, b.outline_level) for b in blocks] == [("Tweede niveau", 1), ("Eerste niveau", 0)]


def test_text_box_is_read_once_despite_its_fallback_copy():
    box = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent>"
        + text_para("in het kader")
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + text_para("in het kader")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Daarna</w:t></w:r></w:p>"
    )

    parsed = read(build_docx(box))

    assert [block.text for block in parsed.blocks] == ["Daarna", "in het kader"]
