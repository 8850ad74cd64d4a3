"""Primary keys taken ahead of an insert, so rows of one bulk insert can point at each other."""

from django.db import connection


def reserve_ids(model, count: int) -> list[int] | None:
    """`count` new keys from the table's sequence, ascending; None when the database has no
    sequences to take them from (SQLite), and the caller must insert first and link after."""
    if connection.vendor != "postgresql":
        return None
    if count == 0:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, count],
        )
        return sorted(row[0] for row in cursor.fetchall())
