"""The three-way ledger of a motion: what the government says (a letter declaring it done),
what the Kamer's record says (Zaak.afgedaan), and what the griffie decided (its latest
decision, StatusChange; who and why only for a reader who may see the audit trail)."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from commitments.models import Motion, StatusChange
from commitments.record.vote import vote_links

ZAAK_LINKED, ZAAK_UNLINKED = "zaak gekoppeld", "zaak ontkoppeld"
LINK_ACTIONS = (ZAAK_LINKED, ZAAK_UNLINKED)  # the audit trail's other entries are decisions


@dataclass(frozen=True)
class GovernmentSays:
    declared_done: bool
    letter: str | None = None
    letter_url: str | None = None
    passage: str | None = None
    passage_url: str | None = None
    date: datetime.date | None = None

    @property
    def words(self) -> str:
        return "afgedaan" if self.declared_done else "niet afgedaan verklaard"


@dataclass(frozen=True)
class KamerSays:
    afgedaan: bool | None  # None: no zaak linked yet, or the Kamer does not say
    zaak: str | None  # its nummer

    @property
    def words(self) -> str:
        if self.zaak is None:
            return "geen zaak gekoppeld"
        return {True: "afgedaan", False: "niet afgedaan"}.get(self.afgedaan, "onbekend")


@dataclass(frozen=True)
class GriffieSays:
    status: str  # the motion's status, in Dutch
    action: str | None = None  # its latest decision ("afgedaan", "verklaring afgewezen", "heropend")
    at: datetime.datetime | None = None
    who: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Ledger:
    regering: GovernmentSays
    kamer: KamerSays
    griffie: GriffieSays


def with_last_decision(queryset, *, audit_details: bool):
    """Annotations with the griffie's latest decision on each motion (links to a zaak are no decision)."""
    decisions = (
        StatusChange.objects.filter(motion=OuterRef("pk")).exclude(action__in=LINK_ACTIONS).order_by("-at", "-id")
    )

    def latest(field):
        return Subquery(decisions.values(field)[:1])

    hidden = models.Value(None, output_field=models.TextField())
    return queryset.annotate(
        decision_at=latest("at"),
        decision_action=latest("action"),
        decision_by=latest("user__username") if audit_details else hidden,
        decision_note=latest("note") if audit_details else hidden,
    )


def ledger_of(motion) -> Ledger:
    """From a motion of commitments.record.reading (its declaration, zaak and last decision)."""
    declaration = getattr(motion, "declaration", None)
    if declaration is not None:
        letter, version, section = declaration.version.letter, declaration.version, declaration.section
        regering = GovernmentSays(
            declared_done=True,
            letter=letter.title,
            letter_url=letter.get_absolute_url(),
            passage=section.heading or "opening",
            passage_url=version.passage_url(section),
            date=letter.date,
        )
    else:
        regering = GovernmentSays(declared_done=False)
    zaak = motion.zaak if motion.zaak_id else None
    return Ledger(
        regering=regering,
        kamer=KamerSays(afgedaan=zaak.afgedaan if zaak else None, zaak=zaak.number if zaak else None),
        griffie=GriffieSays(
            status=motion.get_status_display(),
            action=motion.decision_action,
            at=motion.decision_at,
            who=motion.decision_by,
            note=motion.decision_note or None,
        ),
    )


@dataclass(frozen=True)
class MinistryFigure:
    ministry: str
    median_days: float
    motions: int


def days_from_vote_to_declaration() -> list[MinistryFigure]:
    """Per ministry (the declaring letter's sender): the median number of days from the Kamer's vote
    on a motion to the letter declaring it done, over the motions that have both."""
    votes = (
        vote_links()
        .filter(zaak=OuterRef("zaak_id"))
        .order_by("-besluit__agendapunt__activiteit__date")
        .values("besluit__agendapunt__activiteit__date")[:1]
    )
    rows = (
        Motion.objects.filter(zaak__isnull=False, declared_in__date__isnull=False)
        .annotate(voted_at=Subquery(votes))
        .filter(voted_at__isnull=False)
        .values_list("declared_in__sender", "declared_in__date", "voted_at")
    )
    days = defaultdict(list)
    for sender, declared_on, voted_at in rows:
        elapsed = (declared_on - timezone.localdate(voted_at)).days
        if elapsed >= 0:  # a declaration before the vote is an error in the data, not a figure
            days[sender or "onbekend"].append(elapsed)
    return sorted(
        (MinistryFigure(ministry, statistics.median(found), len(found)) for ministry, found in days.items()),
        key=lambda figure: (figure.median_days, figure.ministry),
    )
