"""The Kamer's register of toezeggingen (promises a bewindspersoon made to the Kamer)."""

from django.db import models
from django.utils import timezone

from kamer.models.base import Entity, reference


class ToezeggingQuerySet(models.QuerySet):
    def current(self):
        return self.filter(deleted=False)

    def overdue(self, today=None):
        """Open (or partly met) and past its datumNakoming."""
        return self.filter(
            deleted=False,
            status__in=[Toezegging.Status.OPENSTAAND, Toezegging.Status.DEELS_VOLDAAN],
            due__lt=today or timezone.localdate(),
        )


class Toezegging(Entity):
    """One entry of the register: nummer, tekst, status, datumNakoming, who promised it to whom."""

    class Status(models.TextChoices):
        OPENSTAAND = "Openstaand", "openstaand"
        VOLDAAN = "Voldaan", "voldaan"
        DEELS_VOLDAAN = "Deels Voldaan", "deels voldaan"
        VERVALLEN = "Vervallen", "vervallen"

    number = models.CharField("nummer", max_length=30, blank=True, db_index=True)  # TZ202401-123
    text = models.TextField("tekst", blank=True)
    status = models.CharField(max_length=30, blank=True, db_index=True)  # the Kamer's word, even if new
    due = models.DateField("datum nakoming", null=True, blank=True, db_index=True)
    kamerbrief_nakoming = models.TextField("kamerbrief nakoming", blank=True)
    ministerie = models.CharField(max_length=200, blank=True, db_index=True)
    created_on = models.DateTimeField("aangemaakt op", null=True, blank=True)
    # The bewindspersoon who made the promise.
    naam = models.CharField(max_length=200, blank=True)
    achternaam = models.CharField(max_length=200, blank=True)
    initialen = models.CharField(max_length=50, blank=True)
    tussenvoegsel = models.CharField(max_length=50, blank=True)
    voornaam = models.CharField(max_length=100, blank=True)
    titulatuur = models.CharField(max_length=200, blank=True)
    functie = models.CharField(max_length=200, blank=True)
    toegezegd_aan_fractie = reference("kamer.Fractie", "toezeggingen", "toegezegd aan fractie")
    toegezegd_aan_persoon = reference("kamer.Persoon", "toezeggingen", "toegezegd aan persoon")
    activiteit = reference("kamer.Activiteit", "toezeggingen")
    activiteit_number = models.CharField("activiteitnummer", max_length=30, blank=True)

    objects = ToezeggingQuerySet.as_manager()

    class Meta:
        verbose_name = "toezegging (register)"
        verbose_name_plural = "toezeggingen (register)"
        ordering = ["-created_on", "number"]

    def __str__(self):
        return f"{self.number}: {self.text[:60]}"

    @property
    def bewindspersoon(self) -> str:
        return self.naam or " ".join(p for p in (self.voornaam, self.tussenvoegsel, self.achternaam) if p)
