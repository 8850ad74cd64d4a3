"""letters.importing.rows.insert: conflicts as bulk_create handles them, and plain columns sent as
they are only where Django's conversion would give back the same values."""

import pytest
from django.db import connection, models

from letters.importing import rows
from letters.importing.store import import_letter
from letters.models import Footnote, LetterDossier, Reference, Section, Source
from tests.conftest import SEED
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    return import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).letter


def test_a_conflict_is_ignored(letter):
    first = LetterDossier.objects.filter(letter=letter).order_by("pk").first()
    again = LetterDossier(letter=letter, dossier_id=first.dossier_id, citations=first.citations + 5)

    rows.insert(LetterDossier, [again], ignore_conflicts=True)

    assert LetterDossier.objects.get(pk=first.pk).citations == first.citations


def test_a_conflict_updates_the_fields_named(letter):
    first = LetterDossier.objects.filter(letter=letter).order_by("pk").first()
    again = LetterDossier(letter=letter, dossier_id=first.dossier_id, citations=first.citations + 5)

    rows.insert(
        LetterDossier, [again], update_conflicts=True, unique_fields=["letter", "dossier"], update_fields=["citations"]
    )

    assert LetterDossier.objects.get(pk=first.pk).citations == first.citations + 5


@pytest.mark.parametrize("model", [Section, Footnote, Reference, LetterDossier])
def test_plain_columns_are_what_django_would_write(letter, model):
    objs = list(model.objects.filter(letter=letter) if model is LetterDossier else model.objects.all())
    plain = [field for field in model._meta.concrete_fields if rows._plain_types(field)]

    for field in plain:
        assert rows._column(field, objs) == [
            field.get_db_prep_save(field.pre_save(o, add=True), connection) for o in objs
        ]
    assert len(plain) >= 3


def test_a_value_that_needs_converting_is_converted():
    dossier = Dossier(number=29517, title="Meldkamers")  # an int where the column holds text

    assert rows._column(Dossier._meta.get_field("number"), [dossier]) == ["29517"]


@pytest.mark.parametrize(
    ("field", "plain"),
    [
        (models.CharField(max_length=10), {str, type(None)}),
        (models.PositiveIntegerField(), {int, type(None)}),
        (models.BooleanField(), {bool, type(None)}),
        (models.DateTimeField(auto_now_add=True), set()),  # pre_save computes the value
        (models.JSONField(), set()),  # written as a JSON adapter
    ],
)
def test_which_fields_have_plain_values(field, plain):
    assert rows._plain_types(field) == plain
