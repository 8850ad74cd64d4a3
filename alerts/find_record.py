"""Finders in the Kamer's record and the commitments: votes on followed motions, followed
toezeggingen, a ministerie's new toezeggingen, and the deadlines of the user's team."""

import datetime

from django.db.models import F

from alerts.changes import ChangedPassage
from alerts.found import Found, dutch_date
from alerts.models import Monitor
from commitments.models import Commitment, MotionMention
from commitments.register.rows import toezegging_url
from kamer.models import Toezegging
from kamer.models.zaken import BesluitZaak

DECISIONS = (
    ("aangenomen", "motie aangenomen"),
    ("verworpen", "motie verworpen"),
    ("aangehouden", "motie aangehouden"),
    ("ingetrokken", "motie ingetrokken"),
)
MET = {
    Toezegging.Status.VOLDAAN: "toezegging voldaan",
    Toezegging.Status.DEELS_VOLDAAN: "toezegging deels voldaan",
    Toezegging.Status.VERVALLEN: "toezegging vervallen",
}


def decision_reason(besluit_soort: str) -> str:
    """ "Stemmen - aangenomen" -> "motie aangenomen"; another decision by its own words."""
    lowered = besluit_soort.lower()
    for word, reason in DECISIONS:
        if word in lowered:
            return reason
    return f"besluit: {besluit_soort}"


def find_motions(changed: list[ChangedPassage], since: datetime.datetime) -> list[Found]:
    monitors = list(Monitor.objects.filter(kind=Monitor.Kind.MOTION).select_related("motion__kamerstuk__dossier"))
    if not monitors:
        return []
    by_zaak = {}
    for monitor in monitors:
        if monitor.motion.zaak_id:
            by_zaak.setdefault(monitor.motion.zaak_id, []).append(monitor)
    found = []
    links = BesluitZaak.objects.filter(zaak_id__in=by_zaak, besluit__updated_at__gte=since, besluit__deleted=False)
    for zaak, guid, soort, at in links.values_list(
        "zaak_id", "besluit_id", "besluit__besluit_soort", "besluit__updated_at"
    ):
        for monitor in by_zaak[zaak]:
            if soort and at > monitor.created_at:
                found.append(
                    Found(
                        monitor.pk,
                        f"besluit:{guid}",
                        str(monitor.motion),
                        monitor.motion.get_absolute_url(),
                        decision_reason(soort),
                        at,
                    )
                )
    return found + _mentions(monitors, changed)


def _mentions(monitors, changed) -> list[Found]:
    times = {passage.section_id: passage.imported_at for passage in changed}
    by_motion = {}
    for monitor in monitors:
        by_motion.setdefault(monitor.motion_id, []).append(monitor)
    mentions = MotionMention.objects.filter(motion_id__in=by_motion, section_id__in=list(times)).select_related(
        "version__letter"
    )
    found = []
    for mention in mentions:
        reason = "de regering noemt de motie afgedaan" if mention.declares_done else "motie genoemd in een brief"
        for monitor in by_motion[mention.motion_id]:
            if times[mention.section_id] > monitor.created_at:
                found.append(
                    Found(
                        monitor.pk,
                        f"mention:{mention.pk}",
                        mention.version.letter.title,
                        mention.version.passage_url(mention.section),
                        reason,
                        times[mention.section_id],
                        mention.sentence,
                    )
                )
    return found


def is_overdue(toezegging, today) -> bool:
    """As Toezegging.objects.overdue, for one that is already read."""
    still_open = toezegging.status in (Toezegging.Status.OPENSTAAND, Toezegging.Status.DEELS_VOLDAAN)
    return still_open and not toezegging.deleted and toezegging.due is not None and toezegging.due < today


def find_toezeggingen(since: datetime.datetime, today: datetime.date) -> list[Found]:
    found = []
    monitors = Monitor.objects.filter(kind=Monitor.Kind.TOEZEGGING).select_related("toezegging")
    for monitor in monitors:
        toezegging = monitor.toezegging
        if toezegging is None:
            continue
        title, url = f"{toezegging.number}: {toezegging.text[:120]}", toezegging_url(toezegging)
        if toezegging.status in MET and toezegging.updated_at > monitor.created_at:
            found.append(
                Found(
                    monitor.pk,
                    f"toezegging:{toezegging.guid}:status:{toezegging.status}",
                    title,
                    url,
                    MET[toezegging.status],
                    toezegging.updated_at,
                    toezegging.text,
                )
            )
        elif is_overdue(toezegging, today):
            found.append(
                _overdue(monitor, f"toezegging:{toezegging.guid}", title, url, toezegging.due, toezegging.text)
            )
    return found + _ministeries(since)


def _ministeries(since) -> list[Found]:
    found = []
    for monitor in Monitor.objects.filter(kind=Monitor.Kind.MINISTERIE):
        new = arrived_toezeggingen(monitor, since).filter(ministerie__iexact=monitor.ministerie)
        found += [new_toezegging(monitor, t, f"nieuwe toezegging van {t.ministerie}") for t in new[:200]]
    return found


def arrived_toezeggingen(monitor, since):
    """The register's toezeggingen that are new for a monitor: written into the mirror since
    `since`, and made at most a day before the monitor (the register dates a toezegging by its
    meeting, which may come a day before its entry)."""
    return (
        Toezegging.objects.current()
        .filter(updated_at__gte=max(since, monitor.created_at))
        .filter(created_on__gte=monitor.created_at - datetime.timedelta(days=1))
    )


def new_toezegging(monitor, toezegging, reason: str) -> Found:
    return Found(
        monitor.pk,
        f"toezegging:{toezegging.guid}",
        f"{toezegging.number}: {toezegging.text[:120]}",
        toezegging_url(toezegging),
        reason,
        toezegging.created_on or toezegging.updated_at,
        toezegging.text,
    )


def _overdue(monitor, key, title, url, due, text) -> Found:
    moment = datetime.datetime.combine(due, datetime.time(), tzinfo=datetime.UTC)
    return Found(
        monitor.pk, f"{key}:due:{due.isoformat()}", title, url, f"termijn verstreken op {dutch_date(due)}", moment, text
    )


def find_team_deadlines(today: datetime.date) -> list[Found]:
    # Only for who is still in the team and may follow it: leaving the griffie ends these mails.
    monitors = [
        monitor
        for monitor in Monitor.objects.filter(
            kind=Monitor.Kind.TEAM_DUE, user__is_active=True, user__groups=F("team")
        ).select_related("user")
        if monitor.user.has_perm("alerts.follow_team")
    ]
    if not monitors:
        return []
    commitments = list(Commitment.objects.overdue(today).select_related("letter"))
    toezeggingen = list(Toezegging.objects.overdue(today))
    return [
        *(
            _overdue(m, f"commitment:{c.pk}", c.text[:200], c.get_absolute_url(), c.due, c.text)
            for m in monitors
            for c in commitments
        ),
        *(
            _overdue(m, f"toezegging:{t.guid}", f"{t.number}: {t.text[:120]}", toezegging_url(t), t.due, t.text)
            for m in monitors
            for t in toezeggingen
        ),
    ]
