from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from letters.models.core import Section


class Topic(models.Model):
    """A subject that runs across letters; sections are tagged by its editable rules."""

    name = models.CharField("naam", max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField("omschrijving", blank=True)
    threshold = models.FloatField(
        "drempel", default=5.0, help_text="Score die de tekst van een passage moet halen als het kopje niet matcht."
    )
    # The index's figures over the letters' newest versions, recounted by letters.importing.counts in
    # Celery shortly after anything that changes them (live they took seconds at 20,000 letters).
    passage_count = models.PositiveIntegerField("passages", default=0, editable=False)
    letter_count = models.PositiveIntegerField("brieven", default=0, editable=False)
    latest_date = models.DateField("laatste brief", null=True, blank=True, editable=False)
    open_motion_count = models.PositiveIntegerField("open moties", default=0, editable=False)
    open_commitment_count = models.PositiveIntegerField("open toezeggingen", default=0, editable=False)
    counted_at = models.DateTimeField("geteld op", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "onderwerp"
        verbose_name_plural = "onderwerpen"
        ordering = ["name"]
        permissions = [("tag_section", "Onderwerpen van een passage met de hand corrigeren")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic_detail", args=[self.slug])


def validate_term(term: str) -> None:
    """A rule's term holds at least two letters or digits: a term "*" or "-" matches every passage."""
    if sum(char.isalnum() for char in term) < 2:
        raise ValidationError(
            "Een term heeft minstens twee letters of cijfers; alleen * of leestekens past op elke passage.",
            code="too_short",
        )


class TopicRule(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="rules")
    term = models.CharField(
        "term",
        max_length=200,
        validators=[validate_term],
        help_text="Woord of woordgroep; eindig op * voor samenstellingen (meldkamer*).",
    )
    weight = models.FloatField("gewicht", default=1.0)
    names_topic = models.BooleanField(
        "noemt het onderwerp",
        default=False,
        help_text="Eén keer genoemd is genoeg: de term noemt het onderwerp zelf (VMX voor C2000 en VMX).",
    )

    class Meta:
        verbose_name = "regel"
        verbose_name_plural = "regels"
        ordering = ["topic", "-weight", "term"]

    def __str__(self):
        return f"{self.term} ({self.weight:g})"


class TopicTag(models.Model):
    """A section's topic: found by the rules, inherited from its parent, or set by hand."""

    class Source(models.TextChoices):
        RULE = "rule", "regel"
        INHERITED = "inherited", "van bovenliggend kopje"
        MANUAL = "manual", "met de hand toegevoegd"
        EXCLUDED = "excluded", "met de hand verwijderd"

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="topic_tags")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tags")
    source = models.CharField(max_length=10, choices=Source.choices)
    tagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    tagged_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "onderwerpslabel"
        verbose_name_plural = "onderwerpslabels"
        constraints = [models.UniqueConstraint(fields=["section", "topic"], name="unique_section_topic")]
        indexes = [models.Index(fields=["topic", "source"])]

    def __str__(self):
        return f"{self.topic} ({self.get_source_display()})"


SHOWN_SOURCES = [TopicTag.Source.RULE, TopicTag.Source.INHERITED, TopicTag.Source.MANUAL]


class TopicFollow(models.Model):
    """A user's followed topic, and when they last looked at it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_topics")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="followers")
    last_seen_at = models.DateTimeField()

    class Meta:
        verbose_name = "gevolgd onderwerp"
        verbose_name_plural = "gevolgde onderwerpen"
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="unique_follow")]

    def __str__(self):
        return f"{self.user} volgt {self.topic}"


class RetagJob(models.Model):
    """Re-tagging all sections after topic rules changed, run by Celery, with its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "in de wachtrij"
        RUNNING = "running", "bezig"
        DONE = "done", "klaar"
        FAILED = "failed", "mislukt"

    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "hertagging"
        verbose_name_plural = "hertaggingen"
        ordering = ["-created_at"]

    def __str__(self):
        return f"Hertaggen {self.get_status_display()} ({self.done}/{self.total})"

    def get_absolute_url(self):
        return reverse("retag_job", args=[self.pk])

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.done / self.total)
