"""The data publish_kamer_record publishes (record.py builds the entities), read from record_data.json.

Fracties and seats as after the 2023 election (150 seats). Members who submitted the motions the seed
letter (samples/seed/gold-2025D43420.json) cites carry their real names; their initials and first names,
every other member, every zaak and document number, date, vote and toezegging are invented but shaped
like the Kamer's own (2024Z06013, 2024D14522, TZ202503-118, "Stemmen - aangenomen", ...). The named
members include three surnames "Dijk" (two with "van") and a "Dijkstra", so that "het lid Van Dijk" is
ambiguous and a substring match is wrong; the invented ones (GIVEN_NAMES x SURNAMES) have no "Dijk".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

_DATA = json.loads((Path(__file__).with_suffix(".json")).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FractieData:
    afkorting: str
    naam_nl: str
    naam_en: str
    zetels: int
    actief: str  # datumActief


@dataclass(frozen=True)
class PersoonData:
    roepnaam: str
    voornamen: str
    initialen: str
    tussenvoegsel: str | None
    achternaam: str
    geslacht: str
    fractie: str  # afkorting

    @property
    def name(self) -> str:
        """As a letter writes it, and the key in KamerRecord.personen: "Inge van Dijk"."""
        return " ".join(part for part in (self.roepnaam, self.tussenvoegsel, self.achternaam) if part)

    @property
    def actor_naam(self) -> str:
        """As ZaakActor.actorNaam has it: "I. van Dijk"."""
        return " ".join(part for part in (self.initialen, self.tussenvoegsel, self.achternaam) if part)


@dataclass(frozen=True)
class SessionData:
    """A plenary meeting or commissiedebat: an Activiteit with one Agendapunt."""

    key: str
    soort: str  # "Plenair debat", "Stemmingen", "Commissiedebat"
    nummer: str
    onderwerp: str
    start: str  # Dutch time, "2024-04-16T14:55"
    vergaderjaar: str
    agendapunt: str  # the agendapunt's onderwerp


@dataclass(frozen=True)
class DossierData:
    nummer: str
    toevoeging: str | None
    titel: str
    hoogste_volgnummer: int


@dataclass(frozen=True)
class MotionData:
    kamerstuk: str  # "36600-VI-100"
    zaak_nummer: str
    document_nummer: str
    vergaderjaar: str
    indiener: str  # a PersoonData.name
    medeindieners: tuple[str, ...]
    onderwerp: str
    debate: str  # SessionData.key where it was submitted
    vote: str  # SessionData.key where it was voted on
    tegen: tuple[str, ...]  # fracties voting against; the others for (unless niet_deelgenomen)
    kabinetsappreciatie: str
    afgedaan: bool  # Zaak.afgedaan
    seed: bool  # cited by the seed letter
    hoofdelijk: bool = False
    niet_deelgenomen: tuple[str, ...] = ()


@dataclass(frozen=True)
class BewindspersoonData:
    naam: str
    voornaam: str
    tussenvoegsel: str | None
    achternaam: str
    initialen: str
    titulatuur: str
    functie: str


@dataclass(frozen=True)
class ToezeggingData:
    nummer: str
    status: str
    ministerie: str
    bewindspersoon: BewindspersoonData
    aanmaakdatum: str
    datum_nakoming: str | None
    kamerbrief_nakoming: str | None
    tekst: str
    session: str | None  # SessionData.key of the debate where it was made, if among SESSIONS
    aan_persoon: str | None = None  # PersoonData.name
    aan_fractie: str | None = None  # afkorting


def _tuples(row: dict) -> dict:
    return {key: tuple(value) if isinstance(value, list) else value for key, value in row.items()}


FRACTIES = tuple(FractieData(**row) for row in _DATA["fracties"])
NAMED_MEMBERS = tuple(PersoonData(**row) for row in _DATA["named_members"])
GIVEN_NAMES = tuple(tuple(row) for row in _DATA["given_names"])  # (roepnaam, voornamen, initialen, geslacht)
SURNAMES = tuple(tuple(row) for row in _DATA["surnames"])  # (tussenvoegsel, achternaam)
SESSIONS = tuple(SessionData(**row) for row in _DATA["sessions"])
DOSSIERS = tuple(DossierData(**row) for row in _DATA["dossiers"])
MOTIONS = tuple(MotionData(**_tuples(row)) for row in _DATA["motions"])
SEED_LETTER = dict(_DATA["seed_letter"])  # zaak_nummer, document_nummer, titel, datum, volgnummer
BEWINDSPERSONEN = {key: BewindspersoonData(**row) for key, row in _DATA["bewindspersonen"].items()}
TOEZEGGINGEN = tuple(
    ToezeggingData(**(row | {"bewindspersoon": BEWINDSPERSONEN[row["bewindspersoon"]]}))
    for row in _DATA["toezeggingen"]
)
