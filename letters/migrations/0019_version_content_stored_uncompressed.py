"""A version's file (a .docx, a zip: already compressed) is stored out of line without PostgreSQL
trying to compress it again: that attempt always failed and took 0.8 of the 2 ms of backend CPU
the version's insert cost (bench/README.md, issue 16). Rows stored before keep their storage."""

from django.db import migrations

TABLE_COLUMN = 'ALTER TABLE "letters_letterversion" ALTER COLUMN "content" SET STORAGE {}'


def storage(mode):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":  # SQLite has no such setting
            schema_editor.execute(TABLE_COLUMN.format(mode))

    return alter


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0018_version_imported_at_index"),
    ]

    operations = [migrations.RunPython(storage("EXTERNAL"), storage("EXTENDED"))]
