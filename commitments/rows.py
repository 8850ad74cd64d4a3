"""Rows of the motion and commitment lists, for their exports and the API (see letters.web.rows)."""

from dataclasses import dataclass

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
    url: str

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
            url=absolute(made_in.version.passage_url(made_in) if made_in else letter.get_absolute_url()),
        )
