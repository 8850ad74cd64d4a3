"""Rows of the motion and commitment lists, for their exports and the API (see letters.web.rows)."""

from dataclasses import dataclass
from typing import ClassVar

from django.utils import timezone

from commitments.models import Commitment, Motion
from letters.web.rows import Row, iso


@dataclass(frozen=True)
class MotionRow(Row):
    id: int
    members: str
    kamerstuk: str | None
    status: str
    awaiting_review: bool
    declared_in: str | None
    official_url: str | None
    url: str

    labels: ClassVar = {
        "id": "id",
        "members": "indieners",
        "kamerstuk": "kamerstuk",
        "status": "status",
        "awaiting_review": "wacht op griffie",
        "declared_in": "afgedaan verklaard in",
        "official_url": "officiële publicatie",
        "url": "link",
    }
    value_labels: ClassVar = {"status": dict(Motion.Status.choices)}

    @classmethod
    def of(cls, motion, absolute):
        kamerstuk = motion.kamerstuk
        return cls(
            id=motion.pk,
            members=" en ".join(motion.members),
            kamerstuk=kamerstuk.key if kamerstuk else None,
            status=motion.status,
            awaiting_review=motion.awaiting_review,
            declared_in=motion.declared_in.title if motion.declared_in else None,
            official_url=kamerstuk.official_url if kamerstuk else None,
            url=absolute(motion.get_absolute_url()),
        )


@dataclass(frozen=True)
class CommitmentRow(Row):
    id: int
    text: str
    kind: str
    due: str | None
    status: str
    overdue: bool
    letter_id: int
    letter_title: str
    letter_date: str | None
    # The latest status change (CommitmentQuerySet.with_last_change): when, and for a reader who
    # may see the audit trail also who and with which note.
    status_changed_at: str | None
    status_changed_by: str | None
    status_note: str | None
    url: str

    labels: ClassVar = {
        "id": "id",
        "text": "tekst",
        "kind": "soort",
        "due": "uiterlijk",
        "status": "status",
        "overdue": "over tijd",
        "letter_id": "brief-id",
        "letter_title": "brief",
        "letter_date": "datum brief",
        "status_changed_at": "status gewijzigd op",
        "status_changed_by": "status gewijzigd door",
        "status_note": "toelichting",
        "url": "link",
    }
    value_labels: ClassVar = {"kind": dict(Commitment.Kind.choices), "status": dict(Commitment.Status.choices)}

    @classmethod
    def of(cls, commitment, absolute):
        letter, made_in = commitment.letter, commitment.made_in
        return cls(
            id=commitment.pk,
            text=commitment.text,
            kind=commitment.kind,
            due=iso(commitment.due),
            status=commitment.status,
            overdue=commitment.is_overdue,
            letter_id=letter.pk,
            letter_title=letter.title,
            letter_date=iso(letter.date),
            status_changed_at=_local(commitment.last_change_at),
            status_changed_by=commitment.last_change_by,
            status_note=commitment.last_change_note or None,
            url=absolute(made_in.version.passage_url(made_in) if made_in else letter.get_absolute_url()),
        )


def _local(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None
