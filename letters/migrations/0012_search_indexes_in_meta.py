"""The full-text GIN indexes, declared in the models' Meta (SearchIndex) instead of raw SQL.

Databases migrated before this had them from a raw statement in 0004 under the same names:
those are dropped first, so that every database ends with the declared ones.
"""

import tkdossiers.indexes
from django.db import migrations

LEGACY = ["letters_section_search", "letters_footnote_search"]


def drop_legacy(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in LEGACY:
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [("letters", "0011_fetch_roles")]

    operations = [
        migrations.RunPython(drop_legacy, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="section",
            index=tkdossiers.indexes.SearchIndex(fields=["search_vector"], name="letters_section_search"),
        ),
        migrations.AddIndex(
            model_name="footnote",
            index=tkdossiers.indexes.SearchIndex(fields=["search_vector"], name="letters_footnote_search"),
        ),
    ]
