"""Indexes declared in models' Meta that only PostgreSQL has."""

from django.contrib.postgres.indexes import GinIndex
from django.db.backends.ddl_references import Statement

NOTHING = Statement("SELECT 1")  # what the schema editor runs instead on other databases


class SearchIndex(GinIndex):
    """A GIN index over a full-text search vector. The SQLite demo has no full-text search
    (the vectors stay empty there), so on any other database it creates nothing."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return NOTHING
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return NOTHING
        return super().remove_sql(model, schema_editor, **kwargs)
