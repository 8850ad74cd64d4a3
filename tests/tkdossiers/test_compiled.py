"""Statements compiled from the ORM once per process, their values filled in at each run
(tkdossiers.compiled)."""

import pytest
from django.db.models import F

from tkdossiers import compiled
from tkdossiers.models import Dossier, Kamerstuk

pytestmark = pytest.mark.django_db


@pytest.fixture
def kamerstukken():
    dossier = Dossier.objects.create(number="29517", title="Meldkamers")
    return [Kamerstuk.objects.create(dossier=dossier, number=str(n)) for n in (260, 264)]


def counting(build):
    calls = []

    def counted():
        calls.append(1)
        return build()

    return counted, calls


def test_a_statement_is_built_once_and_run_with_each_runs_values(kamerstukken):
    build, calls = counting(lambda: Kamerstuk.objects.filter(number=compiled.slot("number")).order_by("pk"))

    first = compiled.instances("test kamerstuk by number", build, number="260")
    second = compiled.instances("test kamerstuk by number", build, number="264")

    assert ([k.pk for k in first], [k.pk for k in second]) == ([kamerstukken[0].pk], [kamerstukken[1].pk])
    assert len(calls) == 1


def test_instances_carry_what_the_queryset_selects_related(kamerstukken, django_assert_num_queries):
    def build():
        return Kamerstuk.objects.select_related("dossier").filter(number=compiled.slot("number"))

    with django_assert_num_queries(1):
        (found,) = compiled.instances("test kamerstuk with dossier", build, number="264")
        assert (found.dossier.number, found.dossier.title, found.number) == ("29517", "Meldkamers", "264")


def test_deferred_fields_stay_deferred(kamerstukken):
    def build():
        return Kamerstuk.objects.defer("soort").filter(number=compiled.slot("number"))

    (found,) = compiled.instances("test kamerstuk deferred", build, number="260")

    assert found.get_deferred_fields() == {"soort"}


def test_rows_are_converted_as_values_list_converts_them(kamerstukken):
    def build():
        return Kamerstuk.objects.filter(number=compiled.slot("number")).values_list("number", "citation_count")

    assert compiled.rows("test kamerstuk values", build, number="260") == [("260", 0)]


def test_an_update_reports_the_rows_it_changed(kamerstukken):
    def build():
        wanted = Kamerstuk.objects.filter(number=compiled.slot("number"))
        return compiled.update(wanted, citation_count=F("citation_count") + 2)

    changed = compiled.execute("test kamerstuk update", build, number="264")

    assert changed == 1
    assert sorted(Kamerstuk.objects.values_list("number", "citation_count")) == [("260", 0), ("264", 2)]
