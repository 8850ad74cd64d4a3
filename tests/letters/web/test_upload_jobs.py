"""A large upload is imported by a Celery task, with a page that follows it (issue 17, item 5)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.importing.tasks import import_upload
from letters.models import FailedImport, LetterVersion, Source, UploadJob
from tests.conftest import SEED, make_user
from tkdossiers.roles import CLERKS

pytestmark = pytest.mark.django_db


def upload(client, content, name="brief.docx"):
    return client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(name, content)})


def text_of(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def big(settings):
    """Every upload of more than 1 kB counts as large."""
    settings.LETTER_INLINE_IMPORT_MAX_BYTES = 1024


def test_small_upload_is_still_imported_inside_the_request(clerk_client, settings):
    settings.LETTER_INLINE_IMPORT_MAX_BYTES = SEED.stat().st_size

    response = upload(clerk_client, SEED.read_bytes(), SEED.name)

    version = LetterVersion.objects.get()
    assert response["Location"] == version.get_absolute_url()
    assert UploadJob.objects.count() == 0


def test_large_upload_is_imported_by_the_task_and_links_to_the_version(
    big, clerk_client, clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        response = upload(clerk_client, SEED.read_bytes(), SEED.name)
    job = UploadJob.objects.get()
    waiting = clerk_client.get(response["Location"])

    queued[0]()  # the worker runs the task (eagerly in tests)

    version = LetterVersion.objects.get()
    job.refresh_from_db()
    done = clerk_client.get(response["Location"])
    assert response["Location"] == reverse("upload_job", args=[job.pk])
    assert "Uw brief wordt ingelezen… Het bestand staat in de wachtrij. Vernieuwen" in text_of(waiting)
    assert f'hx-get="{job.get_absolute_url()}" hx-trigger="every 2s"' in waiting.content.decode()
    assert "Brief geïmporteerd. Naar versie 1 van de brief" in text_of(done)
    assert f'<a href="{version.get_absolute_url()}">Naar versie 1 van de brief</a>' in done.content.decode()
    assert "hx-get" not in done.content.decode()
    assert (version.source, version.imported_by, version.filename) == (Source.UPLOAD, clerk, SEED.name)
    assert (job.status, job.outcome, job.version, bytes(job.content)) == ("done", "imported", version, b"")


def test_large_upload_of_a_known_file_says_nothing_changed(big, clerk_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(clerk_client, SEED.read_bytes(), SEED.name)
        response = upload(clerk_client, SEED.read_bytes(), SEED.name)

    page = text_of(clerk_client.get(response["Location"]))

    assert "Dit bestand was al geïmporteerd (versie 1); er is niets veranderd." in page
    assert (LetterVersion.objects.count(), UploadJob.objects.count()) == (1, 2)


def test_failing_large_upload_shows_the_reason_and_lists_it(
    big, clerk_client, clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(clerk_client, b"%PDF-1.7 scan" * 100, "scan.docx")

    page = text_of(clerk_client.get(response["Location"]))

    assert (
        "Importeren mislukt: Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een PDF-bestand. "
        "Vraag de brief op als Word-bestand bij wie hem schreef en upload dat."
    ) in page
    assert LetterVersion.objects.count() == 0
    failed = FailedImport.objects.get()
    assert (failed.filename, failed.source, failed.user, failed.size) == ("scan.docx", Source.UPLOAD, clerk, 1300)
    assert UploadJob.objects.get().status == UploadJob.Status.FAILED


def test_upload_job_progress_alone_for_htmx(big, clerk_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        response = upload(clerk_client, SEED.read_bytes(), SEED.name)

    fragment = clerk_client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()

    assert fragment.startswith('<div id="inlezen" class="progress-box" hx-get=')
    assert "<html" not in fragment


def test_upload_job_page_is_for_the_uploader_and_admins(
    big, client, clerk, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        url = upload(client, SEED.read_bytes(), SEED.name)["Location"]
    other_clerk = make_user("griffie2", CLERKS)

    client.force_login(other_clerk)
    assert client.get(url).status_code == 404
    client.force_login(admin_user)
    assert "Brief geïmporteerd. Naar versie 1 van de brief" in text_of(client.get(url))
    client.logout()
    assert client.get(url)["Location"] == f"{reverse('login')}?next={url}"


def test_import_upload_returns_quietly_when_the_job_is_gone_or_done(
    big, clerk_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(clerk_client, SEED.read_bytes(), SEED.name)
    job = UploadJob.objects.get()

    assert import_upload(job.pk + 1) == "gone"
    assert import_upload(job.pk) == "gone"
    assert LetterVersion.objects.count() == 1
