"""The Atom feed pages around the entities: feed-level and per-entry skiptoken links, enclosures."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode
from xml.sax.saxutils import escape

from kamer.tk import fields as f
from tests.kamer.fake_server.markup import attr

ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True)
class Item:
    """One feed entry: an entity as it was published at `seq`."""

    seq: int
    category: str
    guid: str
    updated: str
    entity_xml: str
    enclosure: bool


def feed_xml(base: str, category: str | None, skiptoken: int, page: list[Item], more: bool, stamp: str) -> str:
    self_url = feed_url(base, category, skiptoken or None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{f.ATOM_NS}">',
        f'  <title type="text">SyncFeed {escape(category or "")}</title>',
        f"  <id>{escape(self_url)}</id>",
        f"  <updated>{stamp}</updated>",
        f"  <author><name>{f.AUTHOR_NAME}</name></author>",
        f'  <link rel="{f.REL_SELF}" href="{attr(self_url)}"/>',
    ]
    if more:
        lines.append(f'  <link rel="{f.REL_NEXT}" href="{attr(feed_url(base, category, page[-1].seq))}"/>')
    lines += [entry_xml(base, category, item) for item in page]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def entry_xml(base: str, category: str | None, item: Item) -> str:
    lines = [
        "  <entry>",
        f"    <title>{item.guid}</title>",
        f"    <id>{base}/{f.ENTITIES_PATH}{item.guid}</id>",
        f"    <author><name>{f.AUTHOR_NAME}</name></author>",
        f"    <updated>{item.updated}</updated>",
        f'    <category term="{item.category[0].lower() + item.category[1:]}"/>',
        f'    <link rel="{f.REL_NEXT}" href="{attr(feed_url(base, category, item.seq))}"/>',
    ]
    if item.enclosure:
        lines.append(f'    <link rel="{f.REL_ENCLOSURE}" href="{base}/{f.RESOURCES_PATH}{item.guid}"/>')
    lines += [f'    <content type="{f.CONTENT_TYPE_XML}">', f"      {item.entity_xml}", "    </content>", "  </entry>"]
    return "\n".join(lines)


def feed_url(base: str, category: str | None, skiptoken: int | None) -> str:
    params = {f.PARAM_CATEGORY: category} if category else {}
    if skiptoken is not None:
        params[f.PARAM_SKIPTOKEN] = str(skiptoken)
    return f"{base}/{f.FEED_PATH}" + (f"?{urlencode(params)}" if params else "")
