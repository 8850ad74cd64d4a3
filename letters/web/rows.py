"""One row definition per list, shared by its exports (CSV, JSON, Excel) and the API.

A row is a frozen dataclass: its fields are the export's columns, in order, so the columns
are never written down twice. `of(item, absolute)` builds one from a model instance;
`absolute` turns a path into a full URL.

JSON and the API use the field names and plain values (true, "done"): scripts depend on them.
CSV and Excel are read by people, in Dutch: `labels` gives each column its Dutch header and
`value_labels` the Dutch words for its stored values; a yes/no is "ja" or "nee".
"""

from dataclasses import dataclass, fields
from functools import cache
from typing import ClassVar

from letters.models import Reference


class Row:
    labels: ClassVar[dict[str, str]] = {}  # column -> Dutch header, for every column
    value_labels: ClassVar[dict[str, dict[str, str]]] = {}  # column -> {stored value: Dutch words}

    @classmethod
    @cache
    def columns(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))

    @classmethod
    def headers(cls) -> tuple[str, ...]:
        """The Dutch column headers of CSV and Excel."""
        return tuple(cls.labels.get(name, name) for name in cls.columns())

    @classmethod
    def cell(cls, column: str, value):
        """A value as CSV and Excel show it: "ja"/"nee", a status by its Dutch name."""
        if isinstance(value, bool):
            return "ja" if value else "nee"
        return cls.value_labels.get(column, {}).get(value, value)

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.columns()}


def iso(value) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class LetterRow(Row):
    id: int
    document_number: str | None
    kenmerk: str | None
    title: str
    date: str | None
    vergaderjaar: str | None
    dossier: str | None  # the letter's own place in the record ("36600-VI"), when the Kamer says
    sender: str | None
    version: int | None
    url: str

    labels: ClassVar = {
        "id": "id",
        "document_number": "documentnummer",
        "kenmerk": "kenmerk",
        "title": "titel",
        "date": "datum",
        "vergaderjaar": "vergaderjaar",
        "dossier": "dossier",
        "sender": "afzender",
        "version": "versie",
        "url": "link",
    }

    @classmethod
    def of(cls, letter, absolute):
        return cls(
            id=letter.pk,
            document_number=letter.document_number or None,
            kenmerk=letter.kenmerk or None,
            title=letter.title,
            date=iso(letter.date),
            vergaderjaar=letter.vergaderjaar or None,
            dossier=letter.dossier.key if letter.dossier_id else None,
            sender=letter.sender_display or None,
            version=letter.current_version.number if letter.current_version else None,
            url=absolute(letter.get_absolute_url()),
        )


@dataclass(frozen=True)
class SectionRow(Row):
    id: int
    letter_id: int
    letter_title: str
    letter_date: str | None
    number: str | None
    heading: str
    level: int
    text: str
    url: str

    labels: ClassVar = {
        "id": "id",
        "letter_id": "brief-id",
        "letter_title": "brief",
        "letter_date": "datum brief",
        "number": "nummer",
        "heading": "kopje",
        "level": "niveau",
        "text": "tekst",
        "url": "link",
    }

    @classmethod
    def of(cls, section, absolute):
        letter = section.version.letter
        return cls(
            id=section.pk,
            letter_id=letter.pk,
            letter_title=letter.title,
            letter_date=iso(letter.date),
            number=section.number or None,
            heading=section.heading,
            level=section.level,
            text=section.text,
            url=absolute(section.version.passage_url(section)),
        )


@dataclass(frozen=True)
class ReferenceRow(Row):
    id: int
    letter_id: int
    letter_title: str
    letter_date: str | None
    section: str | None
    location: str
    kind: str
    text: str
    dossier: str | None
    toevoeging: str | None
    ondernummer: str | None
    vergaderjaar: str | None
    kamerstuk: str | None
    official_url: str | None

    labels: ClassVar = {
        "id": "id",
        "letter_id": "brief-id",
        "letter_title": "brief",
        "letter_date": "datum brief",
        "section": "passage",
        "location": "plaats",
        "kind": "soort",
        "text": "tekst",
        "dossier": "dossier",
        "toevoeging": "toevoeging",
        "ondernummer": "ondernummer",
        "vergaderjaar": "vergaderjaar",
        "kamerstuk": "kamerstuk",
        "official_url": "officiële publicatie",
    }
    value_labels: ClassVar = {"kind": dict(Reference.Kind.choices)}

    @classmethod
    def of(cls, reference, absolute):
        letter, kamerstuk = reference.version.letter, reference.kamerstuk
        # A dossier named without a document number is a reference to the dossier alone.
        dossier = kamerstuk.dossier if kamerstuk else reference.dossier
        return cls(
            id=reference.pk,
            letter_id=letter.pk,
            letter_title=letter.title,
            letter_date=iso(letter.date),
            section=reference.section.heading if reference.section else None,
            location=reference.location_display,
            kind=reference.kind,
            text=reference.text,
            dossier=dossier.number if dossier else None,
            toevoeging=(dossier.toevoeging or None) if dossier else None,
            ondernummer=kamerstuk.number if kamerstuk else None,
            vergaderjaar=reference.vergaderjaar or (kamerstuk.vergaderjaar if kamerstuk else "") or None,
            kamerstuk=kamerstuk.key if kamerstuk else None,
            official_url=kamerstuk.official_url if kamerstuk else None,
        )


@dataclass(frozen=True)
class FootnoteRow(Row):
    number: str
    text: str

    labels: ClassVar = {"number": "nummer", "text": "tekst"}

    @classmethod
    def of(cls, footnote, absolute=None):
        return cls(number=footnote.number, text=footnote.text)
