"""Record, for every monitor, what is new: the items a digest will send (alerts.digests).

Runs before each round of digests, and is safe to run twice or in two workers at once: an
item is recorded once per monitor (the unique (monitor, key) of SentItem; a second insert is
skipped), so running again only finds what was not there yet.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from alerts.changes import changed_passages
from alerts.find_passages import Passages, find_dossiers, find_searches, find_topics
from alerts.find_record import find_motions, find_team_deadlines, find_toezeggingen
from alerts.found import Found
from alerts.models import SentItem

logger = logging.getLogger(__name__)
CURSOR = "alerts:collected-until"
# Looked at again in every run: a version imported by a transaction that committed late.
OVERLAP = datetime.timedelta(hours=1)
BATCH = 2000


def collect(*, now: datetime.datetime | None = None) -> int:
    """Record what is new since the last run (at most ALERTS_LOOKBACK_DAYS back); returns how many
    items were found (those recorded before are skipped)."""
    now = now or timezone.now()
    since = _since(now)
    changed = changed_passages(since)
    passages = Passages(changed)
    found: list[Found] = [
        *find_topics(passages),
        *find_dossiers(passages),
        *find_searches(passages, since),
        *find_motions(changed, since),
        *find_toezeggingen(since, timezone.localdate(now)),
        *find_team_deadlines(timezone.localdate(now)),
    ]
    store(found)
    cache.set(CURSOR, now.isoformat(), timeout=None)
    logger.info("alerts: %d passages changed since %s, %d items found", len(changed), since, len(found))
    return len(found)


def _since(now: datetime.datetime) -> datetime.datetime:
    earliest = now - datetime.timedelta(days=settings.ALERTS_LOOKBACK_DAYS)
    last = cache.get(CURSOR)
    if not last:
        return earliest
    return max(earliest, datetime.datetime.fromisoformat(last) - OVERLAP)


def store(found: list[Found]) -> None:
    """Insert the items not recorded yet."""
    rows = [
        SentItem(
            monitor_id=item.monitor_id,
            key=item.key[:200],
            title=item.title,
            snippet=item.snippet,
            url=item.url[:500],
            reason=item.reason[:300],
            happened_at=item.happened_at,
        )
        for item in found
    ]
    SentItem.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
