"""Clerks settle motions and commitments; every role may read them."""

from django.db import migrations

from tkdossiers.roles import grant

READ = ["commitments.view_motion", "commitments.view_motionmention", "commitments.view_commitment", "commitments.view_statuschange"]
GRANTS = {
    "Beleidsmedewerkers": READ,
    "Griffie": [*READ, "commitments.settle_motion", "commitments.settle_commitment"],
}


def grant_commitments(apps, schema_editor):
    grant(apps, GRANTS, admin_apps=["commitments"])


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("letters", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant_commitments, migrations.RunPython.noop)]
