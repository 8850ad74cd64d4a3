"""letters.importing.rows.insert: conflicts as bulk_create handles them, and plain columns sent as
they are only where Django's conversion would give back the same values."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import IntegrityError, connection, models

from letters.importing import rows
from letters.importing.store import SECTION_VECTOR, import_letter
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


AWKWARD = ['"', "\\", "{a,b}", "NULL", "", " ", "é ‘’ — € 🚒", "a\tb\nc", "x" * 70_000, "de {brandweerkorpsen}"]


def test_awkward_values_sent_in_binary_come_back_as_they_were(letter):
    version = letter.current_version
    notes = [
        Footnote(version=version, number=str(1000 + i), position=1000 + i, text=text) for i, text in enumerate(AWKWARD)
    ]
    sections = [
        Section(
            version=version, position=1000 + i, level=1, number="", kind="body", heading=text, text=text, path=text,
            heading_refs=[[0, text]], blocks=[{"type": "p", "text": text, "refs": []}, None],
        )
        for i, text in enumerate(AWKWARD)
    ]  # fmt: skip

    rows.insert(Footnote, notes)
    rows.insert(Section, sections, computed=SECTION_VECTOR)

    assert list(Footnote.objects.filter(position__gte=1000).order_by("position").values_list("text", flat=True)) == (
        AWKWARD
    )
    back = Section.objects.filter(position__gte=1000).order_by("position")
    assert [(s.heading, s.text, s.path, s.heading_refs, s.blocks) for s in back] == [
        (text, text, text, [[0, text]], [{"type": "p", "text": text, "refs": []}, None]) for text in AWKWARD
    ]
    found = Section.objects.filter(position__gte=1000, search_vector=SearchQuery("brandweerkorpsen", config="dutch"))
    assert [s.text for s in found] == ["de {brandweerkorpsen}"]  # the vectors are of the texts sent


def test_the_binary_insert_is_logged_and_wrapped_as_any_statement(letter, django_assert_num_queries):
    version = letter.current_version
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(sql.split(" (", 1)[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper), django_assert_num_queries(1):
        rows.insert(Footnote, [Footnote(version=version, number="99", position=99, text="tekst")])

    assert seen == ['INSERT INTO "letters_footnote"']
    with pytest.raises(IntegrityError):  # Django's error, as for its own cursors
        rows.insert(Footnote, [Footnote(version=version, number="99", position=99, text="nog eens")])
