import collections
import datetime

import pytest

from commitments.dates import parse_due
from commitments.extraction import Passage, commitment_kind, find_commitments, find_motions, sentences
from letters.importing.analysis import analyse
from tests.conftest import SEED

LETTER_DATE = datetime.date(2025, 10, 3)


def motions_in(text, refs=(), footnotes=None):
    return find_motions([Passage(0, text, tuple(refs))], footnotes or {})


@pytest.mark.parametrize(
    ("text", "mention", "members"),
    [
        (
            "Conform de motie van het lid Michon-Derkzen wordt",
            "de motie van het lid Michon-Derkzen",
            ("Michon-Derkzen",),
        ),
        ("zoals verzocht via de motie Van Dijk c.s. over de", "de motie Van Dijk c.s.", ("Van Dijk",)),
        (
            "uitvoering gegeven aan de Motie van het lid Mutluer c.s. over",
            "de Motie van het lid Mutluer c.s.",
            ("Mutluer",),
        ),
        ("Met de motie van lid Bikker c.s. vraagt de Kamer", "de motie van lid Bikker c.s.", ("Bikker",)),
        (
            "Ook de motie van de leden Bontenbal en Omtzigt (CDA, NSC) gaat hierover.",
            "de motie van de leden Bontenbal en Omtzigt (CDA, NSC)",
            ("Bontenbal", "Omtzigt"),
        ),
        (
            "Hiermee geef ik uitvoering aan de door de Kamer aangenomen motie van het lid Van der Plas.",
            "de door de Kamer aangenomen motie van het lid Van der Plas",
            ("Van der Plas",),
        ),
        (
            "met de gelijkstrekkende motie van het lid Mutluer c.s. over de wens",
            "de gelijkstrekkende motie van het lid Mutluer c.s.",
            ("Mutluer",),
        ),
        ("in het kader van de opvolging van de motie Hagen/Sneller.", "de motie Hagen/Sneller", ("Hagen", "Sneller")),
    ],
)
def test_motion_mentions_name_every_member(text, mention, members):
    found = motions_in(text)

    assert [(m.text, m.members) for m in found] == [(mention, members)]


def test_two_motions_in_one_phrase():
    found = motions_in("Hiermee kom ik tegemoet aan de moties Dassen c.s. en Kröger c.s. over de energietransitie.")

    assert [m.members for m in found] == [("Dassen",), ("Kröger",)]


@pytest.mark.parametrize(
    "text",
    [
        "Via een amendement van de leden Mutluer en Van Nispen is dit geregeld.",
        "het amendement van de leden Mutluer en Van Nispen",
        "de kabinetsreactie op de initiatiefnota Boswijk c.s. over veteranen",
        "Er zijn enkele moties aangenomen over dit onderwerp.",
    ],
)
def test_look_alikes_are_not_motions(text):
    assert motions_in(text) == []


def test_motion_takes_the_kamerstuk_of_the_footnote_after_its_name():
    text = "Gelet op de motie van het lid Mutluer c.s., over de wens voor een instituut."
    found = motions_in(text, refs=[(text.index("c.s.") + 5, "26")], footnotes={"26": "29517-257"})

    assert found[0].kamerstuk == "29517-257"


@pytest.mark.parametrize(
    ("text", "declares"),
    [
        ("Hiermee beschouw ik de motie van het lid Wijen-Nass als afgedaan.", True),
        ("Met dit bericht wordt de motie Van Dijk c.s. om met voorstellen voor borging te komen afgedaan.", True),
        ("Daarmee beschouwt het kabinet de motie Van Dijk c.s. als afgedaan.", True),
        ("Conform de motie van het lid Michon-Derkzen wordt uw Kamer geïnformeerd.", False),
        ("In lijn met de motie van het lid Van Dijk is hard gewerkt.", False),
        ("Hiermee geef ik uitvoering aan de motie Van Dijk c.s.", False),
        ("Hiermee kom ik tegemoet aan de motie van het lid Bikker.", False),
        ("De motie van het lid Bikker is daarmee nog niet afgedaan.", False),
    ],
)
def test_only_explicit_wording_declares_a_motion_done(text, declares):
    assert [m.declares_done for m in motions_in(text)] == [declares]


def test_declaration_that_refers_back_to_the_previous_sentence():
    text = (
        "Dit sluit aan bij de motie van het lid Mutluer c.s. over PTSS. "
        "Daarom beschouw ik de verwante motie als afgedaan."
    )

    assert [m.declares_done for m in motions_in(text)] == [True]


def test_sentences_do_not_split_after_abbreviations_or_initials():
    text = "De motie Van Dijk c.s. om te komen. Zie nr. 5 van D.M. van Weel. Klaar."

    assert [text[a:b] for a, b in sentences(text)] == [
        "De motie Van Dijk c.s. om te komen.",
        "Zie nr. 5 van D.M. van Weel.",
        "Klaar.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Via de jaarlijkse voortgangsbrief zal ik uw Kamer op hoofdlijnen blijven informeren over de voortgang.",
            "new",
        ),
        ("Ik zal bij de Voorjaarsnota 2026 een alternatieve dekking aanwijzen.", "new"),
        ("Conform de motie wordt uw Kamer gedurende de pilotperiode geïnformeerd over de voortgang.", "new"),
        ("Ik verwacht uw Kamer uiterlijk in maart nader te kunnen informeren.", "new"),
        ("Concrete informatie over de uitvoering volgt wanneer er meer duidelijkheid is.", "new"),
        ("Het kabinet is voornemens de Kamer voor de zomer te berichten over de uitkomsten.", "new"),
        ("Zoals toegezegd aan uw Kamer geef ik een reactie op deze initiatiefnota.", "prior"),
        ("Zoals ik tijdens het commissiedebat toezegde, stuur ik u het rapport.", "prior"),
        ("In de vorige voortgangsrapportage is toegezegd dat de evaluatie dit jaar volgt.", "prior"),
        ("In deze brief informeer ik uw Kamer over de voortgang.", None),
        ("Ik informeer uw Kamer hierbij zoals verzocht via de motie Van Dijk c.s.", None),
        ("Ik blijf wel investeren in de betrouwbaarheid van C2000.", None),
        ("Momenteel onderzoek ik de mogelijkheden.", None),
    ],
)
def test_commitment_kinds(sentence, kind):
    assert commitment_kind(sentence) == kind


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("voor de zomer van 2026", datetime.date(2026, 7, 1)),
        ("voor de zomer", datetime.date(2026, 7, 1)),  # letter of October: next summer
        ("eind 2026", datetime.date(2026, 12, 31)),
        ("bij de Voorjaarsnota 2026", datetime.date(2026, 6, 1)),
        ("in het vierde kwartaal van 2025", datetime.date(2025, 12, 31)),
        ("uiterlijk maart 2026", datetime.date(2026, 3, 31)),
        ("uiterlijk in maart", datetime.date(2026, 3, 31)),
        ("voor het einde van het jaar", datetime.date(2025, 12, 31)),
        ("binnenkort", None),
    ],
)
def test_due_dates_relative_to_the_letter(text, due):
    assert parse_due(f"Ik zal uw Kamer {text} informeren.", LETTER_DATE) == due


@pytest.mark.django_db  # analyse reads the topic rules
def test_seed_motions_and_commitments_match_the_careful_reader(gold):
    result = analyse(SEED.read_bytes(), SEED.name)

    found = collections.Counter((m["text"], m["kamerstuk"], m["declares_done"]) for m in result["motions"])
    expected = collections.Counter((m["text"], m["reference"], m.get("declared_here", False)) for m in gold["motions"])
    assert found == expected  # 7 mentions, 3 declarations: precision and recall 1.0
    commitments = {(c["text"], c["kind"]) for c in result["commitments"]}
    required = {(c["text"], c["type"]) for c in gold["commitments"] if not c.get("borderline")}
    borderline = {(c["text"], c["type"]) for c in gold["commitments"] if c.get("borderline")}
    assert required <= commitments and commitments <= required | borderline
    assert {c["text"]: c["due"] for c in result["commitments"]}[
        "In plaats van de door de toelichting op het amendement voorgestelde wijziging van artikel 8:109 Awb, "
        "zal ik bij de Voorjaarsnota 2026 een alternatieve dekking aanwijzen op de begroting van JenV."
    ] == "2026-06-01"


def test_commitments_come_as_whole_sentences():
    passages = [Passage(0, "Dat is gedaan. Ik zal uw Kamer voor de zomer van 2026 informeren. Verder niets.")]

    assert find_commitments(passages, LETTER_DATE)[0].text == "Ik zal uw Kamer voor de zomer van 2026 informeren."
