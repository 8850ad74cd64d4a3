"""The register's pages: the list with its filters, a toezegging's page, the clerk's decision on
a suggested match (commitments/register/views.py)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments.models import Commitment, StatusChange, ToezeggingMatch
from commitments.register import services
from kamer.models import Toezegging
from tests.commitments.register.helpers import (
    VIDEOBELLEN,
    VIDEOBELLEN_REGISTERED,
    commitment,
    fractie,
    letter,
    persoon,
    register_synced,
    toezegging,
)

pytestmark = pytest.mark.django_db

PAST, FUTURE = datetime.date(2020, 6, 1), datetime.date(2099, 6, 1)
BZK = "Binnenlandse Zaken en Koninkrijksrelaties"
DEELS_VOLDAAN = Toezegging.Status.DEELS_VOLDAAN


@pytest.fixture
def register():
    vvd, _ = fractie("VVD"), persoon("Ingrid", "Michon-Derkzen")
    return [
        toezegging("TZ202401-001", "Brief over de meldkamer ambulancezorg.", due=PAST, toegezegd_aan_fractie=vvd),
        toezegging(
            "TZ202401-002",
            "Voortgang C2000 voor het zomerreces.",
            due=FUTURE,
            toegezegd_aan_persoon_id="persoon-Michon-Derkzen",
        ),
        toezegging("TZ202401-003", "Evaluatie NL-Alert.", due=PAST, status=Toezegging.Status.VOLDAAN),
        toezegging("TZ202401-004", "Reactie op het rapport over PTSS.", due=PAST, status=DEELS_VOLDAAN),
        toezegging("TZ202401-005", "Wet open overheid.", due=PAST, ministerie=BZK, achternaam="Uitermark"),
        toezegging("TZ202401-006", "Verwijderd.", deleted=True),
    ]


def numbers(client, **query) -> list[str]:
    page = client.get(reverse("toezegging_list"), query).content.decode()
    return re.findall(r'<a href="/toezeggingenregister/(TZ[\d-]+)/">', page)


def test_the_list_shows_every_current_toezegging_newest_first(policy_client, register):
    assert numbers(policy_client) == [f"TZ202401-00{n}" for n in (1, 2, 3, 4, 5)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "Openstaand"}, ["TZ202401-001", "TZ202401-002", "TZ202401-005"]),
        ({"status": "deels voldaan"}, ["TZ202401-004"]),  # the label the page shows
        ({"ministerie": BZK}, ["TZ202401-005"]),
        ({"ministerie": "Justitie en Veiligheid", "status": "Voldaan"}, ["TZ202401-003"]),
        ({"overdue": "ja"}, ["TZ202401-001", "TZ202401-004", "TZ202401-005"]),
        ({"overdue": "nee"}, ["TZ202401-002", "TZ202401-003"]),
        ({"q": "c2000"}, ["TZ202401-002"]),
        ({"q": "TZ202401-003"}, ["TZ202401-003"]),
    ],
)
def test_the_list_filters(policy_client, register, query, expected):
    assert numbers(policy_client, **query) == expected


def test_the_ministerie_filter_is_a_select_of_the_registers_ministeries(policy_client, register):
    page = policy_client.get(reverse("toezegging_list")).content.decode()

    select = re.search(r'<select name="ministerie" id="id_ministerie">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"', select) == ["", BZK, "Justitie en Veiligheid"]


def test_an_unknown_status_is_a_dutch_error_and_no_rows(policy_client, register):
    page = policy_client.get(reverse("toezegging_list"), {"status": "klaar"}).content.decode()

    assert "Onbekende waarde; kies uit openstaand, voldaan, deels voldaan, vervallen." in page
    assert numbers(policy_client, status="klaar") == []


def test_the_dossier_filter_reads_the_kamerbrief_nakoming(policy_client, register):
    Toezegging.objects.filter(number="TZ202401-003").update(kamerbrief_nakoming="Kamerstuk 29 517, nr. 275")
    Toezegging.objects.filter(number="TZ202401-004").update(kamerbrief_nakoming="Kamerstuk 36 600 VI, nr. 52")
    Toezegging.objects.filter(number="TZ202401-005").update(kamerbrief_nakoming="Kamerstuk 295170, nr. 1")

    assert numbers(policy_client, dossier="29517") == ["TZ202401-003"]
    assert numbers(policy_client, dossier="36600-VI") == ["TZ202401-004"]
    assert numbers(policy_client, dossier="36600") == ["TZ202401-004"]


def test_the_list_shows_to_whom_it_was_promised(policy_client, register):
    page = policy_client.get(reverse("toezegging_list")).content.decode()

    assert "toegezegd aan VVD" in page
    assert "toegezegd aan Ingrid Michon-Derkzen" in page
    assert page.count("David van Weel") == 4


def test_the_list_does_not_query_per_row(policy_client):
    vvd = fractie("VVD")
    persoon("Ingrid", "Michon-Derkzen")
    extra = {"toegezegd_aan_fractie_id": vvd.guid, "toegezegd_aan_persoon_id": "persoon-Michon-Derkzen"}
    toezegging("TZ1", "Eén.", **extra)
    with CaptureQueriesContext(connection) as one:
        assert policy_client.get(reverse("toezegging_list")).status_code == 200
    toezegging("TZ2", "Twee.", **extra)
    toezegging("TZ3", "Drie.", **extra)
    with CaptureQueriesContext(connection) as three:
        assert numbers(policy_client) == ["TZ1", "TZ2", "TZ3"]

    assert len(three) == len(one)


def test_the_list_asks_anonymous_readers_to_log_in(client, register):
    response = client.get(reverse("toezegging_list"))

    assert (response.status_code, response["Location"]) == (302, "/inloggen/?next=/toezeggingenregister/")


@pytest.fixture
def suggested():
    toezegging(
        "TZ202503-041",
        VIDEOBELLEN_REGISTERED,
        due=datetime.date(2026, 7, 1),
    )
    found = commitment(letter("Verzamelbrief meldkamers", document_number="2025D43420"), VIDEOBELLEN)
    services.after_sync(register_synced())
    return found


def test_the_toezegging_page_shows_the_register_and_the_suggestion(policy_client, suggested):
    page = policy_client.get(reverse("toezegging_detail", args=["TZ202503-041"])).content.decode()

    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", page))
    assert facts == {
        "Nummer": "TZ202503-041",
        "Status": "Openstaand",
        "Datum nakoming": '<time datetime="2026-07-01">1 juli 2026</time>',
        "Ministerie": "Justitie en Veiligheid",
        "Bewindspersoon": "David van Weel (minister van Justitie en Veiligheid)",
        "Toegezegd aan": "—",
        "Kamerbrief nakoming": "—",
        "Aangemaakt op": "12 maart 2025",
    }
    assert f'<p class="commitment-text">{VIDEOBELLEN}</p>' in page
    assert "dezelfde toezegging · score 96" in page
    assert "Bevestigen" not in page  # policy staff read; clerks decide


def test_an_unknown_number_is_a_404(policy_client):
    assert policy_client.get(reverse("toezegging_detail", args=["TZ000000-000"])).status_code == 404


def test_the_commitment_page_shows_the_register_entry_with_its_score(clerk_client, suggested):
    page = clerk_client.get(suggested.get_absolute_url()).content.decode()

    section = page[page.index('id="register-kop"') :]
    assert '<a href="/toezeggingenregister/TZ202503-041/">Toezegging TZ202503-041</a>' in section
    assert "dezelfde toezegging · score 96" in section
    assert ">Bevestigen</button>" in section and ">Afwijzen</button>" in section


def decide(client, match, decision, **data):
    return client.post(reverse("toezegging_match_decide", args=[match.pk, decision]), data)


def test_a_clerk_accepts_and_the_audit_row_names_the_toezegging(clerk_client, clerk, suggested):
    match = ToezeggingMatch.objects.get()

    response = decide(clerk_client, match, "bevestigen", note="Klopt.", next=suggested.get_absolute_url())

    change = StatusChange.objects.get()
    assert (response.status_code, response["Location"]) == (302, suggested.get_absolute_url())
    assert (ToezeggingMatch.objects.get().state, change.user) == ("accepted", clerk)
    assert change.action == "koppeling bevestigd"
    assert change.note == "Toezegging TZ202503-041 (dezelfde toezegging, score 96): Klopt."


def test_a_clerk_rejects_inline_with_htmx(clerk_client, suggested):
    match = ToezeggingMatch.objects.get()

    response = clerk_client.post(
        reverse("toezegging_match_decide", args=[match.pk, "afwijzen"]),
        {"note": "Andere pilot.", "shown_on": "toezegging"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.startswith(f'\n<article class="card match-card" id="koppeling-{match.pk}">')
    assert 'role="status">Afgewezen door griffie op' in html
    assert ">Bevestigen</button>" in html and ">Afwijzen</button>" not in html
    assert f'<p class="commitment-text">{VIDEOBELLEN}</p>' in html  # shown on the toezegging's page
    assert ToezeggingMatch.objects.get().state == "rejected"


def test_policy_staff_may_not_decide(policy_client, suggested):
    response = decide(policy_client, ToezeggingMatch.objects.get(), "bevestigen")

    assert (response.status_code, ToezeggingMatch.objects.get().state, StatusChange.objects.count()) == (
        403,
        "suggested",
        0,
    )


def test_anonymous_is_sent_to_log_in(client, suggested):
    match = ToezeggingMatch.objects.get()

    response = decide(client, match, "afwijzen", next="/toezeggingenregister/TZ202503-041/")

    assert (response.status_code, response["Location"]) == (
        302,
        "/inloggen/?next=/toezeggingenregister/TZ202503-041/",
    )
    assert ToezeggingMatch.objects.get().state == "suggested"


def test_a_decision_needs_a_post(clerk_client, suggested):
    response = clerk_client.get(reverse("toezegging_match_decide", args=[ToezeggingMatch.objects.get().pk, "afwijzen"]))

    assert (response.status_code, ToezeggingMatch.objects.get().state) == (405, "suggested")


def test_deciding_twice_comes_back_with_the_reason(clerk_client, suggested):
    match = ToezeggingMatch.objects.get()
    decide(clerk_client, match, "bevestigen")

    response = decide(clerk_client, match, "bevestigen", next=suggested.get_absolute_url())

    page = clerk_client.get(response["Location"]).content.decode()
    assert "Deze koppeling is al bevestigd." in page
    assert StatusChange.objects.count() == 1


def test_a_decision_does_not_redirect_off_site(clerk_client, suggested):
    response = decide(clerk_client, ToezeggingMatch.objects.get(), "afwijzen", next="https://elders.example/")

    assert response["Location"] == suggested.get_absolute_url()


def test_commitment_kinds_are_unchanged_by_a_decision(clerk_client, suggested):
    before = Commitment.objects.values_list("kind", "status").get()

    response = decide(clerk_client, ToezeggingMatch.objects.get(), "bevestigen")

    # The decision was made (a refused one would leave the commitment as it was just the same) ...
    assert (response.status_code, ToezeggingMatch.objects.get().state, StatusChange.objects.count()) == (
        302,
        "accepted",
        1,
    )
    # ... and it is a decision on the match: the commitment keeps its kind and stays open.
    assert Commitment.objects.values_list("kind", "status").get() == before == ("new", "open")


def test_the_kamerbrief_nakoming_links_to_our_letter(policy_client):
    brief = letter("Verzamelbrief brandweer, crisisbeheersing en meldkamers", document_number="2025D43420")
    toezegging("TZ202503-118", "Kabinetsreactie op de initiatiefnota.", kamerbrief_nakoming="2025D43420")

    page = policy_client.get(reverse("toezegging_detail", args=["TZ202503-118"])).content.decode()

    facts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(.*?)</dd>", page))
    assert facts["Kamerbrief nakoming"] == (
        f'2025D43420 · <a href="/brieven/{brief.pk}/">Verzamelbrief brandweer, crisisbeheersing en meldkamers</a>'
    )


def test_a_nummer_with_a_slash_from_the_kamer_still_has_its_page_list_row_and_api(policy_client):
    toezegging("TZ2024/01", "Een nummer zoals de Kamer het ook kan schrijven.")

    page = policy_client.get("/toezeggingenregister/TZ2024/01/")
    listed = policy_client.get(reverse("toezegging_list")).content.decode()
    api = policy_client.get("/api/toezeggingen/TZ2024/01/").json()

    assert (page.status_code, page.context["toezegging"].number) == (200, "TZ2024/01")
    assert 'href="/toezeggingenregister/TZ2024/01/"' in listed
    assert api["number"] == "TZ2024/01"
