"""How many SQL statements one import sends to PostgreSQL: exact, so a regression shows.

Each statement is a round trip, and at a few hundred microseconds each they were half of the
seed letter's import (bench/README.md). When a change adds or removes one on purpose, update
the number here and say why; the failure message lists the statements.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.importing.store import Outcome, import_letter
from letters.models import Footnote, Section, Source
from tests.conftest import SEED
from tests.docx_builder import with_replaced_text

pytestmark = pytest.mark.django_db

# The test runs inside a transaction, so store()'s atomic block is a savepoint: 1 SAVEPOINT and 1
# RELEASE of the count (tkdossiers.services.kamerstukken_for has none). Of the seed's 23 (1 December
# 2026, round three): the duplicate check 1; letter, version, sections and footnotes 6 (identity
# locks, new keys of version, sections and footnotes, and the bulk import's synchronous_commit in
# one statement; the letter looked up; four inserts, sections and footnotes with their search
# vectors from arrays); kamerstukken 2 (services.kamerstukken_for: known ones read with their
# dossiers, then the missing dossiers and kamerstukken inserted in one statement; 1 once the
# kamerstukken are known); references 1; topic tags 2 (one statement reads the rules and is the kept
# matcher's fingerprint; the tags' insert); motions and commitments 6 (commitments.analysis: the
# Kamer-mirror check, kamerstukken read, motions inserted and read, mentions inserted, commitments
# upserted; nothing for the record or register when not mirrored); kept counts 3
# (letters.importing.counts: a new letter has no LetterDossier rows to delete; the kamerstukken
# locked by a subquery of their update); store()'s savepoint 2. A new version: the letter's last
# number read, its versions retired and the letter updated (3), its LetterDossier rows deleted and
# the previous version's kamerstukken read (2), the letter not inserted and its kamerstukken known
# (-2).
SEED_INTO_EMPTY_DATABASE = 23
NEW_VERSION_OF_THE_SEED = 26
SAME_BYTES_AGAIN = 1


def statements_of(run):
    if connection.vendor != "postgresql":
        pytest.skip("the statement count is PostgreSQL's (SQLite has no sequences to reserve keys from)")
    with CaptureQueriesContext(connection) as captured:
        result = run()
    return result, [query["sql"] for query in captured.captured_queries]


def summary(statements) -> str:
    return "\n".join(sql[:110] for sql in statements)


def import_seed(content=None, filename=SEED.name):
    return import_letter(content=content or SEED.read_bytes(), filename=filename, source=Source.COMMAND)


def test_seed_import_into_an_empty_database_sends_a_fixed_number_of_statements():
    result, statements = statements_of(import_seed)

    assert result.outcome == Outcome.IMPORTED
    assert len(statements) == SEED_INTO_EMPTY_DATABASE, summary(statements)


def test_new_version_sends_a_fixed_number_of_statements():
    import_seed()
    corrected = with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg")

    result, statements = statements_of(lambda: import_seed(corrected, "gecorrigeerd.docx"))

    assert (result.outcome, result.version.number) == (Outcome.NEW_VERSION, 2)
    assert len(statements) == NEW_VERSION_OF_THE_SEED, summary(statements)


def test_same_bytes_again_cost_one_statement():
    import_seed()

    result, statements = statements_of(import_seed)

    assert result.outcome == Outcome.UNCHANGED
    assert len(statements) == SAME_BYTES_AGAIN, summary(statements)


def test_sections_and_footnotes_are_inserted_once_each_with_their_search_vectors():
    result, statements = statements_of(import_seed)

    writes = [sql.split(" (")[0] for sql in statements if sql.startswith(("INSERT", "UPDATE"))]
    assert writes.count('INSERT INTO "letters_section"') == 1
    assert writes.count('INSERT INTO "letters_footnote"') == 1
    assert not any(sql.startswith(('UPDATE "letters_section"', 'UPDATE "letters_footnote"')) for sql in writes)
    heading = Section.objects.filter(version=result.version, heading="C2000").values_list("search_vector", flat=True)
    assert "'c2000':1A" in heading.get()
    footnote = Footnote.objects.filter(version=result.version, number="1").values_list("search_vector", flat=True)
    assert footnote.get() == "'2023/24':3B '264':7B '29':4B '517':5B 'ii':2B 'kamerstuk':1B 'nr':6B"


def test_a_new_letter_row_is_written_once():
    _result, statements = statements_of(import_seed)

    writes = ('INSERT INTO "letters_letter" ', 'UPDATE "letters_letter" ')
    letter_writes = [sql[:30] for sql in statements if sql.startswith(writes)]
    assert letter_writes == ['INSERT INTO "letters_letter" (']
