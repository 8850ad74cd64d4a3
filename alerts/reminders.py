"""Deadline reminders for the griffie team: a commitment or toezegging whose due date passed without
a fulfilment is reminded the day after, then every ALERTS_REMINDER_INTERVAL_DAYS, until its status
changes (someone marks it) or its due date does (a new date starts again)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from alerts.found import dutch_date
from alerts.mail import absolute, reminder_message
from alerts.models import Digest, Reminder
from commitments.models import Commitment
from commitments.register.rows import toezegging_url
from kamer.models import Toezegging


@dataclass(frozen=True)
class Overdue:
    key: str
    title: str
    url: str
    due: datetime.date
    kind: str  # "toezegging (brief)" or "toezegging (register)"

    @property
    def reason(self) -> str:
        return f"termijn verstreken op {dutch_date(self.due)}"


def overdue(today: datetime.date) -> list[Overdue]:
    """Open commitments and toezeggingen of the register whose due date lies before today."""
    found = [
        Overdue(
            f"commitment:{c.pk}:{c.due.isoformat()}",
            c.text[:200],
            absolute(c.get_absolute_url()),
            c.due,
            "toezegging uit een brief",
        )
        for c in Commitment.objects.overdue(today).order_by("due", "pk")
    ]
    found += [
        Overdue(
            f"toezegging:{t.guid}:{t.due.isoformat()}",
            f"{t.number}: {t.text[:180]}",
            absolute(toezegging_url(t)),
            t.due,
            "toezegging van het register",
        )
        for t in Toezegging.objects.overdue(today).order_by("due", "number")
    ]
    return found


def team_members() -> list[int]:
    return list(
        get_user_model()
        .objects.filter(groups__name=settings.ALERTS_REMINDER_TEAM, is_active=True)
        .exclude(email="")
        .values_list("pk", flat=True)
        .distinct()
    )


def is_due(reminder: Reminder | None, today: datetime.date) -> bool:
    interval = datetime.timedelta(days=settings.ALERTS_REMINDER_INTERVAL_DAYS)
    return reminder is None or today - reminder.last_sent_on >= interval


@transaction.atomic
def send_reminders(*, user_id: int, today: datetime.date) -> Digest | None:
    """Remind one member of what is overdue and due for a reminder; None when nothing is.
    The user's row is locked first, so two runs for one user go one after the other."""
    user = get_user_model().objects.select_for_update(no_key=True).filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return None
    subjects = overdue(today)
    known = {r.key: r for r in Reminder.objects.filter(user=user, key__in=[s.key for s in subjects])}
    due = [subject for subject in subjects if is_due(known.get(subject.key), today)]
    if not due:
        return None
    for subject in due:
        reminder = known.get(subject.key)
        if reminder is None:
            Reminder.objects.create(user=user, key=subject.key, first_sent_on=today, last_sent_on=today)
        else:
            Reminder.objects.filter(pk=reminder.pk).update(last_sent_on=today, times=reminder.times + 1)
    message = reminder_message(user=user, reminders=due)
    digest = Digest.objects.create(
        user=user, kind=Digest.Kind.REMINDER, subject=message.subject[:200], item_count=len(due)
    )
    message.send()
    return digest
