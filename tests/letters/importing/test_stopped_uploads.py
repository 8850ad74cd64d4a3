"""An upload whose worker was killed half-way is marked failed after the time limit (letters.importing.stale).

Celery acks the message of a killed worker process, so nothing imports such a job again; without
this sweep its page would say "wordt ingelezen" for ever.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from letters.importing.stale import STOPPED, expire_stopped_uploads
from letters.models import LetterVersion, UploadJob
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


def running_job(user, *, started_minutes_ago: int) -> UploadJob:
    """A job as a killed worker leaves it: running, the file still kept."""
    content = SEED.read_bytes()
    return UploadJob.objects.create(
        filename=SEED.name,
        size=len(content),
        content=content,
        user=user,
        status=UploadJob.Status.RUNNING,
        started_at=timezone.now() - timedelta(minutes=started_minutes_ago),
    )


def test_an_upload_running_past_the_limit_is_failed_with_the_reason_and_its_file_freed(clerk, settings):
    settings.UPLOAD_STOPPED_AFTER_SECONDS = 15 * 60
    stopped = running_job(clerk, started_minutes_ago=16)
    busy = running_job(clerk, started_minutes_ago=14)

    assert expire_stopped_uploads() == 1

    stopped.refresh_from_db()
    busy.refresh_from_db()
    assert (stopped.status, stopped.outcome, stopped.reason, bytes(stopped.content)) == (
        UploadJob.Status.FAILED,
        "failed",
        STOPPED,
        b"",
    )
    assert stopped.finished_at is not None
    assert (busy.status, len(bytes(busy.content))) == (UploadJob.Status.RUNNING, SEED.stat().st_size)
    assert LetterVersion.objects.count() == 0


def test_finished_and_queued_uploads_are_left_alone(clerk, settings):
    settings.UPLOAD_STOPPED_AFTER_SECONDS = 60
    old = timezone.now() - timedelta(hours=2)
    done = UploadJob.objects.create(
        filename="a.docx", size=1, content=b"", status=UploadJob.Status.DONE, started_at=old
    )
    queued = UploadJob.objects.create(filename="b.docx", size=1, content=b"x", status=UploadJob.Status.QUEUED)

    assert expire_stopped_uploads() == 0

    assert UploadJob.objects.get(pk=done.pk).status == UploadJob.Status.DONE
    assert UploadJob.objects.get(pk=queued.pk).status == UploadJob.Status.QUEUED


def test_the_upload_page_says_what_happened_and_what_to_do(clerk, clerk_client, settings):
    settings.UPLOAD_STOPPED_AFTER_SECONDS = 60
    job = running_job(clerk, started_minutes_ago=5)
    expire_stopped_uploads()

    html = clerk_client.get(reverse("upload_job", args=[job.pk])).content.decode()
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

    assert "Het inlezen is halverwege gestopt; er is niets opgeslagen. Upload het bestand opnieuw." in page
    assert "hx-get" not in html  # the page stops polling
