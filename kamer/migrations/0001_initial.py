"""The Kamer's mirror moves from `letters` to this app: state only, the tables stay.

letters.TKDocument becomes kamer.Document and letters.SyncState kamer.SyncState, on their
old tables and, for now, with all their old columns; letters 0010 moves the fetch state out,
kamer 0002 then drops it and renames the tables.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("letters", "0009_section_version_index"),
        ("tkdossiers", "0003_kamerstuk_citation_counts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SyncState",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("category", models.CharField(max_length=40, unique=True, verbose_name="categorie")),
                        ("skiptoken", models.BigIntegerField(blank=True, null=True)),
                        ("last_run_at", models.DateTimeField(blank=True, null=True, verbose_name="laatste run")),
                        ("last_success_at", models.DateTimeField(blank=True, null=True, verbose_name="laatst gelukt")),
                        ("last_error", models.TextField(blank=True, verbose_name="laatste fout")),
                        ("entries_seen", models.PositiveIntegerField(default=0, verbose_name="gelezen items")),
                    ],
                    options={
                        "verbose_name": "synchronisatiestand",
                        "verbose_name_plural": "synchronisatiestanden",
                        "ordering": ["category"],
                        "permissions": [("run_sync", "Synchronisatie met de Tweede Kamer starten")],
                        "db_table": "letters_syncstate",
                    },
                ),
                migrations.CreateModel(
                    name="Document",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("guid", models.CharField(max_length=64, unique=True)),
                        ("document_number", models.CharField(blank=True, db_index=True, max_length=20, verbose_name="documentnummer")),
                        ("soort", models.CharField(blank=True, max_length=100)),
                        ("title", models.TextField(blank=True, verbose_name="titel")),
                        ("subject", models.TextField(blank=True, verbose_name="onderwerp")),
                        ("date", models.DateField(blank=True, null=True, verbose_name="datum")),
                        ("volgnummer", models.PositiveIntegerField(blank=True, null=True)),
                        ("vergaderjaar", models.CharField(blank=True, max_length=9)),
                        ("bijgewerkt", models.CharField(blank=True, max_length=40)),
                        ("content_type", models.CharField(blank=True, max_length=120)),
                        ("content_length", models.PositiveBigIntegerField(blank=True, null=True)),
                        ("enclosure_url", models.URLField(blank=True, max_length=500)),
                        ("deleted", models.BooleanField(default=False, verbose_name="verwijderd")),
                        ("status", models.CharField(db_index=True, default="recorded", max_length=10)),
                        ("status_reason", models.TextField(blank=True, verbose_name="reden")),
                        ("fetched_bijgewerkt", models.CharField(blank=True, max_length=40)),
                        ("fetched_length", models.PositiveBigIntegerField(blank=True, null=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("dossier", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to="tkdossiers.dossier")),
                        ("letter", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="letters.letter")),
                    ],
                    options={
                        "verbose_name": "TK-document",
                        "verbose_name_plural": "TK-documenten",
                        "ordering": ["-updated_at"],
                        "db_table": "letters_tkdocument",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
