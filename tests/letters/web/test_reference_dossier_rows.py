"""A dossier named without a document number is listed and exported as a reference to the dossier."""

import pytest
from django.urls import reverse

from tests.docx_builder import letter_citing
from tests.letters.imported import add

pytestmark = pytest.mark.django_db


def test_a_dossier_reference_gives_its_dossier_and_no_kamerstuk(policy_client):
    add(letter_citing("Defensienota", "1 mei 2024", ["Zie de Defensienota (Kamerstuk 34 919)."]), "d.docx")

    rows = policy_client.get(reverse("api_references"), {"kind": "dossier"}).json()["results"]

    assert [(r["kind"], r["dossier"], r["toevoeging"], r["kamerstuk"], r["text"]) for r in rows] == [
        ("dossier", "34919", None, None, "Kamerstuk 34 919")
    ]
