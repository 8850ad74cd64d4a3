"""One motion of publish_kamer_record (record.py) as entities: Zaak, Document, DocumentVersie,
ZaakActoren, the two Besluiten and the Stemmingen of the vote."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.kamer.fake_server import record_data as data
from tests.kamer.fake_server.entities import (
    MOTIE,
    PDF,
    Besluit,
    Document,
    DocumentVersie,
    Entity,
    Stemming,
    Zaak,
    ZaakActor,
    dossier_guid,
    fake_guid,
)

HANDOPSTEKEN = "Met handopsteken"
HOOFDELIJK = "Hoofdelijk"


@dataclass(frozen=True)
class MotionRecord:
    """One motion as published: the guids a test needs, and what the Kamer recorded of it."""

    kamerstuk: str  # "36600-VI-100"
    dossier: str  # Kamerstukdossier guid
    zaak: str  # Zaak guid (soort Motie)
    zaak_nummer: str  # "2024Z18931"
    document: str  # Document guid (soort Motie)
    document_nummer: str  # "2024D45117"
    documentversie: str  # DocumentVersie guid (the document's huidigeDocumentVersie)
    onderwerp: str  # the Zaak's and the Document's onderwerp
    indiener: str  # Persoon guid
    medeindieners: tuple[str, ...]  # Persoon guids
    actors: tuple[str, ...]  # ZaakActor guids, the Indiener's first
    besluit_ingediend: str  # Besluit guid, besluitSoort "Ingediend"
    besluit_stemming: str  # Besluit guid, "Stemmen - aangenomen" or "Stemmen - verworpen"
    stemmingen: tuple[str, ...]  # Stemming guids of that vote
    debate: str  # Activiteit guid of the debate where it was submitted
    vote: str  # Activiteit guid of the vote (soort Stemmingen)
    submitted_on: str  # "2024-11-20"
    voted_on: str  # "2024-11-26"
    aangenomen: bool
    hoofdelijk: bool  # stemmingsSoort "Hoofdelijk": one Stemming per member, else one per fractie
    voor: int  # seats (members, hoofdelijk) voting for
    tegen: int
    afgedaan: bool  # Zaak.afgedaan: the Kamer's own flag
    kabinetsappreciatie: str
    seed: bool  # cited by the seed letter


@dataclass
class BuiltMotion:
    record: MotionRecord
    entities: dict[str, list[Entity]] = field(default_factory=dict)  # phase -> entities


def motion_entities(builder, motion: data.MotionData) -> BuiltMotion:
    """`builder`: record._Builder (fracties, personen, by_name, sessions, dossier_titles)."""
    nummer, toevoeging, volgnummer = split_kamerstuk(motion.kamerstuk)
    dossier = dossier_guid(nummer, toevoeging)
    titel = builder.dossier_titles[f"{nummer}-{toevoeging}" if toevoeging else nummer]
    debate, vote = builder.sessions[motion.debate], builder.sessions[motion.vote]
    zaak = Zaak(
        guid=fake_guid("zaak", motion.zaak_nummer),
        nummer=motion.zaak_nummer,
        soort=MOTIE,
        onderwerp=motion.onderwerp,
        gestart_op=debate.start[:10],
        dossier_guid=dossier,
        agendapunt_guids=(fake_guid("agendapunt", debate.key), fake_guid("agendapunt", vote.key)),
        titel=titel,
        vergaderjaar=motion.vergaderjaar,
        volgnummer=volgnummer,
        afgedaan=motion.afgedaan,
        kabinetsappreciatie=motion.kabinetsappreciatie,
    )
    document = motion_document(motion, zaak, titel, volgnummer)
    versie = DocumentVersie(
        guid=document.versie_guid,
        document_guid=document.guid,
        bestandsgrootte=len(document.content),
        extensie=".pdf",
        datum=document.datum,
    )
    actors = motion_actors(builder, motion, zaak.guid)
    ingediend, stemming, votes = motion_besluiten(builder, motion, zaak.guid)
    voor = sum(v.fractie_grootte for v in votes if v.soort == "Voor")
    tegen = sum(v.fractie_grootte for v in votes if v.soort == "Tegen")
    record = MotionRecord(
        kamerstuk=motion.kamerstuk,
        dossier=dossier,
        zaak=zaak.guid,
        zaak_nummer=zaak.nummer,
        document=document.guid,
        document_nummer=document.document_nummer,
        documentversie=versie.guid,
        onderwerp=motion.onderwerp,
        indiener=builder.personen[motion.indiener],
        medeindieners=tuple(builder.personen[name] for name in motion.medeindieners),
        actors=tuple(actor.guid for actor in actors),
        besluit_ingediend=ingediend.guid,
        besluit_stemming=stemming.guid,
        stemmingen=tuple(v.guid for v in votes),
        debate=fake_guid("activiteit", debate.key),
        vote=fake_guid("activiteit", vote.key),
        submitted_on=debate.start[:10],
        voted_on=vote.start[:10],
        aangenomen=voor > tegen,
        hoofdelijk=motion.hoofdelijk,
        voor=voor,
        tegen=tegen,
        afgedaan=motion.afgedaan,
        kabinetsappreciatie=motion.kabinetsappreciatie,
        seed=motion.seed,
    )
    phases = {
        "zaken": [zaak],
        "documents": [document],
        "documentversies": [versie],
        "zaakactoren": actors,
        "besluiten": [ingediend, stemming],
        "stemmingen": votes,
    }
    return BuiltMotion(record, phases)


def motion_document(motion: data.MotionData, zaak: Zaak, titel: str, volgnummer: int) -> Document:
    return Document(
        guid=fake_guid("document", motion.document_nummer),
        document_nummer=motion.document_nummer,
        titel=titel,
        onderwerp=motion.onderwerp,
        soort=MOTIE,
        datum=zaak.gestart_op,
        dossier_guid=zaak.dossier_guid,
        zaak_guids=(zaak.guid,),
        volgnummer=volgnummer,
        vergaderjaar=motion.vergaderjaar,
        datum_registratie=zaak.gestart_op,
        content=f"%PDF-1.7\n% Kamerstuk {motion.kamerstuk}: {motion.onderwerp}\n".encode(),
        content_type=PDF,
    )


def motion_actors(builder, motion: data.MotionData, zaak_guid: str) -> list[ZaakActor]:
    names = [(motion.indiener, "Indiener"), *((name, "Medeindiener") for name in motion.medeindieners)]
    actors = []
    for index, (name, relatie) in enumerate(names):
        person = builder.by_name[name]
        actors.append(
            ZaakActor(
                guid=fake_guid("zaakactor", f"{motion.kamerstuk}:{index}"),
                zaak_guid=zaak_guid,
                persoon_guid=builder.personen[name],
                fractie_guid=builder.fracties[person.fractie],
                actor_naam=person.actor_naam,
                actor_fractie=person.fractie,
                relatie=relatie,
            )
        )
    return actors


def motion_besluiten(builder, motion: data.MotionData, zaak_guid: str) -> tuple[Besluit, Besluit, list[Stemming]]:
    """The "Ingediend" besluit, the vote's besluit and its Stemmingen."""
    order = 1 + [m.kamerstuk for m in data.MOTIONS if m.vote == motion.vote].index(motion.kamerstuk)
    ingediend = Besluit(
        guid=fake_guid("besluit", f"{motion.kamerstuk}:ingediend"),
        agendapunt_guid=fake_guid("agendapunt", motion.debate),
        zaak_guids=(zaak_guid,),
        besluit_soort="Ingediend",
        besluit_tekst="Ingediend.",
        volgorde=order,
    )
    vote_guid = fake_guid("besluit", f"{motion.kamerstuk}:stemming")
    votes = (
        hoofdelijke_stemmingen(builder, motion, vote_guid)
        if motion.hoofdelijk
        else fractie_stemmingen(builder, motion, vote_guid)
    )
    aangenomen = sum(v.fractie_grootte for v in votes if v.soort == "Voor") > sum(
        v.fractie_grootte for v in votes if v.soort == "Tegen"
    )
    stemming = Besluit(
        guid=vote_guid,
        agendapunt_guid=fake_guid("agendapunt", motion.vote),
        zaak_guids=(zaak_guid,),
        stemmings_soort=HOOFDELIJK if motion.hoofdelijk else HANDOPSTEKEN,
        besluit_soort="Stemmen - aangenomen" if aangenomen else "Stemmen - verworpen",
        besluit_tekst="Aangenomen." if aangenomen else "Verworpen.",
        volgorde=order,
    )
    return ingediend, stemming, votes


def soort_of(motion: data.MotionData, afkorting: str) -> str:
    if afkorting in motion.niet_deelgenomen:
        return "Niet deelgenomen"
    return "Tegen" if afkorting in motion.tegen else "Voor"


def fractie_stemmingen(builder, motion: data.MotionData, besluit_guid: str) -> list[Stemming]:
    return [
        Stemming(
            guid=fake_guid("stemming", f"{motion.kamerstuk}:{fractie.afkorting}"),
            besluit_guid=besluit_guid,
            fractie_guid=builder.fracties[fractie.afkorting],
            soort=soort_of(motion, fractie.afkorting),
            fractie_grootte=fractie.zetels,
            actor_naam=fractie.afkorting,
            actor_fractie=fractie.afkorting,
        )
        for fractie in data.FRACTIES
    ]


def hoofdelijke_stemmingen(builder, motion: data.MotionData, besluit_guid: str) -> list[Stemming]:
    """One Stemming per member; every 50th member did not take part."""
    return [
        Stemming(
            guid=fake_guid("stemming", f"{motion.kamerstuk}:{person.name}"),
            besluit_guid=besluit_guid,
            persoon_guid=builder.personen[person.name],
            fractie_guid=builder.fracties[person.fractie],
            soort="Niet deelgenomen" if index % 50 == 49 else soort_of(motion, person.fractie),
            fractie_grootte=1,
            actor_naam=person.actor_naam,
            actor_fractie=person.fractie,
        )
        for index, person in enumerate(builder.people)
    ]


def split_kamerstuk(kamerstuk: str) -> tuple[str, str | None, int]:
    """ "36600-VI-100" -> ("36600", "VI", 100); "29517-260" -> ("29517", None, 260)."""
    parts = kamerstuk.split("-")
    return parts[0], parts[1] if len(parts) == 3 else None, int(parts[-1])
