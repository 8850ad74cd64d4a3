"""Create the three roles as groups with their permissions."""

from django.db import migrations

from tkdossiers.roles import grant

# Frozen here on purpose: later migrations add permissions of their own.
READ = [
    "letters.view_letter",
    "letters.view_letterversion",
    "letters.view_section",
    "letters.view_footnote",
    "letters.view_reference",
    "tkdossiers.view_dossier",
    "tkdossiers.view_kamerstuk",
]
GRANTS = {
    "Beleidsmedewerkers": READ,
    "Griffie": [*READ, "letters.upload_letter", "letters.view_failed_imports", "letters.view_failedimport"],
}


def create_roles(apps, schema_editor):
    grant(apps, GRANTS, admin_apps=["letters", "tkdossiers"])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*GRANTS, "Beheerders"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("tkdossiers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
