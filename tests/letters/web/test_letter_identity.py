"""Issue 12 item 5 and issue 15 item 12: the letter page shows the letter's own place in the Kamer's
record (dossier, kamerstuk, zaak, document number) and links out to its document and zaak."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kamer.models import Document, DocumentZaak, Zaak
from letters.models import DocumentFetch
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db
ZAAK_PAGE = "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z18704&amp;did=2025D43420"


def record(
    number="2025D43420", subject="Verzamelbrief brandweer, crisisbeheersing en meldkamers", soort="Brief regering"
):
    """The Kamer's document of the seed letter (29517 nr. 275) and its zaak, as the sync mirrors them."""
    dossier, _ = Dossier.objects.get_or_create(number="29517")
    dossier.title = "Brandweer en crisisbeheersing"
    dossier.save()
    document = Document.objects.create(
        guid="doc-seed", document_number=number, soort="Brief regering", volgnummer=275, dossier=dossier
    )
    Zaak.objects.create(guid="zaak-seed", number="2025Z18704", soort=soort, subject=subject)
    DocumentZaak.objects.create(document_id=document.guid, zaak_id="zaak-seed")
    return document


def meta(html):
    return html.split('<dl class="letter-meta">', 1)[1].split("</dl>", 1)[0]


def test_the_letter_page_shows_dossier_kamerstuk_zaak_and_document_number(policy_client):
    record()
    letter = add(SEED.read_bytes(), SEED.name)

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert (
        '<div><dt>Kamerstuk</dt><dd><a href="/kamerstukken/29517-275/">29 517, nr. 275</a> '
        '<a class="meta" href="/dossiers/29517/">Brandweer en crisisbeheersing</a></dd></div>'
    ) in html
    assert "<dt>Dossier</dt>" not in html  # the kamerstuk names it
    # the zaak's onderwerp is the letter's title: not said twice
    assert f'<div><dt>Zaak</dt><dd><a href="{ZAAK_PAGE}" rel="noopener noreferrer">2025Z18704</a></dd></div>' in html
    assert "<div><dt>Documentnummer</dt><dd>2025D43420</dd></div>" in html


def test_a_dossier_without_a_kamerstuk_has_a_row_of_its_own(policy_client):
    letter = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")
    letter.dossier = Dossier.objects.create(number="36600", toevoeging="VI", title="Begroting JenV")
    letter.save()

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert (
        '<div><dt>Dossier</dt><dd><a href="/dossiers/36600-VI/">36 600 VI</a> '
        '<span class="meta">Begroting JenV</span></dd></div>'
    ) in html
    assert "<dt>Kamerstuk</dt>" not in html


def test_the_letter_page_links_out_to_its_document_zaak_and_publication(policy_client):
    record()
    letter = add(SEED.read_bytes(), SEED.name)

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    sources = html.split('<ul class="sources">', 1)[1].split("</ul>", 1)[0].split()
    assert " ".join(sources) == (
        '<li><a href="https://www.tweedekamer.nl/downloads/document?id=2025D43420" rel="noopener noreferrer">'
        "Tweede Kamer (2025D43420)</a></li> "
        f'<li><a href="{ZAAK_PAGE}" rel="noopener noreferrer">Zaak bij de Tweede Kamer (2025Z18704)</a></li> '
        '<li><a href="https://zoek.officielebekendmakingen.nl/kst-29517-275.html" rel="noopener noreferrer">'
        "Officiële bekendmakingen (29 517, nr. 275)</a></li>"
    )


def test_a_letter_without_a_number_shows_the_number_of_the_document_it_was_fetched_from(policy_client):
    letter = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")
    DocumentFetch.objects.create(document=record(number="2024D11111"), letter=letter, status="imported")

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert "<div><dt>Documentnummer</dt><dd>2024D11111</dd></div>" in html
    assert 'href="https://www.tweedekamer.nl/downloads/document?id=2024D11111"' in html


def test_a_zaak_that_is_a_motion_links_to_the_motions_page(policy_client):
    record(soort="Motie")
    letter = add(SEED.read_bytes(), SEED.name)

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert '<a href="https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2025Z18704" rel="noopener' in html


def test_the_zaaks_subject_is_escaped(policy_client):
    record(subject='<script>alert("x")</script> & meer')
    letter = add(SEED.read_bytes(), SEED.name)

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert '</a> <span class="meta">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer</span>' in html
    assert "<script>" not in html


def test_a_letter_the_kamer_does_not_know_shows_no_kamerstuk_nor_zaak(policy_client):
    letter = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")

    html = meta(policy_client.get(letter.get_absolute_url()).content.decode())

    assert [
        label for label in ("<dt>Dossier</dt>", "<dt>Kamerstuk</dt>", "<dt>Zaak</dt>", "Openbare") if label in html
    ] == []


def kamer_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries.captured_queries if '"kamer_' in q["sql"]]


def test_the_letter_page_reads_the_kamers_record_in_two_queries(policy_client):
    record()
    known = add(SEED.read_bytes(), SEED.name)
    unknown = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")

    assert len(kamer_queries(policy_client, known.get_absolute_url())) == 2  # its document, its zaak
    assert len(kamer_queries(policy_client, unknown.get_absolute_url())) == 1  # no document: no zaak to read
