"""kamer.Document keeps only what the Kamer says: the fetch state is letters' now (letters 0010).

`bijgewerkt` becomes a timestamp, compared as time; the tables get this app's names.
"""

from django.db import migrations, models

from kamer.tk.timestamps import parse_timestamp


def parse_bijgewerkt(apps, schema_editor):
    Document = apps.get_model("kamer", "Document")
    changed = []
    for document in Document.objects.exclude(bijgewerkt="").only("pk", "bijgewerkt").iterator(chunk_size=2000):
        document.bijgewerkt_at = parse_timestamp(document.bijgewerkt)
        changed.append(document)
    Document.objects.bulk_update(changed, ["bijgewerkt_at"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("kamer", "0001_initial"), ("letters", "0010_fetch_from_kamer")]

    operations = [
        migrations.RemoveField(model_name="document", name="letter"),
        migrations.RemoveField(model_name="document", name="status"),
        migrations.RemoveField(model_name="document", name="status_reason"),
        migrations.RemoveField(model_name="document", name="fetched_bijgewerkt"),
        migrations.RemoveField(model_name="document", name="fetched_length"),
        migrations.AddField(
            model_name="document",
            name="bijgewerkt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="bijgewerkt bij de Kamer"),
        ),
        migrations.RunPython(parse_bijgewerkt, migrations.RunPython.noop),
        migrations.RemoveField(model_name="document", name="bijgewerkt"),
        migrations.RenameField(model_name="document", old_name="bijgewerkt_at", new_name="bijgewerkt"),
        migrations.AddField(
            model_name="document",
            name="dossier_guid",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="document",
            name="document_number",
            field=models.CharField(blank=True, max_length=20, verbose_name="documentnummer"),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["document_number"], name="kamer_document_number"),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["soort", "deleted"], name="kamer_document_soort"),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["dossier_guid"], name="kamer_document_dossier_guid"),
        ),
        migrations.AlterModelTable(name="document", table=None),
        migrations.AlterModelTable(name="syncstate", table=None),
    ]
