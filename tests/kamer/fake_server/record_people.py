"""The Fracties and the 150 Personen of publish_kamer_record (record.py), from record_data.py."""

from __future__ import annotations

from itertools import count

from tests.kamer.fake_server import record_data as data
from tests.kamer.fake_server.entities import Fractie, Persoon, fake_guid


def fractie_entities() -> list[Fractie]:
    return [
        Fractie(
            guid=fake_guid("fractie", fractie.afkorting),
            nummer=str(2001 + index),
            afkorting=fractie.afkorting,
            naam_nl=fractie.naam_nl,
            naam_en=fractie.naam_en,
            aantal_zetels=fractie.zetels,
            datum_actief=fractie.actief,
        )
        for index, fractie in enumerate(data.FRACTIES)
    ]


def members() -> list[data.PersoonData]:
    """Every seat filled: the named members, then invented ones, fractie by fractie (150 in all)."""
    named = {
        fractie.afkorting: [p for p in data.NAMED_MEMBERS if p.fractie == fractie.afkorting]
        for fractie in data.FRACTIES
    }
    taken = {p.name for p in data.NAMED_MEMBERS}
    invented = _invented_names(taken)
    people = []
    for fractie in data.FRACTIES:
        people += named[fractie.afkorting]
        for _ in range(fractie.zetels - len(named[fractie.afkorting])):
            roepnaam, voornamen, initialen, geslacht, tussenvoegsel, achternaam = next(invented)
            people.append(
                data.PersoonData(roepnaam, voornamen, initialen, tussenvoegsel, achternaam, geslacht, fractie.afkorting)
            )
    return people


def _invented_names(taken: set[str]):
    """Deterministic, distinct (given name, surname) combinations not among `taken`."""
    given, surnames = data.GIVEN_NAMES, data.SURNAMES
    for index in count():
        first = given[index % len(given)]
        tussenvoegsel, achternaam = surnames[(index * 7 + index // len(given)) % len(surnames)]
        name = " ".join(part for part in (first[0], tussenvoegsel, achternaam) if part)
        if name not in taken:
            taken.add(name)
            yield (*first, tussenvoegsel, achternaam)


def persoon_entities(people: list[data.PersoonData]) -> list[Persoon]:
    return [
        Persoon(
            guid=fake_guid("persoon", person.name),
            nummer=str(4101 + index),
            initialen=person.initialen,
            tussenvoegsel=person.tussenvoegsel,
            achternaam=person.achternaam,
            voornamen=person.voornamen,
            roepnaam=person.roepnaam,
            geslacht=person.geslacht,
            fractielabel=person.fractie,
        )
        for index, person in enumerate(people)
    ]
