"""Parse one page of the Tweede Kamer SyncFeed (Atom) into frozen records.

A page looks like this (namespaces as on the live feed):

    <feed xmlns="http://www.w3.org/2005/Atom">
      <link rel="next" href=".../SyncFeed/2.0/Feed?category=Document&amp;skiptoken=42"/>  (only if more)
      <entry>
        <title>GUID</title> <updated>...</updated> <category term="document"/>
        <link rel="next" href=".../SyncFeed/2.0/Feed?category=Document&amp;skiptoken=41"/>
        <link rel="enclosure" href=".../SyncFeed/2.0/Resources/GUID"/>
        <content type="application/xml">
          <document xmlns="tkData" xmlns:tk="tkData" id="GUID" tk:bijgewerkt="..." tk:verwijderd="false"
                    tk:contentType="..." tk:contentLength="...">
            <kamerstukdossier ref="GUID"/> <soort>Brief regering</soort> ...

Skiptokens: every entry's own `link rel="next"` carries the token that resumes right after that
entry; the feed-level `link rel="next"` (present while more entries follow) carries the token of
the last entry on the page. `FeedPage.next_skiptoken` is the token to store after processing the
page: the feed-level one if present, else the last entry's; None only for an empty page (keep the
token you had). `FeedPage.has_more` tells whether the feed announced a further page.

Each entry's entity becomes its record (kamer.tk.entities: one frozen record class per kind of
fields.KINDS, read by namespace); `FeedEntry.record` is None for a kind we do not read.

Parsing is defensive: no DTDs, no entities, no network, no huge trees. Anything wrong raises
FeedError with a plain reason; lxml exceptions never escape. The parser is lenient where the live
feed varies: the tkData attributes may be namespaced (tk:bijgewerkt) or not, booleans may be
"True", and entity children may lack the namespace (as in the recorded samples).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from kamer.tk import fields as f
from kamer.tk.entities import (
    ActiviteitRecord,
    AgendapuntRecord,
    BesluitRecord,
    DocumentRecord,
    DocumentVersieRecord,
    DossierRecord,
    FractieRecord,
    PersoonRecord,
    StemmingRecord,
    ToezeggingRecord,
    ZaakActorRecord,
    ZaakRecord,
    deleted_flag,
    read_entity,
)
from kamer.tk.errors import FeedError

__all__ = [
    "ActiviteitRecord",
    "AgendapuntRecord",
    "BesluitRecord",
    "DocumentRecord",
    "DocumentVersieRecord",
    "DossierRecord",
    "FeedEntry",
    "FeedError",
    "FeedPage",
    "FractieRecord",
    "PersoonRecord",
    "StemmingRecord",
    "ToezeggingRecord",
    "ZaakActorRecord",
    "ZaakRecord",
    "entity_record",
    "parse_entity",
    "parse_feed_page",
    "parse_xml",
]


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    updated: str
    category: str  # the entry's category term: "document", "kamerstukdossier", ...
    enclosure_url: str | None
    deleted: bool
    record: object | None  # the entity's record (DocumentRecord, ZaakRecord, ...); None for a kind we skip

    @property
    def document(self):
        return self._record_of(f.DOCUMENT)

    @property
    def dossier(self):
        return self._record_of(f.KAMERSTUKDOSSIER)

    @property
    def zaak(self):
        return self._record_of(f.ZAAK)

    def _record_of(self, element: str):
        return self.record if self.record is not None and self.record.kind.element == element else None


@dataclass(frozen=True)
class FeedPage:
    entries: tuple[FeedEntry, ...]
    next_skiptoken: int | None
    has_more: bool = False


def parse_feed_page(data: bytes) -> FeedPage:
    """One SyncFeed page (the raw bytes of the HTTP body) -> FeedPage, or FeedError."""
    root = parse_xml(data, "de feedpagina")
    if root.tag != f.atom(f.FEED):
        raise FeedError(f"de pagina is geen Atom-feed: het hoofdelement is <{_describe(root)}>")
    parsed = [_parse_entry(el, n) for n, el in enumerate(root.findall(f.atom(f.ENTRY)), start=1)]
    entries = tuple(entry for entry, _ in parsed)
    feed_next = _link(root, f.REL_NEXT)
    if feed_next is not None:
        return FeedPage(entries, _skiptoken(feed_next, 'de <link rel="next"> van de feed'), has_more=True)
    return FeedPage(entries, parsed[-1][1] if parsed else None, has_more=False)


def parse_entity(data: bytes):
    """A bare entity element (bytes) -> its record; None for an entity kind we do not read."""
    return entity_record(parse_xml(data, "de entiteit"))


def entity_record(el: etree._Element):
    """A tkData entity element -> its record (see kamer.tk.entities), or None for a kind we skip."""
    return read_entity(el)


def parse_xml(data: bytes, what: str) -> etree._Element:
    """Parse untrusted XML bytes safely; refuse DTDs. Raises FeedError, never an lxml error."""
    if not isinstance(data, bytes | bytearray):
        raise FeedError(f"{what} moet bytes zijn, geen {type(data).__name__}")
    if not data.strip():
        raise FeedError(f"{what} is leeg")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(bytes(data), parser=parser)
    except etree.LxmlError as exc:
        raise FeedError(f"{what} is geen goed gevormde XML: {_first_line(exc)}") from None
    if root is None:
        raise FeedError(f"{what} heeft geen hoofdelement")
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise FeedError(f"{what} bevat een DTD (<!DOCTYPE ...>); uit veiligheid geweigerd")
    return root


def _parse_entry(el: etree._Element, n: int) -> tuple[FeedEntry, int]:
    guid = _atom_text(el, f.TITLE, f"entry {n}")
    where = f"entry {n} ({guid})"
    updated = _atom_text(el, f.UPDATED, where)
    category = _category(el, where)
    next_href = _link(el, f.REL_NEXT)
    if next_href is None:
        raise FeedError(f'{where} heeft geen <link rel="next"> met skiptoken')
    entity = _content_entity(el, where)
    record = entity_record(entity)
    deleted = record.deleted if record else deleted_flag(entity)
    entry = FeedEntry(guid, updated, category, _link(el, f.REL_ENCLOSURE), deleted, record)
    return entry, _skiptoken(next_href, f'de <link rel="next"> van {where}')


def _atom_text(el: etree._Element, name: str, where: str) -> str:
    child = el.find(f.atom(name))
    text = (child.text or "").strip() if child is not None else ""
    if not text:
        raise FeedError(f"{where} heeft geen <{name}>")
    return text


def _category(el: etree._Element, where: str) -> str:
    child = el.find(f.atom(f.CATEGORY))
    term = (child.get(f.TERM) or "").strip() if child is not None else ""
    if not term:
        raise FeedError(f"{where} heeft geen <category term=...>")
    return term


def _link(el: etree._Element, rel: str) -> str | None:
    for link in el.findall(f.atom(f.LINK)):
        if link.get(f.REL) == rel and (link.get(f.HREF) or "").strip():
            return link.get(f.HREF).strip()
    return None


def _skiptoken(href: str, where: str) -> int:
    params = {key.lower(): value for key, value in parse_qsl(urlsplit(href).query)}
    value = params.get(f.PARAM_SKIPTOKEN.lower(), "")
    if not value.isdigit():
        raise FeedError(f"{where} bevat geen numeriek skiptoken: {href!r}")
    return int(value)


def _content_entity(el: etree._Element, where: str) -> etree._Element:
    content = el.find(f.atom(f.CONTENT))
    if content is None:
        raise FeedError(f"{where} heeft geen <content>")
    children = [child for child in content if isinstance(child.tag, str)]
    if len(children) != 1:
        raise FeedError(f"{where} hoort in <content> precies één entiteit te bevatten, maar bevat er {len(children)}")
    return children[0]


def _describe(el: etree._Element) -> str:
    qname = etree.QName(el)
    return f"{qname.localname} xmlns={qname.namespace!r}" if qname.namespace else qname.localname


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or ["onbekende fout"])[0]
