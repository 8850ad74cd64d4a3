import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.test import Client
from django.urls import reverse

from letters.models import LetterVersion
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


class RecordingUploadHandler(FileUploadHandler):
    """Notes every file part the parser meets; placed first, it sees them all."""

    seen: list[str] = []

    def new_file(self, field_name, *args, **kwargs):
        self.seen.append(field_name)
        super().new_file(field_name, *args, **kwargs)

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None


@pytest.fixture
def parsed_files(settings, tmp_path):
    settings.FILE_UPLOAD_HANDLERS = [
        "tests.tkdossiers.test_middleware.RecordingUploadHandler",
        *settings.FILE_UPLOAD_HANDLERS,
    ]
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    RecordingUploadHandler.seen = []
    return RecordingUploadHandler.seen


def test_files_posted_to_the_login_page_are_refused_unread(parsed_files):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))  # the CSRF cookie, as an attacker's script would fetch it first
    parts = {f"bestand{n}": SimpleUploadedFile(f"{n}.bin", b"x" * 2 * 1024 * 1024) for n in range(3)}

    response = client.post(reverse("login"), {"username": "griffie", **parts})

    assert (response.status_code, response.content.decode()) == (413, "Dit verzoek is te groot (meer dan 1 MB).")
    assert parsed_files == []


def test_body_over_the_upload_limit_is_refused_before_it_is_read(clerk_client, settings):
    # The test client's payload raises if anything reads past the 10 bytes it holds.
    response = clerk_client.generic(
        "POST",
        reverse("letter_upload"),
        b"0123456789",
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(settings.UPLOAD_BODY_MAX_BYTES + 1),
    )

    assert (response.status_code, response.content.decode()) == (413, "Dit verzoek is te groot (meer dan 25 MB).")


def test_upload_without_the_permission_is_refused_unread(client, policy_user, parsed_files):
    client.force_login(policy_user)

    response = client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})

    assert (response.status_code, response.content.decode()) == (403, "Je hebt geen recht om bestanden te uploaden.")
    assert parsed_files == []


def test_upload_after_the_session_ran_out_goes_to_the_login_unread(client, parsed_files):
    response = client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})

    assert (response.status_code, response["Location"]) == (302, "/inloggen/?next=/brieven/uploaden/")
    assert parsed_files == []


def test_clerk_still_uploads_a_letter(clerk_client, parsed_files):
    response = clerk_client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})

    assert parsed_files == ["file"]
    assert response.status_code == 302
    assert LetterVersion.objects.get().filename == SEED.name
