"""Every entity FakeTK serves validates against the official tkData schema (samples/tk-opendata/xsd/):
documents with versions and deletions, every kind of the Kamer's record, deletions of every kind, entities
with every optional value missing, and Toezegging under its `ns1:` prefix."""

import copy
import urllib.request
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from lxml import etree

from kamer.tk import fields as f
from tests.kamer.fake_server import CATEGORIES, PDF, FakeTK
from tests.kamer.fake_server.entities import (
    KINDS,
    Activiteit,
    Agendapunt,
    Besluit,
    Document,
    DocumentVersie,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    Toezegging,
    Zaak,
    ZaakActor,
)
from tests.kamer.fake_server.pages import entries, fetch_pages
from tests.kamer.fake_server.record import publish_kamer_record
from tests.kamer.recorded import renamespaced_entry, tk_schema

ATOM_ENTRY = f.atom(f.ENTRY)
ATOM_CONTENT = f.atom(f.CONTENT)


@pytest.fixture(scope="module")
def schema():
    return tk_schema()


@pytest.fixture(scope="module")
def scenario():
    """Documents in two dossiers, a new .docx version, a PDF replacing a .docx, a deletion; page size 2."""
    with FakeTK(page_size=2) as fake:
        letter = fake.publish_document(
            content=b"PK\x03\x04 verzamelbrief",
            document_nummer="2025D43420",
            titel="Brandweer & crisisbeheersing",
            onderwerp="Verzamelbrief brandweer, crisisbeheersing en meldkamers",
            volgnummer=264,
        )
        answer = fake.publish_document(
            content=b"PK\x03\x04 antwoord",
            document_nummer="2024D11356",
            titel="Naar een veiliger samenleving",
            onderwerp="Beantwoording Kamervragen <ME-inzet> in Arnhem",
            datum="2024-03-24",
            dossier=("28684", None),
            vergaderjaar="2023-2024",
            dossier_titel="Naar een veiliger samenleving",
        )
        budget = fake.publish_document(
            content=b"PK\x03\x04 begroting",
            document_nummer="2025D50001",
            titel="Begroting JenV",
            datum="2025-12-01",
            dossier=("36600", "VI"),
            volgnummer=100,
        )
        fake.publish_new_version(letter, b"PK\x03\x04 verzamelbrief, tweede versie")
        fake.publish_new_version(answer, b"%PDF-1.7 typeset", content_type=PDF)
        fake.delete_document(budget)
        pages = {category: fetch_all_pages(fake, category) for category in ("Document", "Kamerstukdossier", None)}
        yield pages


def fetch_all_pages(fake: FakeTK, category: str | None) -> list[bytes]:
    """Every page over HTTP, following the feed-level next link as a client does."""
    params = {"category": category} if category else {}
    url = f"{fake.base_url}/SyncFeed/2.0/Feed?{urlencode(params)}"
    pages = []
    while url:
        with urllib.request.urlopen(url, timeout=5) as response:
            pages.append(response.read())
        root = etree.fromstring(pages[-1])
        url = next((link.get("href") for link in root.findall(f.atom(f.LINK)) if link.get("rel") == "next"), None)
    return pages


def entities(pages: list[bytes]) -> list[etree._Element]:
    """The entity element of every entry, as a standalone document (namespaces kept)."""
    found = []
    for page in pages:
        for entry in etree.fromstring(page).iter(ATOM_ENTRY):
            (entity,) = entry.find(ATOM_CONTENT)
            found.append(etree.fromstring(etree.tostring(entity)))
    return found


def errors(schema, el) -> list[str]:
    schema.validate(el)
    return [error.message for error in schema.error_log]


@pytest.mark.parametrize("category", ["Document", "Kamerstukdossier", None])
def test_every_entity_on_every_page_validates(schema, scenario, category):
    checked = entities(scenario[category])

    assert [errors(schema, el) for el in checked] == [[]] * len(checked)
    expected = {"Document": 6, "Kamerstukdossier": 3, None: 9}[category]
    assert len(checked) == expected


def test_the_scenario_covers_versions_pdf_and_deletion(scenario):
    documents = entities(scenario["Document"])

    def summary(el):
        return (
            el.get(f.tk(f.ATTR_VERWIJDERD)),
            el.get(f.tk(f.ATTR_CONTENT_TYPE)),
            el.findtext(f.tk(f.DOCUMENT_NUMMER)),
        )

    assert [summary(el) for el in documents] == [
        ("false", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "2025D43420"),
        ("false", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "2024D11356"),
        ("false", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "2025D50001"),
        ("false", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "2025D43420"),
        ("false", "application/pdf", "2024D11356"),
        ("true", None, None),
    ]
    assert len(documents[-1]) == 0  # a deletion is an empty element
    assert [len(page) > 0 for page in scenario["Document"]] == [True, True, True]
    assert len(scenario["Document"]) == 3


def test_pages_are_atom_with_the_tk_namespace_on_the_entity(scenario):
    root = etree.fromstring(scenario["Document"][0])
    entity = root.find(f"{ATOM_ENTRY}/{ATOM_CONTENT}")[0]

    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert entity.tag == "{http://www.tweedekamer.nl/xsd/tkData/v1-0}document"
    assert entity.nsmap == {
        None: "http://www.tweedekamer.nl/xsd/tkData/v1-0",
        "tk": "http://www.tweedekamer.nl/xsd/tkData/v1-0",
        "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    }
    assert sorted(entity.attrib) == [
        "id",
        "{http://www.tweedekamer.nl/xsd/tkData/v1-0}bijgewerkt",
        "{http://www.tweedekamer.nl/xsd/tkData/v1-0}contentLength",
        "{http://www.tweedekamer.nl/xsd/tkData/v1-0}contentType",
        "{http://www.tweedekamer.nl/xsd/tkData/v1-0}verwijderd",
    ]


def test_the_recorded_live_dossier_validates_too(schema):
    entry = renamespaced_entry("wetsuite_entry_kamerstukdossier_30218.nsstripped.xml")
    (entity,) = entry.find(ATOM_CONTENT)

    assert errors(schema, etree.fromstring(etree.tostring(entity))) == []


def first_document(scenario) -> etree._Element:
    return entities(scenario["Document"])[0]


def broken(el: etree._Element, change) -> etree._Element:
    el = copy.deepcopy(el)
    change(el)
    return el


def swap_soort_and_nummer(el):
    soort = el.find(f.tk(f.DOCUMENT_SOORT))
    el.remove(soort)
    el.find(f.tk(f.DOCUMENT_NUMMER)).addnext(soort)


def unqualified_bijgewerkt(el):
    el.set(f.ATTR_BIJGEWERKT, el.attrib.pop(f.tk(f.ATTR_BIJGEWERKT)))


def dossier_as_text(el):
    ref = el.find(f.tk(f.DOCUMENT_REF_KAMERSTUKDOSSIER))
    del ref.attrib[f.ATTR_REF]
    ref.text = "29517"


def date_without_time(el):
    el.find(f.tk(f.DOCUMENT_DATUM)).text = "2025-10-03"


def unknown_child(el):
    el.append(etree.Element(f.tk("dossiernummer")))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            swap_soort_and_nummer,
            "Element '{http://www.tweedekamer.nl/xsd/tkData/v1-0}soort': This element is not expected.",
        ),
        (unqualified_bijgewerkt, "The attribute 'bijgewerkt' is not allowed."),
        (dossier_as_text, "Element '{http://www.tweedekamer.nl/xsd/tkData/v1-0}kamerstukdossier': Character content"),
        (date_without_time, "'2025-10-03' is not a valid value of the atomic type 'xs:dateTime'."),
        (unknown_child, "Element '{http://www.tweedekamer.nl/xsd/tkData/v1-0}dossiernummer': This element is not"),
    ],
)
def test_a_deliberately_wrong_element_fails(schema, scenario, change, expected):
    good = first_document(scenario)

    problems = errors(schema, broken(good, change))

    assert errors(schema, good) == []
    assert problems != []
    assert any(expected in problem for problem in problems), problems


TK = "{http://www.tweedekamer.nl/xsd/tkData/v1-0}"
ELEMENT_OF = {kind.category: kind.tag for kind in KINDS}


@pytest.fixture(scope="module")
def record_pages():
    """The Kamer's record, then one deletion of each kind; every category's pages over HTTP, page size 50."""
    with FakeTK(page_size=50) as fake:
        publish_kamer_record(fake, letter=b"PK\x03\x04 verzamelbrief")
        deleted = {}
        for entry in entries(fetch_pages(fake, None)):
            deleted.setdefault(entry.term, entry.guid)
        for guid in deleted.values():
            fake.delete(guid)
        yield {category: fetch_pages(fake, category) for category in CATEGORIES}


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_kind_of_the_record_validates(schema, record_pages, category):
    found = entries(record_pages[category])

    assert [errors(schema, entry.entity) for entry in found] == [[]] * len(found)
    assert {entry.entity.tag for entry in found} == {TK + ELEMENT_OF[category]}
    assert {entry.term for entry in found} == {ELEMENT_OF[category]}
    assert sum(entry.entity.get(f.tk(f.ATTR_VERWIJDERD)) == "false" for entry in found) >= 1


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_deletion_of_every_kind_is_an_empty_valid_element(schema, record_pages, category):
    found = entries(record_pages[category])
    (deletion,) = [e for e in found if e.entity.get(f.tk(f.ATTR_VERWIJDERD)) == "true"]
    earlier = [e for e in found if e.guid == deletion.guid and e.seq < deletion.seq]

    assert errors(schema, deletion.entity) == []
    assert (len(deletion.entity), deletion.entity.get(f.ATTR_ID), len(earlier)) == (0, deletion.guid, 1)
    assert sorted(deletion.entity.attrib) == ["id", TK + "bijgewerkt", TK + "verwijderd"]


def test_the_record_serves_these_counts_per_category(record_pages):
    counts = {category: len(entries(record_pages[category])) for category in CATEGORIES}

    # One extra entry per category: its deletion. 150 members, 15 fracties; 10 fracties' votes x 15 + 150.
    assert counts == {
        "Kamerstukdossier": 6,
        "Document": 13,
        "DocumentVersie": 13,
        "Zaak": 13,
        "ZaakActor": 21,
        "Besluit": 23,
        "Stemming": 301,
        "Agendapunt": 14,
        "Activiteit": 14,
        "Toezegging": 11,
        "Persoon": 151,
        "Fractie": 16,
    }


MINIMAL = [
    Kamerstukdossier(guid="581eb81e-a5f3-51bf-b5a9-a200f99194f8", nummer="29517"),
    Document(document_nummer="2025D00001", titel="Brief"),
    DocumentVersie(document_guid=None, versienummer=None, status=None, extensie=None),
    Zaak(nummer="2025Z00001", soort=None, afgedaan=None, groot_project=None, status=None),
    ZaakActor(zaak_guid=None, functie=None, relatie=None),
    Besluit(status=None, volgorde=None),
    Stemming(besluit_guid=None, soort=None, vergissing=None),
    Agendapunt(activiteit_guid=None, status=None),
    Activiteit(soort=None, datum_soort=None, locatie=None),
    Toezegging(nummer=None, status=None),
    Persoon(functie=None, land=None),
    Fractie(),
]


@pytest.mark.parametrize("entity", MINIMAL, ids=lambda entity: entity.category)
def test_every_kind_with_every_optional_value_missing_validates(schema, entity):
    el = etree.fromstring(entity.render("2025-10-03T10:00:00.0000000Z"))
    nils = [child for child in el if child.get(f.xsi(f.XSI_NIL)) == "true"]

    assert errors(schema, el) == []
    assert (el.get(f.ATTR_ID), len(nils) > 0) == (entity.guid, True)


def test_minimal_kinds_cover_every_kind():
    assert sorted(entity.category for entity in MINIMAL) == sorted(CATEGORIES)


def test_toezegging_is_written_with_the_ns1_prefix(record_pages):
    page = record_pages["Toezegging"][0]
    (first, *_) = entries([page])
    raw = etree.tostring(first.entity).decode()

    assert b'<ns1:toezegging xmlns:ns1="http://www.tweedekamer.nl/xsd/tkData/v1-0"' in page
    assert b"<toezegging" not in page and b"<ns1:tekst>" in page and b'ns1:bijgewerkt="' in page
    assert first.entity.prefix == "ns1" and first.entity.nsmap.get(None) != f.TK_NS
    assert {child.prefix for child in first.entity} == {"ns1"}
    assert first.entity.find(TK + "tekst").text.startswith("De minister")
    assert first.entity.find("tekst") is None  # by prefix-less name: nothing; only by namespace
    assert raw.count("xmlns:ns1=") == 1


def test_other_kinds_use_the_default_namespace(record_pages):
    (zaak, *_) = entries(record_pages["Zaak"])

    assert (zaak.entity.prefix, zaak.entity.nsmap[None]) == (None, "http://www.tweedekamer.nl/xsd/tkData/v1-0")
    assert {child.prefix for child in zaak.entity} == {None}


def wrong_status(el):
    el.find(TK + "status").text = "Afgerond"


def unprefixed_child(el):
    el.append(etree.Element("tekst"))


def tekst_before_status(el):
    tekst = el.find(TK + "tekst")
    el.remove(tekst)
    el.find(TK + "status").addprevious(tekst)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (wrong_status, "'Afgerond' is not an element of the set"),
        (unprefixed_child, "Element 'tekst': This element is not expected."),
        (tekst_before_status, "Element '{http://www.tweedekamer.nl/xsd/tkData/v1-0}status': This element is not"),
    ],
)
def test_a_deliberately_wrong_toezegging_fails(schema, record_pages, change, expected):
    (good, *_) = entries(record_pages["Toezegging"])

    problems = errors(schema, broken(good.entity, change))

    assert errors(schema, good.entity) == []
    assert any(expected in problem for problem in problems), problems


def test_a_toezegging_status_outside_the_schema_is_refused():
    with pytest.raises(ValueError, match="status must be one of"):
        Toezegging(nummer="TZ202501-001", status="Deels voldaan")


def test_a_republished_entity_validates_with_its_change(schema):
    zaak = Zaak(nummer="2024Z06013", onderwerp="Motie van het lid Michon-Derkzen over de pilots")
    changed = etree.fromstring(replace(zaak, afgedaan=True).render("2025-10-03T10:00:00.0000000Z"))

    assert errors(schema, changed) == []
    assert changed.findtext(TK + "afgedaan") == "true"
