"""Uploads that fail (letters/web/upload_views.py, forms.py, import_reasons.py): every refused
file is on Importfouten, and the clerk reads what happened and what to do, the technical
reason beside it in smaller type."""

import hashlib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from letters.models import FailedImport, Letter, Source
from letters.web.import_reasons import explain
from tests.conftest import SEED
from tests.letters.docx.bad_files import BAD_FILES

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj"


def upload(client, content: bytes, name: str):
    return client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(name, content)})


def errors_shown(response) -> list[str]:
    return re.findall(r'<p class="error" role="alert">([^<]+)</p>', response.content.decode())


def failure_rows(client) -> list[list[str]]:
    html = client.get(reverse("failed_imports")).content.decode()
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [
        [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ][1:]
        for row in rows
    ]


def recorded() -> tuple:
    failure = FailedImport.objects.get()
    return failure.filename, failure.size, failure.sha256, failure.reason, failure.source, failure.user.username


def test_empty_upload_is_refused_and_recorded(clerk_client):
    response = upload(clerk_client, b"", "leeg.docx")

    assert (response.status_code, errors_shown(response)) == (
        400,
        ["Het bestand is leeg (0 bytes). Kies het Word-bestand van de brief opnieuw."],
    )
    assert recorded() == (
        "leeg.docx",
        0,
        hashlib.sha256(b"").hexdigest(),
        "het bestand is leeg",
        Source.UPLOAD,
        "griffie",
    )
    assert failure_rows(clerk_client) == [
        [
            "leeg.docx",
            "Het bestand is leeg (0 bytes). Kies het Word-bestand van de brief opnieuw. Technisch: het bestand is leeg",
            "Upload",
            "griffie",
        ]
    ]


def test_pdf_upload_is_refused_with_what_to_do_and_recorded(clerk_client):
    response = upload(clerk_client, PDF, "brief.pdf")

    clerk_words = (
        "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een PDF-bestand. "
        "Vraag de brief op als Word-bestand bij wie hem schreef en upload dat."
    )
    reason = "geweigerd: de bestandsnaam eindigt niet op .docx maar op .pdf"
    assert (response.status_code, errors_shown(response)) == (400, [clerk_words])
    assert recorded() == ("brief.pdf", len(PDF), hashlib.sha256(PDF).hexdigest(), reason, Source.UPLOAD, "griffie")
    assert failure_rows(clerk_client)[0][1] == f"{clerk_words} Technisch: {reason}"
    assert Letter.objects.count() == 0


@override_settings(LETTER_UPLOAD_MAX_BYTES=10_000)
def test_upload_too_large_to_receive_is_recorded_under_its_name(clerk_client):
    content = SEED.read_bytes()

    response = upload(clerk_client, content, "groot.docx")

    failure = FailedImport.objects.get()
    assert response.status_code == 400
    assert errors_shown(response)[0].startswith(
        "Het bestand is te groot (meer dan 0 MB). Staan er grote afbeeldingen in?"
    )
    assert (failure.filename, failure.reason, failure.user.username) == (
        "groot.docx",
        "het bestand is te groot (meer dan 0 MB)",
        "griffie",
    )
    assert len(content) < failure.size < len(content) + 1000  # the request's size: the file and the form around it


def test_upload_without_a_file_records_nothing(clerk_client):
    response = clerk_client.post(reverse("letter_upload"), {})

    assert (response.status_code, FailedImport.objects.count()) == (400, 0)


def test_unreadable_upload_tells_the_clerk_in_plain_words(clerk_client):
    response = upload(clerk_client, b"Dit is gewoon tekst.", "brief.docx")

    assert errors_shown(response) == [
        "Importeren mislukt: Dit is geen Word-bestand (.docx). "
        "Sla de brief in Word op als .docx en probeer het opnieuw."
    ]
    assert failure_rows(clerk_client)[0][1] == (
        "Dit is geen Word-bestand (.docx). Sla de brief in Word op als .docx en probeer het opnieuw. "
        "Technisch: geen geldig .docx-bestand: het is geen zip-archief"
    )


CLERK_WORDS = {
    "leeg.docx": "Het bestand is leeg (0 bytes).",
    "tekst.docx": "Dit is geen Word-bestand (.docx).",
    "afgebroken.docx": "Het Word-bestand is beschadigd of onvolledig",
    "scan.docx": "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een PDF-bestand.",
    "oud.docx": "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een oud Word-bestand (.doc).",
    "versleuteld.docx": "Het bestand is beveiligd met een wachtwoord.",
    "geen-document.docx": "Het Word-bestand is beschadigd of onvolledig",
    "kapotte-xml.docx": "Het Word-bestand is beschadigd of onvolledig",
    "zip-wachtwoord.docx": "Het bestand is beveiligd met een wachtwoord.",
    "te-groot.docx": "Het bestand is te groot (meer dan 25 MB).",
    "geen-body.docx": "Het Word-bestand is beschadigd of onvolledig",
}
REFUSED = (
    "Het bestand is geweigerd: het zit anders in elkaar dan een Word-brief en kan daarom niet veilig worden gelezen."
)


@pytest.mark.parametrize(("name", "reason"), [(name, reason) for name, _, reason in BAD_FILES])
def test_every_reason_the_reader_gives_has_clerk_words(name, reason):
    assert explain(reason).startswith(CLERK_WORDS.get(name, REFUSED))
