"""Writes to dossiers and kamerstukken: get or create many at once, never duplicate."""

from django.db import transaction
from django.db.models import Q

from tkdossiers.models import Dossier, Kamerstuk


@transaction.atomic
def kamerstukken_for(
    keys: set[tuple[str, str, str]], years: dict | None = None
) -> dict[tuple[str, str, str], Kamerstuk]:
    """(dossier number, toevoeging or "", ondernummer) -> Kamerstuk, creating what is missing.

    `years` gives a vergaderjaar for a new kamerstuk; existing ones keep theirs.
    """
    if not keys:
        return {}
    dossiers = _dossiers_for({(number, toevoeging) for number, toevoeging, _ in keys})
    wanted = Q()
    for number, toevoeging, ondernummer in keys:
        wanted |= Q(dossier=dossiers[number, toevoeging], number=ondernummer)
    Kamerstuk.objects.bulk_create(
        [
            Kamerstuk(dossier=dossiers[n, t], number=o, vergaderjaar=(years or {}).get((n, t, o)) or "")
            for n, t, o in sorted(keys)
        ],
        ignore_conflicts=True,
    )
    return {
        (k.dossier.number, k.dossier.toevoeging, k.number): k
        for k in Kamerstuk.objects.filter(wanted).select_related("dossier")
    }


def _dossiers_for(keys: set[tuple[str, str]]) -> dict[tuple[str, str], Dossier]:
    Dossier.objects.bulk_create([Dossier(number=n, toevoeging=t) for n, t in sorted(keys)], ignore_conflicts=True)
    wanted = Q()
    for number, toevoeging in keys:
        wanted |= Q(number=number, toevoeging=toevoeging)
    return {(d.number, d.toevoeging): d for d in Dossier.objects.filter(wanted)}
