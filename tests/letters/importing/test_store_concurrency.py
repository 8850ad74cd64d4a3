"""Two imports of one letter at the same moment (import_letter --workers, Celery workers).

A letter is found by its document number, else kenmerk, else title and date; only the first
is a unique key. So an import that finds a letter by its title must wait for another that is
creating that letter under its number, or both would create one.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from letters.docx.reader import read
from letters.importing.ids import reserve_keys
from letters.importing.store import Outcome, identity_keys, import_letter
from letters.models import Letter, Source
from tests.conftest import SEED

pytestmark = pytest.mark.django_db(transaction=True)


def backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_identity_keys_name_everything_a_letter_is_found_by():
    numbered = read(SEED.read_bytes(), SEED.name)
    unnumbered = read(SEED.read_bytes(), "kopie.docx")

    title = "letter-identity:titel:Verzamelbrief brandweer, crisisbeheersing en meldkamers:2025-10-03"
    assert identity_keys(numbered) == ("letter-identity:tk:2025D43420", title)
    assert identity_keys(unnumbered) == (title,)


def test_an_import_waits_for_another_creating_the_same_letter_and_becomes_its_version(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; SQLite writes one transaction at a time anyway")
    numbered = read(SEED.read_bytes(), SEED.name)
    importer_pid = backend_pid()
    holding, failures = threading.Event(), []

    def other_import_creating_the_letter():
        try:
            with transaction.atomic(), connections["default"].cursor() as cursor:
                reserve_keys({}, locks=identity_keys(numbered))
                Letter.objects.create(
                    identity="tk:2025D43420",
                    document_number="2025D43420",
                    title=numbered.metadata.title,
                    date=numbered.metadata.date,
                )
                holding.set()
                for _ in range(100):  # until the import waits for the lock
                    cursor.execute("SELECT wait_event FROM pg_stat_activity WHERE pid = %s", [importer_pid])
                    if cursor.fetchone()[0] == "advisory":
                        break
                    time.sleep(0.05)
                else:
                    failures.append("the import never waited for the other one")
        except Exception as exc:  # reported by the test, not lost in the thread
            failures.append(repr(exc))
        finally:
            connections["default"].close()

    other = threading.Thread(target=other_import_creating_the_letter)
    other.start()
    assert holding.wait(10)
    # The same letter under a file name without its number: found by title and date only.
    result = import_letter(content=SEED.read_bytes(), filename="kopie.docx", source=Source.COMMAND)
    other.join(30)

    assert failures == []
    assert result.outcome == Outcome.NEW_VERSION
    assert list(Letter.objects.values_list("identity", flat=True)) == ["tk:2025D43420"]
    assert result.letter.identity == "tk:2025D43420"
    assert result.letter.versions.count() == 1
