"""What an import stores from a letter's wording: a motion's kamerstuk from its citation, a commitment's due date."""

import re

import pytest
from django.urls import reverse

from commitments.models import Commitment, Motion
from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import build_docx, head_table, text_para

pytestmark = pytest.mark.django_db


def add(date, *paragraphs):
    content = build_docx(head_table(date, "Politie"), *(text_para(p) for p in paragraphs))
    return import_letter(content=content, filename="brief.docx", source=Source.COMMAND).letter


def test_motion_cited_in_running_text_is_found_by_its_dossier(policy_client):
    add(
        "12 maart 2024",
        "Zo vraagt de motie van het lid Eerdmans (Kamerstukken II 2023/24, 29 628, nr. 1200) om meer agenten.",
    )

    page = policy_client.get(reverse("motion_list"), {"dossier": "29628"}).content.decode()
    api = policy_client.get(reverse("api_motions"), {"dossier": "29628"}).json()

    assert Motion.objects.get().kamerstuk.key == "29628-1200"
    assert page.count('class="card motion-card"') == 1 and "Eerdmans" in page
    assert [(row["members"], row["kamerstuk"]) for row in api["results"]] == [("Eerdmans", "29628-1200")]


def test_commitment_with_an_exact_date_is_flagged_when_overdue(policy_client):
    add("3 oktober 2025", "Ik zal uw Kamer voor 1 maart 2026 informeren over de uitkomsten.")  # today is later

    page = policy_client.get(reverse("commitment_list"), {"overdue": "true"}).content.decode()

    assert Commitment.objects.get().due.isoformat() == "2026-03-01"
    assert page.count('class="card commitment-card"') == 1 and "over tijd" in page
    assert re.search(r"1 maart 2026|1 mrt\.? 2026", page)
