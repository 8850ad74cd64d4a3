"""A kamerstuk's one vergaderjaar (letters.importing.counts): the Kamer's record when it is
mirrored, else the year most current citations give, kept after every import and sync."""

import datetime

import pytest
from django.core.management import call_command

from kamer.models import Document
from kamer.sync import SyncReport
from letters.importing import counts
from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import letter_citing
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


def add(date, years, number=264, subject="Voortgang meldkamers"):
    citations = [
        f"Kamerstukken II {year}, 29 517, nr. {number}" if year else f"Kamerstuk 29517, nr. {number}" for year in years
    ]
    content = letter_citing(subject, date, citations)
    return import_letter(content=content, filename=f"{subject}.docx", source=Source.COMMAND)


def year_of(number=264):
    return Kamerstuk.objects.get(dossier__number="29517", number=str(number)).vergaderjaar


def kamer_record(volgnummer, vergaderjaar, **fields):
    dossier, _ = Dossier.objects.get_or_create(number="29517", toevoeging="")
    return Document.objects.create(
        guid=f"doc-{volgnummer}-{vergaderjaar}",
        soort="Brief regering",
        dossier=dossier,
        volgnummer=volgnummer,
        vergaderjaar=vergaderjaar,
        bijgewerkt=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
        **fields,
    )


def test_kamerstuk_vergaderjaar_is_the_year_most_citations_give():
    add("3 oktober 2025", ["2023/24", "2024/25", "2024/25", "2024/25"])  # footnote 1 says 2023/24

    assert year_of() == "2024/25"


def test_kamerstuk_vergaderjaar_follows_the_citations_of_later_letters():
    add("12 maart 2024", ["2023/24"], subject="Eerste brief")
    assert year_of() == "2023/24"

    add("3 oktober 2025", ["2024/25", "2024/25"], subject="Tweede brief")
    assert year_of() == "2024/25"

    add("4 oktober 2025", [None, None, None], subject="Derde brief")  # "Kamerstuk 29517, nr. 264": no year
    assert year_of() == "2024/25"


def test_kamerstuk_vergaderjaar_on_a_tie_is_the_earlier_year():
    add("3 oktober 2025", ["2024/25", "2023/24"])

    assert year_of() == "2023/24"


def test_kamerstuk_vergaderjaar_is_the_kamer_record_when_mirrored():
    kamer_record(264, "2022-2023")
    kamer_record(264, "2019-2020", deleted=True)  # withdrawn by the Kamer: not its record
    kamer_record(265, "2018-2019")  # another kamerstuk of the dossier

    add("3 oktober 2025", ["2024/25", "2024/25", "2024/25"])

    assert year_of() == "2022/23"


def test_a_sync_that_mirrors_the_record_gives_the_kamerstuk_its_year():
    add("3 oktober 2025", ["2024/25", "2024/25"])
    add("3 oktober 2025", ["2024/25"], number=265, subject="Andere brief")
    record = kamer_record(264, "2023-2024")

    recounted = counts.after_sync(SyncReport(changed_documents=[record.pk]))
    assert (recounted, year_of(264), year_of(265)) == (1, "2023/24", "2024/25")

    Document.objects.filter(pk=record.pk).update(deleted=True)  # the Kamer withdrew it
    counts.after_sync(SyncReport(changed_documents=[record.pk]))
    assert year_of(264) == "2024/25"


def test_recount_command_rebuilds_the_vergaderjaar_as_the_imports_kept_it(capsys):
    add("12 maart 2024", ["2023/24"], subject="Eerste brief")
    add("3 oktober 2025", ["2024/25", "2024/25"], subject="Tweede brief")
    add("3 oktober 2025", ["2018/19"], number=172, subject="Derde brief")
    kept = sorted(Kamerstuk.objects.values_list("number", "vergaderjaar"))
    Kamerstuk.objects.update(vergaderjaar="2000/01")

    call_command("recount")

    assert kept == [("172", "2018/19"), ("264", "2024/25")]
    assert sorted(Kamerstuk.objects.values_list("number", "vergaderjaar")) == kept
