"""The rows of an import written with one INSERT per table, from arrays (PostgreSQL).

`INSERT INTO t (a, b) SELECT * FROM unnest(%b::a_type[], %b::b_type[])` sends one parameter
per column however many rows there are, in binary, and a computed column (the search vectors) is an
expression over the other columns: the texts go to the database once. With bulk_create and a
vector expression per row they went twice, and Django compiled a placeholder per row and field
(the seed letter: 95 KB of SQL instead of 140, sections inserted in 16 ms instead of 21 at best,
about 1 ms less Python). Other databases (the SQLite demo) get bulk_create.
"""

import functools

import psycopg
from django.db import connection, models
from django.db.models.constants import OnConflict

BATCH = 500


def insert(
    model,
    objs: list,
    *,
    computed: dict[str, str] | None = None,
    ignore_conflicts=False,
    update_conflicts=False,
    unique_fields=(),
    update_fields=(),
) -> list:
    """Insert `objs` (their keys set already, or none wanted back) with every concrete field but
    an unset automatic key; `computed` maps a column to an SQL expression over the others, computed
    by the database in the insert. A conflict is ignored, or updates the row with the same
    `unique_fields`, as bulk_create's keywords of the same names say. Returns `objs`."""
    computed = computed or {}
    if not objs:
        return objs
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(
            objs,
            batch_size=BATCH,
            ignore_conflicts=ignore_conflicts,
            update_conflicts=update_conflicts,
            unique_fields=unique_fields or None,
            update_fields=update_fields or None,
        )
    conflicts = _on_conflict(model, ignore_conflicts, update_conflicts, tuple(unique_fields), tuple(update_fields))
    fields, sql = _statement(model, objs[0].pk is not None, tuple(computed.items()), conflicts)
    with _binary_cursor() as cursor:
        cursor.execute(sql, [_column(field, objs) for field in fields])
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    return objs


def _binary_cursor():
    """A Django cursor (execute wrappers, query logging and error mapping as for any other) over a
    psycopg cursor that binds its parameters on the server. Django's own cursors bind on the client:
    every text would be escaped into an array literal in Python (a regular expression per value) and
    parsed back by PostgreSQL; sent in binary (`%b`), each is its UTF-8 bytes: 4.6 % fewer
    instructions a letter in the importing process (bench/README.md, issue 16 round six)."""
    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw = psycopg.Cursor(connection.connection)
    return connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)


def _on_conflict(model, ignore: bool, update: bool, unique_fields: tuple, update_fields: tuple) -> str:
    """The INSERT's ON CONFLICT clause, as Django writes it for bulk_create."""
    if not (ignore or update):
        return ""
    columns = [[model._meta.get_field(name).column for name in names] for names in (update_fields, unique_fields)]
    return connection.ops.on_conflict_suffix_sql(None, OnConflict.IGNORE if ignore else OnConflict.UPDATE, *columns)


@functools.cache
def _statement(model, with_key: bool, computed: tuple[tuple[str, str], ...], conflicts: str) -> tuple[list, str]:
    """The fields sent and the INSERT of a table, built once per process."""
    expressions = dict(computed)
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.column not in expressions and (with_key or not field.primary_key)
    ]
    columns = [field.column for field in fields]
    quote = connection.ops.quote_name
    # Names and types from the model, expressions from the caller's constants; values are parameters.
    sql = "INSERT INTO {table} ({columns}) SELECT {values} FROM unnest({arrays}) AS r ({names}) {conflicts}".format(  # noqa: S608
        table=quote(model._meta.db_table),
        columns=", ".join(quote(column) for column in [*columns, *expressions]),
        values=", ".join([*(f"r.{quote(column)}" for column in columns), *expressions.values()]),
        arrays=", ".join(f"%b::{field.db_type(connection)}[]" for field in fields),
        names=", ".join(quote(column) for column in columns),
        conflicts=conflicts,
    )
    return fields, sql.rstrip()


def _column(field, objs) -> list:
    """The field's values as the database takes them: what Model.save() would write, defaults and
    auto_now_add included. A column of plain values (_plain_types) is sent as it is: Django's
    conversion gives back what it was given, at about a microsecond a value (1.5 ms of the seed's
    import, 1,350 values)."""
    plain = _plain_types(field)
    if plain:
        values = [getattr(obj, field.attname) for obj in objs]
        if all(type(value) in plain for value in values):
            return values
    return [field.get_db_prep_save(field.pre_save(obj, add=True), connection) for obj in objs]


@functools.cache
def _plain_types(field) -> frozenset:
    """The value types that `field` writes unchanged (a str to a text column, an int to an integer
    one, None to either); none for a field that computes its value (pre_save) or converts it in
    a way of its own. Exact classes only: a subclass may convert differently."""
    if isinstance(field, models.ForeignKey):
        return _plain_types(field.target_field) if type(field).pre_save is models.Field.pre_save else frozenset()
    if type(field).pre_save is not models.Field.pre_save:
        return frozenset()
    for classes, types in PLAIN:
        if type(field) in classes:
            return frozenset({*types, type(None)})
    return frozenset()


PLAIN = [
    ({models.CharField, models.TextField}, {str}),
    (
        {
            models.IntegerField,
            models.SmallIntegerField,
            models.BigIntegerField,
            models.PositiveIntegerField,
            models.PositiveSmallIntegerField,
            models.PositiveBigIntegerField,
            models.AutoField,
            models.BigAutoField,
            models.SmallAutoField,
        },
        {int},
    ),
    ({models.BooleanField}, {bool}),
]
