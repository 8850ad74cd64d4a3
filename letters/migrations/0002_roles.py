"""Create the three roles as groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: later migrations add permissions of their own.
POLICY_STAFF, CLERKS, ADMINS = "Beleidsmedewerkers", "Griffie", "Beheerders"
READ = [
    "letters.view_letter",
    "letters.view_letterversion",
    "letters.view_section",
    "letters.view_footnote",
    "letters.view_reference",
    "tkdossiers.view_dossier",
    "tkdossiers.view_kamerstuk",
]
ROLE_PERMISSIONS = {
    POLICY_STAFF: READ,
    CLERKS: [*READ, "letters.upload_letter", "letters.view_failed_imports", "letters.view_failedimport"],
}
PROJECT_APPS = ["letters", "commitments", "tkdossiers"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the
    # groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for name in names:
            app_label, codename = name.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    admins, _ = Group.objects.get_or_create(name=ADMINS)
    admins.permissions.add(*Permission.objects.filter(content_type__app_label__in=PROJECT_APPS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[*ROLE_PERMISSIONS, ADMINS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("tkdossiers", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
