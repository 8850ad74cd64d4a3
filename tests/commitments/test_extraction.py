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
        (  # no article (szw 2022)
            "Uw Kamer heeft via gewijzigde motie van het lid De Kort het kabinet verzocht om in gesprek te gaan.",
            "gewijzigde motie van het lid De Kort",
            ("De Kort",),
        ),
        (  # no article (fin 2018)
            "en aan motie De Vries waarin het kabinet wordt opgeroepen de werkkostenregeling te evalueren.",
            "motie De Vries",
            ("De Vries",),
        ),
        (  # the Kamer's hyphen, a first name kept where members share a surname
            "de motie-Remco Dijkstra/Postma over het krachtig voortzetten van het project A27/A12",
            "de motie-Remco Dijkstra/Postma",
            ("Remco Dijkstra", "Postma"),
        ),
        ("de motie van het lid Inge van Dijk over de inzet", "de motie van het lid Inge van Dijk", ("Inge van Dijk",)),
        ("de motie van het lid J.Z.C.M. Tellegen over", "de motie van het lid J.Z.C.M. Tellegen", ("Tellegen",)),
        ("de aangehouden motie van het lid Öztürk over", "de aangehouden motie van het lid Öztürk", ("Öztürk",)),
        ("de motie van het lid Van 't Wout over", "de motie van het lid Van 't Wout", ("Van 't Wout",)),
        (
            "de motie van het lid Nijkerken-de Haan over",
            "de motie van het lid Nijkerken-de Haan",
            ("Nijkerken-de Haan",),
        ),
        ("de motie van het lid El Yassini over", "de motie van het lid El Yassini", ("El Yassini",)),
        ("de eerder genoemde motie Van Dijk c.s. vraagt", "de eerder genoemde motie Van Dijk c.s.", ("Van Dijk",)),
    ],
)
def test_motion_mentions_name_every_member(text, mention, members):
    found = motions_in(text)

    assert [(m.text, m.members) for m in found] == [(mention, members)]


def test_two_motions_in_one_phrase():
    found = motions_in("Hiermee kom ik tegemoet aan de moties Dassen c.s. en Kröger c.s. over de energietransitie.")

    assert [m.members for m in found] == [("Dassen",), ("Kröger",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # vws 2015: the kamerstuk before the member
            "Ik ga hierbij in op de moties Kamerstuk 32 793, nr. 176 (Dik-Faber), Kamerstuk 32 793, nr. 181 "
            "(Wolbert) en Kamerstuk 32 793, nr. 185 (Wolbert), en op de toezeggingen.",
            [(("Dik-Faber",), "32793-176"), (("Wolbert",), "32793-181"), (("Wolbert",), "32793-185")],
        ),
        (
            "Hierbij ga ik in op de motie 32 793, nr. 176 (Dik-Faber) over zout.",
            [(("Dik-Faber",), "32793-176")],
        ),
        (  # each motion of a list with its own citation
            "de moties Dik-Faber (32 793, nr. 176) en Wolbert (Kamerstuk 32 793, nr. 181) over zout",
            [(("Dik-Faber",), "32793-176"), (("Wolbert",), "32793-181")],
        ),
    ],
)
def test_motions_named_in_a_list_each_get_their_kamerstuk(text, expected):
    assert [(m.members, m.kamerstuk) for m in motions_in(text)] == expected


@pytest.mark.parametrize(
    ("text", "kamerstuk"),
    [
        (  # issue 15 item 6
            "Zo vraagt de motie van het lid Eerdmans (Kamerstukken II 2023/24, 29 628, nr. 1200) om meer agenten.",
            "29628-1200",
        ),
        (  # bzk 2020
            "hoe de motie van het lid Middendorp c.s. (Kamerstuk 35 300 VII, nr. 14) over tussentijdse "
            "raadsontbinding zal worden uitgevoerd",
            "35300-VII-14",
        ),
        ("de aangehouden motie-Lodders/Geurts (33576, nr. 105) over", "33576-105"),
        ("de motie van het lid Bikker (ChristenUnie) over", None),
        ("de motie van het lid Bikker (2023) over", None),
        ("de motie van het lid Bikker (29 maart 2023) over", None),
        ("de motie van het lid Bikker (artikel 8:109 Awb) over", None),
        ("de motie van het lid Bikker (Handelingen II 2023/24, nr. 12, item 5) over", None),
        ("de motie van het lid Bikker (zie blz. 12) over", None),
        ("de motie van het lid Bikker (2023Z16994) over", None),
        ("de motie van het lid Bikker (Kamerstuk 34 919) over", None),  # a dossier, no document
    ],
)
def test_motion_takes_the_kamerstuk_in_brackets_after_its_name(text, kamerstuk):
    assert [m.kamerstuk for m in motions_in(text)] == [kamerstuk]


@pytest.mark.parametrize(
    "text",
    [
        "Via een amendement van de leden Mutluer en Van Nispen is dit geregeld.",
        "het amendement van de leden Mutluer en Van Nispen",
        "de kabinetsreactie op de initiatiefnota Boswijk c.s. over veteranen",
        "Er zijn enkele moties aangenomen over dit onderwerp.",
        "Uw Kamer heeft daarover Motie#21 aangenomen.",
        "De Kamer nam deze motie aan.",
    ],
)
def test_look_alikes_are_not_motions(text):
    assert motions_in(text) == []


def test_a_motion_named_by_its_kamerstuk_alone_is_a_mention_without_members():
    # was a look-alike; issue 13 asks for "a motion named by its kamerstuk only"
    found = motions_in("Hierbij ga ik in op de motie Kamerstuk 32 793, nr. 176 over zout.")

    assert [(m.text, m.members, m.kamerstuk) for m in found] == [
        ("de motie Kamerstuk 32 793, nr. 176", (), "32793-176")
    ]


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
        (  # vws 2022
            "Met dit standpunt beschouw ik eveneens de motie van het lid Van den Berg c.s., de aanleiding voor het "
            "onderzoek, als uitgevoerd.",
            True,
        ),
        ("Het kabinet stelt voor de motie van het lid Bikker als afgedaan te beschouwen.", True),
        ("Daarmee is de motie van het lid Omtzigt c.s. uitgevoerd.", True),
        ("De motie van het lid Omtzigt c.s. is hiermee uitgevoerd.", True),
        ("Hiermee voldoe ik aan de motie van het lid Kuik.", True),
        ("Met deze brief voldoet het kabinet aan het verzoek uit de motie Van Dijk c.s.", True),
        ("Hiermee kom ik de motie van het lid Palland na.", True),
        (  # bzk 2020: a promise to carry it out
            "Ik heb u bericht over hoe de motie van het lid Middendorp c.s. zal worden uitgevoerd.",
            False,
        ),
        ("De motie van het lid Bikker wordt uitgevoerd door de veiligheidsregio's.", False),
        ("De uitvoering van de motie van het lid Bikker is in volle gang.", False),
        ("Ik kan de motie van het lid Bikker nog niet als afgedaan beschouwen.", False),
        ("Ik beschouw de motie van het lid Bikker niet als uitgevoerd.", False),
        ("Hiermee voldoe ik deels aan de motie van het lid Kuik.", False),
        ("Op de motie van het lid Palland kom ik later terug.", False),
        ("Op de motie van het lid Palland kom ik na de zomer terug.", False),
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


@pytest.mark.parametrize(
    "declaration",
    [
        "Daarmee beschouw ik de eerder genoemde motie als uitgevoerd.",
        "Ik stel voor deze motie als afgedaan te beschouwen.",
    ],
)
def test_declarations_that_refer_back_in_other_words(declaration):
    text = f"Dit sluit aan bij de motie van het lid Mutluer c.s. over PTSS. {declaration}"

    assert [m.declares_done for m in motions_in(text)] == [True]


def test_one_declaration_covers_every_motion_it_names():
    found = motions_in("Hiermee beschouw ik de moties Dassen c.s. en Kröger c.s. als afgedaan.")

    assert [(m.members, m.declares_done) for m in found] == [(("Dassen",), True), (("Kröger",), True)]


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
        ("Ik verwacht u de brief uiterlijk 30 april te doen toekomen.", "new"),  # bzk 2020
        ("Ik verwacht u begin juni de kabinetsreactie op het evaluatierapport te kunnen aanbieden.", "new"),
        ("Het kabinet streeft er naar uw Kamer zo spoedig mogelijk te informeren.", "new"),  # bz 2024
        ("Ik streef ernaar de Kamer voor de zomer een brief te sturen.", "new"),
        ("Hier kom ik voor de zomer bij uw Kamer op terug.", "new"),
        ("Op de uitkomsten komt het kabinet na de zomer terug.", "new"),
        (  # jenv 2016
            "Hierbij ontvangt uw Kamer mijn reguliere voortgangsbrief politie, zoals ik in mijn brief van "
            "23 november jl. heb toegezegd.",
            "prior",
        ),
        ("Zoals ik u bij verschillende gelegenheden heb toegezegd, heb ik een evaluatie laten uitvoeren.", "prior"),
        (  # vws 2015
            "Ik heb u toegezegd in te zetten op Europese normen voor zout, verzadigd vet en calorieën en u hierover "
            "te informeren.",
            "prior",
        ),
        (  # fin 2018
            "Met het rapport wordt uitvoering gegeven aan de toezeggingen door mijn ambtsvoorganger bij behandeling "
            "van het Belastingplan 2015.",
            "prior",
        ),
        (  # jenv 2016: the earlier promise decides the kind, not its "zal ik"
            "Zoals ik heb toegezegd in mijn brief van 7 maart 2016 (Kamerstuk 29 279, nr. 302) zal ik u over de "
            "voortgang twee keer per jaar apart rapporteren.",
            "prior",
        ),
        (  # bzk 2020: a promise reported, not called a toezegging
            "Bij brief van 27 november 2019 heb ik u bericht over hoe de motie zal worden uitgevoerd en dat ik Uw "
            "Kamer daartoe voor 1 april 2020 een notitie zal doen toekomen.",
            "prior",
        ),
        ("Ik zal deze brief beginnen met een korte samenvatting van de kern van de bevindingen.", None),  # vws 2022
        ("Daarbij zal ik gelijk een korte reactie geven (hoofdstuk 1).", None),
        ("Na deze samenvatting zal ik gedetailleerder ingaan op de kwesties die de NSOB signaleert.", None),
        ("In deze Kamerbrief zal ik een toelichting geven op de voortgang.", None),  # bzk 2023
        ("Hieronder zal ik ingaan op de verschillende onderdelen.", None),
        ("Ik zal uiteraard eindverantwoordelijk blijven.", None),  # vws 2017: ongoing
        (  # szw 2022: the Kamer's request, which this letter answers
            "Uw Kamer heeft via gewijzigde motie van het lid De Kort het kabinet verzocht hierover de Kamer in het "
            "derde kwartaal van 2022 te informeren.",
            None,
        ),
        ("Ook treft u een bijlage aan ten aanzien van diverse nog openstaande toezeggingen aan uw Kamer.", None),
        ("Zoals ik eerder richting uw Kamer heb aangegeven is de burgemeester bevoegd.", None),
        ("Ik verwacht dat de kosten in 2026 verder stijgen.", None),  # an expectation
        ("Ik kom hier niet op terug.", None),
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


@pytest.mark.parametrize(
    ("sentence", "letter_date", "due"),
    [
        ("Ik zal uw Kamer voor 1 maart 2026 informeren.", LETTER_DATE, datetime.date(2026, 3, 1)),  # issue 15
        (  # az 2024
            "Het kabinet is voornemens om het regeerprogramma op vrijdag 13 september 2024 aan de Tweede Kamer te "
            "sturen.",
            datetime.date(2024, 9, 12),
            datetime.date(2024, 9, 13),
        ),
        (
            "Ik verwacht u de brief uiterlijk 30 april te doen toekomen.",
            datetime.date(2020, 4, 6),
            datetime.date(2020, 4, 30),
        ),
        (  # bz 2024: an earlier promise's moment may have passed
            "Het is daarom niet mogelijk, zoals eerder toegezegd, uw Kamer eind februari te informeren.",
            datetime.date(2024, 3, 5),
            datetime.date(2024, 2, 29),
        ),
        (  # vws 2019: when the promise was made is not when it is due
            "Begin oktober 2018 heb ik uw Kamer daarom toegezegd om een verdiepend onderzoek uit te laten voeren.",
            datetime.date(2019, 5, 24),
            None,
        ),
        (
            "In het najaar van 2018 heb ik uw Kamer toegezegd een onderzoek uit te laten voeren.",
            datetime.date(2019, 5, 24),
            None,
        ),
        (
            "Bij brief van 27 november 2019 heb ik u bericht dat ik Uw Kamer daartoe voor 1 april 2020 een notitie "
            "zal doen toekomen.",
            datetime.date(2020, 4, 6),
            datetime.date(2020, 4, 1),
        ),
    ],
)
def test_commitment_due_dates_on_real_wording(sentence, letter_date, due):
    assert [c.due for c in find_commitments([Passage(0, sentence)], letter_date)] == [due]


def test_commitments_come_as_whole_sentences():
    passages = [Passage(0, "Dat is gedaan. Ik zal uw Kamer voor de zomer van 2026 informeren. Verder niets.")]

    assert find_commitments(passages, LETTER_DATE)[0].text == "Ik zal uw Kamer voor de zomer van 2026 informeren."
