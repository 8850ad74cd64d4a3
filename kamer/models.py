"""The Tweede Kamer's open data as mirrored here, keyed on the Kamer's GUIDs.

Rows are never deleted: an entity the Kamer withdraws is marked `deleted`, because what
others built on it (a letter fetched from a document) hangs on the row.
"""

from django.db import models


class SyncState(models.Model):
    """How far one feed category has been read; the skiptoken moves only after its page is stored."""

    category = models.CharField("categorie", max_length=40, unique=True)
    skiptoken = models.BigIntegerField(null=True, blank=True)
    last_run_at = models.DateTimeField("laatste run", null=True, blank=True)
    last_success_at = models.DateTimeField("laatst gelukt", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)
    entries_seen = models.PositiveIntegerField("gelezen items", default=0)

    class Meta:
        verbose_name = "synchronisatiestand"
        verbose_name_plural = "synchronisatiestanden"
        ordering = ["category"]
        permissions = [("run_sync", "Synchronisatie met de Tweede Kamer starten")]

    def __str__(self):
        return f"{self.category} @ {self.skiptoken}"


class DocumentQuerySet(models.QuerySet):
    def of_soort(self, soort: str):
        return self.filter(soort=soort, deleted=False)


class Document(models.Model):
    """A Document entity of the Tweede Kamer (every soort), as the SyncFeed last described it."""

    guid = models.CharField(max_length=64, unique=True)
    document_number = models.CharField("documentnummer", max_length=20, blank=True)
    soort = models.CharField(max_length=100, blank=True)
    title = models.TextField("titel", blank=True)
    subject = models.TextField("onderwerp", blank=True)
    date = models.DateField("datum", null=True, blank=True)
    volgnummer = models.PositiveIntegerField(null=True, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    dossier = models.ForeignKey("tkdossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT)
    # The dossier's GUID as the document gave it, to link it when the dossier arrives later.
    dossier_guid = models.CharField(max_length=64, blank=True)
    bijgewerkt = models.DateTimeField("bijgewerkt bij de Kamer", null=True, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    content_length = models.PositiveBigIntegerField(null=True, blank=True)
    enclosure_url = models.URLField(max_length=500, blank=True)
    deleted = models.BooleanField("verwijderd", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "TK-document"
        verbose_name_plural = "TK-documenten"
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["document_number"], name="kamer_document_number"),
            models.Index(fields=["soort", "deleted"], name="kamer_document_soort"),
            models.Index(fields=["dossier_guid"], name="kamer_document_dossier_guid"),
        ]

    def __str__(self):
        return f"{self.document_number or self.guid}: {self.title[:60]}"
