"""Many mixed entities, quickly: for benchmarks of the sync (10,000 entities, then their re-flood).

    with FakeTK(page_size=250) as tk:
        guids = publish_mixed(tk, 10_000)
        ... sync ...
        tk.reflood()  # every entity again, unchanged

Entities come in groups of twelve, one of each kind, whose references point inside the group (a
Stemming to the group's Besluit and Fractie, a Document to its Zaak and Kamerstukdossier, ...), so a
sync resolves every reference. Guids are deterministic: the same n gives the same entities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from tests.kamer.fake_server.entities import (
    PDF,
    Activiteit,
    Agendapunt,
    Besluit,
    Document,
    DocumentVersie,
    Entity,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    Toezegging,
    Zaak,
    ZaakActor,
    documentversie_guid,
    fake_guid,
)
from tests.kamer.fake_server.server import FakeTK

STATUSES = ("Openstaand", "Voldaan", "Deels Voldaan", "Vervallen")


def publish_mixed(tk: FakeTK, n: int) -> list[str]:
    """Publish `n` mixed entities (every kind, in groups of twelve); returns their guids in order."""
    return tk.publish_many(mixed_entities(n))


def mixed_entities(n: int) -> list[Entity]:
    return list(islice(_groups(), n))


def _groups() -> Iterator[Entity]:
    group = 0
    while True:
        yield from (make(group, _Guids(group)) for make in _KINDS)
        group += 1


class _Guids:
    """The guids of group `group`, one per kind."""

    def __init__(self, group: int):
        self.group = group

    def __getattr__(self, kind: str) -> str:
        return fake_guid(f"mixed-{kind}", str(self.group))


def _dossier(i: int, g: _Guids) -> Entity:
    return Kamerstukdossier(guid=g.dossier, nummer=str(40000 + i), titel=f"Synthetisch dossier {i}")


def _fractie(i: int, g: _Guids) -> Entity:
    return Fractie(guid=g.fractie, nummer=str(i), afkorting=f"F{i}", naam_nl=f"Fractie {i}", aantal_zetels=1 + i % 30)


def _persoon(i: int, g: _Guids) -> Entity:
    return Persoon(
        guid=g.persoon, nummer=str(i), initialen="A.", achternaam=f"Lid{i}", roepnaam="Anna", fractielabel=f"F{i}"
    )


def _activiteit(i: int, g: _Guids) -> Entity:
    return Activiteit(
        guid=g.activiteit,
        soort="Stemmingen",
        nummer=f"2030A{i:05d}",
        onderwerp="Stemmingen",
        datum="2030-03-05",
        vergaderjaar="2029-2030",
    )


def _agendapunt(i: int, g: _Guids) -> Entity:
    return Agendapunt(guid=g.agendapunt, activiteit_guid=g.activiteit, onderwerp=f"Stemmingen {i}", volgorde=1)


def _zaak(i: int, g: _Guids) -> Entity:
    return Zaak(
        guid=g.zaak,
        nummer=f"2030Z{i:05d}",
        onderwerp=f"Motie van het lid Lid{i} over onderwerp {i}",
        gestart_op="2030-03-01",
        dossier_guid=g.dossier,
        vergaderjaar="2029-2030",
        volgnummer=i % 900,
    )


def _document(i: int, g: _Guids) -> Entity:
    return Document(
        guid=g.document,
        document_nummer=f"2030D{i:05d}",
        titel=f"Synthetisch dossier {i}",
        onderwerp=f"Motie {i}",
        soort="Motie",
        datum="2030-03-01",
        dossier_guid=g.dossier,
        zaak_guids=(g.zaak,),
        volgnummer=1 + i % 900,
        vergaderjaar="2029-2030",
        content=b"%PDF-1.7 motie",
        content_type=PDF,
    )


def _versie(i: int, g: _Guids) -> Entity:
    return DocumentVersie(
        guid=documentversie_guid(g.document, 1),
        document_guid=g.document,
        bestandsgrootte=14,
        extensie=".pdf",
        datum="2030-03-01",
    )


def _actor(i: int, g: _Guids) -> Entity:
    return ZaakActor(
        guid=g.actor,
        zaak_guid=g.zaak,
        persoon_guid=g.persoon,
        fractie_guid=g.fractie,
        actor_naam=f"A. Lid{i}",
        actor_fractie=f"F{i}",
    )


def _besluit(i: int, g: _Guids) -> Entity:
    return Besluit(
        guid=g.besluit,
        agendapunt_guid=g.agendapunt,
        zaak_guids=(g.zaak,),
        stemmings_soort="Met handopsteken",
        besluit_soort="Stemmen - aangenomen",
        besluit_tekst="Aangenomen.",
    )


def _stemming(i: int, g: _Guids) -> Entity:
    return Stemming(
        guid=g.stemming,
        besluit_guid=g.besluit,
        fractie_guid=g.fractie,
        soort="Voor",
        fractie_grootte=1 + i % 30,
        actor_naam=f"F{i}",
        actor_fractie=f"F{i}",
    )


def _toezegging(i: int, g: _Guids) -> Entity:
    return Toezegging(
        guid=g.toezegging,
        nummer=f"TZ2030{i:05d}",
        tekst=f"De minister informeert de Kamer over {i}.",
        status=STATUSES[i % 4],
        ministerie="Justitie en Veiligheid",
        datum_nakoming="2030-06-30",
        toegezegd_aan_persoon=g.persoon,
        activiteit_guid=g.activiteit,
    )


_KINDS: tuple[Callable[[int, _Guids], Entity], ...] = (
    _dossier,
    _fractie,
    _persoon,
    _activiteit,
    _agendapunt,
    _zaak,
    _document,
    _versie,
    _actor,
    _besluit,
    _stemming,
    _toezegging,
)
