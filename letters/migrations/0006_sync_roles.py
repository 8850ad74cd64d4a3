"""Clerks see the sync state and edit the watched dossiers; admins may also start a sync."""

from django.db import migrations

from tkdossiers.roles import grant

CLERKS = [
    "letters.view_tkdocument",
    "letters.view_syncstate",
    "letters.view_typesetpublication",
    "letters.view_watcheddossier",
    "letters.add_watcheddossier",
    "letters.change_watcheddossier",
    "letters.delete_watcheddossier",
]


def grant_sync(apps, schema_editor):
    grant(apps, {"Griffie": CLERKS}, admin_apps=["letters"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_tk_sync")]

    operations = [migrations.RunPython(grant_sync, migrations.RunPython.noop)]
