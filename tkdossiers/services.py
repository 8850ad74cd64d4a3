"""Writes to dossiers and kamerstukken: get or create many at once, never duplicate."""

from django.db import connection, transaction
from django.db.models import Q

from tkdossiers import compiled
from tkdossiers.models import Dossier, Kamerstuk

Key = tuple[str, str, str]  # (dossier number, toevoeging or "", ondernummer)
CREATE_ROUNDS = 3  # a concurrent import's new dossier can hide from one round (see _created_on_postgresql)


# Without a savepoint inside the import's transaction (2 statements an import): every write here is
# an insert that ignores conflicts, and an error fails the caller's transaction as a whole anyway.
@transaction.atomic(savepoint=False)
def kamerstukken_for(keys: set[Key]) -> dict[Key, Kamerstuk]:
    """(dossier number, toevoeging or "", ondernummer) -> Kamerstuk, creating what is missing.

    Most cited kamerstukken are known already: they are read first with their dossiers in one
    query, and only missing ones created (ignoring a concurrent import's identical rows). A new
    one has no vergaderjaar yet: the app that counts its citations decides it
    (letters.importing.counts).
    """
    if not keys:
        return {}
    found = _known_kamerstukken(keys)
    for _ in range(CREATE_ROUNDS):
        missing = keys - set(found)
        if not missing:
            return found
        found |= _created(missing)
        if missing - set(found):  # made by a concurrent import meanwhile
            found |= _known_kamerstukken(missing - set(found))
    raise RuntimeError(f"kamerstukken neither found nor created: {sorted(keys - set(found))}")


def _known_kamerstukken(keys: set[Key]) -> dict[Key, Kamerstuk]:
    """The stored kamerstukken of `keys`, with their dossiers."""
    rows = kamerstukken_among({key[0] for key in keys}, {key[2] for key in keys})
    found = {(k.dossier.number, k.dossier.toevoeging, k.number): k for k in rows}
    return {key: kamerstuk for key, kamerstuk in found.items() if key in keys}


def kamerstukken_among(dossier_numbers: set[str], numbers: set[str]) -> list[Kamerstuk]:
    """Every kamerstuk with one of the dossier numbers and one of the ondernummers, with its dossier,
    in one query; the caller picks out the pairs it wants. Two IN lists, where an OR of a condition
    per pair took Django milliseconds to compile (40 kamerstukken in the seed letter); compiled once
    (tkdossiers.compiled), as every import asks."""
    if not (dossier_numbers and numbers):
        return []
    return compiled.instances_among(
        "kamerstukken among", _among, dossiers=("text", dossier_numbers), numbers=("text", numbers)
    )


def _among(dossiers, numbers):
    return Kamerstuk.objects.filter(dossier__number__in=dossiers, number__in=numbers).select_related("dossier")


def _created(missing: set[Key]) -> dict[Key, Kamerstuk]:
    """Insert the missing kamerstukken (and their dossiers); returns those this call inserted."""
    if connection.vendor == "postgresql":
        return _created_on_postgresql(missing)
    dossiers = dossiers_for({(number, toevoeging) for number, toevoeging, _ in missing})
    Kamerstuk.objects.bulk_create(
        [Kamerstuk(dossier=dossiers[key[:2]], number=key[2]) for key in sorted(missing)], ignore_conflicts=True
    )
    return _known_kamerstukken(missing)


KAMERSTUK_COLUMNS = [field.column for field in Kamerstuk._meta.concrete_fields]
DOSSIER_COLUMNS = [field.column for field in Dossier._meta.concrete_fields]

# Dossiers and kamerstukken in one statement, in key order: two imports inserting the same keys
# wait for each other in the same order, not in a deadlock, and new rows are numbered as when the
# missing dossiers and then kamerstukken were inserted sorted. The statement's snapshot predates
# it, so its reads see neither its own inserts (hence RETURNING) nor rows a concurrent import
# committed while this one waited on a conflict: such a kamerstuk or dossier is skipped here and
# read or created by the caller's next round.
CREATE_SQL = """\
WITH wanted (dossier, toevoeging, number) AS (SELECT * FROM unnest(%s::text[], %s::text[], %s::text[])),
known_dossiers AS (
    SELECT * FROM {dossier} WHERE (number, toevoeging) IN (SELECT dossier, toevoeging FROM wanted)
),
new_dossiers AS (
    INSERT INTO {dossier} (number, toevoeging, title, tk_id)
    SELECT DISTINCT dossier, toevoeging, '', NULL::varchar FROM wanted
    WHERE (dossier, toevoeging) NOT IN (SELECT number, toevoeging FROM known_dossiers)
    ORDER BY 1, 2
    ON CONFLICT DO NOTHING RETURNING *
),
dossiers AS (SELECT * FROM known_dossiers UNION ALL SELECT * FROM new_dossiers),
new_kamerstukken AS (
    INSERT INTO {kamerstuk} (dossier_id, number, vergaderjaar, soort, citation_count, last_cited)
    SELECT d.id, w.number, '', '', 0, NULL::date
    FROM wanted w JOIN dossiers d ON (d.number, d.toevoeging) = (w.dossier, w.toevoeging)
    ORDER BY w.dossier, w.toevoeging, w.number
    ON CONFLICT DO NOTHING RETURNING *
)
SELECT {kamerstuk_columns}, {dossier_columns} FROM new_kamerstukken k JOIN dossiers d ON d.id = k.dossier_id
"""


def _created_on_postgresql(missing: set[Key]) -> dict[Key, Kamerstuk]:
    statement = CREATE_SQL.format(
        dossier=Dossier._meta.db_table,
        kamerstuk=Kamerstuk._meta.db_table,
        kamerstuk_columns=", ".join(f"k.{column}" for column in KAMERSTUK_COLUMNS),
        dossier_columns=", ".join(f"d.{column}" for column in DOSSIER_COLUMNS),
    )
    ordered = sorted(missing)
    with connection.cursor() as cursor:
        cursor.execute(
            statement, [[key[0] for key in ordered], [key[1] for key in ordered], [key[2] for key in ordered]]
        )
        rows = cursor.fetchall()
    found = {}
    for row in rows:
        kamerstuk = Kamerstuk.from_db(connection.alias, None, row[: len(KAMERSTUK_COLUMNS)])
        kamerstuk.dossier = Dossier.from_db(connection.alias, None, row[len(KAMERSTUK_COLUMNS) :])
        found[(kamerstuk.dossier.number, kamerstuk.dossier.toevoeging, kamerstuk.number)] = kamerstuk
    return found


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
