"""/api/motions/<id>/: a motion with its zaak, indieners, vote and ledger, as JSON (commitments.api)."""

import datetime

import pytest
from django.test import Client

from commitments.models import StatusChange
from commitments.services import motion_confirm_done

pytestmark = pytest.mark.django_db

SEED_URL = "http://testserver/brieven/{letter}/?sectie={position}#{anchor}"


def test_motion_detail_gives_the_record_and_the_ledger(voted, clerk, policy_client):
    motion_confirm_done(motion=voted, user=clerk, note="Videobellen is landelijk mogelijk.")
    StatusChange.objects.update(at=datetime.datetime(2025, 10, 6, 10, 0, tzinfo=datetime.UTC))
    passage = voted.mentions.get(declares_done=True).section

    answer = policy_client.get(f"/api/motions/{voted.pk}/")

    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {
        "id": voted.pk,
        "members": "Wijen-Nass",
        "kamerstuk": "29628-1272",
        "status": "done",
        "awaiting_review": False,
        "declared_in": "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
        "official_url": "https://zoek.officielebekendmakingen.nl/kst-29628-1272.html",
        "url": f"http://testserver/moties/{voted.pk}/",
        "zaak": {
            "nummer": "2024Z04020",
            "onderwerp": "Motie van het lid Wijen-Nass over videobellen met de meldkamer",
            "afgedaan": False,
            "kabinetsappreciatie": "Oordeel Kamer",
            "url": "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2024Z04020",
        },
        "indieners": [
            {"naam": "Kirsten Wijen-Nass", "fractie": "BBB", "relatie": "Indiener"},
            {"naam": "Barbara Mutluer", "fractie": "GL-PvdA", "relatie": "Medeindiener"},
        ],
        "stemming": {
            "uitslag": "aangenomen",
            "besluit": "Stemmen - aangenomen",
            "datum": "2024-03-19",
            "voor": 69,
            "tegen": 24,
            "per_fractie": [
                {"fractie": "PVV", "zetels": 37, "soort": "Voor"},
                {"fractie": "GL-PvdA", "zetels": 25, "soort": "Voor"},
                {"fractie": "BBB", "zetels": 7, "soort": "Voor"},
                {"fractie": "VVD", "zetels": 24, "soort": "Tegen"},
            ],
            "hoofdelijk": False,
            "leden": [],
        },
        "ledger": {
            "regering": {
                "afgedaan_verklaard": True,
                "brief": "Verzamelbrief brandweer, crisisbeheersing en meldkamers",
                "brief_url": f"http://testserver/brieven/{voted.declared_in_id}/",
                "passage": "Videobellen met de meldkamer",
                "passage_url": f"http://testserver{passage.version.passage_url(passage)}",
                "datum": "2025-10-03",
            },
            "kamer": {"afgedaan": False, "zaak": "2024Z04020"},
            "griffie": {
                "status": "afgedaan",
                "besluit": "afgedaan",
                "besluit_at": "2025-10-06T12:00:00+02:00",
                "door": "griffie",
                "toelichting": "Videobellen is landelijk mogelijk.",
            },
        },
    }


def test_motion_without_a_zaak_has_no_record_and_the_public_sees_no_names(seed, settings, clerk):
    from tests.commitments.record.conftest import seed_motion

    settings.TKD_PUBLIC_READ = True
    mutluer = seed_motion("mutluer", "258")
    motion_confirm_done(motion=mutluer, user=clerk, note="intern")

    answer = Client().get(f"/api/motions/{mutluer.pk}/").json()

    assert (answer["zaak"], answer["indieners"], answer["stemming"]) == (None, [], None)
    assert answer["ledger"]["kamer"] == {"afgedaan": None, "zaak": None}
    assert answer["ledger"]["regering"] == {
        "afgedaan_verklaard": False,
        "brief": None,
        "brief_url": None,
        "passage": None,
        "passage_url": None,
        "datum": None,
    }
    assert (answer["ledger"]["griffie"]["door"], answer["ledger"]["griffie"]["toelichting"]) == (None, None)


def test_motion_detail_errors_are_json(policy_client, seed):
    missing = policy_client.get("/api/motions/987654/")
    anonymous = Client().get("/api/motions/1/")

    assert (missing.status_code, missing.json()) == (404, {"detail": "Deze motie bestaat niet."})
    assert (anonymous.status_code, anonymous.json()) == (401, {"detail": "Inloggen vereist."})


def test_motion_detail_matches_its_documented_schema(voted, policy_client):
    from tests.letters.web.test_openapi import answer_schema, problems

    spec = policy_client.get("/api/openapi.json").json()
    answer = policy_client.get(f"/api/motions/{voted.pk}/").json()

    assert answer["stemming"]["per_fractie"] and answer["zaak"]
    assert problems(answer, answer_schema(spec, "/api/motions/{id}/"), spec["components"]["schemas"]) == []
