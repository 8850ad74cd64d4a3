"""letters.importing.rows.insert writes what bulk_create wrote, with the computed columns."""

import pytest
from django.db import connection

from letters.importing import rows
from letters.importing.store import Outcome, import_letter, index_for_search
from letters.models import Footnote, LetterVersion, Reference, Section, Source
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


LINKS = ("id", "version_id", "parent_id", "section_id", "footnote_id")  # the copies point elsewhere


def stored(model, version):
    """Every column but the links, search vectors included, in position order."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname not in LINKS]
    return list(model.objects.filter(version=version).order_by("position").values_list(*names))


def copy_version(version) -> LetterVersion:
    return LetterVersion.objects.create(
        letter=version.letter, number=2, sha256="0" * 64, filename="kopie.docx", size=1, content=b"",
        title=version.title, source=Source.COMMAND, is_current=False,
    )  # fmt: skip


def copies(model, rows_of_version, version):
    made = []
    for row in rows_of_version:
        row.pk, row.version, row._state.adding = None, version, True
        if model is Section:
            row.parent = None
        if model is Footnote:
            row.section = None
        if model is Reference:
            row.section, row.footnote = None, None
        made.append(row)
    return made


@pytest.mark.parametrize("model", [Section, Footnote, Reference])
def test_rows_inserted_from_arrays_equal_those_bulk_create_writes(model):
    version = import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).version
    other = copy_version(version)
    by_bulk_create = copies(model, list(model.objects.filter(version=version).order_by("position")), other)
    model.objects.bulk_create(by_bulk_create)
    if model is not Reference:
        index_for_search(other)  # the vectors as Django's SearchVector computes them

    assert stored(model, version) == stored(model, other)
    assert len(stored(model, version)) > 20


def test_an_import_stores_through_the_array_inserts_on_postgresql():
    result = import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)

    assert result.outcome == Outcome.IMPORTED
    sections = list(Section.objects.filter(version=result.version).order_by("position"))
    assert [s.parent_id is None for s in sections].count(False) > 0  # parents linked in the one insert
    if connection.vendor == "postgresql":
        assert all(s.search_vector for s in sections if s.heading or s.text)


def test_nothing_to_insert_sends_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert rows.insert(Section, [], computed={"search_vector": "NULL"}) == []
