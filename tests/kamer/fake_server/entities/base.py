"""What every entity kind shares: its feed category and tag, deletion, rendering, guids and times."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from typing import ClassVar, Protocol
from zoneinfo import ZoneInfo

from tests.kamer.fake_server.markup import Value, element, entity, entity_open, qualified, ref

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GUID_NS = uuid.UUID("6f1d3c52-3f55-4b8e-9d57-2b1c3e7a9f10")  # namespace for deterministic guids
TWEEDE_KAMER = "Tweede Kamer"
_VERGADERJAAR = re.compile(r"^\d{4}-\d{4}$")
_DOSSIER_NUMMER = re.compile(r"^\d{1,9}$")


class Entity(Protocol):
    """What FakeTK needs of an entity (every class in this package is one)."""

    category: ClassVar[str]

    @property
    def guid(self) -> str: ...

    @property
    def deleted(self) -> bool: ...

    @property
    def enclosure(self) -> bool: ...

    def render(self, stamp: str) -> str: ...


class Kind:
    """Mixin of the entity dataclasses: `children()` in schema order -> the entity XML.

    A subclass sets `category` (the SyncFeed category), `tag` (the element name in the schema) and,
    for Toezegging, `prefix`; it has the dataclass fields `guid` and `deleted`. A deleted entity renders
    as an empty element with tk:verwijderd="true", as the live feed sends it.
    """

    category: ClassVar[str]
    tag: ClassVar[str]
    prefix: ClassVar[str | None] = None
    guid: str
    deleted: bool

    @property
    def enclosure(self) -> bool:
        """Whether the entry links to a file under Resources/<guid>."""
        return False

    def children(self) -> list[str]:
        raise NotImplementedError

    def attributes(self) -> str:
        """Further attributes of a live entity (with a leading space): tk:contentType, ..."""
        return ""

    def render(self, stamp: str) -> str:
        """The entity XML for an entry published at `stamp` (its tk:bijgewerkt)."""
        if self.deleted:
            return entity_open(self.tag, self.guid, stamp, True, prefix=self.prefix) + "/>"
        opening = entity_open(self.tag, self.guid, stamp, False, self.attributes(), prefix=self.prefix)
        return entity(qualified(self.tag, self.prefix), opening, self.children())

    def el(self, name: str, value: Value, *, nil: bool = False) -> str:
        return element(qualified(name, self.prefix), value, nil=nil)

    def ref(self, name: str, guid: str | None) -> str:
        return ref(qualified(name, self.prefix), guid)

    def refs(self, name: str, guids: Iterable[str]) -> list[str]:
        return [self.ref(name, guid) for guid in guids]


def new_guid() -> str:
    return str(uuid.uuid4())


def fake_guid(kind: str, key: str) -> str:
    """A deterministic guid for (kind, key): the same in every run, so tests can name entities."""
    return str(uuid.uuid5(GUID_NS, f"{kind}:{key}"))


def dossier_guid(nummer: str, toevoeging: str | None) -> str:
    """The deterministic guid of the Kamerstukdossier (nummer, toevoeging)."""
    return fake_guid("kamerstukdossier", f"{nummer}:{toevoeging or ''}")


def documentversie_guid(document_guid: str, versienummer: int) -> str:
    """The guid of a document's version: what the document's huidigeDocumentVersie refers to."""
    return fake_guid("documentversie", f"{document_guid}:{versienummer}")


def datum_time(value: str | None) -> str | None:
    """'2025-10-03' -> '2025-10-03T00:00:00+02:00', '2024-04-16T15:30' -> '2024-04-16T15:30:00+02:00':
    the schema types these as xs:dateTime, the Kamer writes them in Dutch time with the offset."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if len(value) == 10:
        day = date.fromisoformat(value)
        moment = datetime(day.year, day.month, day.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.isoformat()


def check_document(document_nummer: str, titel: str, datum: str, vergaderjaar: str) -> None:
    if not document_nummer.strip() or not titel.strip():
        raise ValueError("document_nummer and titel must not be empty")
    check_vergaderjaar(vergaderjaar)
    date.fromisoformat(datum)


def check_vergaderjaar(vergaderjaar: str | None) -> None:
    if vergaderjaar is not None and not _VERGADERJAAR.match(vergaderjaar):
        raise ValueError(f"vergaderjaar must look like 2025-2026, not {vergaderjaar!r}")


def check_dossier_nummer(nummer: str) -> None:
    if not _DOSSIER_NUMMER.match(nummer):
        raise ValueError(f"dossier nummer must be digits, not {nummer!r}")


def checked_guid(guid: str) -> str:
    return str(uuid.UUID(guid))
