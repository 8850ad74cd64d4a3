"""Motions as the pages and the API read them: with the passage that declared them done, their
zaak, its indieners and vote (prefetched: a fixed number of queries for any number of motions),
the griffie's last decision, and the candidate zaken a clerk may link."""

from dataclasses import dataclass

from django.db.models import Prefetch

from commitments.lists import MOTIONS
from commitments.models import MotionMention, can_see_audit_details
from commitments.record.ledger import Ledger, ledger_of, with_last_decision
from commitments.record.vote import RECORD_PREFETCHES, Submitter, Vote, submitters_of, vote_of
from kamer.models import Zaak


@dataclass(frozen=True)
class MotionRecord:
    zaak: Zaak | None
    submitters: list[Submitter]
    vote: Vote | None
    ledger: Ledger


def motions_for(user):
    """Motions with what their cards show, the audit details only for a user who may see them."""
    declarations = (
        MotionMention.objects.filter(declares_done=True, version__is_current=True)
        .select_related("section", "version__letter")
        .defer("version__content", "section__blocks", "section__heading_refs", "section__search_vector")
    )
    audit_details = can_see_audit_details(user)
    motions = (
        MOTIONS.queryset()
        .select_related("zaak")
        .with_last_change(audit_details=audit_details)
        .prefetch_related(Prefetch("mentions", queryset=declarations, to_attr="declarations"), *RECORD_PREFETCHES)
    )
    return with_last_decision(motions, audit_details=audit_details)


def with_record(motion):
    """The motion with `declaration` (the passage of the letter that declared it done, for the clerk
    to read beside it) and `record` (a MotionRecord)."""
    motion.declaration = next(
        (m for m in reversed(motion.declarations) if m.version.letter_id == motion.declared_in_id), None
    )
    zaak = motion.zaak if motion.zaak_id else None
    motion.record = MotionRecord(
        zaak=zaak,
        submitters=submitters_of(zaak) if zaak else [],
        vote=vote_of(zaak) if zaak else None,
        ledger=ledger_of(motion),
    )
    return motion
