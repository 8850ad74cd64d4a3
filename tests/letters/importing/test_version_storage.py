"""A version's file, a zip already, is stored without PostgreSQL trying to compress it again
(letters migration 0019), and read back as it was."""

import pytest
from django.db import connection

from letters.importing.store import import_letter
from letters.models import LetterVersion, Source
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


def test_the_versions_file_is_stored_out_of_line_uncompressed():
    if connection.vendor != "postgresql":
        pytest.skip("column storage is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'letters_letterversion'::regclass"
            " AND attname = 'content'"
        )
        assert cursor.fetchone() == ("e",)


def test_the_file_reads_back_byte_for_byte():
    version = import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).version

    assert bytes(LetterVersion.objects.get(pk=version.pk).content) == SEED.read_bytes()
