from django.conf import settings
from django.db import models
from django.urls import reverse

from letters.models.core import LetterVersion


class UploadJob(models.Model):
    """A large upload, kept here and imported by Celery instead of inside the request."""

    class Status(models.TextChoices):
        QUEUED = "queued", "in de wachtrij"
        RUNNING = "running", "wordt ingelezen"
        DONE = "done", "klaar"
        FAILED = "failed", "mislukt"

    filename = models.CharField("bestandsnaam", max_length=255)
    size = models.PositiveBigIntegerField("grootte (bytes)")
    # The file until it is imported; then the version holds it (and a failed import keeps its reason).
    content = models.BinaryField(editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    outcome = models.CharField("uitkomst", max_length=20, blank=True)  # letters.importing.store.Outcome
    reason = models.TextField("reden", blank=True)
    version = models.ForeignKey(LetterVersion, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("geüpload op", auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "upload"
        verbose_name_plural = "uploads"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("upload_job", args=[self.pk])

    @property
    def pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
