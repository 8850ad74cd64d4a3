"""A small but complete database of the previous release, made through its historical models.

`populate` runs the steps in order and returns what the test compares after the upgrade: the
rows of every table, the ids of what it made, the grants, content types and permissions.
"""

from tests.migrations.populate_kamer import (
    documents_fetched,
    documents_otherwise,
    kamer_sync_state,
    known_update_times,
    publications_and_watched_dossiers,
)
from tests.migrations.populate_letters import (
    commitments_and_decisions,
    dossier_and_letter,
    people_and_roles,
    sections_and_references,
    topics,
)
from tests.migrations.previous_release import rows

STEPS = [
    people_and_roles,
    dossier_and_letter,
    sections_and_references,
    topics,
    commitments_and_decisions,
    kamer_sync_state,
    documents_fetched,
    documents_otherwise,
    known_update_times,
    publications_and_watched_dossiers,
]
USERS = ["clerk", "admin", "policy"]
# The tables whose rows the upgrade must leave as they are, column for column.
UNCHANGED = [
    "tkdossiers.Dossier",
    "letters.Letter",
    "letters.LetterVersion",
    "letters.Section",
    "letters.Footnote",
    "letters.Reference",
    "letters.LetterDossier",
    "letters.FailedImport",
    "letters.Topic",
    "letters.TopicRule",
    "letters.TopicTag",
    "letters.TopicFollow",
    "letters.WatchedDossier",
    "letters.TypesetPublication",
    "commitments.Motion",
    "commitments.MotionMention",
    "commitments.Commitment",
    "commitments.StatusChange",
    "letters.SyncState",
]


def populate(apps):
    """Fill the rolled-back database through `apps`, the previous release's models; return the snapshot."""
    made = {}
    for step in STEPS:
        made.update(step(apps, made))
    return snapshot(apps, made)


def snapshot(apps, made):
    """What there is before the upgrade: rows, grants, the moved content types and their permissions."""
    get = apps.get_model
    ContentType, Permission, Group = get("contenttypes", "ContentType"), get("auth", "Permission"), get("auth", "Group")
    content_types = {
        model: ContentType.objects.get(app_label="letters", model=model).pk for model in ["tkdocument", "syncstate"]
    }
    permissions = dict(
        Permission.objects.filter(content_type__pk__in=content_types.values()).values_list("codename", "pk")
    )
    assert {
        "view_tkdocument",
        "add_tkdocument",
        "change_tkdocument",
        "delete_tkdocument",
        "run_sync",
        "view_syncstate",
    } <= set(permissions)

    Commitment = get("commitments", "Commitment")
    return {
        "unchanged": {label: rows(get(*label.split("."))) for label in UNCHANGED},
        "kamerstukken": rows(get("tkdossiers", "Kamerstuk"), kind="soort"),
        "documents": rows(get("letters", "TKDocument")),
        "fulfilled_by": sorted(Commitment.fulfilled_by.through.objects.values_list("commitment_id", "section_id")),
        "group_permissions": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "content_types": content_types,
        "permissions": permissions,
        "users": {name: made[name].pk for name in USERS},
        "ids": {name: thing.pk for name, thing in made.items() if name not in USERS},
    }
