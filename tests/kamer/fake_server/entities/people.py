"""Persoon and Fractie (tkData-v1-0-persoon/-fractie.xsd)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from tests.kamer.fake_server.entities.base import Kind, new_guid


@dataclass(frozen=True, kw_only=True)
class Persoon(Kind):
    """A member of the Kamer: voornamen "Johannes Cornelis", roepnaam "Hans", tussenvoegsel "van"."""

    category: ClassVar[str] = "Persoon"
    tag: ClassVar[str] = "persoon"

    guid: str = field(default_factory=new_guid)
    nummer: str | None = None
    titels: str | None = None
    initialen: str | None = None
    tussenvoegsel: str | None = None
    achternaam: str | None = None
    voornamen: str | None = None
    roepnaam: str | None = None
    geslacht: str | None = None
    functie: str | None = "Tweede Kamerlid"
    geboortedatum: str | None = None
    geboorteplaats: str | None = None
    woonplaats: str | None = None
    land: str | None = "NL"
    fractielabel: str | None = None
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.el("nummer", self.nummer),
            self.el("titels", self.titels, nil=True),
            self.el("initialen", self.initialen, nil=True),
            self.el("tussenvoegsel", self.tussenvoegsel, nil=True),
            self.el("achternaam", self.achternaam, nil=True),
            self.el("voornamen", self.voornamen, nil=True),
            self.el("roepnaam", self.roepnaam, nil=True),
            self.el("geslacht", self.geslacht, nil=True),
            self.el("functie", self.functie, nil=True),
            self.el("geboortedatum", self.geboortedatum, nil=True),
            self.el("geboorteplaats", self.geboorteplaats, nil=True),
            self.el("geboorteland", None, nil=True),
            self.el("overlijdensdatum", None, nil=True),
            self.el("overlijdensplaats", None, nil=True),
            self.el("woonplaats", self.woonplaats, nil=True),
            self.el("land", self.land, nil=True),
            self.el("fractielabel", self.fractielabel, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Fractie(Kind):
    category: ClassVar[str] = "Fractie"
    tag: ClassVar[str] = "fractie"

    guid: str = field(default_factory=new_guid)
    nummer: str | None = None
    afkorting: str | None = None
    naam_nl: str | None = None
    naam_en: str | None = None
    aantal_zetels: int | None = None
    aantal_stemmen: int | None = None
    datum_actief: str | None = None  # a date
    datum_inactief: str | None = None
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.el("nummer", self.nummer),
            self.el("afkorting", self.afkorting, nil=True),
            self.el("naamNl", self.naam_nl, nil=True),
            self.el("naamEn", self.naam_en, nil=True),
            self.el("aantalZetels", self.aantal_zetels, nil=True),
            self.el("aantalStemmen", self.aantal_stemmen, nil=True),
            self.el("datumActief", self.datum_actief, nil=True),
            self.el("datumInactief", self.datum_inactief, nil=True),
        ]
