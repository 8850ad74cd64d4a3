"""letters keeps only what it does with the Kamer's documents: DocumentFetch.

The mirror moved to the kamer app (kamer 0001, state only). Here the fetch state of every
document that letters fetched, or was about to, is copied into DocumentFetch, and the
content types and permissions of the moved models follow them, so that the roles keep
their grants. kamer 0002 then drops the old columns.
"""

import django.db.models.deletion
from django.db import migrations, models

from kamer.tk.timestamps import parse_timestamp

MOVED = {("letters", "tkdocument"): ("kamer", "document"), ("letters", "syncstate"): ("kamer", "syncstate")}


def copy_fetches(apps, schema_editor):
    Document = apps.get_model("kamer", "Document")
    DocumentFetch = apps.get_model("letters", "DocumentFetch")
    documents = Document.objects.exclude(status="recorded", letter__isnull=True).order_by("pk")
    DocumentFetch.objects.bulk_create(
        (
            DocumentFetch(
                document_id=document.pk,
                status="imported" if document.status == "recorded" else document.status,
                status_reason=document.status_reason,
                fetched_bijgewerkt=parse_timestamp(document.fetched_bijgewerkt),
                fetched_length=document.fetched_length,
                letter_id=document.letter_id,
            )
            for document in documents.iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )
    # auto_now gave every fetch the migration's time: each keeps its document's (update() applies no auto_now).
    DocumentFetch.objects.update(
        updated_at=models.Subquery(Document.objects.filter(pk=models.OuterRef("document_id")).values("updated_at"))
    )


def move_content_types(apps, schema_editor, moves=MOVED):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for (old_app, old_model), (new_app, new_model) in moves.items():
        old = ContentType.objects.filter(app_label=old_app, model=old_model).first()
        if old is None:
            continue
        # Created meanwhile by another app's role migration; nobody holds its permissions yet.
        ContentType.objects.filter(app_label=new_app, model=new_model).delete()
        old.app_label, old.model = new_app, new_model
        old.save()
        for permission in Permission.objects.filter(content_type=old):
            permission.codename = permission.codename.replace(f"_{old_model}", f"_{new_model}")
            permission.save()


def move_content_types_back(apps, schema_editor):
    """Back to letters, so that on a rollback the roles keep their grants under the old names."""
    move_content_types(apps, schema_editor, moves={new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0009_section_version_index"),
        ("kamer", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="typesetpublication",
                    name="tk_document",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="publications", to="kamer.document"),
                ),
                migrations.DeleteModel(name="TKDocument"),
                migrations.DeleteModel(name="SyncState"),
            ],
            database_operations=[],
        ),
        migrations.CreateModel(
            name="DocumentFetch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("status", models.CharField(choices=[("pending", "op te halen"), ("fetching", "wordt opgehaald"), ("imported", "ingelezen"), ("typeset", "opgemaakte publicatie bewaard"), ("skipped", "overgeslagen"), ("failed", "mislukt"), ("withdrawn", "ingetrokken")], default="pending", max_length=10)),
                ("status_reason", models.TextField(blank=True, verbose_name="reden")),
                ("claimed_at", models.DateTimeField(blank=True, null=True, verbose_name="opgehaald sinds")),
                ("fetched_bijgewerkt", models.DateTimeField(blank=True, null=True)),
                ("fetched_length", models.PositiveBigIntegerField(blank=True, null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("document", models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name="fetch", to="kamer.document")),
                ("letter", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="fetches", to="letters.letter")),
            ],
            options={
                "verbose_name": "op te halen brief",
                "verbose_name_plural": "op te halen brieven",
                "ordering": ["-updated_at"],
                "indexes": [models.Index(fields=["status"], name="letters_fetch_status")],
            },
        ),
        migrations.RunPython(copy_fetches, migrations.RunPython.noop),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
