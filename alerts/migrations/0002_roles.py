"""The griffie team may follow its own deadlines; admins get every alerts permission."""

from django.db import migrations

from tkdossiers.roles import grant

GRANTS = {"Griffie": ["alerts.follow_team"]}


def grant_alerts(apps, schema_editor):
    grant(apps, GRANTS, admin_apps=["alerts"])


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_monitors_and_sent_items"),
        ("commitments", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_alerts, migrations.RunPython.noop)]
