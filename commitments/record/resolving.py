"""Motions resolved to their Zaak through their kamerstuk.

A motion's kamerstuk (29628 nr. 1272; 36600-VI nr. 100) is a Document of the Kamer:
Kamerstukdossier nummer + toevoeging + Document.volgnummer (Zaak.volgnummer is not unique).
Through DocumentZaak that document leads to its zaak of soort Motie. Only a single, current
answer links: a deleted document or zaak does not, nor a document that leads to two motions.
A clerk's link (zaak_source CLERK) is never overridden.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import Q

from commitments.models import Motion
from kamer.models import DocumentZaak, Zaak

BATCH = 500


def after_sync(report) -> None:
    """The KAMER_SYNC_HOOKS hook: a sync may have brought the documents and zaken of known motions."""
    resolve_motions()


@transaction.atomic
def resolve_motions(*, motions=None) -> int:
    """Link motions with a kamerstuk to their zaak; all unresolved ones when `motions` is None.
    Idempotent; returns how many motions were linked or relinked."""
    pending = Motion.objects.filter(kamerstuk__isnull=False).exclude(zaak_source=Motion.ZaakSource.CLERK)
    if motions is None:
        pending = pending.filter(zaak__isnull=True)
    else:
        pending = pending.filter(pk__in=[motion.pk for motion in motions])
    return link_zaken(list(pending.select_related("kamerstuk__dossier").only("zaak", "zaak_source", "kamerstuk")))


def link_zaken(motions) -> int:
    """Link these motions, as loaded (each with its kamerstuk and dossier), to their zaak: the
    import's own motions, read a moment before, need no second read. Motions without a kamerstuk
    and those a clerk linked are left alone. Returns how many were linked or relinked."""
    pending = list({m.pk: m for m in motions if m.kamerstuk_id and m.zaak_source != Motion.ZaakSource.CLERK}.values())
    changed = []
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        zaken = zaken_of_kamerstukken([motion.kamerstuk for motion in batch])
        for motion in batch:
            guid = zaken.get(motion.kamerstuk_id)
            if guid and (guid, Motion.ZaakSource.KAMERSTUK) != (motion.zaak_id, motion.zaak_source):
                motion.zaak_id, motion.zaak_source = guid, Motion.ZaakSource.KAMERSTUK
                changed.append(motion)
    # bulk_update leaves updated_at alone: resolving does not move a motion in the clerks' queue.
    Motion.objects.bulk_update(changed, ["zaak", "zaak_source"])
    return len(changed)


def motion_zaken():
    """The links from a current document to a current zaak of soort Motie: what a kamerstuk resolves through."""
    return DocumentZaak.objects.filter(document__deleted=False, zaak__soort=Zaak.SOORT_MOTIE, zaak__deleted=False)


def zaken_of_kamerstukken(kamerstukken) -> dict[int, str]:
    """Kamerstuk pk -> the GUID of its one current zaak of soort Motie, where there is exactly one."""
    wanted = {}
    for kamerstuk in kamerstukken:
        if kamerstuk.number.isdigit():
            wanted[(kamerstuk.dossier.number, kamerstuk.dossier.toevoeging, int(kamerstuk.number))] = kamerstuk.pk
    if not wanted:
        return {}
    query = Q()
    for number, toevoeging, volgnummer in wanted:
        query |= Q(
            document__kamerstukdossier__number=number,
            document__kamerstukdossier__toevoeging=toevoeging,
            document__volgnummer=volgnummer,
        )
    links = (
        motion_zaken()
        .filter(query)
        .values_list(
            "document__kamerstukdossier__number",
            "document__kamerstukdossier__toevoeging",
            "document__volgnummer",
            "zaak_id",
        )
    )
    found = defaultdict(set)
    for number, toevoeging, volgnummer, guid in links:
        found[wanted[(number, toevoeging, volgnummer)]].add(guid)
    return {pk: guids.pop() for pk, guids in found.items() if len(guids) == 1}
