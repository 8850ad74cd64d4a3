"""Zaken (a motion is a zaak of soort Motie), who submitted them, what the Kamer decided and how it voted."""

from urllib.parse import quote

from django.db import models

from kamer.models.base import Entity, reference

TK_MOTIE_URL = "https://www.tweedekamer.nl/kamerstukken/moties/detail?id={nummer}"
TK_ZAAK_URL = "https://www.tweedekamer.nl/kamerstukken/detail?id={nummer}"


class ZaakQuerySet(models.QuerySet):
    def motions(self):
        return self.filter(soort=Zaak.SOORT_MOTIE, deleted=False)


class Zaak(Entity):
    """A zaak of the Kamer: a motion, a letter's matter, a bill, ... (soort)."""

    SOORT_MOTIE = "Motie"

    number = models.CharField("nummer", max_length=20, blank=True)  # 2024Z12345
    soort = models.CharField(max_length=100, blank=True)
    title = models.TextField("titel", blank=True)
    subject = models.TextField("onderwerp", blank=True)
    citeertitel = models.TextField(blank=True)
    started_on = models.DateTimeField("gestart op", null=True, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    volgnummer = models.IntegerField(null=True, blank=True)  # not unique: never look a zaak up by it
    status = models.CharField(max_length=100, blank=True)
    huidige_behandelstatus = models.CharField("huidige behandelstatus", max_length=200, blank=True)
    afgedaan = models.BooleanField(null=True, blank=True)
    kabinetsappreciatie = models.CharField(max_length=200, blank=True)
    organisatie = models.CharField(max_length=200, blank=True)
    termijn = models.DateTimeField(null=True, blank=True)
    kamerstukdossier = reference("kamer.Kamerstukdossier", "zaken")

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-started_on", "number"]
        indexes = [
            models.Index(fields=["number"], name="kamer_zaak_number"),
            models.Index(fields=["soort", "deleted"], name="kamer_zaak_soort"),
        ]

    def __str__(self):
        return f"{self.number}: {self.subject[:60]}" if self.number else self.guid

    @property
    def tk_url(self) -> str:
        """The zaak's page at the Kamer, by its nummer (motions have pages of their own there)."""
        if not self.number:
            return ""
        url = TK_MOTIE_URL if self.soort == self.SOORT_MOTIE else TK_ZAAK_URL
        return url.format(nummer=quote(self.number, safe=""))  # the Kamer's text: no parameters of its own


class ZaakActor(Entity):
    """Who is involved in a zaak and how (relatie: Indiener, Medeindiener, ...)."""

    RELATIE_INDIENER = "Indiener"
    RELATIE_MEDEINDIENER = "Medeindiener"

    zaak = reference("kamer.Zaak", "actors")
    persoon = reference("kamer.Persoon", "zaak_actors")
    fractie = reference("kamer.Fractie", "zaak_actors")
    actor_name = models.CharField("naam", max_length=200, blank=True)
    actor_fractie = models.CharField("fractie", max_length=200, blank=True)
    actor_afkorting = models.CharField("afkorting", max_length=50, blank=True)
    functie = models.CharField(max_length=200, blank=True)
    relatie = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "zaakactor"
        verbose_name_plural = "zaakactoren"
        ordering = ["zaak", "relatie", "actor_name"]

    def __str__(self):
        return f"{self.actor_name} ({self.relatie})"


class Activiteit(Entity):
    """A meeting or other activity of the Kamer (a plenary vote's date comes from here)."""

    soort = models.CharField(max_length=100, blank=True)
    number = models.CharField("nummer", max_length=30, blank=True)
    subject = models.TextField("onderwerp", blank=True)
    date = models.DateTimeField("datum", null=True, blank=True)
    starts_at = models.DateTimeField("aanvang", null=True, blank=True)
    ends_at = models.DateTimeField("einde", null=True, blank=True)
    status = models.CharField(max_length=100, blank=True)
    vergaderjaar = models.CharField(max_length=9, blank=True)
    voortouwnaam = models.CharField("voortouw", max_length=200, blank=True)

    class Meta:
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"
        ordering = ["-date"]

    def __str__(self):
        return f"{self.number}: {self.subject[:60]}"


class Agendapunt(Entity):
    """An item on an activity's agenda; a Besluit hangs on one."""

    activiteit = reference("kamer.Activiteit", "agendapunten")
    number = models.CharField("nummer", max_length=30, blank=True)
    subject = models.TextField("onderwerp", blank=True)
    starts_at = models.DateTimeField("aanvang", null=True, blank=True)
    ends_at = models.DateTimeField("einde", null=True, blank=True)
    volgorde = models.PositiveIntegerField(null=True, blank=True)
    rubriek = models.TextField(blank=True)
    status = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "agendapunt"
        verbose_name_plural = "agendapunten"
        ordering = ["activiteit", "volgorde"]

    def __str__(self):
        return self.subject[:60] or self.guid


class Besluit(Entity):
    """A decision on one or more zaken: "Ingediend", "Stemmen - aangenomen", ..."""

    agendapunt = reference("kamer.Agendapunt", "besluiten")
    stemmings_soort = models.CharField("soort stemming", max_length=100, blank=True)  # "Met handopsteken"
    besluit_soort = models.CharField("soort besluit", max_length=200, blank=True)
    text = models.TextField("besluittekst", blank=True)
    opmerking = models.TextField(blank=True)
    status = models.CharField(max_length=100, blank=True)
    volgorde = models.IntegerField("volgorde bij het agendapunt", null=True, blank=True)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["agendapunt", "volgorde"]

    def __str__(self):
        return self.besluit_soort or self.guid


class BesluitZaak(models.Model):
    """A decision's reference to a zaak (one besluit can decide several)."""

    besluit = reference("kamer.Besluit", "zaak_links")
    zaak = reference("kamer.Zaak", "besluit_links")

    class Meta:
        verbose_name = "besluit over zaak"
        verbose_name_plural = "besluiten over zaken"
        constraints = [models.UniqueConstraint(fields=["besluit", "zaak"], name="unique_besluit_zaak")]

    def __str__(self):
        return f"{self.besluit_id} → {self.zaak_id}"


class Stemming(Entity):
    """One fractie's (or, in a hoofdelijke stemming, one member's) vote on a besluit."""

    besluit = reference("kamer.Besluit", "stemmingen")
    persoon = reference("kamer.Persoon", "stemmingen")
    fractie = reference("kamer.Fractie", "stemmingen")
    soort = models.CharField(max_length=50, blank=True)  # Voor, Tegen, Niet deelgenomen
    fractie_grootte = models.PositiveIntegerField("fractiegrootte", null=True, blank=True)
    actor_name = models.CharField("naam", max_length=200, blank=True)
    actor_fractie = models.CharField("fractie", max_length=200, blank=True)
    vergissing = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "stemming"
        verbose_name_plural = "stemmingen"
        ordering = ["besluit", "actor_fractie", "actor_name"]

    def __str__(self):
        return f"{self.actor_name}: {self.soort}"
