"""Monitors (what a user follows, and how often to be told) and what was found and sent for them."""

from urllib.parse import unquote_plus

from django.conf import settings
from django.db import models
from django.urls import reverse

# The lists a saved search can follow, by their letters.web.listing name, and where their page is.
LIST_PATHS = {
    "letter": "brieven",
    "section": "passages",
    "reference": "verwijzingen",
    "motion": "moties",
    "commitment": "toezeggingen",
    "toezegging": "toezeggingenregister",
}


class Frequency(models.TextChoices):
    DIRECT = "direct", "direct"
    DAILY = "daily", "dagelijks"
    WEEKLY = "weekly", "wekelijks"


class MonitorQuerySet(models.QuerySet):
    def of_kind(self, kind):
        return self.filter(kind=kind)

    def with_targets(self):
        return self.select_related("topic", "dossier", "motion__kamerstuk__dossier", "toezegging", "team")


class Monitor(models.Model):
    """One thing a user follows: a topic, a dossier, a saved search, a motion, a toezegging, a
    ministerie's new toezeggingen, or the commitments of the user's team that fall due."""

    class Kind(models.TextChoices):
        TOPIC = "topic", "onderwerp"
        DOSSIER = "dossier", "dossier"
        SEARCH = "search", "zoekopdracht"
        MOTION = "motion", "motie"
        TOEZEGGING = "toezegging", "toezegging"
        MINISTERIE = "ministerie", "nieuwe toezeggingen van een ministerie"
        TEAM_DUE = "team_due", "termijnen van mijn team"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitors")
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    frequency = models.CharField("hoe vaak", max_length=8, choices=Frequency.choices, default=Frequency.DAILY)
    # What it follows: one of these, by kind (alerts.services.follow fills the right one).
    topic = models.ForeignKey("letters.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    dossier = models.ForeignKey("tkdossiers.Dossier", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    motion = models.ForeignKey("commitments.Motion", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    toezegging = models.ForeignKey(
        "kamer.Toezegging",
        to_field="guid",
        db_constraint=False,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    ministerie = models.CharField(max_length=200, blank=True)
    listing = models.CharField("lijst", max_length=20, blank=True)  # a saved search: letters.web.listing name
    query = models.TextField("filters", blank=True)  # ... and its query string, without the page
    team = models.ForeignKey("auth.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # "topic:5", "search:section:q=C2000": one monitor per user and thing followed.
    target = models.CharField(max_length=600)
    created_at = models.DateTimeField("sinds", auto_now_add=True)
    # The SHA-256 of the token in the address of this monitor's Atom feed, for a feed reader (which has
    # no login); None until the user asks for one (alerts.feed_tokens says why a fast hash).
    feed_token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)

    objects = MonitorQuerySet.as_manager()

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["kind", "target", "id"]
        permissions = [("follow_team", "De termijnen van het eigen team volgen")]
        constraints = [models.UniqueConstraint(fields=["user", "target"], name="unique_monitor_target")]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return f"{reverse('monitor_list')}#melding-{self.pk}"

    @property
    def label(self) -> str:
        """What is followed, as a user reads it: "onderwerp C2000 en VMX", "dossier 29 517"."""
        kind = self.Kind
        labels = {
            kind.TOPIC: lambda: f"onderwerp {self.topic.name}",
            kind.DOSSIER: lambda: f"dossier {self.dossier.display}",
            kind.SEARCH: lambda: (
                f"zoekopdracht in {LIST_PATHS.get(self.listing, self.listing)}"
                + (f" ({unquote_plus(self.query)})" if self.query else "")
            ),
            kind.MOTION: lambda: str(self.motion).replace("Motie", "motie", 1),
            kind.TOEZEGGING: lambda: f"toezegging {self.toezegging.number}" if self.toezegging else "toezegging",
            kind.MINISTERIE: lambda: f"nieuwe toezeggingen van {self.ministerie}",
            kind.TEAM_DUE: lambda: f"termijnen van team {self.team.name}",
        }
        return labels[self.kind]()


class Digest(models.Model):
    """One mail to one user: a digest of a period, or the deadline reminders of a day."""

    class Kind(models.TextChoices):
        DIGEST = "digest", "overzicht"
        REMINDER = "reminder", "herinnering termijnen"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    kind = models.CharField("soort", max_length=10, choices=Kind.choices, default=Kind.DIGEST)
    frequency = models.CharField("hoe vaak", max_length=8, choices=Frequency.choices, blank=True)
    subject = models.CharField("onderwerp", max_length=200)
    item_count = models.PositiveIntegerField("meldingen")
    sent_at = models.DateTimeField("verzonden", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "verzonden mail"
        verbose_name_plural = "verzonden mails"
        ordering = ["-sent_at", "-id"]

    def __str__(self):
        return self.subject


class SentItem(models.Model):
    """Something found for a monitor. The unique (monitor, key) is what keeps an item from being
    mailed twice: it is recorded once, waits (digest empty) and is claimed by the transaction
    that sends it; a mail that fails rolls that back, and the item waits for the next try."""

    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="items")
    key = models.CharField(max_length=200)  # "section:12", "besluit:<guid>", "commitment:3:due:2026-07-01"
    title = models.TextField("titel")
    snippet = models.TextField("fragment", blank=True)  # matched words between \x01 and \x02
    url = models.CharField("link", max_length=500)  # a path on the site
    reason = models.CharField("waarom", max_length=300)  # "nieuw in onderwerp C2000 en VMX"
    happened_at = models.DateTimeField("tijdstip")
    found_at = models.DateTimeField("gevonden", auto_now_add=True)
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")

    class Meta:
        verbose_name = "melding van een item"
        verbose_name_plural = "meldingen van items"
        ordering = ["monitor", "-happened_at", "id"]
        constraints = [models.UniqueConstraint(fields=["monitor", "key"], name="unique_monitor_item")]
        indexes = [models.Index(fields=["monitor"], condition=models.Q(digest__isnull=True), name="alerts_waiting")]

    def __str__(self):
        return f"{self.reason}: {self.title[:60]}"


class Reminder(models.Model):
    """When a member of the griffie team was last reminded of one overdue commitment or toezegging."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)  # "commitment:3:2026-07-01": a new due date starts again
    first_sent_on = models.DateField()
    last_sent_on = models.DateField()
    times = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="unique_reminder")]

    def __str__(self):
        return f"{self.key} ({self.times}×)"


class FeedToken(models.Model):
    """The secret in the address of a user's own calendar feed; renewing it ends the old address.
    Only the key's SHA-256 is kept (alerts.feed_tokens): the address is shown once, when it is made."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)  # when the address was made or last renewed

    class Meta:
        verbose_name = "agenda-sleutel"
        verbose_name_plural = "agenda-sleutels"

    def __str__(self):
        return f"agenda van {self.user}"
