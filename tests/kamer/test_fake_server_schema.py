"""Every entity FakeTK serves validates against the official tkData schema (samples/tk-opendata/xsd/)."""

import copy
import urllib.request
from urllib.parse import urlencode

import pytest
from lxml import etree

from kamer.tk import fields as f
from tests.kamer.fake_server import PDF, FakeTK
from tests.kamer.recorded import XSD_DIR, renamespaced_entry

ATOM_ENTRY = f.atom(f.ENTRY)
ATOM_CONTENT = f.atom(f.CONTENT)


@pytest.fixture(scope="module")
def schema():
    # tkData-v1-0.xsd includes every entity schema (document, kamerstukdossier, zaak, ...).
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "tkData-v1-0.xsd")))


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
