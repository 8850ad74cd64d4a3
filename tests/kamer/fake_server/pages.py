"""Reading FakeTK's feed the way a client does, for the tests of the fake itself (not a SyncFeed client:
kamer/tk/ is that). Every entry as (seq, category term, guid, entity element), every page over HTTP."""

from __future__ import annotations

import urllib.request
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from lxml import etree

from kamer.tk import fields as f
from tests.kamer.fake_server.server import FakeTK

ATOM_ENTRY = f.atom(f.ENTRY)
ATOM_LINK = f.atom(f.LINK)


@dataclass(frozen=True)
class Entry:
    seq: int  # the skiptoken in the entry's own next link
    term: str  # <category term="zaakActor"/>
    guid: str  # <title>
    entity: etree._Element  # the entity element, as a standalone document (namespaces kept)


def fetch_pages(tk: FakeTK, category: str | None, skiptoken: int | None = None) -> list[bytes]:
    """Every page over HTTP, following the feed-level next link as a client does."""
    params = {f.PARAM_CATEGORY: category} if category else {}
    if skiptoken is not None:
        params[f.PARAM_SKIPTOKEN] = str(skiptoken)
    url: str | None = f"{tk.base_url}/{f.FEED_PATH}?{urlencode(params)}"
    pages = []
    while url:
        with urllib.request.urlopen(url, timeout=5) as response:
            pages.append(response.read())
        url = next_link(etree.fromstring(pages[-1]))
    return pages


def entries(pages: list[bytes]) -> list[Entry]:
    found = []
    for page in pages:
        for entry in etree.fromstring(page).iter(ATOM_ENTRY):
            (entity,) = entry.find(f.atom(f.CONTENT))
            found.append(
                Entry(
                    seq=skiptoken_of(next_link(entry)),
                    term=entry.find(f.atom(f.CATEGORY)).get(f.TERM),
                    guid=entry.findtext(f.atom(f.TITLE)),
                    entity=etree.fromstring(etree.tostring(entity)),
                )
            )
    return found


def next_link(el: etree._Element) -> str | None:
    return next((link.get(f.HREF) for link in el.findall(ATOM_LINK) if link.get(f.REL) == f.REL_NEXT), None)


def skiptoken_of(url: str | None) -> int | None:
    return int(parse_qs(urlsplit(url).query)[f.PARAM_SKIPTOKEN][0]) if url else None


def refs(entity: etree._Element) -> list[tuple[str, str]]:
    """(element local name, guid) of every `ref` in the entity."""
    return [(etree.QName(el).localname, el.get(f.ATTR_REF)) for el in entity if el.get(f.ATTR_REF)]
