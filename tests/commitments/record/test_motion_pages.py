"""The motion page, the queue and the list show the Kamer's record and the three-way ledger;
the list filters on where government and Kamer disagree and gives the time from vote to afgedaan."""

import datetime
import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Motion, StatusChange
from commitments.record.resolving import resolve_motions
from commitments.services import motion_confirm_done
from kamer.models import Zaak
from letters.models import Letter
from tests.commitments.record.conftest import seed_motion
from tests.commitments.record.kamer_rows import fractie, motie, persoon, vote

pytestmark = pytest.mark.django_db

DECLARED = (
    "afgedaan verklaard in Verzamelbrief brandweer, crisisbeheersing en meldkamers, "
    "Videobellen met de meldkamer, 3 oktober 2025"
)


def text(fragment: str) -> str:
    """As a reader sees it: tags dropped, spaces collapsed, none before a comma or full stop."""
    words = " ".join(re.sub(r"<[^>]+>", " ", fragment).split())
    return html.unescape(re.sub(r" ([,.])", r"\1", words))


def ledger(page: str, motion) -> str:
    card = re.search(rf'<article class="card motion-card" id="motie-{motion.pk}".*?</article>', page, re.S).group()
    return text(re.search(r'<table class="data ledger".*?</table>', card, re.S).group())


def section(page: str, heading_id: str) -> str:
    return text(re.search(rf'<h2 id="{heading_id}">.*?</section>', page, re.S).group())


def test_motion_page_shows_the_zaak_indieners_and_the_vote(voted, policy_client):
    page = policy_client.get(voted.get_absolute_url()).content.decode()

    assert section(page, "kamer-kop") == (
        "Bij de Tweede Kamer "
        "Onderwerp Motie van het lid Wijen-Nass over videobellen met de meldkamer "
        "Nummer 2024Z04020 (bij de Tweede Kamer) "
        "Datum 12 maart 2024 "
        "Indieners Kirsten Wijen-Nass (BBB) Barbara Mutluer (GL-PvdA), medeindiener "
        "Kabinetsappreciatie Oordeel Kamer "
        "Afgedaan volgens de Kamer nee "
        "Gekoppeld via het kamerstuk "
        "Stemming Aangenomen op 19 maart 2024 met 69 stemmen voor en 24 tegen (met handopsteken). "
        "Fractie Zetels Stem PVV 37 Voor GL-PvdA 25 Voor BBB 7 Voor VVD 24 Tegen"
    )
    assert 'href="https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2024Z04020"' in page
    assert "Koppeling met de zaak ongedaan maken" not in page  # policy staff read, clerks link


def test_ledger_sets_government_kamer_and_griffie_side_by_side(voted, clerk, policy_client):
    before = ledger(policy_client.get(voted.get_absolute_url()).content.decode(), voted)
    motion_confirm_done(motion=voted, user=clerk, note="Videobellen is landelijk mogelijk.")
    StatusChange.objects.update(at=datetime.datetime(2025, 10, 6, 10, 0, tzinfo=datetime.UTC))

    after = ledger(policy_client.get(voted.get_absolute_url()).content.decode(), voted)

    assert before == f"Regering {DECLARED} Kamer niet afgedaan (zaak 2024Z04020) Griffie open, nog geen besluit"
    assert after == (
        f"Regering {DECLARED} Kamer niet afgedaan (zaak 2024Z04020) "
        "Griffie afgedaan — afgedaan door griffie op 6 okt. 2025: “Videobellen is landelijk mogelijk.”"
    )


def test_ledger_hides_who_and_why_from_a_reader_without_the_audit_trail(voted, clerk, client, settings):
    settings.TKD_PUBLIC_READ = True
    motion_confirm_done(motion=voted, user=clerk, note="interne notitie")
    StatusChange.objects.update(at=datetime.datetime(2025, 10, 6, 10, 0, tzinfo=datetime.UTC))

    page = client.get(voted.get_absolute_url()).content.decode()

    assert ledger(page, voted).endswith("Griffie afgedaan — afgedaan op 6 okt. 2025")
    assert "interne notitie" not in page


def test_queue_shows_the_record_beside_each_declaration(voted, policy_client):
    page = policy_client.get(reverse("motion_queue")).content.decode()

    summary = re.search(r'<p class="meta zaak-summary">.*?</p>', page, re.S).group()
    assert text(summary) == (
        "Zaak 2024Z04020 Motie van het lid Wijen-Nass over videobellen met de meldkamer "
        "Aangenomen: 69 voor, 24 tegen (19 maart 2024)"
    )
    assert ledger(page, voted).startswith(f"Regering {DECLARED} Kamer niet afgedaan (zaak 2024Z04020)")


def test_hoofdelijke_stemming_lists_every_member(seed, policy_client):
    pvv, sp = fractie("PVV", 37), fractie("SP", 5)
    jan, inge, lisa = persoon("Jan", "Dijk", "van"), persoon("Inge", "Dijk", "van"), persoon("Lisa", "Westerveld")
    zaak = motie("2024Z22222", "over borging", dossier=("36600", "VI"), volgnummer=100, indieners=[(jan, pvv)])
    vote(
        zaak,
        day=datetime.date(2024, 4, 2),
        besluit_soort="Stemmen - verworpen",
        members=[(jan, pvv, "Voor"), (inge, sp, "Tegen"), (lisa, sp, "Tegen")],
    )
    resolve_motions()

    page = policy_client.get(seed_motion("van dijk", "100").get_absolute_url()).content.decode()

    assert section(page, "kamer-kop").endswith(
        "Stemming Verworpen op 2 april 2024 met 1 stemmen voor en 2 tegen (hoofdelijk). "
        "Fractie Leden Stem PVV 1 Voor SP 2 Tegen "
        "Hoofdelijke stemming Lid Fractie Stem Jan van Dijk PVV Voor Inge van Dijk SP Tegen Lisa Westerveld SP Tegen"
    )


def listed(client, **query) -> list[str]:
    page = client.get(reverse("motion_list"), query).content.decode()
    return re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', page)


def test_filter_government_says_done_kamer_does_not_and_the_reverse(voted, policy_client):
    done_by_kamer = motie("2024Z33333", "Mutluer", dossier=("29517", ""), volgnummer=257, afgedaan=True)
    resolve_motions()

    assert listed(policy_client, ledger="regering-niet-kamer") == ["Motie Wijen-Nass (29 628, nr. 1272)"]
    assert listed(policy_client, ledger="kamer-niet-regering") == []
    Zaak.objects.filter(pk=done_by_kamer.pk).update(afgedaan=True)
    Motion.objects.filter(zaak=done_by_kamer.guid).update(declared_in=None)
    assert listed(policy_client, ledger="Kamer zegt afgedaan, regering niet") == ["Motie Mutluer (29 517, nr. 257)"]
    Zaak.objects.filter(number="2024Z04020").update(afgedaan=True)
    assert listed(policy_client, ledger="regering-niet-kamer") == []


def test_filter_works_in_the_export_and_the_api(voted, policy_client):
    exported = policy_client.get(reverse("motion_export", args=["json"]), {"ledger": "regering-niet-kamer"})
    api = policy_client.get("/api/motions/", {"ledger": "regering-niet-kamer"}).json()
    wrong = policy_client.get("/api/motions/", {"ledger": "misschien"})

    assert [row["kamerstuk"] for row in json.loads(b"".join(exported.streaming_content))] == ["29628-1272"]
    assert [row["kamerstuk"] for row in api["results"]] == ["29628-1272"]
    assert wrong.status_code == 400


def test_motions_page_gives_the_median_days_from_vote_to_declaration_per_ministry(voted, policy_client):
    page = policy_client.get(reverse("motion_list")).content.decode()

    # Voted 19 March 2024, declared done by the letter of 3 October 2025: 563 days.
    assert section(page, "doorlooptijd-kop") == (
        "Van stemming tot afgedaan Dagen van de stemming in de Kamer tot de brief die de motie afgedaan verklaart "
        "(mediaan), per ministerie Ministerie Mediaan (dagen) Moties Minister van Justitie en Veiligheid 563 1"
    )


def motions_with_record(count: int, letter):
    """`count` motions declared done in `letter`, each with a zaak of two submitters and a vote of two fracties."""
    pvv, sp = fractie("PVV", 37), fractie("SP", 5)
    for index in range(count):
        zaak = motie(
            f"2024Z1000{index}",
            f"motie {index}",
            indieners=[(persoon("Jan", f"Lid{index}"), pvv)],
            medeindieners=[(persoon("Inge", f"Mede{index}"), sp)],
        )
        vote(zaak, day=datetime.date(2024, 3, 19), fracties=[(pvv, "Voor", 37), (sp, "Tegen", 5)])
        Motion.objects.create(
            members=[f"Lid{index}"],
            members_key=f"lid{index}",
            zaak_id=zaak.guid,
            zaak_source="clerk",
            declared_in=letter,
        )


@pytest.mark.parametrize("url_name", ["motion_list", "motion_queue"])
def test_motion_lists_query_the_record_a_fixed_number_of_times(policy_client, url_name):
    letter = Letter.objects.create(identity="brief", title="Voortgang", date=datetime.date(2025, 10, 3))

    def shown(count) -> tuple[int, int]:
        Motion.objects.all().delete()
        motions_with_record(count, letter)
        with CaptureQueriesContext(connection) as captured:
            page = policy_client.get(reverse(url_name)).content.decode()
        return page.count(": 37 voor, 5 tegen"), len(captured)

    (one, queries_for_one), (three, queries_for_three) = shown(1), shown(3)
    assert (one, three) == (1, 3)
    assert queries_for_one == queries_for_three
