"""import_letter --workers: several processes import at once, against the real PostgreSQL.

The worker processes are forked and open their own connections, so these tests commit.
"""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from letters.models import FailedImport, Letter, LetterVersion, Topic, TopicTag
from tests.conftest import REAL_LETTERS, SEED
from tests.docx_builder import with_replaced_text

pytestmark = pytest.mark.django_db(transaction=True)


def run(*arguments) -> tuple[str, str]:
    out = StringIO()
    try:
        call_command("import_letter", *map(str, arguments), stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), ""


@pytest.fixture
def files(tmp_path):
    """The seed, a byte-for-byte copy of it, a corrected version of it, the five real letters and a PDF."""
    copy = tmp_path / "kopie-van-de-verzamelbrief.docx"
    shutil.copy(SEED, copy)
    corrected = tmp_path / "verzamelbrief-2025D43420-gecorrigeerd.docx"
    corrected.write_bytes(with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"))
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"%PDF-1.4")
    return [SEED, copy, corrected, *REAL_LETTERS, broken]


def test_three_workers_import_every_file_once_and_record_the_bad_one(reference_data, files):
    out, error = run(*files, "--workers", "3")

    broken = files[-1]
    assert out.splitlines() == [
        "geïmporteerd: 6, nieuwe versie: 1, ongewijzigd: 1, mislukt: 1",
        f"mislukt: {broken}: dit is een PDF-bestand, geen Word-document (.docx)",
    ]
    assert error == "1 van 9 bestanden mislukt"
    assert (Letter.objects.count(), LetterVersion.objects.count()) == (6, 7)
    seed_letter = Letter.objects.get(document_number="2025D43420")  # whichever file came first
    assert sorted(seed_letter.versions.values_list("number", "is_current")) == [(1, False), (2, True)]
    assert list(FailedImport.objects.values_list("filename", flat=True)) == ["kapot.docx"]


def test_running_again_with_workers_changes_nothing_but_the_failure_record(reference_data, files):
    run(*files, "--workers", "2")

    out, _error = run(*files, "--workers", "2")

    assert out.splitlines()[0] == "geïmporteerd: 0, nieuwe versie: 0, ongewijzigd: 8, mislukt: 1"
    assert LetterVersion.objects.count() == 7
    assert FailedImport.objects.count() == 2  # each failed attempt is recorded with its reason


def test_the_topic_figures_are_counted_once_at_the_end(reference_data):
    out, _error = run(SEED, *REAL_LETTERS, "--workers", "2")

    assert out == "geïmporteerd: 6, nieuwe versie: 0, ongewijzigd: 0, mislukt: 0\n"
    c2000 = Topic.objects.get(slug="c2000-en-vmx")
    tagged = TopicTag.objects.filter(topic=c2000, section__version__is_current=True)
    assert (c2000.letter_count, c2000.passage_count) == (1, tagged.values("section").distinct().count())
    assert c2000.passage_count > 0
    assert c2000.counted_at is not None


def test_workers_must_be_a_sensible_number():
    with pytest.raises(CommandError) as refused:
        call_command("import_letter", str(SEED), "--workers", "0", stdout=StringIO(), stderr=StringIO())

    assert str(refused.value) == "--workers moet tussen 1 en 64 liggen, niet 0"
    assert LetterVersion.objects.count() == 0
