"""Commitments set beside the Kamer's toezeggingen register: suggestions, and the clerk's decision.

`suggest` stores what commitments.register.matching finds, idempotently: a pair scored again
with the same score writes nothing, and a match a clerk has decided is never touched. It runs
after each sync (`after_sync`, in settings.KAMER_SYNC_HOOKS) for the commitments the register
entries that sync wrote can concern, and after a letter's import (`suggest_for_letter`).
`match_accept` and `match_reject` are the clerk's decision, each with its audit row on the
commitment.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commitments.models import Commitment, StatusChange, ToezeggingMatch
from commitments.register import matching
from kamer.models import Toezegging
from kamer.tk.fields import CATEGORY_TOEZEGGING

ACCEPTED_ACTION, REJECTED_ACTION = "koppeling bevestigd", "koppeling afgewezen"
PASSAGE = ("made_in__blocks", "made_in__search_vector", "made_in__heading_refs")  # not needed to score


@dataclass
class SuggestReport:
    created: int = 0
    updated: int = 0
    removed: int = 0


def commitment_facts(commitment: Commitment) -> matching.CommitmentFacts:
    letter, passage = commitment.letter, commitment.made_in
    return matching.CommitmentFacts(
        text=commitment.text,
        kind=commitment.kind,
        letter_date=letter.date,
        sender=letter.sender,
        signatory=letter.signatory,
        title=letter.title,
        heading=passage.heading if passage else "",
        before=matching.sentence_before(passage.text, commitment.text) if passage else "",
    )


def toezegging_facts(toezegging: Toezegging) -> matching.ToezeggingFacts:
    made = toezegging.created_on
    return matching.ToezeggingFacts(
        key=toezegging.guid,
        text=toezegging.text,
        made_on=timezone.localdate(made) if made else None,
        due=toezegging.due,
        ministerie=toezegging.ministerie,
        surname=toezegging.achternaam or (toezegging.naam.split()[-1] if toezegging.naam.strip() else ""),
    )


def register_entries():
    """The register's entries that commitments are scored against."""
    return Toezegging.objects.current().exclude(text="")


def current_register() -> matching.Register:
    fields = ("guid", "text", "created_on", "due", "ministerie", "achternaam", "naam")
    entries = register_entries().only(*fields)
    return matching.Register(toezegging_facts(t) for t in entries.iterator(chunk_size=2000))


_kept: dict = {"state": None, "register": None}


def kept_register(state: tuple) -> matching.Register:
    """current_register(), read again only when `state` changed: the count and latest change
    (updated_at, which every write of the sync and the admin sets) of register_entries(), as
    commitments.analysis.kamer_mirror reads them in the statement every import sends anyway. A
    mirrored register is thousands of entries, and every import scores its commitments against it.
    The register is read after its state, so a change in between is seen now or by the next import."""
    if state != _kept["state"]:
        _kept.update(state=state, register=current_register())
    return _kept["register"]


@transaction.atomic
def suggest(*, commitments, register: matching.Register | None = None) -> SuggestReport:
    """Score every commitment of the queryset against the register and store the best fits."""
    return _suggest(commitments, register)


def _suggest(commitments, register: matching.Register | None) -> SuggestReport:
    register = current_register() if register is None else register
    report = SuggestReport()
    if not register:
        return report
    commitments = commitments.select_related("letter", "made_in").prefetch_related("toezegging_matches")
    new = []
    for commitment in commitments.defer(*PASSAGE):
        new += _store(commitment, matching.best(commitment_facts(commitment), register), report)
    ToezeggingMatch.objects.bulk_create(new)  # one multi-row insert, in the order they were found
    return report


def _store(commitment: Commitment, found: list[matching.Score], report: SuggestReport) -> list[ToezeggingMatch]:
    """Updates and removes this commitment's suggestions; returns the new ones, for the caller to insert."""
    existing = {(m.toezegging_id, m.kind): m for m in commitment.toezegging_matches.all()}
    new = []
    for fit in found:
        match = existing.get((fit.key, fit.kind))
        if match is None:
            new.append(ToezeggingMatch(commitment=commitment, toezegging_id=fit.key, kind=fit.kind, score=fit.score))
            report.created += 1
        elif match.state == ToezeggingMatch.State.SUGGESTED and match.score != fit.score:
            ToezeggingMatch.objects.filter(pk=match.pk).update(score=fit.score)
            report.updated += 1
    wanted = {(fit.key, fit.kind) for fit in found}
    stale = [m.pk for key, m in existing.items() if key not in wanted and m.state == ToezeggingMatch.State.SUGGESTED]
    if stale:  # no longer a fit (the register's text changed); nothing hangs on an undecided one
        report.removed += ToezeggingMatch.objects.filter(pk__in=stale).delete()[0]
    return new


# Inside an import no savepoint: a failure rolls the whole import back, and on its own the
# call is still one transaction.
@transaction.atomic(savepoint=False)
def suggest_for_letter(*, letter, register: matching.Register | None = None) -> SuggestReport:
    """After a letter's import: its commitments against the register (read now when not given)."""
    return _suggest(Commitment.objects.filter(letter=letter), register)


def after_sync(report) -> SuggestReport:
    """The KAMER_SYNC_HOOKS hook: the commitments that the register entries this sync wrote
    (report.changed) can concern, scored again against the whole register. Work in proportion to
    what changed, not to commitments times register (54 ms a commitment at 20,000 entries); a
    letter's own commitments are scored when it is imported."""
    changed = report.changed.get(CATEGORY_TOEZEGGING, [])
    if not changed:
        return SuggestReport()  # the register is as it was: every suggestion stands
    return suggest(commitments=Commitment.objects.filter(pk__in=touched_by(changed)))


def touched_by(guids) -> set[int]:
    """The commitments whose suggestions these register entries can change: those with a match to
    one of them, and those whose words come near enough to one of their texts to fit at all
    (matching.MIN_TEXT, which every suggestion needs)."""
    ids = set(ToezeggingMatch.objects.filter(toezegging_id__in=guids).values_list("commitment_id", flat=True))
    texts = list(Toezegging.objects.current().filter(guid__in=guids).exclude(text="").values_list("text", flat=True))
    if not texts:
        return ids
    commitments = Commitment.objects.select_related("letter", "made_in").defer(*PASSAGE)
    for commitment in commitments.iterator(chunk_size=500):
        facts = commitment_facts(commitment)
        if any(matching.text_score(facts, text) >= matching.MIN_TEXT for text in texts):
            ids.add(commitment.pk)
    return ids


@transaction.atomic
def match_accept(*, match: ToezeggingMatch, user, note: str = "") -> ToezeggingMatch:
    return _decide(match=match, user=user, note=note, state=ToezeggingMatch.State.ACCEPTED)


@transaction.atomic
def match_reject(*, match: ToezeggingMatch, user, note: str = "") -> ToezeggingMatch:
    return _decide(match=match, user=user, note=note, state=ToezeggingMatch.State.REJECTED)


def _decide(*, match, user, note, state) -> ToezeggingMatch:
    match = ToezeggingMatch.objects.select_for_update().select_related("commitment").get(pk=match.pk)
    if match.state == state:
        raise ValidationError(f"Deze koppeling is al {match.get_state_display()}.")
    match.state, match.decided_by, match.decided_at = state, user, timezone.now()
    match.full_clean()
    match.save(update_fields=["state", "decided_by", "decided_at"])
    commitment = match.commitment
    change = StatusChange(
        commitment=commitment,
        user=user,
        action=ACCEPTED_ACTION if state == ToezeggingMatch.State.ACCEPTED else REJECTED_ACTION,
        from_status=commitment.status,
        to_status=commitment.status,
        note=audit_note(match, note),
        evidence=commitment.made_in,
    )
    change.full_clean()
    change.save()
    return match


def audit_note(match: ToezeggingMatch, note: str) -> str:
    """Names the toezegging by its nummer (its GUID when the register has no nummer yet)."""
    toezegging = Toezegging.objects.filter(guid=match.toezegging_id).only("number").first()
    number = (toezegging.number if toezegging else "") or match.toezegging_id
    said = f"Toezegging {number} ({match.get_kind_display()}, score {match.score:.0f})"
    return f"{said}: {note.strip()}" if note.strip() else said
