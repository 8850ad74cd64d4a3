"""publish_kamer_record: the Kamer's record around the seed letter is internally consistent, realistic
where the sync and the motion finder need it, has the recorded OData shape, and publishes in reverse."""

from collections import Counter, defaultdict

import pytest

from kamer.tk import fields as f
from tests.kamer.fake_server import FakeTK
from tests.kamer.fake_server.pages import entries, fetch_pages, refs
from tests.kamer.fake_server.record import build_kamer_record, publish_kamer_record
from tests.kamer.recorded import recorded_besluit

TK = "{http://www.tweedekamer.nl/xsd/tkData/v1-0}"
REF_TARGETS = {
    "huidigeDocumentVersie": "documentVersie",
    "document": "document",
    "zaak": "zaak",
    "kamerstukdossier": "kamerstukdossier",
    "persoon": "persoon",
    "fractie": "fractie",
    "besluit": "besluit",
    "agendapunt": "agendapunt",
    "activiteit": "activiteit",
    "toegezegdAanPersoon": "persoon",
    "toegezegdAanFractie": "fractie",
}


@pytest.fixture(scope="module")
def published():
    with FakeTK(page_size=100) as fake:
        record = publish_kamer_record(fake, letter=b"PK\x03\x04 verzamelbrief")
        yield fake, record, entries(fetch_pages(fake, None))


@pytest.fixture(scope="module")
def record(published):
    return published[1]


@pytest.fixture(scope="module")
def by_guid(published):
    return {entry.guid: entry for entry in published[2]}


def text(entry, name: str) -> str | None:
    """The child's text; None when absent or xsi:nil."""
    child = entry.entity.find(TK + name)
    return None if child is None or child.get(f.xsi(f.XSI_NIL)) == "true" else child.text


def of_term(by_guid, term: str) -> list:
    return [entry for entry in by_guid.values() if entry.term == term]


def test_every_reference_points_to_a_published_entity_of_its_kind(by_guid):
    pointing = [(entry.term, name, guid) for entry in by_guid.values() for name, guid in refs(entry.entity)]
    dangling = [(term, name, guid) for term, name, guid in pointing if guid not in by_guid]
    wrong_kind = [
        (term, name) for term, name, guid in pointing if guid in by_guid and by_guid[guid].term != REF_TARGETS[name]
    ]

    assert (dangling, wrong_kind) == ([], [])
    assert {name for _, name, _ in pointing} == set(REF_TARGETS)


def test_every_vote_counts_150_seats_one_stemming_per_fractie_or_member(by_guid):
    votes = defaultdict(list)
    for stemming in of_term(by_guid, "stemming"):
        votes[dict(refs(stemming.entity))["besluit"]].append(stemming)
    soort = {guid: text(by_guid[guid], "stemmingsSoort") for guid in votes}

    assert {guid: sum(int(text(s, "fractieGrootte")) for s in rows) for guid, rows in votes.items()} == dict.fromkeys(
        votes, 150
    )
    assert Counter((soort[guid], len(rows)) for guid, rows in votes.items()) == {
        ("Met handopsteken", 15): 10,
        ("Hoofdelijk", 150): 1,
    }
    (hoofdelijk,) = [rows for guid, rows in votes.items() if soort[guid] == "Hoofdelijk"]
    assert len({dict(refs(s.entity))["persoon"] for s in hoofdelijk}) == 150


def test_every_motion_has_its_submission_and_its_vote(record, by_guid):
    def besluiten(motion):
        return [
            (text(by_guid[guid], "besluitSoort"), text(by_guid[guid], "stemmingsSoort"))
            for guid in (motion.besluit_ingediend, motion.besluit_stemming)
        ]

    assert {kamerstuk: besluiten(motion) for kamerstuk, motion in record.motions.items()} == {
        "29517-260": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "29628-1272": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "28684-759": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "36600-VI-100": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "29517-258": [("Ingediend", None), ("Stemmen - aangenomen", "Hoofdelijk")],
        "29517-257": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "28684-762": [("Ingediend", None), ("Stemmen - verworpen", "Met handopsteken")],
        "36600-VII-100": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "29628-1275": [("Ingediend", None), ("Stemmen - verworpen", "Met handopsteken")],
        "29628-1276": [("Ingediend", None), ("Stemmen - aangenomen", "Met handopsteken")],
        "29517-259": [("Ingediend", None), ("Stemmen - verworpen", "Met handopsteken")],
    }
    assert {k: (m.voor, m.tegen) for k, m in record.motions.items() if not m.aangenomen} == {
        "28684-762": (61, 89),
        "29628-1275": (55, 92),
        "29517-259": (51, 99),
    }


def kamerstuk_of(document, by_guid) -> str:
    dossier = by_guid[dict(refs(document.entity))["kamerstukdossier"]]
    parts = (text(dossier, "nummer"), text(dossier, "toevoeging"), text(document, "volgnummer"))
    return "-".join(part for part in parts if part)


def test_the_seed_motions_are_found_by_dossier_toevoeging_and_volgnummer(record, by_guid):
    motions = [d for d in of_term(by_guid, "document") if text(d, "soort") == "Motie"]
    found = {kamerstuk_of(d, by_guid): d for d in motions}

    assert len(found) == len(motions) == 11
    assert record.seed_motions == ("29517-260", "29628-1272", "28684-759", "36600-VI-100", "29517-258", "29517-257")
    for kamerstuk in record.seed_motions:
        motion, document = record.motions[kamerstuk], found[kamerstuk]
        zaak = by_guid[dict(refs(document.entity))["zaak"]]
        assert (document.guid, zaak.guid, text(zaak, "soort")) == (motion.document, motion.zaak, "Motie")
        assert text(zaak, "onderwerp") == text(document, "onderwerp") == motion.onderwerp
    assert text(by_guid[record.motions["29628-1272"].zaak], "onderwerp") == (
        "Motie van het lid Wijen-Nass c.s. over videobellen met de meldkamer mogelijk maken bij 112-meldingen"
    )


def test_indieners_and_medeindieners_with_their_fractie(record, by_guid):
    def actors(kamerstuk):
        return [
            (text(by_guid[guid], "relatie"), text(by_guid[guid], "actorNaam"), text(by_guid[guid], "actorFractie"))
            for guid in record.motions[kamerstuk].actors
        ]

    assert actors("36600-VI-100") == [
        ("Indiener", "I. van Dijk", "CDA"),
        ("Medeindiener", "I. Michon-Derkzen", "VVD"),
        ("Medeindiener", "S. Mutluer", "GroenLinks-PvdA"),
        ("Medeindiener", "D. van Dijk", "SGP"),
    ]
    assert actors("28684-759") == [("Indiener", "D. van Dijk", "SGP")]
    actor = by_guid[record.motions["28684-759"].actors[0]]
    assert dict(refs(actor.entity)) == {
        "zaak": record.motions["28684-759"].zaak,
        "persoon": record.personen["Diederik van Dijk"],
        "fractie": record.fracties["SGP"],
    }


def test_the_members_fill_the_seats_and_van_dijk_is_ambiguous(record, by_guid):
    personen = of_term(by_guid, "persoon")
    dijk = sorted(
        (text(p, "roepnaam"), text(p, "tussenvoegsel"), text(p, "fractielabel"))
        for p in personen
        if text(p, "achternaam") == "Dijk"
    )
    dijk_motions_28684 = [k for k, m in record.motions.items() if k.startswith("28684-")]

    assert len(personen) == len(record.personen) == 150
    assert Counter(text(p, "fractielabel") for p in personen) == dict(record.seats)
    assert sum(record.seats.values()) == 150
    assert dijk == [("Diederik", "van", "SGP"), ("Inge", "van", "CDA"), ("Jimmy", None, "SP")]
    assert [record.motions[k].indiener for k in dijk_motions_28684] == [
        record.personen["Diederik van Dijk"],
        record.personen["Inge van Dijk"],
    ]
    songul = by_guid[record.personen["Songül Mutluer"]]
    assert (text(songul, "roepnaam"), text(songul, "initialen"), text(songul, "achternaam")) == (
        "Songül",
        "S.",
        "Mutluer",
    )
    assert sum(text(p, "voornamen") != text(p, "roepnaam") for p in personen) > 20


def test_toezeggingen_in_every_status_with_their_ministerie_and_nakoming(record, by_guid):
    toezeggingen = of_term(by_guid, "toezegging")
    by_status = defaultdict(list)
    for t in toezeggingen:
        by_status[text(t, "status")].append(text(t, "kamerbriefNakoming"))

    assert {status: len(rows) for status, rows in by_status.items()} == {
        "Voldaan": 3,
        "Deels Voldaan": 1,
        "Openstaand": 4,
        "Vervallen": 2,
    }
    assert sorted(by_status["Voldaan"]) == [
        "2025D43420",
        "Kamerbrief d.d. 29 februari 2024 (29517, nr. 252)",
        "Kamerbrief d.d. 3 oktober 2025 (29517, nr. 275)",
    ]
    assert by_status["Openstaand"] == [None] * 4
    assert Counter(text(t, "ministerie") for t in toezeggingen) == {
        "Justitie en Veiligheid": 8,
        "Binnenlandse Zaken en Koninkrijksrelaties": 2,
    }
    assert dict(record.toezegging_status) == {text(t, "nummer"): text(t, "status") for t in toezeggingen}
    pts = by_guid[record.toezeggingen["TZ202503-118"]]
    assert (text(pts, "naam"), text(pts, "functie"), text(pts, "datumNakoming")) == (
        "D.M. van Weel",
        "minister",
        "2025-09-30T00:00:00+02:00",
    )
    assert dict(refs(pts.entity))["toegezegdAanPersoon"] == record.personen["Songül Mutluer"]


def test_votes_have_their_date_through_agendapunt_and_activiteit(record, by_guid):
    def vote_date(motion):
        besluit = by_guid[motion.besluit_stemming]
        agendapunt = by_guid[dict(refs(besluit.entity))["agendapunt"]]
        activiteit = by_guid[dict(refs(agendapunt.entity))["activiteit"]]
        return text(activiteit, "soort"), text(activiteit, "datum")

    assert vote_date(record.motions["29628-1272"]) == ("Stemmingen", "2025-02-11T00:00:00+01:00")
    assert vote_date(record.motions["36600-VI-100"]) == ("Stemmingen", "2024-11-26T00:00:00+01:00")
    assert {m.voted_on for m in record.motions.values()} == {
        "2024-04-16",
        "2024-11-12",
        "2024-11-26",
        "2025-02-11",
        "2025-02-18",
    }


def test_the_seed_letter_and_the_late_documentversie(published, record, by_guid):
    fake, _, found = published
    letter = by_guid[record.letter]
    late = found[-1]
    document = by_guid[dict(refs(late.entity))["document"]]

    assert (text(letter, "documentNummer"), text(letter, "volgnummer"), dict(refs(letter.entity))["zaak"]) == (
        "2025D43420",
        "275",
        record.letter_zaak,
    )
    assert text(by_guid[record.letter_zaak], "nummer") == "2025Z18704"
    assert (late.guid, late.term, document.guid) == (
        record.late_documentversie,
        "documentVersie",
        record.motions["29628-1272"].document,
    )
    assert late.seq - document.seq > 300  # long after its document
    assert dict(refs(document.entity))["huidigeDocumentVersie"] == late.guid


def test_reverse_publishes_the_same_entities_in_exactly_the_reverse_order():
    with FakeTK(page_size=1000) as forward_tk, FakeTK(page_size=1000) as reverse_tk:
        forward = publish_kamer_record(forward_tk)
        backward = publish_kamer_record(reverse_tk, reverse=True)
        forward_entries = entries(fetch_pages(forward_tk, None))
        backward_entries = entries(fetch_pages(reverse_tk, None))

    def without_stamp(entry):
        entity = entry.entity
        for name in (f.tk(f.ATTR_BIJGEWERKT),):
            entity.attrib.pop(name, None)
        return entry.term, entry.guid, [(child.tag, child.text, dict(child.attrib)) for child in entity]

    assert backward.published == forward.published[::-1]
    assert [e.guid for e in backward_entries] == [e.guid for e in forward_entries][::-1]
    assert [without_stamp(e) for e in backward_entries] == [without_stamp(e) for e in forward_entries][::-1]
    position = {e.guid: index for index, e in enumerate(backward_entries)}
    motion = backward.motions["29628-1272"]
    assert position[motion.stemmingen[0]] < position[motion.besluit_stemming] < position[motion.zaak]
    assert (backward_entries[0].guid, backward_entries[-1].term) == (backward.late_documentversie, "fractie")


def test_the_record_is_the_same_in_every_run():
    first_entities, first = build_kamer_record()
    second_entities, second = build_kamer_record()

    assert first == second
    assert [e.render("2025-10-03T10:00:00Z") for e in first_entities] == [
        e.render("2025-10-03T10:00:00Z") for e in second_entities
    ]
    assert first.letter is None and len(first.published) == 582 == len(first_entities)


# The recorded OData response (Besluit -> Zaak -> ZaakActor, Document; Stemming) names every field the
# Kamer has for these kinds; the fake's entity of the same kind must carry each as an element or ref.
TECHNICAL = {"Id", "GewijzigdOp", "ApiGewijzigdOp", "Verwijderd", "ContentType", "ContentLength"}


def xml_name(odata_name: str) -> str:
    name = odata_name.removesuffix("_Id")
    return name[0].lower() + name[1:]


def fields_of(odata: dict) -> set[str]:
    """The recorded entity's own fields (not the expanded ones), as the SyncFeed names them."""
    return {
        xml_name(key)
        for key, value in odata.items()
        if key not in TECHNICAL
        and not isinstance(value, list)
        and not (key.endswith("_Id") and value is None)
        and not key.startswith("@")
    }


def test_the_fake_carries_every_field_of_the_recorded_odata_besluit(record, by_guid):
    recorded = recorded_besluit()
    (zaak,) = recorded["Zaak"]
    motion = record.motions["29517-260"]
    pairs = {
        "besluit": (recorded, by_guid[motion.besluit_stemming]),
        "zaak": (zaak, by_guid[motion.zaak]),
        "zaakActor": (zaak["ZaakActor"][0], by_guid[motion.actors[0]]),
        "document": (zaak["Document"][0], by_guid[motion.document]),
        "stemming": (recorded["Stemming"][0], by_guid[motion.stemmingen[0]]),
    }

    missing = {
        kind: sorted(fields_of(odata) - {etree_name(child) for child in entry.entity})
        for kind, (odata, entry) in pairs.items()
    }

    assert missing == dict.fromkeys(pairs, [])
    assert (recorded["BesluitSoort"], recorded["StemmingsSoort"]) == (
        text(by_guid[motion.besluit_stemming], "besluitSoort"),
        text(by_guid[motion.besluit_stemming], "stemmingsSoort"),
    )
    actor = zaak["ZaakActor"][0]
    assert (actor["Relatie"], actor["Functie"], zaak["Soort"]) == (
        text(by_guid[motion.actors[0]], "relatie"),
        text(by_guid[motion.actors[0]], "functie"),
        text(by_guid[motion.zaak], "soort"),
    )


def etree_name(child) -> str:
    return child.tag.removeprefix(TK)
