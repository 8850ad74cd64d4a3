"""The recorded Kamer responses and official schemas in samples/tk-opendata, for the tests."""

import json
from functools import cache
from pathlib import Path

from lxml import etree

from kamer.tk import fields as f

TK_SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "tk-opendata"
XSD_DIR = TK_SAMPLES / "xsd"
RECORDED = TK_SAMPLES / "syncfeed"
ODATA = TK_SAMPLES / "odata"
RECORDED_BESLUIT = ODATA / "besluit_motie_expanded__mentalist_singular.besluit.json"
_ENTITY_ATTRIBUTES = (f.ATTR_BIJGEWERKT, f.ATTR_VERWIJDERD, f.ATTR_CONTENT_TYPE, f.ATTR_CONTENT_LENGTH)


def renamespaced_entry(name: str) -> etree._Element:
    """A recorded entry (namespaces stripped by the recorder) with the live feed's namespaces put back:
    Atom on the entry, tkData on the entity and its children, tk: on the schema's global attributes,
    xsi:nil for nil."""
    entry = etree.fromstring((RECORDED / name).read_bytes())
    content = entry.find(f.CONTENT)
    for el in entry.iter():
        inside = el is not content and content in el.iterancestors()
        el.tag = f.tk(el.tag) if inside else f.atom(el.tag)
        if inside:
            _qualify_attributes(el)
    etree.cleanup_namespaces(entry, top_nsmap={None: f.ATOM_NS, "tk": f.TK_NS, "xsi": f.XSI_NS})
    return entry


def _qualify_attributes(el: etree._Element) -> None:
    for name in _ENTITY_ATTRIBUTES:
        if name in el.attrib:
            el.set(f.tk(name), el.attrib.pop(name))
    if f.XSI_NIL in el.attrib:
        el.set(f.xsi(f.XSI_NIL), el.attrib.pop(f.XSI_NIL))


def feed_of(*entries: etree._Element, next_href: str | None = None) -> bytes:
    """Wrap entries in an Atom <feed>, optionally with a feed-level next link."""
    feed = etree.Element(f.atom(f.FEED), nsmap={None: f.ATOM_NS})
    if next_href:
        etree.SubElement(feed, f.atom(f.LINK), rel=f.REL_NEXT, href=next_href)
    feed.extend(entries)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")


@cache
def tk_schema() -> etree.XMLSchema:
    """The official schema; tkData-v1-0.xsd includes every entity schema (document, zaak, toezegging, ...)."""
    return etree.XMLSchema(etree.parse(str(XSD_DIR / "tkData-v1-0.xsd")))


def recorded_besluit() -> dict:
    """The recorded OData Besluit with its Zaak (a Motie), ZaakActor, Document and Stemmingen."""
    return json.loads(RECORDED_BESLUIT.read_text(encoding="utf-8"))
