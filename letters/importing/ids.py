"""Primary keys taken ahead of an insert, so rows of one bulk insert can point at each other."""

import hashlib

from django.db import connection


def reserve_ids(model, count: int) -> list[int] | None:
    """`count` new keys from the table's sequence, ascending; None when the database has no
    sequences to take them from (SQLite), and the caller must insert first and link after."""
    keys = reserve_keys({model: count})
    return None if keys is None else keys[model]


def reserve_keys(counts: dict, *, locks: tuple[str, ...] = (), settings: dict[str, str] | None = None) -> dict | None:
    """New keys for several tables in one round trip: model -> its keys, ascending; None
    without sequences (SQLite).

    `locks` are names of transaction-level advisory locks taken first, in a fixed order, in
    the same statement: held until the transaction ends, they make two transactions that name
    the same thing wait for each other, and the statements after this one see what the other
    committed. `settings` are set for the rest of the transaction (SET LOCAL), in the same statement.
    """
    if connection.vendor != "postgresql":
        return None
    wanted = [(model, count) for model, count in counts.items() if count > 0]
    keys = {model: [] for model in counts}
    parts, params = [], []
    if locks:
        parts.append("SELECT -1, count(pg_advisory_xact_lock(k)) FROM (SELECT unnest(%s::bigint[]) AS k ORDER BY 1) l")
        params.append(sorted({lock_number(name) for name in locks}))
    for name, value in (settings or {}).items():
        parts.append("SELECT -2, length(set_config(%s, %s, true))")
        params += [name, value]
    for index, (model, count) in enumerate(wanted):  # the index says which table a key is of
        parts.append("SELECT %s, nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)")
        params += [index, model._meta.db_table, count]
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            for index, key in cursor.fetchall():
                if index >= 0:
                    keys[wanted[index][0]].append(key)
    return {model: sorted(found) for model, found in keys.items()}


def lock_number(name: str) -> int:
    """An advisory lock's number for a name: 64 bits of its hash, signed as PostgreSQL's bigint."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
