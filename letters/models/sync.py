"""What the Tweede Kamer's SyncFeed told us, and how far we have read it."""

from django.db import models

from letters.models.core import Letter


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


class WatchedDossier(models.Model):
    """A dossier whose letters are fetched; with none, letters of every dossier are."""

    number = models.CharField("dossiernummer", max_length=10)
    toevoeging = models.CharField(max_length=10, blank=True)
    note = models.CharField("notitie", max_length=200, blank=True)

    class Meta:
        verbose_name = "gevolgd dossier"
        verbose_name_plural = "gevolgde dossiers"
        ordering = ["number", "toevoeging"]
        constraints = [models.UniqueConstraint(fields=["number", "toevoeging"], name="unique_watched_dossier")]

    def __str__(self):
        return f"{self.number}-{self.toevoeging}" if self.toevoeging else self.number


class TKDocument(models.Model):
    """A Document entity of the Tweede Kamer, keyed on its GUID; never deleted, only marked."""

    class Status(models.TextChoices):
        RECORDED = "recorded", "vastgelegd"
        PENDING = "pending", "op te halen"
        IMPORTED = "imported", "ingelezen"
        TYPESET = "typeset", "opgemaakte publicatie bewaard"
        SKIPPED = "skipped", "overgeslagen"
        FAILED = "failed", "mislukt"
        WITHDRAWN = "withdrawn", "ingetrokken"

    guid = models.CharField(max_length=64, unique=True)
    document_number = models.CharField("documentnummer", max_length=20, blank=True, db_index=True)
    soort = models.CharField(max_length=100, blank=True)
    title = models.TextField("titel", blank=True)
    subject = models.TextField("onderwerp", blank=True)
    date = models.DateField("datum", null=True, blank=True)
    volgnummer = models.PositiveIntegerField(null=True, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    dossier = models.ForeignKey("tkdossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT)
    bijgewerkt = models.CharField(max_length=40, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    content_length = models.PositiveBigIntegerField(null=True, blank=True)
    enclosure_url = models.URLField(max_length=500, blank=True)
    deleted = models.BooleanField("verwijderd", default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECORDED, db_index=True)
    status_reason = models.TextField("reden", blank=True)
    # What was last fetched, so that an unchanged document is not downloaded again.
    fetched_bijgewerkt = models.CharField(max_length=40, blank=True)
    fetched_length = models.PositiveBigIntegerField(null=True, blank=True)
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="tk_documents")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "TK-document"
        verbose_name_plural = "TK-documenten"
        ordering = ["-updated_at"]

    def __str__(self):
        return f"{self.document_number or self.guid}: {self.title[:60]}"

    @property
    def changed_since_fetch(self) -> bool:
        return (self.bijgewerkt, self.content_length) != (self.fetched_bijgewerkt, self.fetched_length)


class TypesetPublication(models.Model):
    """The typeset PDF that replaced a letter's .docx at the Kamer: kept, listed, linked."""

    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="publications")
    tk_document = models.ForeignKey(TKDocument, on_delete=models.PROTECT, related_name="publications")
    sha256 = models.CharField(max_length=64, unique=True)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    content = models.BinaryField(editable=False)
    fetched_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "opgemaakte publicatie"
        verbose_name_plural = "opgemaakte publicaties"
        ordering = ["-fetched_at"]

    def __str__(self):
        return f"{self.tk_document} (PDF, {self.size} bytes)"
