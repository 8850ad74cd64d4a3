"""Suggestions of commitments to registered toezeggingen, stored idempotently, and the clerk's
decision with its audit row (commitments/register/services.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Commitment, StatusChange, ToezeggingMatch
from commitments.register import services
from kamer.models import Toezegging
from kamer.sync import SyncReport
from tests.commitments.register.helpers import (
    VIDEOBELLEN,
    VIDEOBELLEN_REGISTERED,
    commitment,
    letter,
    register_synced,
    toezegging,
)

pytestmark = pytest.mark.django_db

INITIATIEFNOTA = (
    "De minister zegt toe de Kamer een kabinetsreactie te sturen op de initiatiefnota van het lid Mutluer over "
    "crisisbeheersing en brandweerzorg."
)
C2000 = "De minister zegt toe de Kamer te informeren over de voortgang van de aanbesteding van de opvolger van C2000."


@pytest.fixture
def register():
    return {
        "videobellen": toezegging("TZ202503-041", VIDEOBELLEN_REGISTERED, due=datetime.date(2026, 7, 1)),
        "initiatiefnota": toezegging("TZ202503-042", INITIATIEFNOTA, due=datetime.date(2025, 9, 30)),
        "c2000": toezegging("TZ202503-043", C2000, due=datetime.date(2025, 12, 31)),
    }


@pytest.fixture
def verzamelbrief(register):
    brief = letter("Verzamelbrief meldkamers, C2000 en crisisbeheersing")
    commitment(
        brief,
        VIDEOBELLEN,
    )
    return brief


@pytest.fixture
def reactie(register):
    brief = letter("Kabinetsreactie op de initiatiefnota van het lid Mutluer over crisisbeheersing en brandweerzorg")
    commitment(
        brief,
        "Zoals toegezegd aan uw Kamer geef ik namens het kabinet een reactie op deze initiatiefnota.",
        kind=Commitment.Kind.PRIOR,
    )
    return brief


def stored():
    return sorted(
        (m.commitment.letter.title[:12], m.toezegging.number, m.kind, m.score, m.state)
        for m in ToezeggingMatch.objects.select_related("commitment__letter", "toezegging")
    )


def test_new_and_prior_commitments_are_suggested_as_same_and_fulfils(verzamelbrief, reactie):
    report = services.after_sync(register_synced())

    assert stored() == [
        ("Kabinetsreac", "TZ202503-042", "fulfils", 100.0, "suggested"),
        ("Verzamelbrie", "TZ202503-041", "same", 96.0, "suggested"),
    ]
    assert (report.created, report.updated, report.removed) == (2, 0, 0)


def test_suggesting_again_writes_nothing(verzamelbrief, reactie):
    services.after_sync(register_synced())

    with CaptureQueriesContext(connection) as queries:
        report = services.after_sync(register_synced())

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert (writes, report.created, report.updated, report.removed) == ([], 0, 0, 0)


def test_a_decided_match_is_never_touched(verzamelbrief, reactie, clerk):
    services.after_sync(register_synced())
    match = ToezeggingMatch.objects.get(kind=ToezeggingMatch.Kind.SAME)
    services.match_reject(match=match, user=clerk, note="Andere pilot.")
    Toezegging.objects.filter(number="TZ202503-041").update(text="Iets heel anders over de begroting van 2027.")

    report = services.after_sync(register_synced())

    match.refresh_from_db()
    assert (match.state, match.score, report.removed) == ("rejected", 96.0, 0)


def test_a_suggestion_that_no_longer_fits_goes(verzamelbrief, reactie):
    services.after_sync(register_synced())
    Toezegging.objects.filter(number="TZ202503-041").update(text="Iets heel anders over de begroting van 2027.")

    report = services.after_sync(register_synced())

    assert report.removed == 1
    assert [number for _, number, *_ in stored()] == ["TZ202503-042"]


def test_a_changed_score_is_updated_in_place(verzamelbrief, reactie):
    services.after_sync(register_synced())
    before = ToezeggingMatch.objects.get(kind=ToezeggingMatch.Kind.SAME)
    Toezegging.objects.filter(number="TZ202503-041").update(ministerie="Binnenlandse Zaken")

    report = services.after_sync(register_synced())

    after = ToezeggingMatch.objects.get(kind=ToezeggingMatch.Kind.SAME)
    assert (after.pk, after.score, report.updated) == (before.pk, 84.0, 1)


def test_after_a_letters_import_only_its_commitments_are_scored(verzamelbrief, reactie):
    report = services.suggest_for_letter(letter=reactie)

    assert (report.created, stored()) == (1, [("Kabinetsreac", "TZ202503-042", "fulfils", 100.0, "suggested")])


def test_the_suggestions_of_a_sync_are_inserted_in_one_statement(verzamelbrief, reactie):
    with CaptureQueriesContext(connection) as queries:
        report = services.after_sync(register_synced())

    inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "commitments_toezeggingmatch"')]
    assert (report.created, len(inserts), len(stored())) == (2, 1, 2)


def test_a_letters_suggestions_take_no_savepoint_inside_the_imports_transaction(verzamelbrief, reactie):
    with CaptureQueriesContext(connection) as queries:
        services.suggest_for_letter(letter=reactie)

    assert not [q["sql"] for q in queries if "SAVEPOINT" in q["sql"]]
    assert [number for _, number, *_ in stored()] == ["TZ202503-042"]


def test_a_deleted_toezegging_is_not_suggested(verzamelbrief, register):
    Toezegging.objects.filter(number="TZ202503-041").update(deleted=True)

    services.after_sync(register_synced())

    assert stored() == []


def test_accepting_records_who_and_names_the_toezegging(reactie, clerk):
    services.after_sync(register_synced())
    match = ToezeggingMatch.objects.get()

    services.match_accept(match=match, user=clerk, note="Brief van 3 oktober.")

    match.refresh_from_db()
    change = StatusChange.objects.get()
    assert (match.state, match.decided_by, match.decided_at is not None) == ("accepted", clerk, True)
    assert (change.commitment_id, change.user, change.action, change.from_status, change.to_status) == (
        match.commitment_id,
        clerk,
        "koppeling bevestigd",
        "open",
        "open",
    )
    assert change.note == "Toezegging TZ202503-042 (kamerbrief nakoming, score 100): Brief van 3 oktober."


def test_rejecting_without_a_note_still_names_the_toezegging(verzamelbrief, clerk):
    services.after_sync(register_synced())

    services.match_reject(match=ToezeggingMatch.objects.get(), user=clerk)

    change = StatusChange.objects.get()
    assert (change.action, change.note) == (
        "koppeling afgewezen",
        "Toezegging TZ202503-041 (dezelfde toezegging, score 96)",
    )


def test_deciding_the_same_twice_is_refused_without_a_second_audit_row(verzamelbrief, clerk):
    services.after_sync(register_synced())
    match = ToezeggingMatch.objects.get()
    services.match_accept(match=match, user=clerk)

    with pytest.raises(ValidationError, match="al bevestigd"):
        services.match_accept(match=match, user=clerk)

    assert StatusChange.objects.count() == 1


def test_a_sync_that_wrote_no_register_entry_scores_nothing(verzamelbrief, reactie):
    report = services.after_sync(SyncReport(changed={"Zaak": ["z-1"]}))

    assert ((report.created, report.updated, report.removed), stored()) == ((0, 0, 0), [])


def test_after_a_sync_only_the_commitments_a_changed_entry_concerns_are_scored(verzamelbrief, reactie):
    changed = Toezegging.objects.get(number="TZ202503-042").guid

    assert services.touched_by([changed]) == {c.pk for c in Commitment.objects.filter(letter=reactie)}
    services.after_sync(SyncReport(changed={"Toezegging": [changed]}))

    assert stored() == [("Kabinetsreac", "TZ202503-042", "fulfils", 100.0, "suggested")]
