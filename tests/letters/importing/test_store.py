import datetime
import time

import pytest
from django.db import connection, transaction
from django.test import override_settings

from letters.importing.store import Outcome, import_letter
from letters.models import FailedImport, Footnote, Letter, LetterVersion, Reference, Section, Source
from tests.conftest import SAMPLES, SEED
from tests.docx_builder import build_docx, para, run, text_para, with_replaced_text
from tests.letters.docx.bad_files import BAD_FILES, BAD_IDS
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


def row_counts():
    models = (Letter, LetterVersion, Section, Footnote, Reference, Kamerstuk, Dossier, FailedImport)
    return {model.__name__: model.objects.count() for model in models}


def import_seed(content=None, filename=SEED.name):
    return import_letter(content=content or SEED.read_bytes(), filename=filename, source=Source.COMMAND)


def test_seed_letter_is_stored_with_its_tree_and_footnotes():
    result = import_seed()

    letter = Letter.objects.get()
    assert result.outcome == Outcome.IMPORTED
    assert (letter.title, letter.date, letter.document_number, letter.sender_display) == (
        "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        datetime.date(2025, 10, 3),
        "2025D43420",
        "Minister van Justitie en Veiligheid (Foort van Oosten)",
    )
    assert letter.current_version == result.version
    sections = list(result.version.sections.select_related("parent"))
    assert len(sections) == 28
    nested = next(s for s in sections if s.heading == "Overkoepelende benadering")
    assert nested.parent.heading == "Kabinetsreactie initiatiefnota Boswijk c.s."
    footnote = Footnote.objects.get(version=result.version, number="4")
    assert footnote.text == "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272"
    assert footnote.section.heading == "Videobellen met de meldkamer"
    assert Footnote.objects.filter(version=result.version, section__isnull=True).count() == 0


def test_same_file_twice_writes_nothing_new():
    first = import_seed()
    before = row_counts()

    second = import_seed()

    assert second.outcome == Outcome.UNCHANGED
    assert second.version == first.version
    assert row_counts() == before


def test_changed_file_of_a_known_letter_becomes_version_two_and_version_one_stays():
    first = import_seed()
    corrected = with_replaced_text(
        SEED.read_bytes(), "Realisatie meldkamers afgerond", "Realisatie meldkamers voltooid"
    )

    second = import_seed(corrected, "verzamelbrief-2025D43420-gecorrigeerd.docx")

    assert (second.outcome, second.version.number, second.letter) == (Outcome.NEW_VERSION, 2, first.letter)
    assert Letter.objects.get().current_version == second.version
    old_headings = list(first.version.sections.values_list("heading", flat=True))
    new_headings = list(second.version.sections.values_list("heading", flat=True))
    assert "Realisatie meldkamers afgerond" in old_headings
    assert "Realisatie meldkamers voltooid" in new_headings
    assert bytes(LetterVersion.objects.get(pk=first.version.pk).content) == SEED.read_bytes()


def test_a_new_version_whose_file_name_has_no_document_number_keeps_the_letters_number():
    first = import_seed()
    corrected = with_replaced_text(
        SEED.read_bytes(), "Realisatie meldkamers afgerond", "Realisatie meldkamers voltooid"
    )

    second = import_seed(corrected, "verzamelbrief-gecorrigeerd.docx")  # found by its kenmerk

    assert (second.outcome, second.letter) == (Outcome.NEW_VERSION, first.letter)
    assert Letter.objects.get().document_number == "2025D43420"


def test_letters_without_document_number_are_told_apart_by_kenmerk():
    for path in sorted((SAMPLES / "letters").glob("*.docx")):
        import_letter(content=path.read_bytes(), filename=path.name, source=Source.COMMAND)

    assert sorted(Letter.objects.values_list("kenmerk", flat=True)) == [
        "4975504",
        "5086975",
        "5164758",
        "5303168",
        "5624406",
    ]
    assert set(LetterVersion.objects.values_list("number", flat=True)) == {1}


@pytest.mark.parametrize(("name", "make", "reason"), BAD_FILES, ids=BAD_IDS)
def test_failed_import_records_only_the_failure(name, make, reason):
    import_seed()
    before = row_counts()

    result = import_letter(content=make(), filename=name, source=Source.UPLOAD)

    assert (result.outcome, result.reason) == (Outcome.FAILED, reason)
    assert row_counts() == before | {"FailedImport": before["FailedImport"] + 1}
    failure = FailedImport.objects.get()
    assert (failure.filename, failure.reason, failure.source) == (name, reason, Source.UPLOAD)


class ExplodingAnalyser:
    def describe(self, *, parsed, sections):
        return {}

    def store(self, *, version, parsed, sections, section_rows):
        raise RuntimeError("analyser crashed half-way")


exploding_analyser = ExplodingAnalyser()


def test_crash_half_way_leaves_earlier_data_intact_and_can_be_run_again():
    import_seed()
    before = row_counts()
    corrected = with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg")

    with override_settings(LETTER_ANALYSERS=["tests.letters.importing.test_store.exploding_analyser"]):
        failed = import_seed(corrected)

    assert (failed.outcome, failed.reason) == (
        Outcome.FAILED,
        "opslaan mislukt (RuntimeError: analyser crashed half-way); er is niets opgeslagen, probeer het opnieuw",
    )
    assert row_counts() == before | {"FailedImport": 1}
    assert Letter.objects.get().current_version.number == 1
    again = import_seed(corrected)
    assert (again.outcome, again.version.number) == (Outcome.NEW_VERSION, 2)


RECORDED = []


def test_analysers_named_in_settings_run_inside_the_import():
    RECORDED.clear()

    with override_settings(LETTER_ANALYSERS=["tests.letters.importing.test_store.recording_analyser"]):
        result = import_seed()

    # it runs after the sections are stored, in the same transaction
    assert RECORDED == [(result.version.pk, 28, 35, 28)]


class RecordingAnalyser:
    def describe(self, *, parsed, sections):
        return {}

    def store(self, *, version, parsed, sections, section_rows):
        RECORDED.append(
            (version.pk, len(section_rows), len(parsed.footnotes), Section.objects.filter(version=version).count())
        )


recording_analyser = RecordingAnalyser()


def test_twenty_thousand_paragraphs_import():
    body = [
        text_para(f"Onderdeel {i // 100}", bold=True) if i % 100 == 0 else para(run(f"Alinea {i} over C2000."))
        for i in range(20_000)
    ]

    result = import_letter(content=build_docx(*body), filename="groot.docx", source=Source.COMMAND)

    assert result.outcome == Outcome.IMPORTED
    assert result.version.sections.count() == 200
    assert result.version.sections.get(position=199).text.count("\n") == 98


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the deadlock is PostgreSQL's (SQLite locks the file)")
def test_an_import_that_deadlocks_with_another_transaction_starts_over(reference_data, caplog):
    """Two imports that lock the same rows in opposite order deadlock; PostgreSQL rolls one
    back. Here the other transaction (a thread with its own connection) holds a kamerstuk the
    new version cites, then asks for the letter row the import holds. The import detects the
    deadlock (it waits 1 s, the other 10 s), rolls back, and succeeds on its second try."""
    import threading

    from django.db import connections

    letter = import_seed().letter
    kamerstuk = Kamerstuk.objects.get(dossier__number="29517", number="264")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        importer_pid = cursor.fetchone()[0]
    holding, failures = threading.Event(), []

    def other_transaction():
        try:
            with transaction.atomic(), connections["default"].cursor() as cursor:
                cursor.execute("SET LOCAL deadlock_timeout = '10s'")
                cursor.execute("SELECT id FROM tkdossiers_kamerstuk WHERE id = %s FOR UPDATE", [kamerstuk.pk])
                holding.set()
                for _ in range(100):  # until the import waits for that kamerstuk
                    cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [importer_pid])
                    if cursor.fetchone()[0] == "Lock":
                        break
                    time.sleep(0.05)
                else:
                    failures.append("the import never waited for the kamerstuk")
                cursor.execute("SELECT id FROM letters_letter WHERE id = %s FOR UPDATE", [letter.pk])
        except Exception as exc:  # reported by the test, not lost in the thread
            failures.append(repr(exc))
        finally:
            connections["default"].close()

    other = threading.Thread(target=other_transaction)
    other.start()
    assert holding.wait(10)
    with caplog.at_level("WARNING", logger="letters.importing.store"):
        result = import_seed(with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"), "v2.docx")
    other.join(30)

    assert failures == []
    assert result.outcome == Outcome.NEW_VERSION
    assert list(letter.versions.values_list("number", "is_current")) == [(1, False), (2, True)]
    assert FailedImport.objects.count() == 0
    assert "deadlock detected" in caplog.text and "trying again" in caplog.text
    assert Kamerstuk.objects.get(pk=kamerstuk.pk).citation_count == 4  # its citations in version 2, not 8


DEFENSIENOTA = SAMPLES.parent / "tests" / "corpus" / "letters" / "def-2018-kst-34919-3.docx"


def test_a_dossier_named_without_a_document_number_is_stored_as_a_dossier_reference_not_a_kamerstuk():
    content = build_docx(
        text_para("Defensienota", bold=True),
        text_para(
            "De Defensienota is naar uw Kamer gezonden (Kamerstuk 34 919); zie ook Kamerstuk 34 919, nr. 3 "
            "en de brieven in kamerstukdossier 36 600-X."
        ),
    )

    result = import_letter(content=content, filename="defensienota.docx", source=Source.COMMAND)

    rows = [
        (r.kind, r.text, r.dossier.key if r.dossier else None, r.kamerstuk.key if r.kamerstuk else None)
        for r in result.version.references.select_related("dossier", "kamerstuk__dossier")
    ]
    assert rows == [
        (Reference.Kind.DOSSIER, "Kamerstuk 34 919", "34919", None),
        (Reference.Kind.KAMERSTUK, "Kamerstuk 34 919, nr. 3", None, "34919-3"),
        (Reference.Kind.DOSSIER, "kamerstukdossier 36 600-X", "36600-X", None),
    ]
    assert list(Kamerstuk.objects.values_list("dossier__number", "number")) == [("34919", "3")]
    assert sorted(Dossier.objects.values_list("number", "toevoeging")) == [("34919", ""), ("36600", "X")]


def test_the_defensienota_letter_cites_its_dossier_and_no_kamerstuk():
    result = import_letter(content=DEFENSIENOTA.read_bytes(), filename=DEFENSIENOTA.name, source=Source.COMMAND)

    reference = result.version.references.get()
    assert (reference.kind, reference.text, reference.dossier.key, reference.kamerstuk) == (
        Reference.Kind.DOSSIER,
        "Kamerstuk 34 919",
        "34919",
        None,
    )
    assert reference.section.heading == ""  # the opening, before the first heading
    assert Kamerstuk.objects.count() == 0


def test_an_endnote_is_stored_like_a_footnote_with_its_mark_and_its_kamerstuk():
    endnotes = (
        '<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> Tweede Kamer, '
        "vergaderjaar 2024–2025, 29 628, nr. 1272</w:t></w:r></w:p></w:endnote></w:endnotes>"
    )
    content = build_docx(
        text_para("Videobellen met de meldkamer", bold=True),
        para(run("De pilot is afgerond"), '<w:r><w:endnoteReference w:id="1"/></w:r>', run(".")),
        parts={"word/endnotes.xml": endnotes},
    )

    result = import_letter(content=content, filename="eindnoot.docx", source=Source.COMMAND)

    note = result.version.footnotes.get()
    assert (note.number, note.text, note.section.heading) == (
        "i",
        "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272",
        "Videobellen met de meldkamer",
    )
    reference = result.version.references.get()
    found = (reference.kamerstuk.key, reference.footnote, reference.location_display)
    assert found == ("29628-1272", note, "voetnoot i")
