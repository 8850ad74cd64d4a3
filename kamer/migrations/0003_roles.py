"""Clerks see the sync state; admins may also start a sync (the grants letters 0006 gave, now kamer's)."""

from django.db import migrations

from tkdossiers.roles import grant

CLERKS = ["kamer.view_document", "kamer.view_syncstate"]


def grant_sync(apps, schema_editor):
    grant(apps, {"Griffie": CLERKS}, admin_apps=["kamer"])


class Migration(migrations.Migration):
    dependencies = [("kamer", "0002_document_mirror_only")]

    operations = [migrations.RunPython(grant_sync, migrations.RunPython.noop)]
