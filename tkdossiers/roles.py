"""The three roles, as groups created by the data migrations, and granting them permissions.

Permissions normally appear after `migrate`; a data migration that hands them to groups
creates them first. Used by the roles migrations of each app, with frozen lists.
"""

from django.contrib.auth.management import create_permissions

POLICY_STAFF = "Beleidsmedewerkers"
CLERKS = "Griffie"
ADMINS = "Beheerders"


def grant(apps, grants: dict[str, list[str]], *, admin_apps: list[str]) -> None:
    """grants: group name -> ["app_label.codename", ...]; admins get every permission of admin_apps."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in grants.items():
        group, _ = Group.objects.get_or_create(name=name)
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    admins, _ = Group.objects.get_or_create(name=ADMINS)
    admins.permissions.add(*Permission.objects.filter(content_type__app_label__in=admin_apps))
