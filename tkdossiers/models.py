from django.db import models
from django.urls import reverse

OFFICIAL_PUBLICATION = "https://zoek.officielebekendmakingen.nl/kst-{}.html"


class Dossier(models.Model):
    """A kamerstukdossier: number and optional toevoeging (29517; 36600-VI)."""

    number = models.CharField("dossiernummer", max_length=10, db_index=True)
    toevoeging = models.CharField(max_length=10, blank=True)
    title = models.TextField("titel", blank=True)
    tk_id = models.CharField("GUID bij de Tweede Kamer", max_length=64, null=True, blank=True, unique=True)

    class Meta:
        verbose_name = "kamerstukdossier"
        verbose_name_plural = "kamerstukdossiers"
        ordering = ["number", "toevoeging"]
        constraints = [models.UniqueConstraint(fields=["number", "toevoeging"], name="unique_dossier")]

    def __str__(self):
        return self.key

    def get_absolute_url(self):
        return reverse("dossier_detail", args=[self.key])

    @property
    def key(self) -> str:
        return f"{self.number}-{self.toevoeging}" if self.toevoeging else self.number

    @property
    def display(self) -> str:
        """As the Kamer writes it: 29 517, 36 600 VI."""
        spaced = f"{self.number[:2]} {self.number[2:]}" if len(self.number) == 5 else self.number
        return f"{spaced} {self.toevoeging}" if self.toevoeging else spaced


class Kamerstuk(models.Model):
    """A parliamentary paper: dossier + ondernummer (29517 nr. 264)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="kamerstukken")
    number = models.CharField("ondernummer", max_length=10)
    # The Kamer's record's, else the one most citations give (letters.importing.counts).
    vergaderjaar = models.CharField(max_length=7, blank=True)
    soort = models.CharField(max_length=100, blank=True)  # the Kamer's document soort, as in kamer.Document
    # Citations in the letters' newest versions, kept by letters.importing.counts after every import:
    # counting them live per page took 100 ms for a busy dossier at 20,000 letters.
    citation_count = models.PositiveIntegerField("keer geciteerd", default=0, editable=False)
    last_cited = models.DateField("laatst geciteerd", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "kamerstuk"
        verbose_name_plural = "kamerstukken"
        ordering = ["dossier", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="unique_kamerstuk")]
        indexes = [models.Index(fields=["dossier", "-last_cited"], name="kamerstuk_last_cited")]

    def __str__(self):
        return f"{self.dossier.display}, nr. {self.number}"

    def get_absolute_url(self):
        return reverse("kamerstuk_detail", args=[self.key])

    @property
    def key(self) -> str:
        return f"{self.dossier.key}-{self.number}"

    @property
    def official_url(self) -> str:
        return OFFICIAL_PUBLICATION.format(self.key)
