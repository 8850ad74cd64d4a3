"""Writes to dossiers and kamerstukken: get or create many at once, never duplicate."""

from django.db import transaction
from django.db.models import Q

from tkdossiers.models import Dossier, Kamerstuk


@transaction.atomic
def kamerstukken_for(keys: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], Kamerstuk]:
    """(dossier number, toevoeging or "", ondernummer) -> Kamerstuk, creating what is missing.

    Most cited kamerstukken are known already: they are read first, and only missing ones
    inserted (ignoring a concurrent import's identical rows) and read again. A new one has no
    vergaderjaar yet: the app that counts its citations decides it (letters.importing.counts).
    """
    if not keys:
        return {}
    dossiers = _dossiers_for({(number, toevoeging) for number, toevoeging, _ in keys})
    dossier_keys = {dossier.pk: key for key, dossier in dossiers.items()}

    def read():
        wanted = Q()
        for number, toevoeging, ondernummer in keys:
            wanted |= Q(dossier=dossiers[number, toevoeging], number=ondernummer)
        found = {}
        for kamerstuk in Kamerstuk.objects.filter(wanted):
            kamerstuk.dossier = dossiers[dossier_keys[kamerstuk.dossier_id]]
            found[(*dossier_keys[kamerstuk.dossier_id], kamerstuk.number)] = kamerstuk
        return found

    def new(key):
        number, toevoeging, ondernummer = key
        return Kamerstuk(dossier=dossiers[number, toevoeging], number=ondernummer)

    return _read_or_create(Kamerstuk, keys, read, new)


def _dossiers_for(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Dossier]:
    def read():
        wanted = Q()
        for number, toevoeging in keys:
            wanted |= Q(number=number, toevoeging=toevoeging)
        return {(d.number, d.toevoeging): d for d in Dossier.objects.filter(wanted)}

    return _read_or_create(Dossier, keys, read, lambda key: Dossier(number=key[0], toevoeging=key[1]))


def _read_or_create(model, keys: set, read, new) -> dict:
    """`read()` maps keys to the rows that exist; the missing ones are inserted (ignoring a
    concurrent import's identical rows) and everything is read again."""
    found = read()
    missing = sorted(keys - set(found))
    if missing:
        model.objects.bulk_create([new(key) for key in missing], ignore_conflicts=True)
        found = read()
    return found
