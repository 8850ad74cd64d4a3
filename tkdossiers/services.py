"""Writes to dossiers and kamerstukken: get or create many at once, never duplicate."""

from django.db import transaction
from django.db.models import Q

from tkdossiers.models import Dossier, Kamerstuk


# Without a savepoint inside the import's transaction (2 statements an import): every write here is
# an insert that ignores conflicts, and an error fails the caller's transaction as a whole anyway.
@transaction.atomic(savepoint=False)
def kamerstukken_for(keys: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], Kamerstuk]:
    """(dossier number, toevoeging or "", ondernummer) -> Kamerstuk, creating what is missing.

    Most cited kamerstukken are known already: they are read first with their dossiers in one
    query, and only missing ones inserted (ignoring a concurrent import's identical rows) and
    read again. A new one has no vergaderjaar yet: the app that counts its citations decides it
    (letters.importing.counts).
    """
    if not keys:
        return {}
    found = _known_kamerstukken(keys)
    missing = keys - set(found)
    if missing:
        dossiers = dossiers_for({(number, toevoeging) for number, toevoeging, _ in missing})
        Kamerstuk.objects.bulk_create(
            [Kamerstuk(dossier=dossiers[key[:2]], number=key[2]) for key in sorted(missing)], ignore_conflicts=True
        )
        found |= _known_kamerstukken(missing)
    return found


def _known_kamerstukken(keys: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], Kamerstuk]:
    wanted = Q()
    for number, toevoeging, ondernummer in keys:
        wanted |= Q(dossier__number=number, dossier__toevoeging=toevoeging, number=ondernummer)
    return {
        (kamerstuk.dossier.number, kamerstuk.dossier.toevoeging, kamerstuk.number): kamerstuk
        for kamerstuk in Kamerstuk.objects.filter(wanted).select_related("dossier")
    }


def dossiers_for(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Dossier]:
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
