"""Clerks see what was fetched from the Kamer and edit the watched dossiers; admins all of letters."""

from django.db import migrations

from tkdossiers.roles import grant

CLERKS = [
    "letters.view_documentfetch",
    "letters.view_typesetpublication",
    "letters.view_watcheddossier",
    "letters.add_watcheddossier",
    "letters.change_watcheddossier",
    "letters.delete_watcheddossier",
]


def grant_fetching(apps, schema_editor):
    grant(apps, {"Griffie": CLERKS}, admin_apps=["letters"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0010_fetch_from_kamer"), ("kamer", "0003_roles")]

    operations = [migrations.RunPython(grant_fetching, migrations.RunPython.noop)]
