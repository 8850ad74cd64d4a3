"""Kamerstukdossier, Document (every soort) and DocumentVersie (tkData-v1-0-kamerstukdossier/-document/
-documentversie.xsd)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from tests.kamer.fake_server.entities.base import TWEEDE_KAMER, Kind, datum_time, documentversie_guid, new_guid
from tests.kamer.fake_server.markup import attr

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
BRIEF_REGERING = "Brief regering"
MOTIE = "Motie"


@dataclass(frozen=True, kw_only=True)
class Document(Kind):
    """A document with its current file (served under Resources/<guid>); `version` numbers the file, and
    huidigeDocumentVersie refers to documentversie_guid(guid, version)."""

    category: ClassVar[str] = "Document"
    tag: ClassVar[str] = "document"

    guid: str = field(default_factory=new_guid)
    document_nummer: str
    titel: str
    onderwerp: str | None = None
    soort: str = BRIEF_REGERING
    datum: str = "2025-10-03"
    dossier_guid: str | None = None
    zaak_guids: tuple[str, ...] = ()
    volgnummer: int | None = None
    vergaderjaar: str = "2025-2026"
    citeertitel: str | None = None
    datum_registratie: str | None = None
    kenmerk_afzender: str | None = None  # the ministry's own reference of a Brief regering
    content: bytes = b""
    content_type: str = DOCX
    version: int = 1
    deleted: bool = False

    @property
    def enclosure(self) -> bool:
        return not self.deleted

    @property
    def versie_guid(self) -> str:
        return documentversie_guid(self.guid, self.version)

    def attributes(self) -> str:
        return f' tk:contentType="{attr(self.content_type)}" tk:contentLength="{len(self.content)}"'

    def children(self) -> list[str]:
        return [
            self.ref("huidigeDocumentVersie", self.versie_guid),
            *self.refs("zaak", self.zaak_guids),
            self.ref("kamerstukdossier", self.dossier_guid),
            self.el("soort", self.soort, nil=True),
            self.el("documentNummer", self.document_nummer),
            self.el("titel", self.titel, nil=True),
            self.el("onderwerp", self.onderwerp),
            self.el("datum", datum_time(self.datum)),
            self.el("volgnummer", self.volgnummer),
            self.el("vergaderjaar", self.vergaderjaar),
            self.el("kamer", 2),  # the schema's intType: 2 is the Tweede Kamer
            self.el("citeertitel", self.citeertitel, nil=True),
            self.el("alias", None, nil=True),
            self.el("datumRegistratie", datum_time(self.datum_registratie), nil=True),
            self.el("datumOntvangst", None, nil=True),
            self.el("aanhangselnummer", None, nil=True),
            self.el("kenmerkAfzender", self.kenmerk_afzender, nil=True),
            self.el("organisatie", TWEEDE_KAMER),
        ]


@dataclass(frozen=True, kw_only=True)
class DocumentVersie(Kind):
    """One version of a document's file. The live feed may send it long before or after its document."""

    category: ClassVar[str] = "DocumentVersie"
    tag: ClassVar[str] = "documentVersie"

    guid: str = field(default_factory=new_guid)
    document_guid: str | None
    versienummer: int | None = 1
    status: str | None = "Goedgekeurd"
    bestandsgrootte: int | None = None
    extensie: str | None = ".docx"
    datum: str | None = None
    externe_identifier: str | None = None
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.ref("document", self.document_guid),
            self.el("status", self.status, nil=True),
            self.el("versienummer", self.versienummer, nil=True),
            self.el("bestandsgrootte", self.bestandsgrootte, nil=True),
            self.el("extensie", self.extensie, nil=True),
            self.el("datum", datum_time(self.datum), nil=True),
            self.el("externeidentifier", self.externe_identifier, nil=True),
        ]


@dataclass(frozen=True, kw_only=True)
class Kamerstukdossier(Kind):
    """A dossier (29517; 36600 with toevoeging VI). FakeTK gives it dossier_guid(nummer, toevoeging)."""

    category: ClassVar[str] = "Kamerstukdossier"
    tag: ClassVar[str] = "kamerstukdossier"

    guid: str
    nummer: str
    toevoeging: str | None = None
    titel: str | None = None
    citeertitel: str | None = None
    hoogste_volgnummer: int | None = None
    afgesloten: bool = False
    deleted: bool = False

    def children(self) -> list[str]:
        return [
            self.el("titel", self.titel, nil=True),
            self.el("citeertitel", self.citeertitel, nil=True),
            self.el("alias", None, nil=True),
            self.el("nummer", self.nummer),
            self.el("toevoeging", self.toevoeging, nil=True),
            self.el("hoogsteVolgnummer", self.hoogste_volgnummer),
            self.el("afgesloten", self.afgesloten, nil=True),
            self.el("kamer", TWEEDE_KAMER, nil=True),
        ]
