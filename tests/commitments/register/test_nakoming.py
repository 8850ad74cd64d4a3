"""Which of our letters a toezegging's kamerbriefNakoming names (commitments/register/nakoming.py)."""

import pytest

from commitments.register.nakoming import named_letters
from kamer.models import Document, Kamerstukdossier
from tests.commitments.register.helpers import letter
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters():
    vi = Dossier.objects.create(number="36600", toevoeging="VI")
    return {
        "by number": letter("Brief A", document_number="2025D43420"),
        "by kamerstuk": letter("Brief B", kamerstuk=Kamerstuk.objects.create(dossier=vi, number="52")),
        "by document": letter("Brief C", document_number="2024D09102"),
    }


def test_a_document_number(letters):
    assert named_letters("2025D43420") == [letters["by number"]]


def test_our_letters_own_kamerstuk(letters):
    assert named_letters("Kamerbrief d.d. 3 maart 2025 (Kamerstuk 36 600 VI, nr. 52)") == [letters["by kamerstuk"]]


def test_a_kamerstuk_through_the_kamers_document(letters):
    Kamerstukdossier.objects.create(guid="ksd-29517", number="29517")
    Document.objects.create(guid="doc-1", document_number="2024D09102", kamerstukdossier_id="ksd-29517", volgnummer=252)

    assert named_letters("Kamerbrief d.d. 29 februari 2024 (29517, nr. 252)") == [letters["by document"]]


@pytest.mark.parametrize("text", ["", "Kamerbrief d.d. 1 mei 2024", "Kamerstuk 29517, nr. 999", "2019D00001"])
def test_nothing_we_have(letters, text):
    assert named_letters(text) == []
