"""The counts kept beside the data (letters.importing.counts) follow every change, and equal a
count from scratch."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse

from commitments.models import Motion
from commitments.services import motion_confirm_done
from letters.importing import counts
from letters.importing.store import import_letter
from letters.models import LetterDossier, Source, Topic
from letters.topics import recount
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tkdossiers.models import Kamerstuk

pytestmark = pytest.mark.django_db


def add(content, filename):
    return import_letter(content=content, filename=filename, source=Source.COMMAND)


def citing(date, citations, subject="Voortgang C2000", heading="C2000 vervanging"):
    return letter_citing(subject, date, citations, heading=heading)


def kamerstuk(key):
    dossier, number = key.rsplit("-", 1)
    return Kamerstuk.objects.get(dossier__number=dossier, dossier__toevoeging="", number=number)


def snapshot():
    return (
        sorted(LetterDossier.objects.values_list("letter_id", "dossier__number", "citations")),
        sorted(
            Kamerstuk.objects.filter(citation_count__gt=0).values_list(
                "dossier__number", "number", "citation_count", "last_cited"
            )
        ),
        sorted(
            Topic.objects.values_list(
                "slug", "letter_count", "passage_count", "open_motion_count", "open_commitment_count", "latest_date"
            )
        ),
    )


def test_a_new_version_moves_the_kamerstuk_counts_and_the_letters_dossiers(django_capture_on_commit_callbacks):
    first = add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 25 124, nr. 100"]), "a.docx").letter
    add(citing("3 april 2024", ["Kamerstukken II 2023/24, 25 124, nr. 100"], subject="Tweede brief"), "b.docx")
    assert (kamerstuk("25124-100").citation_count, kamerstuk("25124-100").last_cited) == (2, datetime.date(2024, 4, 3))

    # the first letter's corrected version cites another dossier instead
    add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 29 517, nr. 264"]), "a-v2.docx")

    assert (kamerstuk("25124-100").citation_count, kamerstuk("25124-100").last_cited) == (1, datetime.date(2024, 4, 3))
    assert (kamerstuk("29517-264").citation_count, kamerstuk("29517-264").last_cited) == (1, datetime.date(2024, 3, 12))
    assert list(LetterDossier.objects.filter(letter=first).values_list("dossier__number", "citations")) == [
        ("29517", 1)
    ]


def test_the_dossier_filter_follows_the_current_version(policy_client):
    add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 25 124, nr. 100"]), "a.docx")
    assert (
        len(
            re.findall(
                'class="letter-title"', policy_client.get(reverse("letter_list"), {"dossier": "25124"}).content.decode()
            )
        )
        == 1
    )

    add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 29 517, nr. 264"]), "a-v2.docx")

    page = policy_client.get(reverse("letter_list"), {"dossier": "25124"}).content.decode()
    assert 'class="letter-title"' not in page
    page = policy_client.get(reverse("letter_list"), {"dossier": "29 517"}).content.decode()
    assert re.findall(r'class="letter-title" href="[^"]+">([^<]+)</a>', page) == ["Voortgang C2000"]


def test_kept_counts_equal_a_count_from_scratch(clerk):
    """Imports, a new version and a decision, kept step by step, against recount_all and the
    migration that fills the counts of an existing database."""
    add(SEED.read_bytes(), SEED.name)
    add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 25 124, nr. 100"]), "a.docx")
    add(citing("12 maart 2024", ["Kamerstukken II 2023/24, 29 517, nr. 264", "Kamerstuk 36600-VI, nr. 100"]), "a2.docx")
    motion_confirm_done(motion=Motion.objects.filter(status=Motion.Status.OPEN).first(), user=clerk)
    recount.recount_topics()
    kept = snapshot()
    assert kept[0] and kept[1] and any(row[1] for row in kept[2])

    LetterDossier.objects.all().delete()
    Kamerstuk.objects.update(citation_count=0, last_cited=None)
    Topic.objects.update(passage_count=0, letter_count=0, latest_date=None, open_motion_count=0)
    counts.recount_all()
    assert snapshot() == kept

    LetterDossier.objects.all().delete()
    Kamerstuk.objects.update(citation_count=0, last_cited=None)
    Topic.objects.update(passage_count=0, letter_count=0, latest_date=None, open_motion_count=0)
    importlib.import_module("letters.migrations.0008_fill_kept_counts").fill(apps, None)
    assert snapshot() == kept
