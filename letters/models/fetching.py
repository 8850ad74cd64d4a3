"""What letters takes from the Kamer's mirrored documents: which it fetches, and how that went."""

from django.db import models

from letters.models.core import Letter


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


class DocumentFetch(models.Model):
    """Fetching one Brief regering that the Kamer published: its state, and the letter it became.

    One row per mirrored document, kept for good. `fetched_bijgewerkt` and `fetched_length`
    say which state of the document was last fetched, so an unchanged one is not downloaded
    again; a claim (status FETCHING with `claimed_at`) lapses, so a worker that died while
    downloading leaves the fetch to the next run.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "op te halen"
        FETCHING = "fetching", "wordt opgehaald"
        IMPORTED = "imported", "ingelezen"
        TYPESET = "typeset", "opgemaakte publicatie bewaard"
        SKIPPED = "skipped", "overgeslagen"
        FAILED = "failed", "mislukt"
        WITHDRAWN = "withdrawn", "ingetrokken"

    document = models.OneToOneField("kamer.Document", on_delete=models.PROTECT, related_name="fetch")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    status_reason = models.TextField("reden", blank=True)
    claimed_at = models.DateTimeField("opgehaald sinds", null=True, blank=True)
    fetched_bijgewerkt = models.DateTimeField(null=True, blank=True)
    fetched_length = models.PositiveBigIntegerField(null=True, blank=True)
    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="fetches")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "op te halen brief"
        verbose_name_plural = "op te halen brieven"
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status"], name="letters_fetch_status")]

    def __str__(self):
        return f"{self.document}: {self.get_status_display()}"


class TypesetPublication(models.Model):
    """The typeset PDF that replaced a letter's .docx at the Kamer: kept, listed, linked."""

    letter = models.ForeignKey(Letter, null=True, blank=True, on_delete=models.SET_NULL, related_name="publications")
    tk_document = models.ForeignKey("kamer.Document", on_delete=models.PROTECT, related_name="publications")
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
