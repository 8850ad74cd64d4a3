"""Deadline reminders to the griffie: the day after the due date, then every interval, until marked."""

import datetime

import pytest
from django.core import mail

from alerts import reminders
from alerts.models import Digest
from commitments.models import Commitment
from tests.alerts.helpers import follower, import_seed
from tkdossiers.roles import CLERKS, POLICY_STAFF

pytestmark = pytest.mark.django_db
DUE = datetime.date(2026, 6, 1)  # the seed's commitment "bij de Voorjaarsnota 2026"


@pytest.fixture
def clerk():
    import_seed(1)
    follower("beleid", POLICY_STAFF)  # not in the griffie team: never reminded
    return follower("griffie", CLERKS)


def remind(clerk, day):
    mail.outbox.clear()
    return reminders.send_reminders(user_id=clerk.pk, today=day)


def test_only_the_griffie_team_is_reminded(clerk):
    assert reminders.team_members() == [clerk.pk]


def test_nothing_on_the_due_date_itself(clerk):
    assert remind(clerk, DUE) is None


def test_the_day_after_then_weekly(clerk, settings):
    settings.ALERTS_REMINDER_INTERVAL_DAYS = 7
    first = remind(clerk, DUE + datetime.timedelta(days=1))
    (message,) = mail.outbox

    assert (first.kind, first.item_count, message.subject) == (
        "reminder",
        1,
        "TK Dossiers: 1 termijn verstreken zonder nakoming",
    )
    assert "termijn verstreken op 1 juni 2026: In plaats van de door de toelichting" in message.body
    assert remind(clerk, DUE + datetime.timedelta(days=2)) is None
    assert remind(clerk, DUE + datetime.timedelta(days=7)) is None
    assert remind(clerk, DUE + datetime.timedelta(days=8)).item_count == 1


def test_the_cadence_is_a_setting(clerk, settings):
    settings.ALERTS_REMINDER_INTERVAL_DAYS = 2
    remind(clerk, DUE + datetime.timedelta(days=1))

    assert remind(clerk, DUE + datetime.timedelta(days=3)).item_count == 1


def test_marked_fulfilled_it_stops(clerk):
    remind(clerk, DUE + datetime.timedelta(days=1))
    Commitment.objects.filter(due=DUE).update(status=Commitment.Status.FULFILLED)

    assert remind(clerk, DUE + datetime.timedelta(days=8)) is None
    assert Digest.objects.count() == 1


def test_a_new_due_date_starts_again(clerk):
    remind(clerk, DUE + datetime.timedelta(days=1))
    Commitment.objects.filter(due=DUE).update(due=DUE + datetime.timedelta(days=10))

    assert remind(clerk, DUE + datetime.timedelta(days=11)).item_count == 1
