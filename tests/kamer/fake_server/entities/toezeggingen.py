"""Toezegging, an entry of the Kamer's register (tkData-v1-0-toezegging.xsd).

The live feed writes Toezegging entities with the tkData namespace bound to the prefix `ns1:` instead of
the default namespace (`<ns1:toezegging xmlns:ns1="http://www.tweedekamer.nl/xsd/tkData/v1-0" ...>` with
`<ns1:tekst>` children), so FakeTK does too: a parser that reads by prefix or expects the default namespace
fails on it, one that reads by namespace does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from tests.kamer.fake_server.entities.base import Kind, datum_time, new_guid

STATUSES = ("Openstaand", "Voldaan", "Deels Voldaan", "Vervallen")  # the schema's enumeration


@dataclass(frozen=True, kw_only=True)
class Toezegging(Kind):
    category: ClassVar[str] = "Toezegging"
    tag: ClassVar[str] = "toezegging"
    prefix: ClassVar[str | None] = "ns1"

    guid: str = field(default_factory=new_guid)
    nummer: str | None  # TZ202404-057
    tekst: str | None = None
    status: str | None = "Openstaand"
    datum_nakoming: str | None = None
    kamerbrief_nakoming: str | None = None  # "Kamerbrief d.d. 3 oktober 2025 (29517, nr. 275)" or 2025D43420
    ministerie: str | None = None  # "Justitie en Veiligheid"
    aanmaakdatum: str | None = None
    activiteit_guid: str | None = None
    activiteit_nummer: str | None = None
    toegezegd_aan_fractie: str | None = None  # a Fractie guid
    toegezegd_aan_persoon: str | None = None  # a Persoon guid
    # The bewindspersoon who made the promise.
    naam: str | None = None
    achternaam: str | None = None
    initialen: str | None = None
    tussenvoegsel: str | None = None
    voornaam: str | None = None
    titulatuur: str | None = None
    functie: str | None = None
    deleted: bool = False

    def __post_init__(self):
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    def children(self) -> list[str]:
        return [
            self.ref("toegezegdAanFractie", self.toegezegd_aan_fractie),
            self.ref("toegezegdAanPersoon", self.toegezegd_aan_persoon),
            self.el("aanmaakdatum", datum_time(self.aanmaakdatum), nil=True),
            self.el("nummer", self.nummer, nil=True),
            self.ref("activiteit", self.activiteit_guid),
            self.el("activiteitNummer", self.activiteit_nummer, nil=True),
            self.el("naam", self.naam, nil=True),
            self.el("achternaam", self.achternaam, nil=True),
            self.el("initialen", self.initialen, nil=True),
            self.el("tussenvoegsel", self.tussenvoegsel, nil=True),
            self.el("voornaam", self.voornaam, nil=True),
            self.el("achtervoegsel", None, nil=True),
            self.el("titulatuur", self.titulatuur, nil=True),
            self.el("functie", self.functie, nil=True),
            self.el("status", self.status, nil=True),
            self.el("datumNakoming", datum_time(self.datum_nakoming), nil=True),
            self.el("kamerbriefNakoming", self.kamerbrief_nakoming, nil=True),
            self.el("ministerie", self.ministerie, nil=True),
            self.el("tekst", self.tekst, nil=True),
        ]
