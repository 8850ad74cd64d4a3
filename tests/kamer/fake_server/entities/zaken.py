"""Zaak, ZaakActor, Besluit, Stemming, Agendapunt and Activiteit (tkData-v1-0-zaak/-zaakactor/-besluit/
-stemming/-agendapunt/-activiteit.xsd).

How they hang together (as in samples/tk-opendata/odata/besluit_motie_expanded…json): a motion is a Zaak
(soort Motie) with ZaakActoren (Indiener, Medeindiener) and a Document (soort Motie); each Besluit refers
to its Agendapunt and the Zaken it decides; each Stemming refers to its Besluit and the Fractie (and, in a
hoofdelijke stemming, the Persoon) that voted; an Agendapunt refers to its Activiteit, which has the date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from tests.kamer.fake_server.entities.base import TWEEDE_KAMER, Kind, datum_time, new_guid


@dataclass(frozen=True, kw_only=True)
class Zaak(Kind):
    category: ClassVar[str] = "Zaak"
    tag: ClassVar[str] = "zaak"

    guid: str = field(default_factory=new_guid)
    nummer: str  # 2024Z06543
    soort: str | None = "Motie"
    onderwerp: str | None = None
    gestart_op: str | None = None  # a date or a date and time, Dutch time
    dossier_guid: str | None = None
    activiteit_guids: tuple[str, ...] = ()
    agendapunt_guids: tuple[str, ...] = ()
    titel: str | None = None
    citeertitel: str | None = None
    termijn: str | None = None
    vergaderjaar: str | None = None
    volgnummer: int | None = None  # not unique, as on the live feed
    status: str | None = "Vrijgegeven"
    huidige_behandelstatus: str | None = None
    afgedaan: bool | None = False
    groot_project: bool | None = False
    kabinetsappreciatie: str | None = None
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("kamerstukdossier", self.dossier_guid),
            *self.refs("activiteit", self.activiteit_guids),
            *self.refs("agendapunt", self.agendapunt_guids),
            self.el("nummer", self.nummer),
            self.el("soort", self.soort, nil=True),
            self.el("onderwerp", self.onderwerp),
            self.el("gestartOp", datum_time(self.gestart_op)),
            self.el("organisatie", TWEEDE_KAMER, nil=True),
            self.el("titel", self.titel, nil=True),
            self.el("citeertitel", self.citeertitel, nil=True),
            self.el("alias", None, nil=True),
            self.el("grondslagvoorhang", None, nil=True),
            self.el("termijn", datum_time(self.termijn), nil=True),
            self.el("vergaderjaar", self.vergaderjaar),
            self.el("volgnummer", self.volgnummer, nil=True),
            self.el("status", self.status, nil=True),
            self.el("huidigeBehandelstatus", self.huidige_behandelstatus, nil=True),
            self.el("afgedaan", self.afgedaan, nil=True),
            self.el("grootProject", self.groot_project, nil=True),
            self.el("kabinetsappreciatie", self.kabinetsappreciatie, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class ZaakActor(Kind):
    """Who is involved in a zaak and how: relatie Indiener, Medeindiener, ..."""

    category: ClassVar[str] = "ZaakActor"
    tag: ClassVar[str] = "zaakActor"

    guid: str = field(default_factory=new_guid)
    zaak_guid: str | None
    persoon_guid: str | None = None
    fractie_guid: str | None = None
    actor_naam: str | None = None  # "I. Michon-Derkzen"
    actor_fractie: str | None = None  # "VVD"
    actor_afkorting: str | None = None
    functie: str | None = "Tweede Kamerlid"
    relatie: str | None = "Indiener"
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("zaak", self.zaak_guid),
            self.ref("persoon", self.persoon_guid),
            self.ref("fractie", self.fractie_guid),
            self.el("actorNaam", self.actor_naam, nil=True),
            self.el("actorFractie", self.actor_fractie, nil=True),
            self.el("actorAfkorting", self.actor_afkorting, nil=True),
            self.el("functie", self.functie, nil=True),
            self.el("relatie", self.relatie, nil=True),
            self.el("sidActor", None, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Besluit(Kind):
    """A decision on zaken: "Ingediend", "Stemmen - aangenomen", "Stemmen - verworpen", ..."""

    category: ClassVar[str] = "Besluit"
    tag: ClassVar[str] = "besluit"

    guid: str = field(default_factory=new_guid)
    agendapunt_guid: str | None = None
    zaak_guids: tuple[str, ...] = ()
    stemmings_soort: str | None = None  # "Met handopsteken", "Hoofdelijk"
    besluit_soort: str | None = None
    besluit_tekst: str | None = None
    opmerking: str | None = None
    status: str | None = "Besluit"
    volgorde: int | None = 1  # agendapuntZaakBesluitVolgorde
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("agendapunt", self.agendapunt_guid),
            *self.refs("zaak", self.zaak_guids),
            self.el("stemmingsSoort", self.stemmings_soort, nil=True),
            self.el("besluitSoort", self.besluit_soort, nil=True),
            self.el("besluitTekst", self.besluit_tekst, nil=True),
            self.el("opmerking", self.opmerking, nil=True),
            self.el("status", self.status, nil=True),
            self.el("agendapuntZaakBesluitVolgorde", self.volgorde, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Stemming(Kind):
    """One fractie's vote on a besluit (fractieGrootte seats), or one member's in a hoofdelijke stemming."""

    category: ClassVar[str] = "Stemming"
    tag: ClassVar[str] = "stemming"

    guid: str = field(default_factory=new_guid)
    besluit_guid: str | None
    persoon_guid: str | None = None
    fractie_guid: str | None = None
    soort: str | None = "Voor"  # Voor, Tegen, Niet deelgenomen
    fractie_grootte: int | None = None
    actor_naam: str | None = None
    actor_fractie: str | None = None
    vergissing: bool | None = False
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("besluit", self.besluit_guid),
            self.ref("persoon", self.persoon_guid),
            self.ref("fractie", self.fractie_guid),
            self.el("soort", self.soort, nil=True),
            self.el("fractieGrootte", self.fractie_grootte, nil=True),
            self.el("actorNaam", self.actor_naam, nil=True),
            self.el("actorFractie", self.actor_fractie, nil=True),
            self.el("vergissing", self.vergissing, nil=True),
            self.el("sidActorLid", None, nil=True),
            self.el("sidActorFractie", None, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Agendapunt(Kind):
    category: ClassVar[str] = "Agendapunt"
    tag: ClassVar[str] = "agendapunt"

    guid: str = field(default_factory=new_guid)
    activiteit_guid: str | None
    nummer: str | None = None
    onderwerp: str | None = None
    aanvangstijd: str | None = None
    eindtijd: str | None = None
    volgorde: int | None = None
    rubriek: str | None = None
    noot: str | None = None
    status: str | None = "Vrijgegeven"
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("activiteit", self.activiteit_guid),
            self.el("nummer", self.nummer, nil=True),
            self.el("onderwerp", self.onderwerp, nil=True),
            self.el("aanvangstijd", datum_time(self.aanvangstijd), nil=True),
            self.el("eindtijd", datum_time(self.eindtijd), nil=True),
            self.el("volgorde", self.volgorde, nil=True),
            self.el("rubriek", self.rubriek, nil=True),
            self.el("noot", self.noot, nil=True),
            self.el("status", self.status, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Activiteit(Kind):
    """A meeting: a plenaire vergadering (soort "Stemmingen", "Plenair debat") or a commissiedebat."""

    category: ClassVar[str] = "Activiteit"
    tag: ClassVar[str] = "activiteit"

    guid: str = field(default_factory=new_guid)
    soort: str | None = "Plenair debat"
    nummer: str | None = None  # 2024A02345
    onderwerp: str | None = None
    datum_soort: str | None = "Dag"
    datum: str | None = None
    aanvangstijd: str | None = None
    eindtijd: str | None = None
    locatie: str | None = "Den Haag"
    besloten: bool = False
    status: str = "Uitgevoerd"
    vergaderjaar: str | None = None
    noot: str | None = None
    voortouwnaam: str | None = None
    voortouwafkorting: str | None = None
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.el("soort", self.soort, nil=True),
            self.el("nummer", self.nummer, nil=True),
            self.el("onderwerp", self.onderwerp, nil=True),
            self.el("datumSoort", self.datum_soort, nil=True),
            self.el("datum", datum_time(self.datum), nil=True),
            self.el("aanvangstijd", datum_time(self.aanvangstijd), nil=True),
            self.el("eindtijd", datum_time(self.eindtijd), nil=True),
            self.el("locatie", self.locatie, nil=True),
            self.el("besloten", self.besloten),
            self.el("status", self.status),
            self.el("vergaderjaar", self.vergaderjaar, nil=True),
            self.el("kamer", TWEEDE_KAMER),
            self.el("noot", self.noot, nil=True),
            self.el("voortouwnaam", self.voortouwnaam, nil=True),
            self.el("voortouwafkorting", self.voortouwafkorting, nil=True),
        ]
