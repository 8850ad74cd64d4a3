"""Clerks' decisions on motions and commitments; each writes its own audit row."""

from django.core.exceptions import ValidationError
from django.db import transaction

from commitments.models import Commitment, Motion, StatusChange
from commitments.record.ledger import ZAAK_LINKED, ZAAK_UNLINKED
from kamer.models import Zaak
from letters.topics import recount


def _audit(*, user, action, from_status, to_status, note, evidence=None, **subject):
    change = StatusChange(
        user=user, action=action, from_status=from_status, to_status=to_status, note=note, evidence=evidence, **subject
    )
    change.full_clean()
    change.save()
    recount.topics_changed()  # the topic index counts open motions and commitments
    return change


def declaring_passage(motion: Motion):
    """The passage of the newest declaration in the letter that declared the motion done."""
    mention = (
        motion.mentions.filter(declares_done=True, version__is_current=True, version__letter=motion.declared_in_id)
        .select_related("section")
        .last()
    )
    return mention.section if mention else None


@transaction.atomic
def motion_confirm_done(*, motion: Motion, user, note: str = "") -> Motion:
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.status == Motion.Status.DONE:
        raise ValidationError("Deze motie is al afgedaan.")
    previous = motion.status
    motion.status = Motion.Status.DONE
    motion.declaration_reviewed = True
    motion.save(update_fields=["status", "declaration_reviewed", "updated_at"])
    _audit(
        motion=motion,
        user=user,
        action="afgedaan",
        from_status=previous,
        to_status=motion.status,
        note=note,
        evidence=declaring_passage(motion),
    )
    return motion


@transaction.atomic
def motion_reject_declaration(*, motion: Motion, user, note: str) -> Motion:
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if not motion.awaiting_review:
        raise ValidationError("Er ligt geen verklaring van de regering voor om af te wijzen.")
    if not note.strip():
        raise ValidationError("Geef bij een afwijzing een toelichting.")
    motion.declaration_reviewed = True
    motion.save(update_fields=["declaration_reviewed", "updated_at"])
    _audit(
        motion=motion,
        user=user,
        action="verklaring afgewezen",
        from_status=motion.status,
        to_status=motion.status,
        note=note,
        evidence=declaring_passage(motion),
    )
    return motion


@transaction.atomic
def motion_reopen(*, motion: Motion, user, note: str) -> Motion:
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.status != Motion.Status.DONE:
        raise ValidationError("Alleen een afgedane motie kan worden heropend.")
    if not note.strip():
        raise ValidationError("Geef een reden om de motie te heropenen.")
    motion.status = Motion.Status.OPEN
    # While the government's letter still declares it done, the clerks decide on that again.
    motion.declaration_reviewed = False
    motion.save(update_fields=["status", "declaration_reviewed", "updated_at"])
    _audit(
        motion=motion, user=user, action="heropend", from_status=Motion.Status.DONE, to_status=motion.status, note=note
    )
    return motion


@transaction.atomic
def motion_link_zaak(*, motion: Motion, zaak: Zaak, user, note: str = "") -> Motion:
    """A clerk links the motion to the Kamer's record of it; resolving never overrides this."""
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if zaak.soort != Zaak.SOORT_MOTIE or zaak.deleted:
        raise ValidationError("Alleen een bestaande zaak van de soort motie kan worden gekoppeld.")
    if motion.zaak_id == zaak.guid and motion.zaak_source == Motion.ZaakSource.CLERK:
        raise ValidationError(f"De motie is al gekoppeld aan zaak {zaak.number}.")
    motion.zaak_id, motion.zaak_source = zaak.guid, Motion.ZaakSource.CLERK
    motion.save(update_fields=["zaak", "zaak_source", "updated_at"])
    _audit(
        motion=motion,
        user=user,
        action=ZAAK_LINKED,
        from_status=motion.status,
        to_status=motion.status,
        note=_naming(f"Zaak {zaak.number or zaak.guid}", note),
    )
    return motion


@transaction.atomic
def motion_unlink_zaak(*, motion: Motion, user, note: str = "") -> Motion:
    """A clerk undoes a link (theirs or the one resolved from the kamerstuk); the motion is then
    left unlinked, also by later resolving, until a clerk links it again."""
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if not motion.zaak_id:
        raise ValidationError("Deze motie is aan geen zaak gekoppeld.")
    previous = Zaak.objects.filter(guid=motion.zaak_id).values_list("number", flat=True).first() or motion.zaak_id
    motion.zaak_id, motion.zaak_source = None, Motion.ZaakSource.CLERK
    motion.save(update_fields=["zaak", "zaak_source", "updated_at"])
    _audit(
        motion=motion,
        user=user,
        action=ZAAK_UNLINKED,
        from_status=motion.status,
        to_status=motion.status,
        note=_naming(f"Zaak {previous}", note),
    )
    return motion


def _naming(zaak: str, note: str) -> str:
    return f"{zaak}: {note.strip()}" if note.strip() else zaak


@transaction.atomic
def commitment_set_status(*, commitment: Commitment, user, status: str, note: str = "", evidence=None) -> Commitment:
    commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if status not in Commitment.Status.values:
        raise ValidationError(f"Onbekende status: {status}")
    if status == commitment.status:
        raise ValidationError("De toezegging heeft deze status al.")
    previous = commitment.status
    commitment.status = status
    commitment.save(update_fields=["status", "updated_at"])
    if evidence is not None and status == Commitment.Status.FULFILLED:
        commitment.fulfilled_by.add(evidence)
    _audit(
        commitment=commitment,
        user=user,
        action="status gewijzigd",
        from_status=previous,
        to_status=status,
        note=note,
        evidence=evidence,
    )
    return commitment
