"""One row definition per list, shared by its exports (CSV, JSON) and the API.

A row is a frozen dataclass: its fields are the export's columns, in order, so the columns
are never written down twice. `of(item, absolute)` builds one from a model instance;
`absolute` turns a path into a full URL.
"""

from dataclasses import dataclass, fields
from functools import cache


class Row:
    @classmethod
    @cache
    def columns(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))

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
    sender: str | None
    version: int | None
    url: str

    @classmethod
    def of(cls, letter, absolute):
        return cls(
            id=letter.pk,
            document_number=letter.document_number or None,
            kenmerk=letter.kenmerk or None,
            title=letter.title,
            date=iso(letter.date),
            vergaderjaar=letter.vergaderjaar or None,
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

    @classmethod
    def of(cls, reference, absolute):
        letter, kamerstuk = reference.version.letter, reference.kamerstuk
        return cls(
            id=reference.pk,
            letter_id=letter.pk,
            letter_title=letter.title,
            letter_date=iso(letter.date),
            section=reference.section.heading if reference.section else None,
            location=reference.location_display,
            kind=reference.kind,
            text=reference.text,
            dossier=kamerstuk.dossier.number if kamerstuk else None,
            toevoeging=(kamerstuk.dossier.toevoeging or None) if kamerstuk else None,
            ondernummer=kamerstuk.number if kamerstuk else None,
            vergaderjaar=reference.vergaderjaar or (kamerstuk.vergaderjaar if kamerstuk else "") or None,
            kamerstuk=kamerstuk.key if kamerstuk else None,
            official_url=kamerstuk.official_url if kamerstuk else None,
        )


@dataclass(frozen=True)
class FootnoteRow(Row):
    number: str
    text: str

    @classmethod
    def of(cls, footnote, absolute=None):
        return cls(number=footnote.number, text=footnote.text)
