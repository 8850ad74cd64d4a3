"""Candidate zaken for a motion known only by its members (commitments.record.candidates)."""

import datetime

import pytest

from commitments.models import Motion
from commitments.record.candidates import candidates_for
from tests.commitments.record.kamer_rows import fractie, motie, persoon
from tests.commitments.record.letters import import_member_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def van_dijks():
    """Two members named Van Dijk; the letter (3 November 2025) cites 28 684 in the passage that
    mentions the motion and 36 600 VI elsewhere."""
    jan = (persoon("Jan", "Dijk", "van"), fractie("PVV", 37))
    inge = (persoon("Inge", "Dijk", "van"), fractie("SP", 5))
    mutluer = (persoon("Barbara", "Mutluer"), fractie("GL-PvdA", 25))
    return {
        "in passage": motie("2024Z04020", "over videobellen", dossier=("28684", ""), indieners=[jan]),
        "older in passage": motie(
            "2023Z00100", "over de 112-app", dossier=("28684", ""), started=datetime.date(2023, 1, 10), indieners=[jan]
        ),
        "elsewhere in letter": motie(
            "2025Z10000",
            "over de begroting",
            dossier=("36600", "VI"),
            started=datetime.date(2025, 6, 1),
            indieners=[inge],
        ),
        "after the letter": motie(
            "2025Z20000", "later ingediend", dossier=("28684", ""), started=datetime.date(2025, 11, 10), indieners=[jan]
        ),
        "dossier not cited": motie("2024Z30000", "over iets anders", dossier=("31015", ""), indieners=[inge]),
        "other member": motie("2024Z40000", "van Mutluer", dossier=("28684", ""), indieners=[mutluer]),
        "only medeindiener": motie(
            "2024Z50000", "mede", dossier=("28684", ""), indieners=[mutluer], medeindieners=[inge]
        ),
    }


def numbers(candidates) -> list[tuple[str, bool]]:
    return [(candidate.zaak.number, candidate.in_passage_dossier) for candidate in candidates]


def test_the_van_dijk_of_the_passages_dossier_comes_first(van_dijks):
    import_member_only()
    motion = Motion.objects.get(members_key="van dijk")

    assert numbers(candidates_for(motion)) == [("2024Z04020", True), ("2023Z00100", True), ("2025Z10000", False)]


def test_no_candidates_started_after_the_letter(van_dijks):
    import_member_only(date="1 januari 2023")
    motion = Motion.objects.get(members_key="van dijk")

    assert candidates_for(motion) == []


def test_a_deleted_zaak_is_no_candidate(van_dijks):
    import_member_only()
    for key in ("in passage", "older in passage"):
        van_dijks[key].deleted = True
        van_dijks[key].save()

    assert numbers(candidates_for(Motion.objects.get(members_key="van dijk"))) == [("2025Z10000", False)]


def test_two_members_need_both_among_the_submitters(van_dijks):
    import_member_only()
    motion = Motion.objects.get(members_key="van dijk")
    motion.members = ["Mutluer", "Van Dijk"]

    assert numbers(candidates_for(motion)) == [("2024Z50000", True)]
