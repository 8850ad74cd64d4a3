"""Mirroring every entity kind from the fake Kamer: fields, links in any order, deletions, updates."""

import datetime
from collections import Counter
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kamer import sync
from kamer.models import (
    Activiteit,
    Agendapunt,
    Besluit,
    BesluitZaak,
    Document,
    DocumentVersie,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    SyncState,
    Toezegging,
    Zaak,
    ZaakActor,
)
from kamer.tk import fields as tk_fields
from kamer.tk.client import TKClient
from kamer.tk.feed import parse_feed_page
from tests.kamer.fake_server import FakeTK
from tests.kamer.fake_server.entities import (
    Activiteit as FakeActiviteit,
)
from tests.kamer.fake_server.entities import (
    Agendapunt as FakeAgendapunt,
)
from tests.kamer.fake_server.entities import (
    Besluit as FakeBesluit,
)
from tests.kamer.fake_server.entities import (
    Document as FakeDocument,
)
from tests.kamer.fake_server.entities import (
    Fractie as FakeFractie,
)
from tests.kamer.fake_server.entities import (
    Persoon as FakePersoon,
)
from tests.kamer.fake_server.entities import (
    Stemming as FakeStemming,
)
from tests.kamer.fake_server.entities import (
    Toezegging as FakeToezegging,
)
from tests.kamer.fake_server.entities import (
    Zaak as FakeZaak,
)
from tests.kamer.fake_server.entities import (
    ZaakActor as FakeZaakActor,
)
from tkdossiers.models import Dossier

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
CEST = datetime.timezone(datetime.timedelta(hours=2))


@pytest.fixture
def tk():
    with FakeTK(page_size=50) as fake:
        yield fake


@pytest.fixture
def tk_client(tk):
    return TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)


def publish_motion(tk) -> dict[str, object]:
    """A motion as the Kamer records it: dossier, zaak, document and version, indiener, vote, toezegging."""
    cda = FakeFractie(nummer="2762", afkorting="CDA", naam_nl="Christen-Democratisch Appèl", aantal_zetels=5)
    sgp = FakeFractie(nummer="2763", afkorting="SGP", naam_nl="Staatkundig Gereformeerde Partij", aantal_zetels=3)
    inge = FakePersoon(nummer="4876", initialen="I.", tussenvoegsel="van", achternaam="Dijk", roepnaam="Inge")
    dossier = tk.publish_dossier("36600", "VI", titel="Vaststelling van de begrotingsstaten van JenV 2024")
    zaak = FakeZaak(
        nummer="2024Z10123",
        onderwerp="Motie van het lid Van Dijk c.s. over videobellen met de meldkamer",
        gestart_op="2024-06-11",
        dossier_guid=dossier,
        vergaderjaar="2023-2024",
        volgnummer=100,
        afgedaan=True,
        kabinetsappreciatie="Oordeel Kamer",
    )
    document = FakeDocument(
        document_nummer="2024D23001",
        titel="Vaststelling van de begrotingsstaten van JenV 2024",
        soort="Motie",
        datum="2024-06-11",
        dossier_guid=dossier,
        zaak_guids=(zaak.guid,),
        volgnummer=100,
        vergaderjaar="2023-2024",
        content=b"%PDF-1.7 motie",
    )
    actor = FakeZaakActor(
        zaak_guid=zaak.guid,
        persoon_guid=inge.guid,
        fractie_guid=cda.guid,
        actor_naam="I. van Dijk",
        actor_fractie="CDA",
    )
    activiteit = FakeActiviteit(nummer="2024A04321", onderwerp="Stemmingen", datum="2024-06-18")
    agendapunt = FakeAgendapunt(activiteit_guid=activiteit.guid, onderwerp="Stemmingen over moties", volgorde=7)
    besluit = FakeBesluit(
        agendapunt_guid=agendapunt.guid,
        zaak_guids=(zaak.guid,),
        stemmings_soort="Met handopsteken",
        besluit_soort="Stemmen - aangenomen",
        besluit_tekst="Aangenomen.",
    )
    votes = [
        FakeStemming(
            besluit_guid=besluit.guid, fractie_guid=cda.guid, soort="Voor", fractie_grootte=5, actor_naam="CDA"
        ),
        FakeStemming(
            besluit_guid=besluit.guid, fractie_guid=sgp.guid, soort="Tegen", fractie_grootte=3, actor_naam="SGP"
        ),
    ]
    toezegging = FakeToezegging(
        nummer="TZ202406-045",
        tekst="De minister informeert de Kamer over videobellen met de meldkamer.",
        status="Deels Voldaan",
        datum_nakoming="2024-12-31",
        ministerie="Justitie en Veiligheid",
        toegezegd_aan_persoon=inge.guid,
        activiteit_guid=activiteit.guid,
        achternaam="Yeşilgöz-Zegerius",
    )
    tk.publish_many([cda, sgp, inge, zaak, document, actor, activiteit, agendapunt, besluit, *votes, toezegging])
    versie = tk.publish_documentversie(document.guid)
    return {"zaak": zaak, "document": document, "besluit": besluit, "versie": versie, "dossier": dossier}


def mirrored() -> dict[str, int]:
    models = (Kamerstukdossier, Document, DocumentVersie, Zaak, ZaakActor, Besluit, Stemming, Agendapunt)
    return {model.__name__: model.objects.count() for model in (*models, Activiteit, Toezegging, Persoon, Fractie)}


def test_every_kind_is_mirrored_with_its_fields(tk, tk_client):
    motion = publish_motion(tk)

    report = sync.run(client=tk_client)

    assert mirrored() == {
        "Kamerstukdossier": 1,
        "Document": 1,
        "DocumentVersie": 1,
        "Zaak": 1,
        "ZaakActor": 1,
        "Besluit": 1,
        "Stemming": 2,
        "Agendapunt": 1,
        "Activiteit": 1,
        "Toezegging": 1,
        "Persoon": 1,
        "Fractie": 2,
    }
    zaak = Zaak.objects.get()
    assert (zaak.guid, zaak.number, zaak.soort, zaak.afgedaan, zaak.kabinetsappreciatie, zaak.volgnummer) == (
        motion["zaak"].guid,
        "2024Z10123",
        "Motie",
        True,
        "Oordeel Kamer",
        100,
    )
    assert zaak.started_on == datetime.datetime(2024, 6, 11, tzinfo=CEST)
    assert zaak.kamerstukdossier.toevoeging == "VI" and zaak.tk_url.endswith("?id=2024Z10123")
    toezegging = Toezegging.objects.get()  # its entity came with the ns1: prefix
    assert (toezegging.number, toezegging.status, toezegging.due, toezegging.ministerie) == (
        "TZ202406-045",
        "Deels Voldaan",
        datetime.date(2024, 12, 31),
        "Justitie en Veiligheid",
    )
    assert toezegging.toegezegd_aan_persoon.full_name == "Inge van Dijk"
    assert (Fractie.objects.get(afkorting="CDA").name, Fractie.objects.get(afkorting="CDA").seats) == (
        "Christen-Democratisch Appèl",
        5,
    )
    document = Document.objects.select_related("dossier", "huidige_versie").get()
    assert (document.soort, document.volgnummer, document.dossier.key, document.huidige_versie.guid) == (
        "Motie",
        100,
        "36600-VI",
        motion["versie"],
    )
    assert report.changed["Zaak"] == [motion["zaak"].guid] and sorted(report.changed) == sorted(tk_fields.CATEGORIES)
    assert report.changed_documents == [document.pk]


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_entities_in_any_order_end_up_linked(tk, tk_client, order):
    motion = publish_motion(tk)
    categories = list(tk_fields.CATEGORIES)
    report = sync.SyncReport()

    for category in categories if order == "forward" else reversed(categories):
        sync.sync_category(category, client=tk_client, report=report)

    zaak = Zaak.objects.get()
    assert [(a.persoon.full_name, a.fractie.afkorting, a.relatie) for a in zaak.actors.all()] == [
        ("Inge van Dijk", "CDA", "Indiener")
    ]
    besluit = Besluit.objects.get()
    assert sorted((s.fractie.afkorting, s.soort, s.fractie_grootte) for s in besluit.stemmingen.all()) == [
        ("CDA", "Voor", 5),
        ("SGP", "Tegen", 3),
    ]
    assert [link.zaak.number for link in besluit.zaak_links.all()] == ["2024Z10123"]
    assert besluit.agendapunt.activiteit.date == datetime.datetime(2024, 6, 18, tzinfo=CEST)
    document = Document.objects.get()
    assert [link.zaak.number for link in document.zaak_links.all()] == ["2024Z10123"]
    assert (document.dossier, DocumentVersie.objects.get().document) == (Dossier.objects.get(number="36600"), document)
    assert Dossier.objects.get().tk_id == motion["dossier"]


def run_and_capture(tk_client):
    with CaptureQueriesContext(connection) as queries:
        report = sync.run(client=tk_client)
    return report, [query["sql"] for query in queries]


def test_a_reflood_of_every_category_writes_nothing(tk, tk_client):
    publish_motion(tk)
    sync.run(client=tk_client)
    before = {model: list(model.objects.values_list("pk", "updated_at")) for model in (Zaak, Besluit, Stemming)}
    assert tk.reflood() == 14

    report, statements = run_and_capture(tk_client)

    # Allowed, per category: reading its SyncState and, per page, what is stored of the page's
    # entities; updating its SyncState (the run, each page's skiptoken, the success). Nothing else.
    tables = [mirror.model._meta.db_table for mirror in sync.MIRRORS.values()]
    assert (report.entries, report.pages, report.changed_documents, report.changed) == (14, 12, [], {})
    assert Counter(statement(sql) for sql in statements if not sql.startswith(("SAVEPOINT", "RELEASE"))) == {
        "SELECT kamer_syncstate": 12,
        "UPDATE kamer_syncstate": 12 * 2 + 12,
        **{f"SELECT {table}": 1 for table in tables},
    }
    assert {model: list(model.objects.values_list("pk", "updated_at")) for model in before} == before


def statement(sql: str) -> str:
    """'INSERT kamer_zaak', 'UPDATE kamer_syncstate', ...: the verb and the table of a statement."""
    words = sql.replace('"', "").split()
    table = words[words.index("FROM") + 1] if words[0] == "SELECT" else words[2 if words[0] == "INSERT" else 1]
    return f"{words[0]} {table}"


def test_a_page_of_new_entities_is_stored_in_a_few_statements(tk, tk_client):
    tk.publish_many([FakeZaak(nummer=f"2024Z1000{n}", onderwerp=f"Motie {n}") for n in range(3)])
    SyncState.objects.create(category="Zaak")

    with CaptureQueriesContext(connection) as queries:
        sync.sync_category("Zaak", client=tk_client, report=sync.SyncReport())

    statements = [statement(q["sql"]) for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert statements == [
        "SELECT kamer_syncstate",
        "UPDATE kamer_syncstate",  # last run
        "UPDATE kamer_syncstate",  # the page: its skiptoken (first, so that a second worker waits)
        "SELECT kamer_zaak",  # the page: what is stored of its entities
        "INSERT kamer_zaak",  # the page: every new or newer one, in one INSERT ... ON CONFLICT
        "INSERT kamer_syncchange",  # the page: what it changed, kept for the hooks
        "UPDATE kamer_syncstate",  # last success
    ]
    assert "ON CONFLICT" in next(q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "kamer_zaak"'))
    assert sorted(Zaak.objects.values_list("number", flat=True)) == ["2024Z10000", "2024Z10001", "2024Z10002"]


def test_a_deletion_marks_the_row_and_keeps_its_fields(tk, tk_client):
    motion = publish_motion(tk)
    sync.run(client=tk_client)
    tk.delete(motion["zaak"].guid)
    tk.delete(motion["besluit"].guid)

    report = sync.run(client=tk_client)

    zaak, besluit = Zaak.objects.get(), Besluit.objects.get()
    assert (zaak.deleted, zaak.number, zaak.subject) == (
        True,
        "2024Z10123",
        "Motie van het lid Van Dijk c.s. over videobellen met de meldkamer",
    )
    assert (besluit.deleted, besluit.besluit_soort, [link.zaak_id for link in besluit.zaak_links.all()]) == (
        True,
        "Stemmen - aangenomen",
        [motion["zaak"].guid],
    )
    assert report.changed == {"Zaak": [motion["zaak"].guid], "Besluit": [motion["besluit"].guid]}
    assert list(Zaak.objects.motions()) == []


def test_an_entity_first_seen_deleted_is_stored_as_a_deleted_stub(tk_client):
    with FakeTK(compact=True) as tk:
        client = TKClient(tk.base_url, timeout=2, retries=2, page_pause=0, sleep=lambda seconds: None)
        persoon = FakePersoon(achternaam="Dijk", roepnaam="Diederik")
        tk.publish(persoon)
        tk.delete(persoon.guid)
        tk.publish(FakeZaakActor(zaak_guid=None, persoon_guid=persoon.guid, actor_naam="D. van Dijk"))

        sync.run(client=client)

    stub = Persoon.objects.get()
    assert (stub.guid, stub.deleted, stub.surname, stub.bijgewerkt is not None) == (persoon.guid, True, "", True)
    assert ZaakActor.objects.get().persoon == stub


def test_a_page_holding_an_entity_and_then_its_deletion_keeps_the_fields_and_marks_it(tk, tk_client):
    zaak = FakeZaak(nummer="2024Z30001", onderwerp="Motie over NL-Alert")
    tk.publish(zaak)
    tk.delete(zaak.guid)  # both entries on the first page the sync reads

    report = sync.run(client=tk_client)

    row = Zaak.objects.get()
    assert (row.deleted, row.number, row.subject) == (True, "2024Z30001", "Motie over NL-Alert")
    assert report.changed == {"Zaak": [zaak.guid]}


def test_an_entity_published_again_after_its_deletion_is_live(tk, tk_client):
    zaak = FakeZaak(nummer="2024Z30002", onderwerp="Motie over C2000")
    tk.publish(zaak)
    tk.delete(zaak.guid)
    tk.publish(replace(zaak, onderwerp="Motie over C2000 en VMX"))

    sync.run(client=tk_client)

    assert list(Zaak.objects.values_list("deleted", "subject")) == [(False, "Motie over C2000 en VMX")]


def test_a_newer_bijgewerkt_updates_and_an_older_one_does_not(tk, tk_client):
    zaak = FakeZaak(nummer="2024Z10123", onderwerp="Motie over de meldkamer", afgedaan=False)
    tk.publish(zaak)
    sync.run(client=tk_client)
    tk.publish(replace(zaak, afgedaan=True, kabinetsappreciatie="Ontraden"))
    sync.run(client=tk_client)
    newer = Zaak.objects.get()
    old_page = page_of(replace(zaak, onderwerp="Een oude versie").render("2001-01-01T00:00:00.0000000Z"))

    with CaptureQueriesContext(connection) as queries:
        changes = sync.record_entries(old_page.entries)

    zaak_row = Zaak.objects.get()
    assert (newer.afgedaan, newer.kabinetsappreciatie) == (True, "Ontraden")
    assert (zaak_row.subject, zaak_row.updated_at, changes.guids) == ("Motie over de meldkamer", newer.updated_at, {})
    assert [q["sql"].split(" ")[0] for q in queries] == ["SELECT"]


def page_of(*entity_xml: str):
    entries = "".join(
        f"""<entry><title>g{n}</title><updated>2001-01-01T00:00:00Z</updated><category term="x"/>
        <link rel="next" href="http://tk/Feed?skiptoken={n}"/><content type="application/xml">{xml}</content></entry>"""
        for n, xml in enumerate(entity_xml, start=1)
    )
    return parse_feed_page(f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'.encode())


def test_a_changed_besluit_replaces_its_zaak_links(tk, tk_client):
    zaken = [FakeZaak(nummer=f"2024Z2000{n}") for n in range(3)]
    besluit = FakeBesluit(zaak_guids=(zaken[0].guid, zaken[1].guid), besluit_soort="Ingediend")
    tk.publish_many([*zaken, besluit])
    sync.run(client=tk_client)
    tk.publish(replace(besluit, zaak_guids=(zaken[1].guid, zaken[2].guid), besluit_soort="Stemmen - verworpen"))

    sync.run(client=tk_client)

    links = BesluitZaak.objects.filter(besluit_id=besluit.guid).order_by("zaak__number")
    assert [link.zaak.number for link in links] == ["2024Z20001", "2024Z20002"]
    assert Besluit.objects.get().besluit_soort == "Stemmen - verworpen"


def test_values_the_columns_cannot_hold_are_cut_or_left_out():
    long_name = "Dijk" * 60  # 240 characters; the column holds 200
    xml = FakePersoon(achternaam=long_name, roepnaam="Inge").render("2024-06-11T10:00:00.0000000Z")
    vote = FakeStemming(besluit_guid=None, fractie_grootte=2**40, actor_naam="CDA").render("2024-06-11T10:00:00Z")

    sync.record_entries(page_of(xml, vote).entries)

    assert (Persoon.objects.get().surname, Persoon.objects.get().roepnaam) == (long_name[:200], "Inge")
    assert (Stemming.objects.get().fractie_grootte, Stemming.objects.get().actor_name) == (None, "CDA")


def test_only_the_categories_of_the_setting_are_followed(tk, tk_client, settings):
    settings.TK_SYNC_CATEGORIES = ["zaak", "Fractie"]
    publish_motion(tk)

    sync.run(client=tk_client)

    asked = [path for method, path in tk.requests if "/Feed" in path]
    assert [path.split("category=")[1].split("&")[0] for path in asked] == ["Zaak", "Fractie"]
    assert (Zaak.objects.count(), Fractie.objects.count(), Document.objects.count()) == (1, 2, 0)
    assert list(SyncState.objects.values_list("category", flat=True)) == ["Fractie", "Zaak"]


def test_the_settings_list_every_category_the_parser_reads(settings):
    assert settings.TK_SYNC_ALL_CATEGORIES == list(tk_fields.CATEGORIES)
