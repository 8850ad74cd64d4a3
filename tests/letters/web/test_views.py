import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from letters.importing.store import import_letter
from letters.models import FailedImport, Letter, LetterVersion, Source
from tests.conftest import SEED
from tests.docx_builder import build_docx, head_table, simple_letter, text_para, with_replaced_text

pytestmark = pytest.mark.django_db


def imported(content=None, filename=SEED.name):
    return import_letter(content=content or SEED.read_bytes(), filename=filename, source=Source.COMMAND)


def text_of(response) -> str:
    """The page's visible text, tags stripped and whitespace collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_reading_needs_a_login(client):
    letter = imported().letter

    for url in (reverse("home"), reverse("letter_list"), letter.get_absolute_url()):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={url}")


@override_settings(TKD_PUBLIC_READ=True)
def test_public_read_opens_the_pages_but_not_the_upload(client):
    imported()

    assert "Verzamelbrief brandweer, crisisbeheersing en meldkamers" in text_of(client.get(reverse("home")))
    assert client.get(reverse("letter_upload"))["Location"].startswith(reverse("login"))


def test_letter_page_shows_metadata_tree_and_footnotes_beside_their_passage(policy_client):
    styles = SEED.with_name("verzamelbrief-2025D43420-styles.docx")
    letter = imported(styles.read_bytes(), styles.name).letter

    response = policy_client.get(letter.get_absolute_url())
    html = response.content.decode()
    text = text_of(response)

    assert "Datum 3 oktober 2025" in text
    assert "Afzender Minister van Justitie en Veiligheid (Foort van Oosten)" in text
    assert "Documentnummer 2025D43420" in text
    assert '<h2 id="sectie-1-kop">Meldkamers</h2>' in html
    assert '<h3 id="sectie-2-kop">Ontwikkelingen in de meldkamers</h3>' in html
    assert '<h4 id="sectie-17-kop">Positieve en noodzakelijke ontwikkelingen</h4>' in html
    # footnote 4's marker stands after the motion's name, its text follows in that section's notes
    assert (
        'motie van het lid Wijen-Nass<sup class="fn-ref"><a href="#voetnoot-4" id="verwijzing-4" '
        'aria-label="voetnoot 4">4</a></sup> als afgedaan'
    ) in html
    video = html[html.index('id="sectie-6"') : html.index('id="sectie-7"')]
    assert (
        'id="voetnoot-4" value="4"><span class="fn-number">4</span> '
        "Tweede Kamer, vergaderjaar 2024–2025, 29 628, nr. 1272" in video
    )
    assert html.count('class="fn-ref"') == 35


def test_list_items_keep_their_numbers(policy_client):
    letter = imported().letter

    text = text_of(policy_client.get(letter.get_absolute_url()))

    assert "1. Herstel en versterk de samenwerking tussen leveranciers" in text
    assert "3. Zorg voor intensieve en structurele betrokkenheid vanuit de operationele praktijk" in text


def test_older_version_stays_readable(policy_client):
    first = imported()
    imported(with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"), "gecorrigeerd.docx")

    old = text_of(policy_client.get(reverse("letter_version", args=[first.letter.pk, 1])))
    new = text_of(policy_client.get(first.letter.get_absolute_url()))

    assert "Versie 1 van 2 (niet de nieuwste versie)" in old
    assert "Borging" in old and "Borging en vervolg" not in old
    assert "Versie 2 van 2" in new and "Borging en vervolg" in new
    assert policy_client.get(reverse("letter_version", args=[first.letter.pk, 3])).status_code == 404


def test_letter_text_is_escaped(policy_client):
    hostile = build_docx(
        head_table("1 mei 2025", "<script>alert('titel')</script>"),
        text_para("Kop <img src=x onerror=alert(1)>", bold=True),
        text_para("Tekst met <b>opmaak</b> & een <script>alert(2)</script>."),
    )
    letter = imported(hostile, "hostile.docx").letter

    html = policy_client.get(letter.get_absolute_url()).content.decode()

    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in html
    assert "Kop &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Tekst met &lt;b&gt;opmaak&lt;/b&gt; &amp; een &lt;script&gt;alert(2)&lt;/script&gt;." in html


def test_original_file_can_be_downloaded(policy_client):
    letter = imported().letter

    response = policy_client.get(reverse("version_download", args=[letter.pk, 1]))

    assert response.content == SEED.read_bytes()
    assert response["Content-Disposition"] == 'attachment; filename="verzamelbrief-2025D43420.docx"'


def test_letter_list_filters_by_year_and_title(policy_client):
    imported()
    imported(simple_letter("Voortgang C2000", "12 maart 2024"), "c2000.docx")

    by_year = text_of(policy_client.get(reverse("letter_list"), {"year": 2024}))
    by_title = text_of(policy_client.get(reverse("letter_list"), {"q": "verzamelbrief"}))

    assert "1 brief" in by_year and "Voortgang C2000" in by_year and "Verzamelbrief" not in by_year
    assert "1 brief" in by_title and "Verzamelbrief brandweer" in by_title and "C2000" not in by_title


def test_letter_list_query_count_does_not_grow_with_letters(policy_client):
    imported(simple_letter("Eerste", "1 mei 2024"), "1.docx")
    with CaptureQueriesContext(connection) as one:
        policy_client.get(reverse("letter_list"))
    imported(simple_letter("Tweede", "2 mei 2024"), "2.docx")
    imported(simple_letter("Derde", "3 mei 2024"), "3.docx")

    with CaptureQueriesContext(connection) as three:
        response = policy_client.get(reverse("letter_list"))

    assert "3 brieven" in text_of(response)
    assert len(three) == len(one)


def test_letter_page_query_count_does_not_grow_with_sections(policy_client):
    small = imported(simple_letter("Klein", "1 mei 2024"), "klein.docx").letter
    big = imported().letter

    with CaptureQueriesContext(connection) as few:
        policy_client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        policy_client.get(big.get_absolute_url())

    assert len(many) == len(few)


def upload(client, content, name="brief.docx"):
    return client.post(reverse("letter_upload"), {"file": SimpleUploadedFile(name, content)})


def test_upload_needs_login_and_permission(client, policy_user):
    assert upload(client, SEED.read_bytes())["Location"].startswith(reverse("login"))
    client.force_login(policy_user)
    assert upload(client, SEED.read_bytes()).status_code == 403
    assert client.get(reverse("letter_upload")).status_code == 403
    assert Letter.objects.count() == 0


def test_clerk_uploads_a_letter_and_lands_on_it(clerk_client, clerk):
    response = upload(clerk_client, SEED.read_bytes(), SEED.name)

    version = LetterVersion.objects.get()
    assert response["Location"] == reverse("letter_version", args=[version.letter_id, 1])
    assert (version.source, version.imported_by, version.filename) == (Source.UPLOAD, clerk, SEED.name)
    page = text_of(clerk_client.get(response["Location"]))
    assert "Brief geïmporteerd." in page and "Verzamelbrief brandweer" in page


def test_uploading_the_same_file_again_says_nothing_changed(clerk_client):
    upload(clerk_client, SEED.read_bytes())

    response = upload(clerk_client, SEED.read_bytes())

    page = text_of(clerk_client.get(response["Location"]))
    assert "Dit bestand was al geïmporteerd (versie 1); er is niets veranderd." in page
    assert LetterVersion.objects.count() == 1


def test_upload_of_a_bad_file_shows_the_reason_and_lists_it(clerk_client):
    response = upload(clerk_client, b"%PDF-1.7 scan", "scan.docx")

    assert response.status_code == 400
    clerk_words = "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een PDF-bestand."
    assert f"Importeren mislukt: {clerk_words}" in text_of(response)
    assert Letter.objects.count() == 0
    listing = text_of(clerk_client.get(reverse("failed_imports")))
    assert f"scan.docx {clerk_words}" in listing
    assert "Technisch: dit is een PDF-bestand, geen Word-document (.docx) Upload griffie" in listing


def test_upload_refuses_other_extensions(clerk_client):
    response = upload(clerk_client, SEED.read_bytes(), "brief.pdf")

    assert "Alleen Word-bestanden (.docx) kunnen worden geïmporteerd; dit is een PDF-bestand." in text_of(response)
    assert (Letter.objects.count(), FailedImport.objects.count()) == (0, 1)  # on Importfouten (issue 15.5)


@override_settings(LETTER_UPLOAD_MAX_BYTES=10_000)
def test_oversized_upload_is_stopped_while_it_streams(clerk_client):
    response = upload(clerk_client, SEED.read_bytes())

    assert response.status_code == 400
    assert "Het bestand is te groot (meer dan 0 MB)." in text_of(response)
    assert Letter.objects.count() == 0


def test_upload_form_needs_the_csrf_token(clerk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    response = upload(client, SEED.read_bytes())

    assert response.status_code == 403
    assert Letter.objects.count() == 0


def test_failed_imports_page_is_for_clerks_only(policy_client):
    assert policy_client.get(reverse("failed_imports")).status_code == 403
