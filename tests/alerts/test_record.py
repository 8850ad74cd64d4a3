"""Monitors of the Kamer's record: votes on a followed motion, a followed toezegging, a ministerie's new
toezeggingen, and the team's deadlines ("termijn verstreken op 1 juni 2026")."""

import datetime

import pytest
from django.utils import timezone

from alerts import collect, services
from alerts.find_record import decision_reason
from alerts.models import SentItem
from commitments.models import Motion
from kamer.models import Besluit, Toezegging, Zaak
from kamer.models.zaken import BesluitZaak
from tests.alerts.helpers import follower, import_seed
from tkdossiers.roles import CLERKS

pytestmark = pytest.mark.django_db


def reasons():
    return sorted(SentItem.objects.values_list("reason", flat=True))


@pytest.mark.parametrize(
    ("soort", "reason"),
    [
        ("Stemmen - aangenomen", "motie aangenomen"),
        ("Stemmen - verworpen", "motie verworpen"),
        ("Aangehouden (tijdens de vergadering)", "motie aangehouden"),
        ("Ingediend", "besluit: Ingediend"),
    ],
)
def test_a_decision_in_words(soort, reason):
    assert decision_reason(soort) == reason


def test_a_followed_motion_that_is_voted_on():
    import_seed(1)
    motion = Motion.objects.order_by("pk").first()
    Zaak.objects.create(guid="zaak-1", number="2024Z00001", soort="Motie")
    Motion.objects.filter(pk=motion.pk).update(zaak_id="zaak-1")
    services.follow(user=follower(), kind="motion", frequency="daily", motion=Motion.objects.get(pk=motion.pk))
    Besluit.objects.create(guid="besluit-1", besluit_soort="Stemmen - aangenomen")
    BesluitZaak.objects.create(besluit_id="besluit-1", zaak_id="zaak-1")

    collect.collect()

    assert list(SentItem.objects.values_list("key", "reason")) == [("besluit:besluit-1", "motie aangenomen")]


def test_a_followed_toezegging_fulfilled_and_a_ministeries_new_one():
    user = follower()
    old = Toezegging.objects.create(guid="tz-1", number="TZ1", text="Brief", status="Openstaand", ministerie="JenV")
    services.follow(user=user, kind="toezegging", frequency="daily", toezegging=old)
    services.follow(user=user, kind="ministerie", frequency="daily", ministerie="jenv")
    Toezegging.objects.filter(pk=old.pk).update(status="Voldaan", updated_at=timezone.now())
    Toezegging.objects.create(
        guid="tz-2",
        number="TZ2",
        text="Nog een brief",
        status="Openstaand",
        ministerie="JenV",
        created_on=timezone.now(),
    )

    collect.collect()

    assert reasons() == ["nieuwe toezegging van JenV", "toezegging voldaan"]


def test_the_teams_deadlines_that_passed():
    import_seed(1)
    clerk = follower("griffie", CLERKS)
    services.follow(user=clerk, kind="team_due", frequency="weekly", team=clerk.groups.get())

    collect.collect(now=datetime.datetime(2026, 6, 2, 9, tzinfo=datetime.UTC))

    assert reasons() == ["termijn verstreken op 1 juni 2026"]


def test_who_left_the_team_gets_no_more_of_its_deadlines():
    import_seed(1)
    clerk = follower("griffie", CLERKS)
    services.follow(user=clerk, kind="team_due", frequency="weekly", team=clerk.groups.get())
    clerk.groups.clear()

    collect.collect(now=datetime.datetime(2026, 6, 2, 9, tzinfo=datetime.UTC))

    assert reasons() == []


def register_entry(guid, *, ministerie="JenV", status="Openstaand", made=None) -> Toezegging:
    return Toezegging.objects.create(
        guid=guid,
        number=f"TZ2025-{guid}",
        text=f"Een brief ({guid})",
        status=status,
        ministerie=ministerie,
        created_on=made or timezone.now(),
    )


def test_a_saved_search_of_the_register_sends_what_arrived_in_it_that_matches():
    register_entry("oud", made=timezone.now() - datetime.timedelta(days=30))  # before the monitor
    register_entry("ander", ministerie="Financiën", made=timezone.now() - datetime.timedelta(days=30))
    monitor, _ = services.follow(
        user=follower(), kind="search", frequency="daily", listing="toezegging", query="ministerie=JenV"
    )
    register_entry("nieuw")
    register_entry("elders", ministerie="Financiën")  # new, but not what the search filters
    Toezegging.objects.filter(guid="oud").update(status="Voldaan", updated_at=timezone.now())  # changed, not new

    collect.collect()
    collect.collect()  # a second run finds nothing new

    assert list(SentItem.objects.values_list("monitor", "key", "title", "url", "reason")) == [
        (
            monitor.pk,
            "toezegging:nieuw",
            "TZ2025-nieuw: Een brief (nieuw)",
            "/toezeggingenregister/TZ2025-nieuw/",
            "nieuwe toezegging in uw zoekopdracht in toezeggingenregister",
        )
    ]
