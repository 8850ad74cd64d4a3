"""Let the reading roles read dossiers, kamerstukken and references too."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = [
    "tkdossiers.view_dossier",
    "tkdossiers.view_kamerstuk",
    "letters.view_reference",
]
ROLES = ["Beleidsmedewerkers", "Griffie"]
PROJECT_APPS = ["letters", "tkdossiers"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=name.split(".")[0], codename=name.split(".")[1]) for name in READ
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)
    for group in Group.objects.filter(name="Beheerders"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label__in=PROJECT_APPS))


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0003_letter_dossier_letter_kamerstuk_letter_vergaderjaar_and_more"),
        ("tkdossiers", "0001_initial"),
        ("letters", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
