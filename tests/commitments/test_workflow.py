import datetime
import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Commitment, Motion, MotionMention, StatusChange
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED
from tests.docx_builder import build_docx, footnote_ref, head_table, para, run, text_para, with_replaced_text

pytestmark = pytest.mark.django_db


def add(content=None, filename=SEED.name):
    return import_letter(content=content or SEED.read_bytes(), filename=filename, source=Source.COMMAND)


def motion(member, kamerstuk):
    return Motion.objects.get(members_key=member.lower(), kamerstuk__number=kamerstuk)


def queue_titles(client):
    return re.findall(
        r'class="card-title"><a href="[^"]+">([^<]+)</a>', client.get(reverse("motion_queue")).content.decode()
    )


def decide(client, m, action, note="", **headers):
    return client.post(reverse("motion_action", args=[m.pk, action]), {"note": note}, **headers)


def test_seed_declarations_wait_for_a_clerk_with_their_passage(policy_client):
    add()

    html = policy_client.get(reverse("motion_queue")).content.decode()

    assert queue_titles(policy_client) == [
        "Motie Wijen-Nass (29 628, nr. 1272)",
        "Motie Van Dijk (36 600 VI, nr. 100)",
        "Motie Mutluer (29 517, nr. 257)",
    ]
    assert "Hiermee beschouw ik de motie van het lid Wijen-Nass als afgedaan." in html
    assert "Afgedaan bevestigen" not in html  # policy staff read, they do not decide


def test_only_clerks_may_decide(client, policy_user):
    add()
    wijen = motion("Wijen-Nass", "1272")

    assert decide(client, wijen, "afdoen")["Location"].startswith(reverse("login"))
    client.force_login(policy_user)
    assert decide(client, wijen, "afdoen").status_code == 403
    assert (Motion.objects.get(pk=wijen.pk).status, StatusChange.objects.count()) == ("open", 0)


def test_clerk_confirms_a_declaration_with_an_audit_row(clerk_client, clerk):
    add()
    wijen = motion("Wijen-Nass", "1272")

    response = decide(clerk_client, wijen, "afdoen", "Videobellen is landelijk mogelijk.")

    wijen.refresh_from_db()
    change = StatusChange.objects.get()
    assert response["Location"] == wijen.get_absolute_url()
    assert (wijen.status, wijen.awaiting_review) == ("done", False)
    assert (change.user, change.action, change.from_status, change.to_status, change.note) == (
        clerk,
        "afgedaan",
        "open",
        "done",
        "Videobellen is landelijk mogelijk.",
    )
    assert change.evidence.heading == "Videobellen met de meldkamer"
    assert "Motie Wijen-Nass (29 628, nr. 1272)" not in queue_titles(clerk_client)
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", clerk_client.get(wijen.get_absolute_url()).content.decode()))
    assert "griffie afgedaan open → afgedaan Videobellen is landelijk mogelijk. Videobellen met de meldkamer" in page


def test_htmx_decision_returns_the_updated_card_only(clerk_client):
    add()
    van_dijk = motion("Van Dijk", "100")

    response = decide(clerk_client, van_dijk, "afdoen", HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert html.startswith(f'<article class="card motion-card" id="motie-{van_dijk.pk}"')
    assert '<span class="status status-done">afgedaan</span>' in html and "<html" not in html


def test_rejecting_needs_a_note_and_keeps_the_motion_open(clerk_client):
    add()
    mutluer = motion("Mutluer", "257")

    refused = decide(clerk_client, mutluer, "afwijzen", "", HTTP_HX_REQUEST="true")
    decide(clerk_client, mutluer, "afwijzen", "De motie vraagt om een instituut; dat komt er niet.")

    mutluer.refresh_from_db()
    assert "Geef bij een afwijzing een toelichting." in refused.content.decode()
    assert (mutluer.status, mutluer.awaiting_review) == ("open", False)
    assert list(StatusChange.objects.values_list("action", "from_status", "to_status")) == [
        ("verklaring afgewezen", "open", "open")
    ]


def test_reopen_a_settled_motion(clerk_client):
    add()
    wijen = motion("Wijen-Nass", "1272")
    decide(clerk_client, wijen, "afdoen")

    decide(clerk_client, wijen, "heropenen", "Toch niet uitgevoerd.")

    wijen.refresh_from_db()
    assert wijen.status == "open"
    assert list(StatusChange.objects.order_by("id").values_list("action", "to_status")) == [
        ("afgedaan", "done"),
        ("heropend", "open"),
    ]


def test_decisions_survive_a_new_version_of_the_letter(clerk_client):
    add()
    wijen, van_dijk = motion("Wijen-Nass", "1272"), motion("Van Dijk", "100")
    decide(clerk_client, wijen, "afdoen")
    decide(clerk_client, van_dijk, "afwijzen", "Nog geen voorstellen ontvangen.")
    commitment = Commitment.objects.get(text__startswith="Via de jaarlijkse voortgangsbrief")
    clerk_client.post(reverse("commitment_action", args=[commitment.pk]), {"status": "fulfilled", "note": "ok"})

    second = add(
        with_replaced_text(SEED.read_bytes(), "Borging", "Borging en vervolg"), "verzamelbrief-2025D43420-v2.docx"
    )

    assert second.version.number == 2
    assert (Motion.objects.get(pk=wijen.pk).status, Motion.objects.get(pk=van_dijk.pk).awaiting_review) == (
        "done",
        False,
    )
    assert Motion.objects.count() == 6
    assert queue_titles(clerk_client) == ["Motie Mutluer (29 517, nr. 257)"]
    assert Commitment.objects.get(pk=commitment.pk).status == "fulfilled"
    assert Commitment.objects.count() == 5
    assert MotionMention.objects.filter(motion=wijen).count() == 2  # one per version


def test_a_new_letter_declaring_a_rejected_motion_done_asks_the_clerk_again(clerk_client):
    add()
    van_dijk = motion("Van Dijk", "100")
    decide(clerk_client, van_dijk, "afwijzen", "Nog niet.")
    later = build_docx(
        head_table("1 december 2025", "Borging aanpak geweld"),
        para(run("Hiermee beschouw ik de motie Van Dijk c.s."), footnote_ref(1), run(" als afgedaan.")),
        footnotes={1: "Kamerstukken II 2024/25, 36 600 VI, nr. 100"},
    )

    add(later, "borging.docx")

    assert "Motie Van Dijk (36 600 VI, nr. 100)" in queue_titles(clerk_client)


def test_commitment_status_change_is_audited(clerk_client, clerk):
    add()
    commitment = Commitment.objects.get(text__startswith="In plaats van de door de toelichting")

    response = clerk_client.post(
        reverse("commitment_action", args=[commitment.pk]),
        {"status": "fulfilled", "note": "Dekking staat in de Voorjaarsnota."},
        HTTP_HX_REQUEST="true",
    )

    commitment.refresh_from_db()
    change = commitment.history.get()
    assert commitment.status == "fulfilled"
    assert list(commitment.fulfilled_by.values_list("heading", flat=True)) == [
        "Dekking amendement 36725-VI, nr. 16 inzake uitvoering regeling PTSS brandweerlieden"
    ]
    assert (change.user, change.from_status, change.to_status) == (clerk, "open", "fulfilled")
    assert '<span class="status status-fulfilled">nagekomen</span>' in response.content.decode()


def test_policy_staff_cannot_change_commitments(policy_client):
    add()
    commitment = Commitment.objects.first()

    assert (
        policy_client.post(reverse("commitment_action", args=[commitment.pk]), {"status": "lapsed"}).status_code == 403
    )
    assert Commitment.objects.get(pk=commitment.pk).status == "open"


def test_decisions_need_the_csrf_token(clerk):
    add()
    wijen = motion("Wijen-Nass", "1272")
    client = Client(enforce_csrf_checks=True)
    client.force_login(clerk)

    response = decide(client, wijen, "afdoen", "Videobellen kan nu overal.")

    assert response.status_code == 403
    assert "<h1>Dit formulier is verlopen</h1>" in response.content.decode()
    refused = Motion.objects.get(pk=wijen.pk)
    assert (refused.status, refused.declaration_reviewed, StatusChange.objects.count()) == ("open", False, 0)
    # The same decision with the form's token is made: the 403 above was the token's.
    client.get(reverse("motion_queue"))
    decide(client, wijen, "afdoen", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert (Motion.objects.get(pk=wijen.pk).status, StatusChange.objects.count()) == ("done", 1)


def test_overdue_is_derived_from_the_due_date(policy_client):
    add()
    Commitment.objects.filter(text__startswith="In plaats van").update(due=datetime.date(2020, 1, 1))

    overdue = policy_client.get(reverse("commitment_list"), {"overdue": "true"}).content.decode()

    assert overdue.count('class="card commitment-card"') == 1 and "over tijd" in overdue


def test_motion_filters_and_exports(policy_client):
    add()

    by_member = policy_client.get(reverse("motion_list"), {"member": "dijk"}).content.decode()
    by_dossier = json.loads(
        b"".join(policy_client.get(reverse("motion_export", args=["json"]), {"dossier": "29517"}).streaming_content)
    )
    api = policy_client.get(reverse("api_motions"), {"awaiting": "true"}).json()

    assert by_member.count('class="card motion-card"') == 2
    assert sorted(row["kamerstuk"] for row in by_dossier) == ["29517-257", "29517-258", "29517-260"]
    assert (api["count"], {row["kamerstuk"] for row in api["results"]}) == (
        3,
        {"29628-1272", "36600-VI-100", "29517-257"},
    )


def test_commitment_api_and_csv(policy_client):
    add()

    api = policy_client.get(reverse("api_commitments"), {"kind": "prior"}).json()
    csv_text = b"".join(policy_client.get(reverse("commitment_export", args=["csv"])).streaming_content).decode(
        "utf-8-sig"
    )

    assert [r["text"] for r in api["results"]] == [
        "Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota."
    ]
    assert csv_text.splitlines()[0] == (
        "id,tekst,soort,uiterlijk,status,over tijd,brief-id,brief,datum brief,"
        "status gewijzigd op,status gewijzigd door,toelichting,link"
    )
    assert len(csv_text.splitlines()) == 6


def more_motions(start, count):
    for index in range(start, start + count):
        content = build_docx(
            head_table(f"{index + 1} juni 2025", f"Brief {index}"),
            text_para(f"Hiermee beschouw ik de motie van het lid Lid{chr(65 + index)} als afgedaan."),
            text_para("Ik zal uw Kamer voor de zomer van 2026 informeren."),
        )
        add(content, f"{index}.docx")


@pytest.mark.parametrize("name", ["motion_list", "motion_queue", "commitment_list", "api_motions", "api_commitments"])
def test_list_query_count_does_not_grow(clerk_client, name):
    more_motions(0, 1)
    with CaptureQueriesContext(connection) as one:
        assert clerk_client.get(reverse(name)).status_code == 200
    more_motions(1, 3)

    with CaptureQueriesContext(connection) as four:
        clerk_client.get(reverse(name))

    assert Motion.objects.awaiting_review().count() == 4
    assert len(four) == len(one)
