"""Issue 15, item 12: the links out of a letter page, to the Kamer and to the addresses its footnotes name."""

import pytest

from letters.models import Letter
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


def test_letter_page_links_to_its_document_at_the_kamer(policy_client, seed_letter):
    html = policy_client.get(seed_letter.get_absolute_url()).content.decode()

    assert (
        '<a href="https://www.tweedekamer.nl/downloads/document?id=2025D43420" rel="noopener noreferrer">'
        "Tweede Kamer (2025D43420)</a>"
    ) in html


def test_letter_page_links_to_its_kamerstuk_on_officielebekendmakingen(policy_client, seed_letter):
    dossier, _ = Dossier.objects.get_or_create(number="29517")
    seed_letter.kamerstuk = Kamerstuk.objects.create(dossier=dossier, number="270")
    seed_letter.save()

    html = policy_client.get(seed_letter.get_absolute_url()).content.decode()

    assert (
        '<a href="https://zoek.officielebekendmakingen.nl/kst-29517-270.html" rel="noopener noreferrer">'
        "Officiële bekendmakingen (29 517, nr. 270)</a>"
    ) in html


def test_letter_without_number_or_kamerstuk_has_no_outside_links():
    letter = Letter(document_number="", kamerstuk=None)

    assert (letter.tk_document_url, letter.official_publication_url) == ("", "")


def test_footnote_address_is_a_link_without_the_sentences_full_stop(policy_client):
    letter = add(
        letter_citing(
            "Stroomuitval",
            "12 maart 2024",
            ["Zie https://www.inspectie-jenv.nl/documenten/2025/brief?jaar=2025&deel=2."],
        ),
        "stroom.docx",
    )

    html = policy_client.get(letter.get_absolute_url()).content.decode()

    assert (
        "Zie <a "
        'href="https://www.inspectie-jenv.nl/documenten/2025/brief?jaar=2025&amp;deel=2" rel="noopener noreferrer">'
        "https://www.inspectie-jenv.nl/documenten/2025/brief?jaar=2025&amp;deel=2</a>."
    ) in html


def test_footnote_markup_and_other_schemes_stay_text(policy_client):
    letter = add(
        letter_citing(
            "Vreemde tekens",
            "12 maart 2024",
            ['<b>vet</b> javascript:alert(1) en (https://example.org/a_(b)) "https://x.nl/"'],
        ),
        "vreemd.docx",
    )

    html = policy_client.get(letter.get_absolute_url()).content.decode()

    assert (
        "&lt;b&gt;vet&lt;/b&gt; javascript:alert(1) en "
        '(<a href="https://example.org/a_(b)" rel="noopener noreferrer">https://example.org/a_(b)</a>) '
        '&quot;<a href="https://x.nl/" rel="noopener noreferrer">https://x.nl/</a>&quot;'
    ) in html
    assert "<b>vet</b>" not in html
