"""Kamerstukdossiers, documents and their versions, as the SyncFeed last described them."""

from django.db import models

from kamer.models.base import Entity, reference


class Kamerstukdossier(Entity):
    """A Kamerstukdossier (29517; 36600-VI). tkdossiers.Dossier is ours; its tk_id is this guid."""

    number = models.CharField("nummer", max_length=10, blank=True)
    toevoeging = models.CharField(max_length=10, blank=True)
    title = models.TextField("titel", blank=True)
    citeertitel = models.TextField(blank=True)
    hoogste_volgnummer = models.IntegerField("hoogste volgnummer", null=True, blank=True)
    afgesloten = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "TK-kamerstukdossier"
        verbose_name_plural = "TK-kamerstukdossiers"
        ordering = ["number", "toevoeging"]
        indexes = [models.Index(fields=["number", "toevoeging"], name="kamer_ksd_number")]

    def __str__(self):
        return f"{self.number}-{self.toevoeging}" if self.toevoeging else self.number


class DocumentQuerySet(models.QuerySet):
    def of_soort(self, soort: str):
        return self.filter(soort=soort, deleted=False)

    def kamerstuk(self, number: str, toevoeging: str, volgnummer: int):
        """The document that is kamerstuk `number`-`toevoeging` nr. `volgnummer` (29628 nr. 1272)."""
        return self.filter(
            kamerstukdossier__number=number,
            kamerstukdossier__toevoeging=toevoeging,
            volgnummer=volgnummer,
            deleted=False,
        )


class Document(Entity):
    """A Document entity of the Tweede Kamer (every soort)."""

    document_number = models.CharField("documentnummer", max_length=20, blank=True)
    soort = models.CharField(max_length=100, blank=True)
    title = models.TextField("titel", blank=True)
    subject = models.TextField("onderwerp", blank=True)
    date = models.DateField("datum", null=True, blank=True)
    volgnummer = models.PositiveIntegerField(null=True, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    citeertitel = models.TextField(blank=True)
    organisatie = models.CharField(max_length=200, blank=True)
    kamerstukdossier = reference("kamer.Kamerstukdossier", "documents")
    huidige_versie = reference("kamer.DocumentVersie", "+", "huidige documentversie")
    # Our own Dossier, linked once the Kamerstukdossier is known (letters fetch the documents of
    # watched dossiers); `kamerstukdossier_id` is the dossier's GUID as the document gave it.
    dossier = models.ForeignKey("tkdossiers.Dossier", null=True, blank=True, on_delete=models.PROTECT)
    content_type = models.CharField(max_length=120, blank=True)
    content_length = models.PositiveBigIntegerField(null=True, blank=True)
    enclosure_url = models.URLField(max_length=500, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "TK-document"
        verbose_name_plural = "TK-documenten"
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["document_number"], name="kamer_document_number"),
            models.Index(fields=["soort", "deleted"], name="kamer_document_soort"),
            models.Index(fields=["kamerstukdossier", "volgnummer"], name="kamer_document_kamerstuk"),
        ]

    def __str__(self):
        return f"{self.document_number or self.guid}: {self.title[:60]}"


class DocumentZaak(models.Model):
    """A document's reference to a zaak (a document can belong to several)."""

    document = reference("kamer.Document", "zaak_links")
    zaak = reference("kamer.Zaak", "document_links")

    class Meta:
        verbose_name = "document bij zaak"
        verbose_name_plural = "documenten bij zaken"
        constraints = [models.UniqueConstraint(fields=["document", "zaak"], name="unique_document_zaak")]

    def __str__(self):
        return f"{self.document_id} → {self.zaak_id}"


class DocumentVersie(Entity):
    """One version of a document's file."""

    document = reference("kamer.Document", "versies")
    status = models.CharField(max_length=100, blank=True)
    versienummer = models.PositiveIntegerField(null=True, blank=True)
    bestandsgrootte = models.PositiveBigIntegerField(null=True, blank=True)
    extensie = models.CharField(max_length=20, blank=True)
    date = models.DateTimeField("datum", null=True, blank=True)
    externe_identifier = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "TK-documentversie"
        verbose_name_plural = "TK-documentversies"
        ordering = ["document", "versienummer"]

    def __str__(self):
        return f"{self.document_id} v{self.versienummer}"
