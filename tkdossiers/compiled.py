"""Statements sent on every import, compiled from the ORM once per process.

Django compiles a queryset into SQL each time it runs: for the kept counts' UPDATE with its
subqueries, and the reads every import sends, that was several milliseconds of Python per letter
(bench/README.md, issue 16). A statement here is built from its queryset the first time it is
needed; after that only its values change. A value that changes from one run to the next is a
`Slot` in a RawSQL fragment of the queryset (RawSQL passes its parameters through untouched),
filled in at each run. The rows are turned into values and model instances as Django's own
iterables do (converters, select_related), by the compiler that compiled the statement.
"""

from collections.abc import Callable, Collection

from django.db import connection
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.db.models.sql import UpdateQuery


class Slot:
    """A value given at each run of a compiled statement."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


def slot(name: str, sql: str = "%s") -> RawSQL:
    """A Slot where a queryset wants an expression: `filter(sha256=slot("sha256"))`."""
    return RawSQL(sql, [Slot(name)])  # noqa: S611 - the callers' constant SQL; the value is a parameter


_compiled: dict[tuple[str, str], tuple] = {}


def _once(name: str, build: Callable[[], tuple]) -> tuple:
    key = (connection.vendor, name)
    if key not in _compiled:
        _compiled[key] = build()
    return _compiled[key]


def _filled(params, values: dict) -> list:
    return [values[param.name] if isinstance(param, Slot) else param for param in params]


def execute(name: str, build: Callable[[], tuple[str, tuple]], **values) -> int:
    """Run the statement `build()` gives (sql, params), its slots filled from `values`; returns
    how many rows it changed."""
    sql, params = _once(name, build)
    with connection.cursor() as cursor:
        cursor.execute(sql, _filled(params, values))
        return cursor.rowcount


def one_row(name: str, build: Callable[[], tuple[str, tuple]], **values) -> tuple | None:
    """The first row of the statement `build()` gives (sql, params), its slots filled from `values`."""
    sql, params = _once(name, build)
    with connection.cursor() as cursor:
        cursor.execute(sql, _filled(params, values))
        return cursor.fetchone()


def update(queryset, **values) -> tuple[str, tuple]:
    """The SQL of queryset.update(**values), for `execute` (on a database that updates with a
    subquery of the same table, as PostgreSQL does, Django sends it as one statement)."""
    query = queryset.query.chain(UpdateQuery)
    query.add_update_values(values)
    return query.get_compiler(queryset.db).as_sql()


def _query(name: str, build: Callable) -> tuple:
    def compile_it():
        compiler = (queryset := build()).query.get_compiler(queryset.db)
        return (*compiler.as_sql(), compiler)

    return _once(name, compile_it)


def _converted(name: str, build: Callable, values: dict) -> tuple[list, object]:
    sql, params, compiler = _query(name, build)
    with connection.cursor() as cursor:
        cursor.execute(sql, _filled(params, values))
        rows = cursor.fetchall()
    return list(compiler.results_iter([rows], tuple_expected=True)), compiler


def rows(name: str, build: Callable, **values) -> list[tuple]:
    """The rows of the values_list() queryset `build()` gives, its slots filled from `values`."""
    return _converted(name, build, values)[0]


def instances(name: str, build: Callable, **values) -> list:
    """The model instances of the queryset `build()` gives (with what it select_related()s), its
    slots filled from `values`; as Django's ModelIterable makes them."""
    found, compiler = _converted(name, build, values)
    info, select = compiler.klass_info, compiler.select
    start, end = info["select_fields"][0], info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(info, select, compiler.using)
    made = []
    for row in found:
        obj = info["model"].from_db(compiler.using, names, row[start:end])
        for populator in populators:
            populator.populate(row, obj)
        made.append(obj)
    return made


def instances_among(name: str, build: Callable, **lists: tuple[str, Collection]) -> list:
    """The model instances of `build(**lists)`, a queryset whose `__in` filters take these lists: each
    keyword is (the database type of its values, the values). On PostgreSQL every list is an array
    slot (`IN (SELECT unnest(%s::type[]))`), so the statement is compiled once whatever the lists'
    lengths; elsewhere (the SQLite demo) the ORM compiles the values themselves."""
    if connection.vendor != "postgresql":
        return list(build(**{key: values for key, (_, values) in lists.items()}))

    def compiled_once():
        return build(**{key: slot(key, f"SELECT unnest(%s::{kind}[])") for key, (kind, _) in lists.items()})

    return instances(name, compiled_once, **{key: sorted(values) for key, (_, values) in lists.items()})
