"""What every mirrored entity has, and how entities refer to each other.

Entities arrive in any order (a Stemming before its Besluit, a DocumentVersie long after its
Document). A reference is therefore kept as the other entity's GUID, in a foreign key to its
`guid` without a database constraint: the row can be stored before the other side exists, and
joins find the other side as soon as it arrives, with nothing to resolve afterwards.
"""

from django.db import models


class Entity(models.Model):
    """An entity of the Kamer's open data, keyed on its GUID; never deleted, marked `deleted`."""

    guid = models.CharField("GUID", max_length=64, unique=True)
    bijgewerkt = models.DateTimeField("bijgewerkt bij de Kamer", null=True, blank=True)
    deleted = models.BooleanField("verwijderd", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def reference(to: str, related_name: str, verbose_name: str = "") -> models.ForeignKey:
    """A reference by GUID to an entity that may not have arrived yet (see the module docstring)."""
    return models.ForeignKey(
        to,
        to_field="guid",
        db_constraint=False,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name=related_name,
        verbose_name=verbose_name or to.rsplit(".", 1)[-1].lower(),
    )


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


class SyncChange(models.Model):
    """An entity a sync wrote, kept until the hooks (settings.KAMER_SYNC_HOOKS) have run after it.

    Written in the transaction of the page that changed it, so a run that stops between its pages
    and its hooks (a worker killed, a broken page in a later category) leaves its changes here for
    the next run's hooks instead of losing them: what the other apps build on the mirror (kamerstuk
    years, register suggestions) never misses a change. kamer.sync.run_hooks deletes them."""

    category = models.CharField("categorie", max_length=40)
    guid = models.CharField("GUID", max_length=64)

    class Meta:
        verbose_name = "wijziging voor na de synchronisatie"
        verbose_name_plural = "wijzigingen voor na de synchronisatie"

    def __str__(self):
        return f"{self.category} {self.guid}"
