"""Clerks settle motions and commitments; every role may read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ = ["view_motion", "view_motionmention", "view_commitment", "view_statuschange"]
GRANTS = {
    "Beleidsmedewerkers": READ,
    "Griffie": [*READ, "settle_motion", "settle_commitment"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*Permission.objects.filter(content_type__app_label="commitments", codename__in=codenames))
    for group in Group.objects.filter(name="Beheerders"):
        group.permissions.add(*Permission.objects.filter(content_type__app_label="commitments"))


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("letters", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
