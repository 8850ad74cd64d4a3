"""Following, changing and unfollowing, and a calendar address, are asked of each role (they were
open to any logged-in user, while following a topic asked letters.add_topicfollow). The admins
get them as every alerts permission (admin_apps)."""

from django.db import migrations

from tkdossiers.roles import grant

MONITORS = ["alerts.add_monitor", "alerts.change_monitor", "alerts.delete_monitor", "alerts.change_feedtoken"]
GRANTS = {"Beleidsmedewerkers": MONITORS, "Griffie": MONITORS}


def grant_monitors(apps, schema_editor):
    grant(apps, GRANTS, admin_apps=["alerts"])


def revoke_monitors(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [permission.split(".")[1] for permission in MONITORS]
    permissions = Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("alerts", "0003_feed_token_hashes")]

    operations = [migrations.RunPython(grant_monitors, revoke_monitors)]
