"""Read one tkData entity element into its frozen record, by the tables in fields.KINDS.

Every kind has its record class, made from its table: `id`, `bijgewerkt` (an aware datetime),
`deleted`, then one field per table row, named as the mirror's model attribute
(`DocumentRecord.kamerstukdossier_id`, `BesluitRecord.zaak_ids`). A field the entity lacks is
None (a tuple () for repeated references). `Record.kind` is the kind's table.

Kinds and fields are matched by namespace, not by prefix: `<ns1:toezegging xmlns:ns1="tkData">`
is a Toezegging. Elements without a namespace are read too (the recorded samples have their
namespaces stripped); elements in any other namespace are not ours and are skipped. A value that
does not fit its type raises FeedError with the field, the entity and the value.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import field, make_dataclass
from zoneinfo import ZoneInfo

from lxml import etree

from kamer.tk import fields as f
from kamer.tk.errors import FeedError
from kamer.tk.timestamps import parse_timestamp

MAX_GUID_LENGTH = 64  # the mirror's guid columns
AT_THE_KAMER = ZoneInfo("Europe/Amsterdam")
_TK_PREFIX = f"{{{f.TK_NS}}}"
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})$")
_INT = re.compile(r"^[+-]?[0-9]+$")
_DATETIME_WITH_ZONE = re.compile(r"T.*(Z|[+-]\d{2}:\d{2})$")
_NIL = (f.xsi(f.XSI_NIL), f.XSI_NIL)
_TRUE, _FALSE = ("true", "1"), ("false", "0")


def _record_class(kind: f.Kind) -> type:
    defaults = [
        (spec.name, tuple[str, ...], field(default=()))
        if spec.type == f.REFS
        else (spec.name, object, field(default=None))
        for spec in kind.fields
    ]
    base = [("id", str), ("bijgewerkt", datetime.datetime), ("deleted", bool)]
    return make_dataclass(kind.record, base + defaults, frozen=True, namespace={"kind": kind, "__module__": __name__})


RECORDS: dict[str, type] = {kind.element: _record_class(kind) for kind in f.KINDS}
DossierRecord = RECORDS[f.KAMERSTUKDOSSIER]
DocumentRecord = RECORDS[f.DOCUMENT]
DocumentVersieRecord = RECORDS[f.DOCUMENT_VERSIE]
ZaakRecord = RECORDS[f.ZAAK]
ZaakActorRecord = RECORDS[f.ZAAK_ACTOR]
BesluitRecord = RECORDS[f.BESLUIT]
StemmingRecord = RECORDS[f.STEMMING]
AgendapuntRecord = RECORDS[f.AGENDAPUNT]
ActiviteitRecord = RECORDS[f.ACTIVITEIT]
ToezeggingRecord = RECORDS[f.TOEZEGGING]
PersoonRecord = RECORDS[f.PERSOON]
FractieRecord = RECORDS[f.FRACTIE]

# Per kind: its tag (namespaced and bare) -> kind; per kind: child name -> Field, attribute Fields.
_KIND_BY_TAG = {tag: kind for kind in f.KINDS for tag in (f.tk(kind.element), kind.element)}
_CHILDREN = {kind.element: {spec.source: spec for spec in kind.fields if not spec.attribute} for kind in f.KINDS}
_ATTRIBUTES = {kind.element: [spec for spec in kind.fields if spec.attribute] for kind in f.KINDS}


def kind_of(el: etree._Element) -> f.Kind | None:
    """The kind of an entity element, by namespace and local name; None for one we do not read."""
    return _KIND_BY_TAG.get(el.tag) if isinstance(el.tag, str) else None


def read_entity(el: etree._Element):
    """A tkData entity element -> its record (DocumentRecord, ZaakRecord, ...), or None."""
    kind = kind_of(el)
    if kind is None:
        return None
    entity_id = _entity_id(el, kind)
    values = {"id": entity_id, "bijgewerkt": _bijgewerkt(el, kind, entity_id), "deleted": deleted_flag(el)}
    where = f"<{kind.element}> {entity_id}"
    for spec in _ATTRIBUTES[kind.element]:
        raw = attribute(el, spec.source)
        values[spec.name] = None if raw is None else _convert(spec, raw, where)
    values.update(_child_values(el, kind, where))
    return RECORDS[kind.element](**values)


def _child_values(el: etree._Element, kind: f.Kind, where: str) -> dict:
    specs, values = _CHILDREN[kind.element], {}
    for child in el:
        spec = specs.get(_local_name(child))
        if spec is None or _is_nil(child):
            continue
        if spec.type == f.REFS:
            guid = _ref(child, spec, where)
            if guid:
                values[spec.name] = (*values.get(spec.name, ()), guid)
        elif spec.name not in values:  # a single field given twice: the first counts
            values[spec.name] = _ref(child, spec, where) if spec.type == f.REF else _child_text(child, spec, where)
    return values


def _child_text(child: etree._Element, spec: f.Field, where: str):
    text = (child.text or "").strip()
    return _convert(spec, text, where) if text else None


def _local_name(el: etree._Element) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # a comment or processing instruction
    if tag.startswith(_TK_PREFIX):
        return tag[len(_TK_PREFIX) :]
    return None if tag.startswith("{") else tag


def _ref(child: etree._Element, spec: f.Field, where: str) -> str | None:
    guid = (child.get(f.ATTR_REF) or "").strip()
    if len(guid) > MAX_GUID_LENGTH:
        raise FeedError(f"de verwijzing {spec.source} van {where} is geen GUID: {guid[:80]!r}")
    return guid or None


def _convert(spec: f.Field, value: str, where: str):
    converter = _CONVERTERS.get(spec.type)
    if converter is None:
        return value
    result = converter(value)
    if result is None:
        raise FeedError(f"{spec.source} van {where} is geen {_TYPE_WORDS[spec.type]}: {value[:80]!r}")
    return result


def to_int(value: str) -> int | None:
    """An xs:int as written: ASCII digits with an optional sign (int() would take "1_000" and "١٢"),
    at most 19 digits (a longer one is no xs:int, and int() refuses 4,300 digits with a ValueError)."""
    return int(value) if _INT.match(value) and len(value.lstrip("+-")) <= 19 else None


def to_bool(value: str) -> bool | None:
    lowered = value.strip().lower()
    return True if lowered in _TRUE else False if lowered in _FALSE else None


def to_date(value: str) -> datetime.date | None:
    """'2025-10-03', or the date of a dateTime: at the Kamer when it has a zone, else as written."""
    if _DATE.match(value):
        return _iso_date(value)
    moment = _timestamp(value)
    if moment is None:
        return None
    return moment.astimezone(AT_THE_KAMER).date() if _DATETIME_WITH_ZONE.search(value) else moment.date()


def to_datetime(value: str) -> datetime.datetime | None:
    """An xs:dateTime as an aware datetime; a bare date is midnight at the Kamer."""
    if _DATE.match(value):
        day = _iso_date(value)
        return datetime.datetime(day.year, day.month, day.day, tzinfo=AT_THE_KAMER) if day else None
    return _timestamp(value)


def _timestamp(value: str) -> datetime.datetime | None:
    try:
        return parse_timestamp(value)
    except ValueError:  # matches the pattern, but is no date (2025-13-45T00:00:00)
        return None


def _iso_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


_CONVERTERS = {f.INT: to_int, f.BOOL: to_bool, f.DATE: to_date, f.DATETIME: to_datetime}
_TYPE_WORDS = {f.INT: "geheel getal", f.BOOL: "true of false", f.DATE: "datum", f.DATETIME: "tijdstip"}


def _entity_id(el: etree._Element, kind: f.Kind) -> str:
    entity_id = (el.get(f.ATTR_ID) or "").strip()
    if not entity_id:
        raise FeedError(f"een <{kind.element}> heeft geen attribuut id")
    if len(entity_id) > MAX_GUID_LENGTH:
        raise FeedError(f"het id van een <{kind.element}> is geen GUID: {entity_id[:80]!r}")
    return entity_id


def _bijgewerkt(el: etree._Element, kind: f.Kind, entity_id: str) -> datetime.datetime:
    value = attribute(el, f.ATTR_BIJGEWERKT)
    if value is None:
        raise FeedError(f"<{kind.element}> {entity_id} heeft geen attribuut bijgewerkt")
    moment = to_datetime(value)
    if moment is None:
        raise FeedError(f"bijgewerkt van <{kind.element}> {entity_id} is geen tijdstip: {value[:80]!r}")
    return moment


def deleted_flag(el: etree._Element) -> bool:
    """The entity's verwijderd attribute; FeedError when it is missing or not a boolean."""
    value = attribute(el, f.ATTR_VERWIJDERD)
    if value is None:
        raise FeedError(f"<{etree.QName(el).localname}> {el.get(f.ATTR_ID)} heeft geen attribuut verwijderd")
    flag = to_bool(value)
    if flag is None:
        raise FeedError(f"het attribuut verwijderd van {el.get(f.ATTR_ID)} moet true of false zijn, niet {value!r}")
    return flag


def attribute(el: etree._Element, name: str) -> str | None:
    """A tkData attribute, namespaced (as the schema says) or plain (as some recordings have it)."""
    value = el.get(f.tk(name))
    if value is None:
        value = el.get(name)
    value = value.strip() if value is not None else None
    return value or None


def _is_nil(el: etree._Element) -> bool:
    nil = el.get(_NIL[0]) or el.get(_NIL[1]) or ""
    return nil.strip().lower() in _TRUE
