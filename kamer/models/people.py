"""Members of the Kamer and the fracties they belong to."""

from django.db import models

from kamer.models.base import Entity


class Persoon(Entity):
    """A member (or former member) of the Kamer, as the letters name them: "het lid Van der Werf"."""

    number = models.CharField("nummer", max_length=20, blank=True)
    titels = models.CharField(max_length=100, blank=True)
    initials = models.CharField("initialen", max_length=50, blank=True)
    tussenvoegsel = models.CharField(max_length=50, blank=True)
    surname = models.CharField("achternaam", max_length=200, blank=True)
    first_names = models.CharField("voornamen", max_length=200, blank=True)
    roepnaam = models.CharField(max_length=100, blank=True)
    geslacht = models.CharField(max_length=20, blank=True)
    functie = models.CharField(max_length=200, blank=True)
    fractielabel = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"
        ordering = ["surname", "roepnaam"]
        indexes = [models.Index(fields=["surname"], name="kamer_persoon_surname")]

    def __str__(self):
        return self.full_name or self.guid

    @property
    def full_name(self) -> str:
        """As a letter writes it: "Jan van der Werf"."""
        return " ".join(part for part in (self.roepnaam, self.tussenvoegsel, self.surname) if part)


class Fractie(Entity):
    """A parliamentary group."""

    number = models.CharField("nummer", max_length=20, blank=True)
    afkorting = models.CharField(max_length=50, blank=True)
    name = models.CharField("naam", max_length=200, blank=True)
    seats = models.PositiveIntegerField("zetels", null=True, blank=True)
    active_from = models.DateField("actief sinds", null=True, blank=True)
    active_until = models.DateField("actief tot", null=True, blank=True)

    class Meta:
        verbose_name = "fractie"
        verbose_name_plural = "fracties"
        ordering = ["afkorting"]

    def __str__(self):
        return self.afkorting or self.name or self.guid
