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

Parsing is defensive: no DTDs, no entities, no network, no huge trees. Anything wrong raises
FeedError with a plain reason; lxml exceptions never escape. The parser is lenient where the live
feed varies: the tkData attributes may be namespaced (tk:bijgewerkt) or not, booleans may be
"True", and entity children may lack the namespace (as in the recorded samples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from kamer.tk import fields as f

_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:$|T)")


class FeedError(ValueError):
    """A feed page (or entity) that cannot be read; `reason` says why in plain words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    bijgewerkt: str
    deleted: bool
    content_type: str | None
    content_length: int | None
    soort: str | None
    document_nummer: str | None
    titel: str | None
    onderwerp: str | None
    datum: str | None  # "YYYY-MM-DD": the date part of the feed's xs:dateTime
    volgnummer: int | None
    vergaderjaar: str | None
    kamerstukdossier_ids: tuple[str, ...]
    zaak_ids: tuple[str, ...]


@dataclass(frozen=True)
class DossierRecord:
    id: str
    nummer: str | None  # "29517"; None only for a deletion
    toevoeging: str | None  # "VI" in 36600-VI
    titel: str | None
    bijgewerkt: str
    deleted: bool


@dataclass(frozen=True)
class ZaakRecord:
    id: str
    nummer: str | None
    soort: str | None
    onderwerp: str | None
    kamerstukdossier_ids: tuple[str, ...]
    bijgewerkt: str
    deleted: bool


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    updated: str
    category: str  # the entry's category term: "document", "kamerstukdossier", ...
    enclosure_url: str | None
    deleted: bool
    document: DocumentRecord | None
    dossier: DossierRecord | None
    zaak: ZaakRecord | None


@dataclass(frozen=True)
class FeedPage:
    entries: tuple[FeedEntry, ...]
    next_skiptoken: int | None
    has_more: bool = False


Entity = DocumentRecord | DossierRecord | ZaakRecord


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


def parse_entity(data: bytes) -> Entity | None:
    """A bare entity element (bytes) -> its record; None for an entity kind we do not read."""
    return entity_record(parse_xml(data, "de entiteit"))


def entity_record(el: etree._Element) -> Entity | None:
    """A tkData entity element -> DocumentRecord / DossierRecord / ZaakRecord, or None."""
    reader = _READERS.get(_local(el))
    return reader(el) if reader else None


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
    deleted = record.deleted if record else _deleted(entity)
    entry = FeedEntry(
        guid=guid,
        updated=updated,
        category=category,
        enclosure_url=_link(el, f.REL_ENCLOSURE),
        deleted=deleted,
        document=record if isinstance(record, DocumentRecord) else None,
        dossier=record if isinstance(record, DossierRecord) else None,
        zaak=record if isinstance(record, ZaakRecord) else None,
    )
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


def _read_document(el: etree._Element) -> DocumentRecord:
    base = _base(el)
    return DocumentRecord(
        id=base.id,
        bijgewerkt=base.bijgewerkt,
        deleted=base.deleted,
        content_type=_attr(el, f.ATTR_CONTENT_TYPE),
        content_length=_int_value(_attr(el, f.ATTR_CONTENT_LENGTH), f.ATTR_CONTENT_LENGTH, base.id),
        soort=_text(el, f.DOCUMENT_SOORT),
        document_nummer=_text(el, f.DOCUMENT_NUMMER),
        titel=_text(el, f.DOCUMENT_TITEL),
        onderwerp=_text(el, f.DOCUMENT_ONDERWERP),
        datum=_date(_text(el, f.DOCUMENT_DATUM)),
        volgnummer=_int_value(_text(el, f.DOCUMENT_VOLGNUMMER), f.DOCUMENT_VOLGNUMMER, base.id),
        vergaderjaar=_text(el, f.DOCUMENT_VERGADERJAAR),
        kamerstukdossier_ids=_refs(el, f.DOCUMENT_REF_KAMERSTUKDOSSIER),
        zaak_ids=_refs(el, f.DOCUMENT_REF_ZAAK),
    )


def _read_dossier(el: etree._Element) -> DossierRecord:
    base = _base(el)
    return DossierRecord(
        id=base.id,
        nummer=_text(el, f.DOSSIER_NUMMER),
        toevoeging=_text(el, f.DOSSIER_TOEVOEGING),
        titel=_text(el, f.DOSSIER_TITEL),
        bijgewerkt=base.bijgewerkt,
        deleted=base.deleted,
    )


def _read_zaak(el: etree._Element) -> ZaakRecord:
    base = _base(el)
    return ZaakRecord(
        id=base.id,
        nummer=_text(el, f.ZAAK_NUMMER),
        soort=_text(el, f.ZAAK_SOORT),
        onderwerp=_text(el, f.ZAAK_ONDERWERP),
        kamerstukdossier_ids=_refs(el, f.ZAAK_REF_KAMERSTUKDOSSIER),
        bijgewerkt=base.bijgewerkt,
        deleted=base.deleted,
    )


_READERS = {f.DOCUMENT: _read_document, f.KAMERSTUKDOSSIER: _read_dossier, f.ZAAK: _read_zaak}


@dataclass(frozen=True)
class _Base:
    id: str
    bijgewerkt: str
    deleted: bool


def _base(el: etree._Element) -> _Base:
    entity_id = (el.get(f.ATTR_ID) or "").strip()
    if not entity_id:
        raise FeedError(f"een <{_local(el)}> heeft geen attribuut id")
    bijgewerkt = _attr(el, f.ATTR_BIJGEWERKT)
    if bijgewerkt is None:
        raise FeedError(f"<{_local(el)}> {entity_id} heeft geen attribuut bijgewerkt")
    return _Base(entity_id, bijgewerkt, _deleted(el))


def _deleted(el: etree._Element) -> bool:
    value = _attr(el, f.ATTR_VERWIJDERD)
    if value is None:
        raise FeedError(f"<{_local(el)}> {el.get(f.ATTR_ID)} heeft geen attribuut verwijderd")
    return _bool(value, f"het attribuut verwijderd van {el.get(f.ATTR_ID)}")


def _attr(el: etree._Element, name: str) -> str | None:
    """A tkData attribute, namespaced (as the schema says) or plain (as some recordings have it)."""
    value = el.get(f.tk(name))
    if value is None:
        value = el.get(name)
    value = value.strip() if value is not None else None
    return value or None


def _bool(value: str, where: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise FeedError(f"{where} moet true of false zijn, niet {value!r}")


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in el if child.tag in (f.tk(name), name)]


def _is_nil(el: etree._Element) -> bool:
    nil = el.get(f.xsi(f.XSI_NIL)) or el.get(f.XSI_NIL) or ""
    return nil.strip().lower() in ("true", "1")


def _text(el: etree._Element, name: str) -> str | None:
    found = _children(el, name)
    if not found or _is_nil(found[0]):
        return None
    return (found[0].text or "").strip() or None


def _refs(el: etree._Element, name: str) -> tuple[str, ...]:
    refs = ((child.get(f.ATTR_REF) or "").strip() for child in _children(el, name) if not _is_nil(child))
    return tuple(ref for ref in refs if ref)


def _int_value(value: str | None, name: str, entity_id: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise FeedError(f"{name} van {entity_id} is geen geheel getal: {value!r}") from None


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    match = _DATE_PREFIX.match(value)
    return match.group(1) if match else value


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _describe(el: etree._Element) -> str:
    qname = etree.QName(el)
    return f"{qname.localname} xmlns={qname.namespace!r}" if qname.namespace else qname.localname


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or ["onbekende fout"])[0]
