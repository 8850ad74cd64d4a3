"""The database the previous release left behind: its migrations, and what it had besides.

The release before the kamer app: letters had TKDocument and SyncState, ran the role data
migrations and created the full-text indexes itself. The constants and helpers here are shared
by the population (population.py, populate_*.py) and the test (test_forward.py).
"""

import datetime
import hashlib
import importlib

from django.db import connection

# The leaf migrations of the previous release.
PREVIOUS = [
    ("tkdossiers", "0003_kamerstuk_citation_counts"),
    ("letters", "0009_section_version_index"),
    ("commitments", "0003_motion_updated_index"),
]
# The kamer app did not exist in that release.
ROLLBACK = [*PREVIOUS, ("kamer", None)]
# The role data migrations of that release, rerun there: a transactional test run earlier
# flushed the groups away, and the previous release's database had them.
PREVIOUS_ROLE_DATA = [
    ("letters.migrations.0002_roles", "create_roles"),
    ("letters.migrations.0004_starting_topics", "grant_topics"),
    ("letters.migrations.0006_sync_roles", "grant_sync"),
    ("commitments.migrations.0002_roles", "grant_commitments"),
]
# What letters 0004 ran on PostgreSQL in that release (it no longer does; letters 0012 declares them).
PREVIOUS_SEARCH_INDEXES = [
    "CREATE INDEX IF NOT EXISTS letters_section_search ON letters_section USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS letters_footnote_search ON letters_footnote USING gin (search_vector)",
]
MIGRATED_APPS = {"tkdossiers", "kamer", "letters", "commitments"}
UTC = datetime.UTC

DOCX = b"PK\x03\x04" + bytes(range(256)) * 4 + b"word/document.xml"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(255, -1, -1)) * 2 + b"%%EOF\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def rows(model, **rename):
    """Every row of a model's table as a dict by column attname, in pk order (bytes for binary)."""
    result = []
    for row in model.objects.order_by("pk").values():
        row = {
            rename.get(key, key): bytes(value) if isinstance(value, memoryview) else value for key, value in row.items()
        }
        result.append(row)
    return result


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def as_previous_release_left_it(apps, moved_types: dict[str, int]):
    """Make the rolled-back test database the one that release left: its content types, its full-text
    indexes and its roles with their grants. `moved_types`: the pks of kamer's document and syncstate
    content types before the rollback (empty if there were none)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # The rollback took the moved content types back to letters (letters 0010 in reverse); those of
    # kamer's later models (zaak, persoon, ...) stay, as Django leaves them, and go below.
    assert not ContentType.objects.filter(app_label="kamer", model__in=["document", "syncstate"]).exists()
    if moved_types:
        assert dict(
            ContentType.objects.filter(app_label="letters", model__in=["tkdocument", "syncstate"]).values_list(
                "model", "pk"
            )
        ) == {"tkdocument": moved_types["document"], "syncstate": moved_types["syncstate"]}
    # Content types of models that release did not have (letters.documentfetch) it never had.
    known = {(model._meta.app_label, model._meta.model_name) for model in apps.get_models()}
    for content_type in ContentType.objects.filter(app_label__in=MIGRATED_APPS):
        if (content_type.app_label, content_type.model) not in known:
            content_type.delete()
    with connection.cursor() as cursor:
        for statement in PREVIOUS_SEARCH_INDEXES:
            cursor.execute(statement)
    for module, function in PREVIOUS_ROLE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)

    clerks = Group.objects.get(name="Griffie")
    admins = Group.objects.get(name="Beheerders")
    view_tkdocument = Permission.objects.get(content_type__app_label="letters", codename="view_tkdocument")
    run_sync = Permission.objects.get(content_type__app_label="letters", codename="run_sync")
    assert clerks.permissions.filter(pk=view_tkdocument.pk).exists()
    assert clerks.permissions.filter(content_type__app_label="letters", codename="view_syncstate").exists()
    assert not clerks.permissions.filter(pk=run_sync.pk).exists(), "starting a sync was the admins' (letters 0006)"
    assert admins.permissions.filter(pk=run_sync.pk).exists()
    assert admins.permissions.filter(pk=view_tkdocument.pk).exists()
