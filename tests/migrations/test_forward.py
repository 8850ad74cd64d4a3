"""A database of the release before the kamer app migrates forward with all its data.

The test database is rolled back to the previous release's leaf migrations, made to look
like a database that release left behind, filled through the historical models, and migrated
forward again; then the current models must find every row with the same ids and values:
letters.TKDocument as kamer.Document (bijgewerkt parsed to a timestamp) plus a
letters.DocumentFetch for each document letters fetched or was about to, the sync state,
the role grants under their new names, and the full-text indexes.

Runs DDL, hence a transactional test; it always ends at the latest migrations again, as the
other tests expect (pytest-django flushes the data afterwards).
"""

import datetime
import importlib

import pytest
from django.apps import apps as current_apps
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from commitments.models import Commitment, Motion
from kamer.models import Document, SyncState
from letters.models import DocumentFetch, Footnote, Letter, Section, Topic, TypesetPublication, WatchedDossier
from tests.migrations.population import populate
from tests.migrations.previous_release import DOCX, PDF, PREVIOUS, ROLLBACK, as_previous_release_left_it, at, rows, sha
from tkdossiers.models import Dossier, Kamerstuk

# Where the tables that kept their rows have their model now, if it moved.
MOVED_MODELS = {"letters.SyncState": "kamer.SyncState"}
# Columns later releases added to tables that otherwise kept their rows, with the value old rows get.
ADDED_COLUMNS = {"commitments.Motion": {"zaak_id": None, "zaak_source": ""}, "letters.Reference": {"dossier_id": None}}
# letters 0014 marks the starting topics' naming terms (VMX, C2000, ...) on the rules it finds.
NAMING_TERMS = importlib.import_module("letters.migrations.0014_topic_rules_that_name_their_topic").NAMING_TERMS


@pytest.mark.django_db(transaction=True)
def test_previous_release_database_migrates_forward_with_its_data():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    assert not executor.migration_plan(latest), "the test database starts at the latest migrations"
    # Empty after a transactional test whose flush skipped post_migrate: then there is nothing to move back.
    moved_types = dict(
        ContentType.objects.filter(app_label="kamer", model__in=["document", "syncstate"]).values_list("model", "pk")
    )
    try:
        executor.migrate(ROLLBACK)
        executor.loader.build_graph()
        old_apps = executor.loader.project_state(PREVIOUS).apps
        assert "kamer_document" not in connection.introspection.table_names()
        as_previous_release_left_it(old_apps, moved_types)
        before = populate(old_apps)

        executor.migrate(latest)
        executor.loader.build_graph()
        assert not executor.migration_plan(latest)

        assert_everything_is_there(before)
    finally:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(latest):
            executor.migrate(latest)
        ContentType.objects.clear_cache()


def assert_everything_is_there(before):
    """The current models find every row of `before` (population.snapshot), with the same ids and values."""
    ContentType.objects.clear_cache()
    ids = before["ids"]
    assert_rows_unchanged(before)
    assert_letters_read_back(ids)
    assert_commitments_read_back(ids)
    assert_kamer_mirror(before)
    assert_document_fetches(before)
    assert_new_rows_get_fresh_ids(before)
    assert_grants_held(before)
    assert_roles_can_do_what_they_could(before["users"])
    assert_schema(ids)


def assert_rows_unchanged(before):
    """Every row of every table that only kept its data, column for column."""
    for label, old_rows in before["unchanged"].items():
        new_rows = rows(current_apps.get_model(MOVED_MODELS.get(label, label)))
        if label == "letters.TopicRule":  # the starting topics' naming terms are marked, no other rule
            slugs = dict(Topic.objects.values_list("pk", "slug"))
            naming = [row["term"] in NAMING_TERMS.get(slugs[row["topic_id"]], ()) for row in new_rows]
            assert [row.pop("names_topic") for row in new_rows] == naming
        added = ADDED_COLUMNS.get(label, {})
        assert [{f: row.pop(f) for f in added} for row in new_rows] == [added] * len(new_rows), label
        assert new_rows == old_rows, label
    assert rows(Kamerstuk) == before["kamerstukken"]
    assert (
        sorted(Commitment.fulfilled_by.through.objects.values_list("commitment_id", "section_id"))
        == before["fulfilled_by"]
    )


def assert_letters_read_back(ids):
    """The same facts, read the way the application reads them."""
    dossier = Dossier.objects.get(number="29517")
    assert dossier.pk == ids["dossier"]
    assert {(k.number, k.soort) for k in dossier.kamerstukken.all()} == {("250", "Motie"), ("262", "Brief regering")}
    letter = Letter.objects.get(pk=ids["letter"])
    assert (letter.document_number, letter.dossier_id, letter.kamerstuk_id) == (
        "2025D43420",
        ids["dossier"],
        ids["letter_stuk"],
    )
    assert letter.current_version_id == ids["version"]
    version = letter.current_version
    assert bytes(version.content) == DOCX and version.sha256 == sha(DOCX) and version.size == len(DOCX)
    assert list(version.sections.values_list("pk", "parent_id", "heading")) == [
        (ids["opening"], None, ""),
        (ids["heading"], None, "Meldkamers"),
        (ids["child"], ids["heading"], "Ontwikkelingen 112"),
    ]
    footnote = Footnote.objects.get(pk=ids["footnote"])
    assert (footnote.section_id, footnote.text) == (ids["child"], "Kamerstuk 29517, nr. 250")
    assert list(version.references.values_list("kind", "kamerstuk_id", "footnote_id")) == [
        ("kamerstuk", ids["motion_stuk"], ids["footnote"]),
        ("url", None, None),
    ]
    topic = Topic.objects.get(slug="aannamecentrales")
    assert topic.pk == ids["topic"] and topic.open_commitment_count == 1 and topic.passage_count == 1
    assert sorted(topic.tags.values_list("section_id", "source")) == sorted(
        [(ids["child"], "rule"), (ids["heading"], "manual")]
    )


def assert_commitments_read_back(ids):
    """The motion, the decision on it and the commitment, read the way the application reads them."""
    motion = Motion.objects.get(pk=ids["motion"])
    assert (motion.status, motion.declared_in_id, motion.declaration_reviewed) == ("done", ids["letter"], True)
    assert motion.kamerstuk_id == ids["motion_stuk"]
    assert list(motion.mentions.values_list("section_id", "declares_done")) == [(ids["child"], True)]
    decision = motion.history.get()
    assert decision.pk == ids["decision"]
    assert (
        decision.user.username,
        decision.evidence_id,
        decision.action,
        decision.from_status,
        decision.to_status,
    ) == ("griffie-oud", ids["child"], "afgedaan", "open", "done")
    commitment = Commitment.objects.get(pk=ids["commitment"])
    assert (commitment.status, commitment.made_in_id, commitment.due) == (
        "open",
        ids["child"],
        datetime.date(2026, 7, 1),
    )


def assert_kamer_mirror(before):
    """The Kamer's mirror, now kamer's: same ids, same values, bijgewerkt a timestamp."""
    ids = before["ids"]
    sync = SyncState.objects.get(category="Document")
    assert (sync.pk, sync.skiptoken, sync.entries_seen) == (ids["sync"], 9_876_543_210, 1250)
    assert sync.last_success_at == at(2025, 11, 20, 7, 1, 30)
    assert SyncState.objects.get(category="Zaak").last_error == "HTTP 503 van de Kamer"

    moved = [
        "guid",
        "document_number",
        "soort",
        "title",
        "subject",
        "date",
        "volgnummer",
        "vergaderjaar",
        "content_type",
        "content_length",
        "enclosure_url",
        "deleted",
        "updated_at",
        "dossier_id",
    ]
    expected_bijgewerkt = {
        "2025-10-03T16:01:58.5570000": at(2025, 10, 3, 16, 1, 58, 557000),
        "2025-11-12T09:30:00.0000010Z": at(2025, 11, 12, 9, 30, 0, 1),
        "2025-11-20T08:15:00+01:00": at(2025, 11, 20, 7, 15),
        "2025-09-01T12:00:00": at(2025, 9, 1, 12, 0),
        "2025-11-01T00:00:00.0000000": at(2025, 11, 1, 0, 0),
        "": None,
    }
    new_documents = rows(Document)
    dossier_guids = dict(Dossier.objects.values_list("id", "tk_id"))
    added = {"citeertitel": "", "organisatie": "", "huidige_versie_id": None}
    assert [d["id"] for d in new_documents] == [d["id"] for d in before["documents"]]
    for old, new in zip(before["documents"], new_documents, strict=True):
        assert {f: new[f] for f in moved} == {f: old[f] for f in moved}, old["guid"]
        assert new["bijgewerkt"] == expected_bijgewerkt[old["bijgewerkt"]], old["guid"]
        # The reference to the Kamer's dossier: the GUID of the dossier the document was linked to.
        assert new["kamerstukdossier_id"] == dossier_guids.get(old["dossier_id"]), old["guid"]
        assert {f: new[f] for f in added} == added
        assert set(new) == {*moved, *added, "id", "bijgewerkt", "kamerstukdossier_id"}
    imported = Document.objects.get(pk=ids["imported"])
    assert imported.bijgewerkt.utcoffset() == datetime.timedelta(0)  # aware
    assert Document.objects.of_soort("Brief regering").count() == 5  # the withdrawn one is deleted


def assert_document_fetches(before):
    """A fetch for each document letters fetched or was about to, with its state, letter and update time."""
    ids = before["ids"]
    fetches = {f.document_id: f for f in DocumentFetch.objects.all()}
    assert set(fetches) == {ids[name] for name in ["imported", "typeset", "pending", "withdrawn", "failed", "linked"]}
    expected_fetches = {
        "imported": ("imported", "", ids["letter"], at(2025, 10, 3, 16, 1, 58, 557000), 48213),
        "typeset": (
            "typeset",
            "opgemaakte publicatie in plaats van het Word-bestand",
            ids["letter"],
            at(2025, 11, 12, 9, 30, 0, 1),
            len(PDF),
        ),
        "pending": ("pending", "", None, None, None),
        "withdrawn": (
            "withdrawn",
            "De Kamer heeft het document ingetrokken",
            None,
            at(2025, 8, 30, 10, 0, 0, 123456),
            1024,
        ),
        "failed": ("failed", "Geen geldig Word-bestand", None, None, 12),  # "niet te lezen" is no timestamp
        "linked": ("imported", "", ids["letter"], None, None),
    }
    for name, expected in expected_fetches.items():
        fetch = fetches[ids[name]]
        assert (fetch.status, fetch.status_reason, fetch.letter_id, fetch.fetched_bijgewerkt, fetch.fetched_length) == (
            expected
        ), name
        assert fetch.claimed_at is None
    # Each fetch was last updated when its document was, not when the migration ran.
    updated_at = {document["id"]: document["updated_at"] for document in before["documents"]}
    for fetch in fetches.values():
        assert fetch.updated_at == updated_at[fetch.document_id], fetch.document_id
    # So the list of fetches, newest first (Meta.ordering), is the documents' order of update again.
    newest_first = ["linked", "failed", "withdrawn", "pending", "typeset", "imported"]
    assert list(DocumentFetch.objects.values_list("document_id", flat=True)) == [ids[name] for name in newest_first]
    assert not DocumentFetch.objects.filter(document_id=ids["recorded"]).exists()
    letter = Letter.objects.get(pk=ids["letter"])
    assert sorted(letter.fetches.values_list("document_id", flat=True)) == sorted(
        [ids["imported"], ids["typeset"], ids["linked"]]
    )

    publication = TypesetPublication.objects.get(pk=ids["publication"])
    assert publication.tk_document_id == ids["typeset"]
    assert publication.tk_document.guid == "a1b2c3d4-0000-4000-8000-000000000002"
    assert bytes(publication.content) == PDF
    assert list(Document.objects.get(pk=ids["typeset"]).publications.all()) == [publication]
    assert list(WatchedDossier.objects.values_list("number", "toevoeging")) == [("29517", ""), ("36600", "VI")]


def assert_new_rows_get_fresh_ids(before):
    """New rows get fresh ids on the renamed tables (their sequences came along)."""
    ids = before["ids"]
    added = Document.objects.create(guid="a1b2c3d4-0000-4000-8000-000000000099", soort="Brief regering")
    last_fetch = max(DocumentFetch.objects.values_list("pk", flat=True))
    assert added.pk > max(d["id"] for d in before["documents"])
    assert DocumentFetch.objects.create(document=added).pk > last_fetch
    assert SyncState.objects.create(category="Persoon").pk > ids["sync"]


def assert_grants_held(before):
    """The content types and permissions were renamed, not recreated: the grants held on."""
    moved_types = before["content_types"]
    assert ContentType.objects.get(app_label="kamer", model="document").pk == moved_types["tkdocument"]
    assert ContentType.objects.get(app_label="kamer", model="syncstate").pk == moved_types["syncstate"]
    assert not ContentType.objects.filter(app_label="letters", model__in=["tkdocument", "syncstate"]).exists()
    renamed = {
        "view_tkdocument": "view_document",
        "add_tkdocument": "add_document",
        "change_tkdocument": "change_document",
        "delete_tkdocument": "delete_document",
        "view_syncstate": "view_syncstate",
        "run_sync": "run_sync",
    }
    for old_codename, new_codename in renamed.items():
        permission = Permission.objects.get(content_type__app_label="kamer", codename=new_codename)
        assert permission.pk == before["permissions"][old_codename], old_codename
    assert not Permission.objects.filter(codename__endswith="_tkdocument").exists()
    still_granted = set(Group.permissions.through.objects.values_list("group_id", "permission_id"))
    assert set(before["group_permissions"]) <= still_granted


def assert_roles_can_do_what_they_could(users):
    """Each role may do with kamer's models what it could with letters' (and nothing more)."""
    clerk = User.objects.get(pk=users["clerk"])
    assert clerk.groups.get().name == "Griffie"
    for permission in [
        "kamer.view_document",
        "kamer.view_syncstate",
        "letters.view_documentfetch",
        "letters.view_typesetpublication",
        "letters.change_watcheddossier",
        "commitments.settle_motion",
    ]:
        assert clerk.has_perm(permission), permission
    assert not clerk.has_perm("kamer.run_sync")
    assert not clerk.has_perm("letters.view_tkdocument")
    admin = User.objects.get(pk=users["admin"])
    for permission in [
        "kamer.run_sync",
        "kamer.view_document",
        "kamer.change_syncstate",
        "letters.view_documentfetch",
        "letters.change_documentfetch",
    ]:
        assert admin.has_perm(permission), permission
    policy = User.objects.get(pk=users["policy"])
    assert policy.has_perm("letters.view_letter") and policy.has_perm("letters.view_topicfollow")
    assert not policy.has_perm("kamer.view_document")


def assert_schema(ids):
    """The schema: the renamed tables, the timestamp column, one GIN index each, declared or not before."""
    tables = set(connection.introspection.table_names())
    assert {"kamer_document", "kamer_syncstate", "letters_documentfetch"} <= tables
    assert not tables & {"letters_tkdocument", "letters_syncstate"}
    assert Document._meta.db_table == "kamer_document" and SyncState._meta.db_table == "kamer_syncstate"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = ANY(%s) ORDER BY indexname",
                [["letters_footnote_search", "letters_section_search"]],
            )
            indexes = cursor.fetchall()
            cursor.execute(
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'kamer_document' "
                "AND column_name = 'bijgewerkt'"
            )
            assert cursor.fetchone() == ("timestamp with time zone",)
        assert [(name, table) for name, table, _ in indexes] == [
            ("letters_footnote_search", "letters_footnote"),
            ("letters_section_search", "letters_section"),
        ]
        assert all("USING gin (search_vector)" in definition for _, _, definition in indexes)
        footnote = Footnote.objects.get(pk=ids["footnote"])
        query = SearchQuery("aannamecentrale", config="dutch")
        assert list(Section.objects.filter(search_vector=query).values_list("pk", flat=True)) == [ids["child"]]
        assert list(Footnote.objects.filter(search_vector=SearchQuery("kamerstuk", config="dutch"))) == [footnote]
