"""Clerks see the sync state; admins may also start a sync."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CLERKS = ["view_tkdocument", "view_syncstate", "view_typesetpublication", "view_watcheddossier", "change_watcheddossier",
          "add_watcheddossier", "delete_watcheddossier"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Griffie"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="letters", codename__in=CLERKS))
    for group in Group.objects.filter(name="Beheerders"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="letters"))


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_tk_sync")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
