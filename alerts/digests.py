"""Sending the digests: one mail per user and period, with every item that waits for it.

The transaction that sends a digest claims its items (row locks, skipping rows another worker
holds), records the Digest, and sends the mail before it commits. A mail server that refuses
raises, the transaction rolls back, and the items wait for the retry or the next digest; a
second worker, or a task run again, finds nothing left to claim.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from alerts.mail import digest_message
from alerts.models import Digest, Frequency, SentItem

TARGETS = (
    "monitor__topic",
    "monitor__dossier",
    "monitor__motion__kamerstuk__dossier",
    "monitor__toezegging",
    "monitor__team",
)


def waiting(frequency: str):
    """Items recorded for monitors of this frequency, not yet sent."""
    return SentItem.objects.filter(digest__isnull=True, monitor__frequency=frequency)


def users_waiting(frequency: str) -> list[int]:
    """Users with an e-mail address and something waiting for a digest of this frequency."""
    return list(
        waiting(frequency)
        .exclude(monitor__user__email="")
        .filter(monitor__user__is_active=True)
        .order_by()
        .values_list("monitor__user_id", flat=True)
        .distinct()
    )


@transaction.atomic
def send_digest(*, user_id: int, frequency: str) -> Digest | None:
    """Send the user's digest of this frequency; None when nothing waits (or another worker has it)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None:
        return None
    items = list(
        waiting(frequency)
        .filter(monitor__user=user)
        .select_related("monitor", *TARGETS)
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("monitor__kind", "monitor__target", "monitor_id", "-happened_at", "id")
    )
    if not items:
        return None
    label = Frequency(frequency).label
    message = digest_message(user=user, items=items, frequency_label=label)
    digest = Digest.objects.create(
        user=user, kind=Digest.Kind.DIGEST, frequency=frequency, subject=message.subject[:200], item_count=len(items)
    )
    SentItem.objects.filter(pk__in=[item.pk for item in items]).update(digest=digest)
    message.send()  # raises when the server refuses: nothing above is kept
    return digest
