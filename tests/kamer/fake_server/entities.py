"""The entity kinds FakeTK serves, each shaped as its official schema requires (samples/tk-opendata/xsd/).

Every kind is a frozen dataclass with
- `category`: the SyncFeed category the entity appears in;
- `guid`: the entity's id, the same in every entry (version) of it;
- `enclosure`: whether its entry links to a file under Resources/<guid>;
- `render(stamp)`: the entity XML for an entry published at `stamp` (its tk:bijgewerkt).

FakeTK appends any such entity to its log (FakeTK._publish); to serve a new kind, add a class here
(using the building blocks in markup.py) and a `publish_<kind>` method on FakeTK.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Protocol
from zoneinfo import ZoneInfo

from kamer.tk import fields as f
from tests.kamer.fake_server.markup import attr, element, entity, entity_open, ref

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GUID_NS = uuid.UUID("6f1d3c52-3f55-4b8e-9d57-2b1c3e7a9f10")  # namespace for deterministic guids
_VERGADERJAAR = re.compile(r"^\d{4}-\d{4}$")
_DOSSIER_NUMMER = re.compile(r"^\d{1,9}$")


class Entity(Protocol):
    category: ClassVar[str]

    @property
    def guid(self) -> str: ...

    @property
    def enclosure(self) -> bool: ...

    def render(self, stamp: str) -> str: ...


@dataclass(frozen=True)
class Document:
    category: ClassVar[str] = f.CATEGORY_DOCUMENT

    guid: str
    document_nummer: str
    titel: str
    onderwerp: str | None
    soort: str
    datum: str
    dossier_guid: str
    volgnummer: int | None
    vergaderjaar: str
    content: bytes
    content_type: str
    version: int = 1
    deleted: bool = False

    @property
    def enclosure(self) -> bool:
        return not self.deleted

    def render(self, stamp: str) -> str:
        """The <document>; a deleted one is an empty element, as the live feed sends it."""
        if self.deleted:
            return entity_open(f.DOCUMENT, self.guid, stamp, True) + "/>"
        extra = (
            f' tk:{f.ATTR_CONTENT_TYPE}="{attr(self.content_type)}" tk:{f.ATTR_CONTENT_LENGTH}="{len(self.content)}"'
        )
        version_guid = uuid.uuid5(GUID_NS, f"documentversie:{self.guid}:{self.version}")
        children = [
            ref(f.DOCUMENT_REF_HUIDIGE_VERSIE, str(version_guid)),
            ref(f.DOCUMENT_REF_KAMERSTUKDOSSIER, self.dossier_guid),
            element(f.DOCUMENT_SOORT, self.soort),
            element(f.DOCUMENT_NUMMER, self.document_nummer),
            element(f.DOCUMENT_TITEL, self.titel),
            element(f.DOCUMENT_ONDERWERP, self.onderwerp),
            element(f.DOCUMENT_DATUM, datum_time(self.datum)),
            element(f.DOCUMENT_VOLGNUMMER, None if self.volgnummer is None else str(self.volgnummer)),
            element(f.DOCUMENT_VERGADERJAAR, self.vergaderjaar),
            element(f.DOCUMENT_KAMER, f.KAMER_TWEEDE_KAMER_NUMBER),
            element(f.DOCUMENT_ORGANISATIE, f.ORGANISATIE_TWEEDE_KAMER),
        ]
        return entity(f.DOCUMENT, entity_open(f.DOCUMENT, self.guid, stamp, False, extra), children)


@dataclass(frozen=True)
class Kamerstukdossier:
    category: ClassVar[str] = f.CATEGORY_KAMERSTUKDOSSIER
    enclosure: ClassVar[bool] = False

    guid: str
    nummer: str
    toevoeging: str | None
    titel: str | None

    def render(self, stamp: str) -> str:
        children = [
            element(f.DOSSIER_TITEL, self.titel, nil=True),
            element(f.DOSSIER_CITEERTITEL, None, nil=True),
            element(f.DOSSIER_ALIAS, None, nil=True),
            element(f.DOSSIER_NUMMER, self.nummer),
            element(f.DOSSIER_TOEVOEGING, self.toevoeging, nil=True),
            element(f.DOSSIER_AFGESLOTEN, "false"),
            element(f.DOSSIER_KAMER, f.KAMER_TWEEDE_KAMER),
        ]
        return entity(f.KAMERSTUKDOSSIER, entity_open(f.KAMERSTUKDOSSIER, self.guid, stamp, False), children)


def dossier_guid(nummer: str, toevoeging: str | None) -> str:
    """The deterministic guid of the Kamerstukdossier (nummer, toevoeging)."""
    return str(uuid.uuid5(GUID_NS, f"kamerstukdossier:{nummer}:{toevoeging or ''}"))


def datum_time(datum: str) -> str:
    """'2025-10-03' -> '2025-10-03T00:00:00+02:00': the schema types Document datum as xs:dateTime."""
    day = date.fromisoformat(datum)
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM).isoformat()


def check_document(document_nummer: str, titel: str, datum: str, vergaderjaar: str) -> None:
    if not document_nummer.strip() or not titel.strip():
        raise ValueError("document_nummer and titel must not be empty")
    if not _VERGADERJAAR.match(vergaderjaar):
        raise ValueError(f"vergaderjaar must look like 2025-2026, not {vergaderjaar!r}")
    date.fromisoformat(datum)


def check_dossier_nummer(nummer: str) -> None:
    if not _DOSSIER_NUMMER.match(nummer):
        raise ValueError(f"dossier nummer must be digits, not {nummer!r}")


def checked_guid(guid: str) -> str:
    return str(uuid.UUID(guid))
