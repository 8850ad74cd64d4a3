"""Writes: following, how often, unfollowing, and renewing the secret addresses of the feeds.

A monitor is the user's own setting; the Digest rows record what was sent for it."""

from django.contrib.auth import get_user_model
from django.db import transaction

from alerts.feed_tokens import hash_of, new_token
from alerts.models import FeedToken, Monitor

Kind = Monitor.Kind


def target_of(
    *, kind, topic=None, dossier=None, motion=None, toezegging=None, ministerie="", listing="", query="", team=None
) -> str:
    """The key that makes one monitor per user and thing followed."""
    return {
        Kind.TOPIC: lambda: f"topic:{topic.pk}",
        Kind.DOSSIER: lambda: f"dossier:{dossier.pk}",
        Kind.MOTION: lambda: f"motion:{motion.pk}",
        Kind.TOEZEGGING: lambda: f"toezegging:{toezegging.guid}",
        Kind.MINISTERIE: lambda: f"ministerie:{ministerie.strip().lower()}",
        Kind.SEARCH: lambda: f"search:{listing}:{query}",
        Kind.TEAM_DUE: lambda: f"team:{team.pk}",
    }[kind]()[:600]


@transaction.atomic
def follow(*, user, kind: str, frequency: str, **target) -> tuple[Monitor, bool]:
    """Follow a thing (or set how often, when the user already follows it); True when new.
    The user's row is locked first: a double click makes one monitor, not an IntegrityError."""
    get_user_model().objects.select_for_update(no_key=True).get(pk=user.pk)
    key = target_of(kind=kind, **target)
    monitor = Monitor.objects.filter(user=user, target=key).first()
    if monitor:
        monitor.frequency = frequency
        monitor.full_clean()
        monitor.save(update_fields=["frequency"])
        return monitor, False
    fields = {name: value for name, value in target.items() if value not in (None, "")}
    if "toezegging" in fields:
        fields["toezegging_id"] = fields.pop("toezegging").guid
    monitor = Monitor(user=user, kind=kind, frequency=frequency, target=key, **fields)
    monitor.full_clean(exclude=["toezegging"])  # a reference by GUID: the register entry may follow later
    monitor.save()
    return monitor, True


@transaction.atomic
def set_frequency(*, monitor: Monitor, frequency: str) -> Monitor:
    monitor.frequency = frequency
    monitor.full_clean(exclude=["toezegging"])
    monitor.save(update_fields=["frequency"])
    return monitor


@transaction.atomic
def unfollow(*, monitor: Monitor) -> None:
    """Stop a monitor; what was sent for it goes with it (the Digest rows stay)."""
    monitor.delete()


@transaction.atomic
def renew_feed_token(*, user) -> str:
    """A new secret address for the user's calendar; the old one stops working at once. Returns
    the token, which is kept nowhere: the caller shows it once."""
    token = new_token()
    FeedToken.objects.update_or_create(user=user, defaults={"token_hash": hash_of(token)})
    return token


@transaction.atomic
def renew_monitor_feed_token(*, monitor: Monitor) -> str:
    """A new secret address for one monitor's Atom feed (the old one stops working); as above."""
    token = new_token()
    monitor.feed_token_hash = hash_of(token)
    monitor.full_clean(exclude=["toezegging"])
    monitor.save(update_fields=["feed_token_hash"])
    return token
