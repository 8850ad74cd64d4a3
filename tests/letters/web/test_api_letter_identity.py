"""Issue 12: "The letter detail gains kamerstuk and zaak" (/api/letters/<id>/)."""

import pytest

from kamer.models import Document, DocumentZaak, Zaak
from tests.conftest import SEED
from tests.docx_builder import letter_citing
from tests.letters.imported import add
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db


def seed_with_record():
    dossier, _ = Dossier.objects.get_or_create(number="29517")
    Document.objects.create(guid="doc-seed", document_number="2025D43420", volgnummer=275, dossier=dossier)
    Zaak.objects.create(guid="zaak-seed", number="2025Z18704", soort="Brief regering", subject="Verzamelbrief")
    DocumentZaak.objects.create(document_id="doc-seed", zaak_id="zaak-seed")
    return add(SEED.read_bytes(), SEED.name)


def test_the_letter_detail_gives_its_kamerstuk_and_zaak(policy_client):
    letter = seed_with_record()

    answer = policy_client.get(f"/api/letters/{letter.pk}/").json()

    assert (answer["document_number"], answer["dossier"]) == ("2025D43420", "29517")
    assert answer["kamerstuk"] == {
        "dossier": "29517",
        "nummer": "275",
        "url": "https://zoek.officielebekendmakingen.nl/kst-29517-275.html",
    }
    assert answer["zaak"] == {
        "nummer": "2025Z18704",
        "onderwerp": "Verzamelbrief",
        "url": "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025Z18704&did=2025D43420",
    }


def test_kamerstuk_and_zaak_are_null_while_the_kamer_does_not_know_the_letter(policy_client):
    letter = add(letter_citing("Voortgang C2000", "12 maart 2024", []), "c2000.docx")

    answer = policy_client.get(f"/api/letters/{letter.pk}/").json()

    assert (answer["document_number"], answer["dossier"], answer["kamerstuk"], answer["zaak"]) == (
        None,
        None,
        None,
        None,
    )
    assert answer["title"] == "Voortgang C2000"
