"""Celery adapters: beat starts a round of digests per frequency and the daily reminders; each user's
mail is its own task, retried with backoff while the mail server refuses."""

import datetime
import smtplib

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from alerts import collect, digests, reminders

MAIL_ERRORS = (smtplib.SMTPException, OSError)


def _retry(task, exc):
    """Backoff doubling from ALERTS_MAIL_RETRY_SECONDS; after the last try the items still wait
    and the next digest carries them."""
    countdown = settings.ALERTS_MAIL_RETRY_SECONDS * 2**task.request.retries
    return task.retry(exc=exc, countdown=countdown, max_retries=settings.ALERTS_MAIL_RETRIES)


@shared_task
def send_digests(frequency: str):
    collect.collect()
    for user_id in digests.users_waiting(frequency):
        send_user_digest.delay(user_id, frequency)


@shared_task(bind=True)
def send_user_digest(self, user_id: int, frequency: str):
    try:
        digests.send_digest(user_id=user_id, frequency=frequency)
    except MAIL_ERRORS as exc:
        raise _retry(self, exc) from exc


@shared_task
def send_deadline_reminders():
    for user_id in reminders.team_members():
        send_user_reminders.delay(user_id, timezone.localdate().isoformat())


@shared_task(bind=True)
def send_user_reminders(self, user_id: int, today: str):
    try:
        reminders.send_reminders(user_id=user_id, today=datetime.date.fromisoformat(today))
    except MAIL_ERRORS as exc:
        raise _retry(self, exc) from exc
