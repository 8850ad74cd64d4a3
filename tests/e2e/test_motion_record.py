"""The Kamer's record in a real browser: a clerk sees the vote and the three-way ledger on a motion's
page, and links a motion known only by its member to its zaak from the suggestions (issue 12, item 3)."""

import datetime

import pytest

from commitments.models import Motion, StatusChange
from commitments.record.resolving import resolve_motions
from letters.importing.store import import_letter
from letters.models import Source
from tests.commitments.record.kamer_rows import fractie, motie, persoon, vote
from tests.commitments.record.letters import import_member_only
from tests.conftest import SEED
from tests.e2e.conftest import log_in, shoot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def record(clerk):
    """The seed letter and a member-only letter, and the Kamer's record: Wijen-Nass's motion voted
    on (aangenomen), two members named Van Dijk with a motion each."""
    import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND)
    import_member_only()
    bbb, gl, pvv, sp, vvd = (fractie(*f) for f in (("BBB", 7), ("GL-PvdA", 25), ("PVV", 37), ("SP", 5), ("VVD", 24)))
    wijen = motie(
        "2024Z04020",
        "Motie van het lid Wijen-Nass over videobellen met de meldkamer",
        dossier=("29628", ""),
        volgnummer=1272,
        indieners=[(persoon("Kirsten", "Wijen-Nass"), bbb)],
        afgedaan=False,
        kabinetsappreciatie="Oordeel Kamer",
    )
    vote(
        wijen,
        day=datetime.date(2024, 3, 19),
        fracties=[(pvv, "Voor", 37), (gl, "Voor", 25), (bbb, "Voor", 7), (vvd, "Tegen", 24)],
    )
    motie("2024Z04030", "over de 112-app", dossier=("28684", ""), indieners=[(persoon("Jan", "Dijk", "van"), pvv)])
    motie("2025Z10000", "over de begroting", dossier=("36600", "VI"), indieners=[(persoon("Inge", "Dijk", "van"), sp)])
    resolve_motions()
    return Motion.objects.get(members_key="wijen-nass"), Motion.objects.get(members_key="van dijk", kamerstuk=None)


def rows(page, selector) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(selector).all_inner_texts()]


def test_clerk_sees_the_vote_and_ledger_and_links_a_member_only_motion(page, record):
    wijen, van_dijk = record
    log_in(page, "griffie")

    page.goto(wijen.get_absolute_url())
    assert page.locator(".vote-outcome").inner_text() == (
        "Aangenomen op 19 maart 2024 met 69 stemmen voor en 24 tegen (met handopsteken)."
    )
    assert rows(page, "table.votes tbody tr") == ["PVV 37 Voor", "GL-PvdA 25 Voor", "BBB 7 Voor", "VVD 24 Tegen"]
    assert rows(page, "table.ledger tr") == [
        "Regering afgedaan verklaard in Verzamelbrief brandweer, crisisbeheersing en meldkamers, "
        "Videobellen met de meldkamer, 3 oktober 2025",
        "Kamer niet afgedaan (zaak 2024Z04020)",
        "Griffie open, nog geen besluit",
    ]
    shoot(page, "30-motie-stemming-en-stand", full_page=True)

    page.goto(van_dijk.get_absolute_url())
    suggestions = page.locator("li.candidate")
    assert [" ".join(s.split()[:1]) for s in suggestions.all_inner_texts()] == ["2024Z04030", "2025Z10000"]
    suggestions.first.get_by_label("Toelichting (optioneel)").fill("Zelfde onderwerp als de brief.")
    suggestions.first.get_by_role("button", name="Koppel aan 2024Z04030").click()

    page.get_by_text("De motie is gekoppeld aan zaak 2024Z04030.").wait_for()
    assert rows(page, "table.ledger tr")[1] == "Kamer onbekend (zaak 2024Z04030)"
    assert "Jan van Dijk (PVV)" in page.locator(".zaak-record").inner_text()
    change = StatusChange.objects.get(motion=van_dijk)
    assert (change.action, change.note, change.user.username) == (
        "zaak gekoppeld",
        "Zaak 2024Z04030: Zelfde onderwerp als de brief.",
        "griffie",
    )
    assert Motion.objects.get(pk=van_dijk.pk).zaak_id == change.motion.zaak_id
    shoot(page, "31-motie-gekoppeld-aan-zaak", full_page=True)
