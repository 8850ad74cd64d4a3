import pytest

from letters.docx.reader import FootnoteRef, read
from letters.docx.sections import split
from tests.conftest import SAMPLES, SEED_VARIANTS
from tests.docx_builder import build_docx, text_para

# The seed letter's tree as the -styles variant shows it (Kop1/Kop2/Kop3) and the
# -numbered variant ("1.", "1.1", italic below): heading -> level.
SEED_LEVELS = [
    ("Meldkamers", 1),
    ("Ontwikkelingen in de meldkamers", 2),
    ("Realisatie meldkamers afgerond", 2),
    ("Pilots meldkamerfunctie ambulance en zorgcoördinatie", 2),
    ("Brief inspectie governance meldkamerdomein", 2),
    ("Videobellen met de meldkamer", 2),
    ("Ontwikkelingen 112", 2),
    ("Beleidsreactie WODC evaluatie naar programma IVC", 1),
    ("C2000", 2),
    ("Vernieuwing Missiekritische Communicatie (VMX)", 2),
    ("Taskforce Onze hulpverleners veilig", 1),
    ("Borging", 2),
    ("PTSS", 1),
    ("Landelijke regeling PTSS brandweer", 2),
    ("Dekking amendement 36725-VI, nr. 16 inzake uitvoering regeling PTSS brandweerlieden", 2),
    ("Kabinetsreactie initiatiefnota Boswijk c.s.", 2),
    ("Positieve en noodzakelijke ontwikkelingen", 3),
    ("Overkoepelende benadering", 3),
    ("Samenwerking en uitwisseling van kennis en ervaring", 3),
    ("Crisisbeheersing", 1),
    ("Rapport van de Inspectie Justitie en Veiligheid inzake versterking crisisbeheersing", 2),
    ("Brief Inspectie Justitie en Veiligheid inzake toezicht preparatie op (langdurige) stroomuitval", 2),
    ("Knooppunt Coördinatie Regio's- Rijk (KCR2)", 1),
    ("Weerbaarheid", 1),
    ("Ontwikkelingen alerteren bij (hybride) militaire dreiging", 1),
    ("Waarschuwings- en Alarmeringssysteem", 2),
    ("Noodcommunicatievoorziening", 1),
]


def sections_of(path):
    return split(read(path.read_bytes(), path.name).blocks)


@pytest.mark.parametrize("path", SEED_VARIANTS, ids=lambda p: p.name)
def test_seed_headings_match_the_careful_reader(path, gold):
    sections = sections_of(path)

    assert sections[0].heading == "" and sections[0].kind == "opening"
    assert sections[0].blocks[0].text.startswith("Met deze brief informeer ik uw Kamer over ontwikkelingen")
    assert [s.heading for s in sections[1:]] == gold["headings"]


@pytest.mark.parametrize("variant", ["-styles", "-numbered"])
def test_seed_levels_follow_styles_and_numbering(variant):
    sections = sections_of(SAMPLES / "seed" / f"verzamelbrief-2025D43420{variant}.docx")

    assert [(s.heading, s.level) for s in sections[1:]] == SEED_LEVELS


def test_numbered_headings_keep_their_number_apart():
    sections = sections_of(SAMPLES / "seed" / "verzamelbrief-2025D43420-numbered.docx")

    numbers = {s.heading: s.number for s in sections}
    assert numbers["Meldkamers"] == "1"
    assert numbers["Ontwikkelingen in de meldkamers"] == "1.1"
    assert numbers["Waarschuwings- en Alarmeringssysteem"] == "8.1"
    assert numbers["Positieve en noodzakelijke ontwikkelingen"] == "4.3.1"


def test_parents_nest_by_level():
    sections = sections_of(SAMPLES / "seed" / "verzamelbrief-2025D43420-styles.docx")

    parent_of = {s.heading: sections[s.parent].heading if s.parent is not None else None for s in sections}
    assert parent_of["Meldkamers"] is None
    assert parent_of["C2000"] == "Beleidsreactie WODC evaluatie naar programma IVC"
    assert parent_of["Overkoepelende benadering"] == "Kabinetsreactie initiatiefnota Boswijk c.s."
    assert parent_of["Noodcommunicatievoorziening"] is None


def test_bold_only_letter_gets_sensible_levels():
    """Without styles or numbers, a bold heading directly followed by another opens a chapter."""
    sections = sections_of(SAMPLES / "seed" / "verzamelbrief-2025D43420.docx")

    levels = {s.heading: s.level for s in sections}
    assert (levels["Meldkamers"], levels["Ontwikkelingen in de meldkamers"], levels["C2000"]) == (1, 2, 2)
    assert (levels["PTSS"], levels["Landelijke regeling PTSS brandweer"]) == (1, 2)
    assert levels["Positieve en noodzakelijke ontwikkelingen"] == 3  # italic under a bold level-2 heading
    assert levels["Crisisbeheersing"] == 1


def test_question_and_answer_letter():
    sections = sections_of(SAMPLES / "letters" / "jenv_antwoord_2023Z16994_mutluer_ellemeet_argos.docx")

    assert [(s.heading, s.level, s.kind) for s in sections] == [
        ("", 1, "opening"),
        (
            "Antwoorden van de Minister van Justitie en Veiligheid op de vragen van de leden Mutluer (PvdA) en "
            "Ellemeet (GroenLinks) over een uitzending van Argos over de dood van Sammy Baker",
            1,
            "title",
        ),
        ("Vraag 1", 2, "question"),
        ("Antwoord op vraag 1", 2, "answer"),
        ("Vraag 2", 2, "question"),
        ("Antwoord op vraag 2", 2, "answer"),
        ("Vraag 3", 2, "question"),
        ("Vraag 4", 2, "question"),
        ("Antwoord op vragen 3 en 4", 2, "answer"),
        ("Vraag 5", 2, "question"),
        ("Vraag 6", 2, "question"),
    ]
    # the bold question text under "Vraag 1" is the question, not a heading
    # its source marker "1)" is a note reference now, to the letter's closing source list
    question = sections[2].blocks[0]
    assert question.text == "Ken u de uitzending van Argos 'Het laatste kwartier van Sammy'?"
    assert question.footnote_refs == (FootnoteRef(63, "1)"),)
    assert (sections[1].parent, sections[2].parent) == (None, 1)


def test_title_broken_over_two_bold_paragraphs_is_one_heading():
    sections = sections_of(SAMPLES / "letters" / "jenv_antwoord_2024Z11859_mutluer_wolvega.docx")

    assert sections[1].heading == (
        "Antwoorden van de minister van Justitie en Veiligheid op Kamervragen van de leden Mutluer, Lahlah "
        "(GroenLinks-PvdA), Boswijk (CDA) en Helder (BBB) over de voorgenomen sluiting van het politiebureau in "
        "Wolvega."
    )
    assert [s.heading for s in sections[-3:]] == ["Antwoord op vraag 7", "Vraag 8", "Antwoord op vraag 3 en 8"]


@pytest.mark.parametrize("path", sorted((SAMPLES / "letters").glob("*.docx")), ids=lambda p: p.name[:30])
def test_every_real_letter_alternates_questions_and_answers_under_one_title(path):
    sections = sections_of(path)

    kinds = [s.kind for s in sections]
    assert kinds[:2] == ["opening", "title"]
    assert set(kinds[2:]) <= {"question", "answer"}
    assert kinds.count("question") >= 3
    assert all(s.parent == 1 for s in sections[2:])


@pytest.mark.parametrize(
    ("text", "is_heading"),
    [
        ("Meldkamers", True),
        ("Kabinetsreactie initiatiefnota Boswijk c.s.", True),
        ("Wat is uw reactie op het manifest?", False),
        ("Dit is een gewone zin die eindigt met een punt.", False),
        ("Zie hieronder:", False),
        ("x" * 200, True),  # an amendment's title runs this long
        ("x" * 251, False),
    ],
)
def test_which_bold_paragraphs_are_headings(text, is_heading):
    sections = split(read(build_docx(text_para("Inleiding."), text_para(text, bold=True), text_para("Tekst."))).blocks)

    assert (len(sections) == 2) == is_heading


def headings_of(*bold_lines: str) -> list[tuple[str, int]]:
    body = [text_para("Geachte voorzitter,")]
    for line in bold_lines:
        body += [text_para(line, bold=True)]
    body += [text_para("Tekst van de passage.")]
    return [(s.heading, s.level) for s in split(read(build_docx(*body)).blocks)[1:]]


def test_a_lettered_subheading_under_a_numbered_heading_is_a_heading_of_its_own():
    # szw-2018: "2. …" and "a. …" in bold, one after the other, are not one heading broken in two
    assert headings_of("2. Uitkomsten tussentijdse evaluatie", "a. Bestuurlijke afspraken tussen SZW en VNG") == [
        ("Uitkomsten tussentijdse evaluatie", 1),
        ("a. Bestuurlijke afspraken tussen SZW en VNG", 2),
    ]


def test_a_bold_heading_broken_over_two_paragraphs_is_still_one():
    assert headings_of("Beleidsreactie op het rapport van", "de Inspectie Justitie en Veiligheid") == [
        ("Beleidsreactie op het rapport van de Inspectie Justitie en Veiligheid", 1)
    ]


def test_body_before_the_first_heading_is_the_untitled_opening():
    sections = split(read(build_docx(text_para("Geachte voorzitter,"), text_para("Meldkamers", bold=True))).blocks)

    assert [(s.heading, s.kind, [b.text for b in s.blocks]) for s in sections] == [
        ("", "opening", ["Geachte voorzitter,"]),
        ("Meldkamers", "heading", []),
    ]
