"""tkdossiers.services.kamerstukken_for: known kamerstukken read in one query, missing ones
created with their dossiers in one more, a concurrent import's rows taken over."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from tkdossiers import services
from tkdossiers.models import Dossier, Kamerstuk
from tkdossiers.services import kamerstukken_for

pytestmark = pytest.mark.django_db


def as_keys(found: dict) -> dict:
    return {key: (k.dossier.number, k.dossier.toevoeging, k.number) for key, k in found.items()}


def test_known_kamerstukken_are_read_in_one_query_and_only_the_keys_asked_for():
    d29517, d31839 = Dossier.objects.create(number="29517"), Dossier.objects.create(number="31839")
    wanted = Kamerstuk.objects.create(dossier=d29517, number="264")
    Kamerstuk.objects.create(dossier=d29517, number="1")  # same dossier, another number
    Kamerstuk.objects.create(dossier=d31839, number="264")  # same number, another dossier
    also = Kamerstuk.objects.create(dossier=d31839, number="1")

    with CaptureQueriesContext(connection) as queries:
        found = kamerstukken_for({("29517", "", "264"), ("31839", "", "1")})

    assert {key: k.pk for key, k in found.items()} == {("29517", "", "264"): wanted.pk, ("31839", "", "1"): also.pk}
    assert len(queries) == 1


def test_missing_kamerstukken_and_dossiers_are_created_and_a_toevoeging_is_its_own_dossier():
    Dossier.objects.create(number="36600", toevoeging="VI")
    keys = {("36600", "VI", "2"), ("36600", "", "2"), ("29517", "", "264")}

    found = kamerstukken_for(keys)

    assert as_keys(found) == {key: key for key in keys}
    assert sorted(Dossier.objects.values_list("number", "toevoeging")) == [
        ("29517", ""),
        ("36600", ""),
        ("36600", "VI"),
    ]
    assert all(k.vergaderjaar == "" and k.citation_count == 0 and k.last_cited is None for k in found.values())
    assert {key: k.pk for key, k in found.items()} == {key: k.pk for key, k in kamerstukken_for(keys).items()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement insert is PostgreSQL's")
def test_missing_kamerstukken_cost_one_statement_more():
    with CaptureQueriesContext(connection) as queries:
        kamerstukken_for({("29517", "", "264"), ("29517", "", "265")})

    assert len(queries) == 2
    assert Kamerstuk.objects.filter(dossier__number="29517").count() == 2


def test_a_kamerstuk_another_import_made_meanwhile_is_read_not_doubled(monkeypatch):
    def created_by_someone_else(missing):
        for number, toevoeging, ondernummer in missing:
            dossier, _ = Dossier.objects.get_or_create(number=number, toevoeging=toevoeging)
            Kamerstuk.objects.create(dossier=dossier, number=ondernummer)
        return {}  # as when the insert met the other import's rows and skipped them

    monkeypatch.setattr(services, "_created", created_by_someone_else)

    found = kamerstukken_for({("29517", "", "264")})

    assert as_keys(found) == {("29517", "", "264"): ("29517", "", "264")}
    assert Kamerstuk.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-statement insert is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_dossier_another_import_commits_while_this_one_waits_is_used_in_the_next_round():
    # The other import inserts dossier 29517 first and commits while this one's insert waits on
    # it: this one's statement skips the dossier and cannot see it, so its kamerstuk is made in
    # a second round, by a statement that does.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        importer_pid = cursor.fetchone()[0]
    started, failures = threading.Event(), []

    def other_import():
        try:
            with transaction.atomic():
                Dossier.objects.create(number="29517")
                started.set()
                with connections["default"].cursor() as cursor:  # until this test's insert waits for it
                    for _ in range(200):
                        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [importer_pid])
                        if cursor.fetchone()[0] == "Lock":
                            break
                        threading.Event().wait(0.02)
                    else:
                        failures.append("the import never waited")
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_import)
    thread.start()
    started.wait(5)
    rounds = []
    original = services._created
    services._created = lambda missing: rounds.append(sorted(missing)) or original(missing)
    try:
        found = kamerstukken_for({("29517", "", "264")})
    finally:
        services._created = original
        thread.join(10)

    assert failures == []
    assert as_keys(found) == {("29517", "", "264"): ("29517", "", "264")}
    assert rounds == [[("29517", "", "264")], [("29517", "", "264")]]
    assert (Dossier.objects.count(), Kamerstuk.objects.count()) == (1, 1)
