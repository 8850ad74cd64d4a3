"""The dossier page (letters/web/dossier_views.py): its title, its motions and commitments (the
analyser's dossier_items, commitments/dossiers.py), each citing passage once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.dossiers import in_dossier
from commitments.models import Commitment, Motion
from letters.models import Section
from tests.docx_builder import build_docx, footnote_ref, head_table, para, run, text_para
from tests.letters.imported import add, citing_letters
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    """The text of the page's main part."""
    html = response.content.decode()
    html = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def section(response, heading_id) -> str:
    """The text of the page's <section> whose heading has this id."""
    html = response.content.decode()
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


def three_dossier_letter():
    """A verzamelbrief with one promise per subject, each citing its own dossier."""
    subjects = [
        ("Meldkamers", "Ik zal uw Kamer voor de zomer informeren over de meldkamers.", "29 517, nr. 264"),
        ("Brandweer", "Ik zal uw Kamer in het najaar informeren over de brandweer.", "36 600 VI, nr. 100"),
        (
            "Crisisbeheersing",
            "Ik zal uw Kamer voor 1 maart 2026 informeren over de crisisbeheersing.",
            "30 821, nr. 220",
        ),
    ]
    body = [head_table("3 oktober 2025", "Verzamelbrief veiligheid")]
    for number, (heading, promise, _) in enumerate(subjects, 1):
        body += [text_para(heading, bold=True), para(run(promise), footnote_ref(number))]
    body += [text_para("De Minister van Justitie en Veiligheid,"), text_para("A.B. Minister")]
    footnotes = {n: f"Kamerstukken II 2024/25, {kamerstuk}" for n, (_, _, kamerstuk) in enumerate(subjects, 1)}
    return add(build_docx(*body, footnotes=footnotes), "verzamelbrief.docx")


def test_dossier_page_title_is_the_kamer_record_title_else_the_number(policy_client, seed_letter):
    untitled = policy_client.get(reverse("dossier_detail", args=["29517"]))
    Dossier.objects.filter(number="29517").update(title="Stroomlijning meldkamers")  # as the Kamer's sync sets it

    titled = policy_client.get(reverse("dossier_detail", args=["29517"]))

    assert re.findall(r"<h1>([^<]+)</h1>", untitled.content.decode()) == ["Dossier 29 517"]
    assert re.findall(r"<h1>([^<]+)</h1>", titled.content.decode()) == ["Stroomlijning meldkamers"]
    assert text_of(titled).startswith("Kamerstukdossier 29 517 Stroomlijning meldkamers")
    assert "<title>Stroomlijning meldkamers (29 517) · TK Dossiers</title>" in titled.content.decode()


def test_dossier_page_lists_its_motions_open_first_with_status(policy_client, seed_letter):
    done = Motion.objects.get(kamerstuk__number="260")
    done.status = Motion.Status.DONE
    done.save()

    motions = section(policy_client.get(reverse("dossier_detail", args=["29517"])), "paneel-1-kop")

    assert motions == (
        "Moties (3) "
        "open wacht op griffie Motie Mutluer (29 517, nr. 257) "
        "open Motie Mutluer (29 517, nr. 258) "
        "afgedaan Motie Michon-Derkzen (29 517, nr. 260) "
        "Alle moties van dit dossier"
    )


def test_dossier_page_lists_the_commitments_its_passages_make(policy_client, seed_letter):
    commitments = section(policy_client.get(reverse("dossier_detail", args=["29517"])), "paneel-2-kop")

    letter = "Verzamelbrief brandweer, crisisbeheersing en meldkamers , 3 oktober 2025"
    assert commitments == (
        "Toezeggingen (3) "
        "open Concrete informatie over hoe en wanneer het besluit van 29 februari 2024 tot uitfasering met maatwerk "
        "voor hoog risico’s wordt uitgevoerd, volgt wanneer er meer duidelijkheid is over de invulling van… "
        f"nieuw {letter} "
        "open Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota. "
        f"eerder gedaan {letter} "
        "open Conform de motie van het lid Michon-Derkzen wordt uw Kamer gedurende de pilotperiode geïnformeerd "
        f"over de voortgang. nieuw {letter} "
        "Alle toezeggingen van dit dossier"
    )


def test_commitments_of_a_dossier_are_those_their_own_passage_ties_to_it(seed_letter):
    three_dossier_letter()

    def texts(dossier):
        return sorted(Commitment.objects.filter(in_dossier(dossier)).values_list("text", flat=True))

    assert texts(("36600", "VI")) == ["Ik zal uw Kamer in het najaar informeren over de brandweer."]
    assert texts(("30821", None)) == ["Ik zal uw Kamer voor 1 maart 2026 informeren over de crisisbeheersing."]
    assert texts(("29517", None)) == [
        "Concrete informatie over hoe en wanneer het besluit van 29 februari 2024 tot uitfasering met maatwerk voor "
        "hoog risico’s wordt uitgevoerd, volgt wanneer er meer duidelijkheid is over de invulling van een "
        "redundante en robuuste waarschuwingsketen (waaronder alerteringsmiddelen), inclusief duidelijkheid over de "
        "financiering hiervoor.",
        "Conform de motie van het lid Michon-Derkzen wordt uw Kamer gedurende de pilotperiode geïnformeerd over "
        "de voortgang.",
        "Ik zal uw Kamer voor de zomer informeren over de meldkamers.",
        "Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota.",
    ]


def test_dossier_page_lists_a_passage_once_with_its_citations(policy_client, seed_letter):
    passages = section(policy_client.get(reverse("dossier_detail", args=["29517"])), "passages-kop")

    assert passages.count("Waarschuwings- en Alarmeringssysteem") == 1
    assert (
        "Waarschuwings- en Alarmeringssysteem Verzamelbrief brandweer, crisisbeheersing en meldkamers "
        "3 oktober 2025 3 verwijzingen "
        "Voetnoot 33: Kamerstukken II, 2023/24, 29517, nr. 252 → 29 517, nr. 252 "
        "Voetnoot 34: Kamerstukken II, 2024/25, 29517, nr. 264 → 29 517, nr. 264 "
        "Voetnoot 35: Kamerstukken II, 2023/24, 29517, nr. 252 → 29 517, nr. 252"
    ) in passages
    assert re.findall(r"(\d+) verwijzing", passages) == ["1", "1", "4", "1", "1", "1", "1", "3"]  # 13 citations


def add_motion_and_commitment(index):
    kamerstuk = Kamerstuk.objects.get(dossier__number="29517", number="250")
    made_in = Section.objects.filter(version__letter__title=f"Brief {index}", version__is_current=True).last()
    motion = Motion.objects.create(
        kamerstuk=Kamerstuk.objects.create(dossier=kamerstuk.dossier, number=str(300 + index))
    )
    commitment = Commitment.objects.create(
        key=f"k{index}", letter=made_in.version.letter, made_in=made_in, text=f"Toezegging {index}", kind="new"
    )
    return motion, commitment


def test_dossier_page_motions_and_commitments_take_the_same_queries_for_one_or_three(policy_client):
    citing_letters(0, 1)
    add_motion_and_commitment(0)
    with CaptureQueriesContext(connection) as one:
        policy_client.get(reverse("dossier_detail", args=["29517"]))
    citing_letters(1, 2)
    add_motion_and_commitment(1), add_motion_and_commitment(2)

    with CaptureQueriesContext(connection) as three:
        response = policy_client.get(reverse("dossier_detail", args=["29517"]))

    assert "Moties (3)" in text_of(response) and "Toezeggingen (3)" in text_of(response)
    assert len(three) == len(one)
