"""The Kamer's record around the seed letter, published into a FakeTK in one call.

    with FakeTK() as tk:
        record = publish_kamer_record(tk)               # or reverse=True, or letter=docx_bytes
        record.motions["29628-1272"].zaak              # the Zaak guid of motion 29628 nr. 1272
        record.personen["Inge van Dijk"]               # a Persoon guid
        record.toezeggingen["TZ202503-118"]            # a Toezegging guid

What is published (582 entities, 584 with `letter=`; every guid deterministic, the same in every run):
- 15 Fracties with their seats after the 2023 election (PVV 37 ... JA21 1; 150 in all) and 150 Personen
  filling those seats: the members who submitted the motions under their real names (Inge van Dijk CDA,
  Diederik van Dijk SGP, Jimmy Dijk SP, Jesse Six Dijkstra NSC, Songül Mutluer GroenLinks-PvdA, ...),
  the others invented (voornamen, roepnaam, tussenvoegsel, initialen, some with diacritics);
- 5 Kamerstukdossiers: 29517, 29628, 28684, 36600-VI, 36600-VII;
- the six motions the seed letter cites (record.seed_motions: 29517-260, 29628-1272, 28684-759,
  36600-VI-100, 29517-258, 29517-257) and five distractors (record.distractors: a second Van Dijk motion
  in 28684 in the same debate, 36600-VII-100 beside 36600-VI-100, a motion of Jimmy Dijk, ...). Each
  motion is a Zaak (soort Motie, nummer 20xxZ....., onderwerp "Motie van het lid ... over ...",
  gestartOp, afgedaan, kabinetsappreciatie), a Document (soort Motie, documentNummer, volgnummer,
  kamerstukdossier and zaak refs, a small PDF), its DocumentVersie, ZaakActoren (Indiener, Medeindiener
  with persoon and fractie refs), two Besluiten ("Ingediend" on the debate's agendapunt; "Stemmen -
  aangenomen"/"Stemmen - verworpen" on the vote's agendapunt) and the Stemmingen of the vote: one per
  fractie with fractieGrootte ("Met handopsteken"), or one per member for 29517-258 ("Hoofdelijk");
  every vote's fractieGrootte sums to 150;
- an Activiteit and an Agendapunt for every debate, vote and commissiedebat (dates and times);
- the seed letter's Zaak 2025Z18704 (soort Brief regering) and, with `letter=`, its Document 2025D43420
  (29517 nr. 275, with those bytes as its .docx) and DocumentVersie;
- 10 Toezeggingen, each status present (Openstaand, Voldaan, Deels Voldaan, Vervallen), ministerie
  Justitie en Veiligheid or Binnenlandse Zaken en Koninkrijksrelaties, the bewindspersoon's names,
  datumNakoming, kamerbriefNakoming for the (deels) voldane ("Kamerbrief d.d. 3 oktober 2025 (29517,
  nr. 275)", "2025D43420"), toegezegdAanPersoon or toegezegdAanFractie, the activiteit where promised;
- the DocumentVersie of 29628-1272 last of all, long after its Document (record.late_documentversie).

Order: fracties, personen, dossiers, activiteiten, agendapunten, zaken, documents, documentversies,
zaakactoren, besluiten, stemmingen, toezeggingen, the late documentversie: every reference points
backwards. `reverse=True` publishes exactly the same entities in exactly the reverse order (a Stemming
before its Besluit, a Document before its Kamerstukdossier, ...). The data is in record_data.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from types import MappingProxyType

from tests.kamer.fake_server import record_data as data
from tests.kamer.fake_server.entities import (
    BRIEF_REGERING,
    DOCX,
    PDF,
    Activiteit,
    Agendapunt,
    Document,
    DocumentVersie,
    Entity,
    Kamerstukdossier,
    Toezegging,
    Zaak,
    dossier_guid,
    fake_guid,
)
from tests.kamer.fake_server.record_motions import MotionRecord, motion_entities
from tests.kamer.fake_server.record_people import fractie_entities, members, persoon_entities
from tests.kamer.fake_server.server import FakeTK

PHASES = (
    "fracties", "personen", "dossiers", "activiteiten", "agendapunten", "zaken", "documents",
    "documentversies", "zaakactoren", "besluiten", "stemmingen", "toezeggingen", "late",
)  # fmt: skip


@dataclass(frozen=True)
class KamerRecord:
    """The guids publish_kamer_record published, by the names a test uses."""

    fracties: Mapping[str, str]  # afkorting ("VVD", "GroenLinks-PvdA") -> Fractie guid
    seats: Mapping[str, int]  # afkorting -> aantalZetels (150 in all)
    personen: Mapping[str, str]  # "Inge van Dijk" (roepnaam tussenvoegsel achternaam) -> Persoon guid
    dossiers: Mapping[str, str]  # "29517", "36600-VI" -> Kamerstukdossier guid
    motions: Mapping[str, MotionRecord]  # kamerstuk "29628-1272" -> the motion (seed and distractors)
    seed_motions: tuple[str, ...]  # the kamerstukken the seed letter cites, in the letter's order
    distractors: tuple[str, ...]  # the other motions' kamerstukken
    activiteiten: Mapping[str, str]  # record_data.SESSIONS key ("stemmingen-2024-04-16") -> Activiteit guid
    agendapunten: Mapping[str, str]  # the same keys -> Agendapunt guid
    toezeggingen: Mapping[str, str]  # nummer ("TZ202503-118") -> Toezegging guid
    toezegging_status: Mapping[str, str]  # nummer -> status ("Deels Voldaan")
    letter_zaak: str  # Zaak guid of the seed letter, 2025Z18704 (soort Brief regering)
    letter: str | None  # Document guid of the seed letter 2025D43420, if published (letter=)
    late_documentversie: str  # the DocumentVersie published last, long after its Document
    published: tuple[str, ...]  # every entity's guid in the order published (reversed when reverse=True)


def publish_kamer_record(tk: FakeTK, *, reverse: bool = False, letter: bytes | None = None) -> KamerRecord:
    """Publish the record (see the module docstring) into `tk`; `letter`: the seed letter's .docx bytes,
    to publish its Document too. Publishes into a FakeTK that may hold other entities already."""
    entities, record = build_kamer_record(letter=letter)
    if reverse:
        entities = entities[::-1]
    tk.publish_many(entities)
    return _with_order(record, tuple(entity.guid for entity in entities))


def build_kamer_record(*, letter: bytes | None = None) -> tuple[list[Entity], KamerRecord]:
    """The entities in publishing order, and the record naming them (pure: publishes nothing)."""
    builder = _Builder()
    return builder.build(letter)


def _with_order(record: KamerRecord, published: tuple[str, ...]) -> KamerRecord:
    return replace(record, published=published)


class _Builder:
    def __init__(self):
        self.phases: dict[str, list[Entity]] = {phase: [] for phase in PHASES}
        self.people = members()
        self.fracties = {f.afkorting: fake_guid("fractie", f.afkorting) for f in data.FRACTIES}
        self.personen = {p.name: fake_guid("persoon", p.name) for p in self.people}
        self.by_name = {p.name: p for p in self.people}
        self.sessions = {s.key: s for s in data.SESSIONS}
        self.dossier_titles = {_dossier_key(d.nummer, d.toevoeging): d.titel for d in data.DOSSIERS}

    def add(self, phase: str, *entities: Entity) -> None:
        self.phases[phase].extend(entities)

    def build(self, letter: bytes | None) -> tuple[list[Entity], KamerRecord]:
        self.add("fracties", *fractie_entities())
        self.add("personen", *persoon_entities(self.people))
        self.add("dossiers", *self.dossiers())
        for session in data.SESSIONS:
            self.add_session(session)
        motions = {motion.kamerstuk: self.add_motion(motion) for motion in data.MOTIONS}
        letter_zaak, letter_guid = self.add_letter(letter)
        toezeggingen = {t.nummer: self.add_toezegging(t) for t in data.TOEZEGGINGEN}
        late = motions["29628-1272"].documentversie
        late_versie = next(e for e in self.phases["documentversies"] if e.guid == late)
        self.phases["documentversies"].remove(late_versie)
        self.add("late", late_versie)
        entities = [entity for phase in PHASES for entity in self.phases[phase]]
        record = KamerRecord(
            fracties=MappingProxyType(self.fracties),
            seats=MappingProxyType({f.afkorting: f.zetels for f in data.FRACTIES}),
            personen=MappingProxyType(self.personen),
            dossiers=MappingProxyType({key: dossier_guid(*_split_key(key)) for key in self.dossier_titles}),
            motions=MappingProxyType(motions),
            seed_motions=tuple(m.kamerstuk for m in data.MOTIONS if m.seed),
            distractors=tuple(m.kamerstuk for m in data.MOTIONS if not m.seed),
            activiteiten=MappingProxyType({key: fake_guid("activiteit", key) for key in self.sessions}),
            agendapunten=MappingProxyType({key: fake_guid("agendapunt", key) for key in self.sessions}),
            toezeggingen=MappingProxyType(toezeggingen),
            toezegging_status=MappingProxyType({t.nummer: t.status for t in data.TOEZEGGINGEN}),
            letter_zaak=letter_zaak,
            letter=letter_guid,
            late_documentversie=late,
            published=tuple(entity.guid for entity in entities),
        )
        return entities, record

    def dossiers(self) -> list[Kamerstukdossier]:
        return [
            Kamerstukdossier(
                guid=dossier_guid(d.nummer, d.toevoeging),
                nummer=d.nummer,
                toevoeging=d.toevoeging,
                titel=d.titel,
                hoogste_volgnummer=d.hoogste_volgnummer,
            )
            for d in data.DOSSIERS
        ]

    def add_session(self, session: data.SessionData) -> None:
        start = datetime.fromisoformat(session.start)
        end = (start + timedelta(minutes=45 if session.soort == "Stemmingen" else 150)).isoformat()
        guid = fake_guid("activiteit", session.key)
        commissie = session.soort == "Commissiedebat"
        activiteit = Activiteit(
            guid=guid,
            soort=session.soort,
            nummer=session.nummer,
            onderwerp=session.onderwerp,
            datum=session.start[:10],
            aanvangstijd=session.start,
            eindtijd=end,
            locatie="Thorbeckezaal" if commissie else "Plenaire zaal",
            vergaderjaar=session.vergaderjaar,
            voortouwnaam="vaste commissie voor Justitie en Veiligheid" if commissie else "Tweede Kamer",
            voortouwafkorting="J&V" if commissie else "TK",
        )
        agendapunt = Agendapunt(
            guid=fake_guid("agendapunt", session.key),
            activiteit_guid=guid,
            onderwerp=session.agendapunt,
            aanvangstijd=session.start,
            eindtijd=end,
            volgorde=1,
        )
        self.add("activiteiten", activiteit)
        self.add("agendapunten", agendapunt)

    def add_motion(self, motion: data.MotionData) -> MotionRecord:
        built = motion_entities(self, motion)
        for phase, entities in built.entities.items():
            self.add(phase, *entities)
        return built.record

    def add_letter(self, letter: bytes | None) -> tuple[str, str | None]:
        seed = data.SEED_LETTER
        zaak = Zaak(
            guid=fake_guid("zaak", seed["zaak_nummer"]),
            nummer=seed["zaak_nummer"],
            soort=BRIEF_REGERING,
            onderwerp=seed["titel"],
            gestart_op=seed["datum"],
            dossier_guid=dossier_guid("29517", None),
            titel=self.dossier_titles["29517"],
            vergaderjaar="2025-2026",
            afgedaan=False,
        )
        self.add("zaken", zaak)
        if letter is None:
            return zaak.guid, None
        document = Document(
            guid=fake_guid("document", seed["document_nummer"]),
            document_nummer=seed["document_nummer"],
            titel=seed["titel"],
            onderwerp=seed["titel"],
            soort=BRIEF_REGERING,
            datum=seed["datum"],
            dossier_guid=zaak.dossier_guid,
            zaak_guids=(zaak.guid,),
            volgnummer=seed["volgnummer"],
            content=bytes(letter),
            content_type=DOCX,
        )
        self.add("documents", document)
        self.add("documentversies", versie_of(document))
        return zaak.guid, document.guid

    def add_toezegging(self, toezegging: data.ToezeggingData) -> str:
        minister = toezegging.bewindspersoon
        session = self.sessions.get(toezegging.session) if toezegging.session else None
        entity = Toezegging(
            guid=fake_guid("toezegging", toezegging.nummer),
            nummer=toezegging.nummer,
            tekst=toezegging.tekst,
            status=toezegging.status,
            datum_nakoming=toezegging.datum_nakoming,
            kamerbrief_nakoming=toezegging.kamerbrief_nakoming,
            ministerie=toezegging.ministerie,
            aanmaakdatum=toezegging.aanmaakdatum,
            activiteit_guid=fake_guid("activiteit", session.key) if session else None,
            activiteit_nummer=session.nummer if session else None,
            toegezegd_aan_persoon=self.personen.get(toezegging.aan_persoon or ""),
            toegezegd_aan_fractie=self.fracties.get(toezegging.aan_fractie or ""),
            naam=minister.naam,
            achternaam=minister.achternaam,
            initialen=minister.initialen,
            tussenvoegsel=minister.tussenvoegsel,
            voornaam=minister.voornaam,
            titulatuur=minister.titulatuur,
            functie=minister.functie,
        )
        self.add("toezeggingen", entity)
        return entity.guid


def versie_of(document: Document) -> DocumentVersie:
    """The DocumentVersie that `document`'s huidigeDocumentVersie refers to."""
    return DocumentVersie(
        guid=document.versie_guid,
        document_guid=document.guid,
        versienummer=document.version,
        bestandsgrootte=len(document.content),
        extensie=".pdf" if document.content_type == PDF else ".docx",
        datum=document.datum,
    )


def _dossier_key(nummer: str, toevoeging: str | None) -> str:
    return f"{nummer}-{toevoeging}" if toevoeging else nummer


def _split_key(key: str) -> tuple[str, str | None]:
    nummer, _, toevoeging = key.partition("-")
    return nummer, toevoeging or None


__all__ = ["KamerRecord", "MotionRecord", "build_kamer_record", "publish_kamer_record", "versie_of"]
