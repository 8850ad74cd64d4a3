"""Motions with a kamerstuk resolve to their Zaak via Document and DocumentZaak (commitments.record.resolving)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Motion, MotionMention
from commitments.record.resolving import after_sync, link_zaken, resolve_motions
from kamer.models import Zaak
from tests.commitments.record.conftest import seed_motion
from tests.commitments.record.kamer_rows import motie

pytestmark = pytest.mark.django_db


def linked(motion) -> tuple[str | None, str]:
    motion.refresh_from_db()
    return motion.zaak_id, motion.zaak_source


def test_motion_resolves_through_its_kamerstuk_document(seed):
    zaak = motie("2024Z04020", "over videobellen met de meldkamer", dossier=("29628", ""), volgnummer=1272)
    motie("2024Z04021", "een andere motie met hetzelfde zaakvolgnummer", dossier=("29628", ""), volgnummer=1273)

    resolved = resolve_motions()

    assert resolved == 1
    assert linked(seed_motion("wijen-nass", "1272")) == (zaak.guid, Motion.ZaakSource.KAMERSTUK)


def test_motion_with_a_toevoeging_resolves_only_in_that_dossier(seed):
    wrong = motie("2024Z11111", "in de begroting zonder toevoeging", dossier=("36600", ""), volgnummer=100)
    right = motie("2024Z22222", "over borging", dossier=("36600", "VI"), volgnummer=100)

    resolve_motions()

    assert linked(seed_motion("van dijk", "100")) == (right.guid, "kamerstuk")
    assert Motion.objects.filter(zaak=wrong.guid).count() == 0


@pytest.mark.parametrize("gone", ["deleted", "document_deleted"])
def test_deleted_document_or_zaak_does_not_resolve(seed, gone):
    motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272, **{gone: True})

    assert (resolve_motions(), linked(seed_motion("wijen-nass", "1272"))) == (0, (None, ""))


def test_document_that_leads_to_two_motions_does_not_resolve(seed):
    first = motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272)
    second = motie("2024Z04099", "dubbel", dossier=("29628", ""))
    second.document_links.create(document=first.document_links.get().document)

    assert (resolve_motions(), linked(seed_motion("wijen-nass", "1272"))) == (0, (None, ""))


def test_resolving_again_changes_nothing(seed):
    zaak = motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272)
    resolve_motions()
    wijen = seed_motion("wijen-nass", "1272")
    updated_at = wijen.updated_at

    assert resolve_motions() == 0
    assert resolve_motions(motions=[wijen]) == 0
    wijen.refresh_from_db()
    assert (wijen.zaak_id, wijen.updated_at) == (zaak.guid, updated_at)


def test_a_clerks_link_survives_resolving(seed):
    chosen = motie("2024Z09999", "door de griffie gekozen", dossier=("29628", ""))
    motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272)
    wijen = seed_motion("wijen-nass", "1272")
    Motion.objects.filter(pk=wijen.pk).update(zaak=chosen.guid, zaak_source=Motion.ZaakSource.CLERK)

    assert (resolve_motions(), resolve_motions(motions=[wijen])) == (0, 0)
    assert linked(wijen) == (chosen.guid, "clerk")


def test_loaded_motions_are_linked_with_one_read_of_the_record_and_a_clerks_link_kept(seed):
    zaak = motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272)
    right = motie("2024Z22222", "over borging", dossier=("36600", "VI"), volgnummer=100)
    chosen = motie("2024Z09999", "door de griffie gekozen", dossier=("29628", ""))
    van_dijk = seed_motion("van dijk", "100")
    Motion.objects.filter(pk=van_dijk.pk).update(zaak=chosen.guid, zaak_source=Motion.ZaakSource.CLERK)
    motions = list(Motion.objects.select_related("kamerstuk__dossier"))

    with CaptureQueriesContext(connection) as queries:
        changed = link_zaken(motions + motions)  # a motion mentioned twice is linked once

    assert [q["sql"].split()[0] for q in queries] == ["SELECT", "UPDATE"]
    assert changed == 1 and right.guid not in Motion.objects.values_list("zaak", flat=True)
    assert linked(seed_motion("wijen-nass", "1272")) == (zaak.guid, "kamerstuk")
    assert linked(van_dijk) == (chosen.guid, "clerk")


def test_the_sync_hook_resolves_what_the_sync_brought(seed, settings):
    assert "commitments.record.resolving.after_sync" in settings.KAMER_SYNC_HOOKS
    zaak = motie("2024Z04020", "over videobellen", dossier=("29628", ""), volgnummer=1272)

    after_sync(report=None)

    assert Zaak.objects.get(motions=seed_motion("wijen-nass", "1272")) == zaak


def test_every_seed_mention_with_a_kamerstuk_resolves_to_its_zaak(seed):
    kamerstukken = {
        ("29517", "", 260): "2024Z00260",
        ("29628", "", 1272): "2024Z01272",
        ("28684", "", 759): "2024Z00759",
        ("36600", "VI", 100): "2024Z00100",
        ("29517", "", 258): "2024Z00258",
        ("29517", "", 257): "2024Z00257",
    }
    for (number, toevoeging, volgnummer), zaak_number in kamerstukken.items():
        motie(zaak_number, f"motie {zaak_number}", dossier=(number, toevoeging), volgnummer=volgnummer)

    resolve_motions()

    mentions = MotionMention.objects.filter(version__letter=seed).select_related("motion__zaak", "motion__kamerstuk")
    assert sorted((m.motion.kamerstuk.number, m.motion.zaak.number) for m in mentions) == [
        ("100", "2024Z00100"),
        ("100", "2024Z00100"),
        ("1272", "2024Z01272"),
        ("257", "2024Z00257"),
        ("258", "2024Z00258"),
        ("260", "2024Z00260"),
        ("759", "2024Z00759"),
    ]
