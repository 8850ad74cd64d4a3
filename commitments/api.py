"""/api/motions/<id>/: one motion with the Kamer's record of it (its zaak, indieners and vote) and
the three-way ledger. Described in the OpenAPI document through settings.API_DETAILS."""

import dataclasses
from dataclasses import dataclass
from typing import ClassVar

from django.http import Http404, JsonResponse
from django.utils import timezone

from commitments.record.reading import motions_for, with_record
from commitments.rows import MotionRow
from letters.web.api import api_view
from letters.web.openapi import DetailEndpoint
from letters.web.rows import iso


@dataclass(frozen=True)
class ZaakPart:
    nummer: str
    onderwerp: str
    afgedaan: bool | None
    kabinetsappreciatie: str | None
    url: str | None  # the motion's page at the Kamer


@dataclass(frozen=True)
class IndienerPart:
    naam: str
    fractie: str | None
    relatie: str  # Indiener, Medeindiener


@dataclass(frozen=True)
class FractiePart:
    fractie: str
    zetels: int
    soort: str  # Voor, Tegen, Niet deelgenomen


@dataclass(frozen=True)
class LidPart:
    naam: str
    fractie: str | None
    soort: str


@dataclass(frozen=True)
class StemmingPart:
    uitslag: str | None  # aangenomen, verworpen; null for another outcome (see besluit)
    besluit: str
    datum: str | None
    voor: int
    tegen: int
    per_fractie: list[FractiePart]
    hoofdelijk: bool
    leden: list[LidPart]  # a hoofdelijke stemming: each member's vote


@dataclass(frozen=True)
class RegeringPart:
    afgedaan_verklaard: bool
    brief: str | None
    brief_url: str | None
    passage: str | None
    passage_url: str | None
    datum: str | None


@dataclass(frozen=True)
class KamerPart:
    afgedaan: bool | None  # null: no zaak linked, or the Kamer does not say
    zaak: str | None


@dataclass(frozen=True)
class GriffiePart:
    status: str
    besluit: str | None
    besluit_at: str | None
    door: str | None  # only for a reader who may see the audit trail
    toelichting: str | None


@dataclass(frozen=True)
class LedgerPart:
    regering: RegeringPart
    kamer: KamerPart
    griffie: GriffiePart


@dataclass(frozen=True)
class MotionDetailRow(MotionRow):
    """A motion with the Kamer's record and the ledger of government, Kamer and griffie."""

    zaak: ZaakPart | None
    indieners: list[IndienerPart]
    stemming: StemmingPart | None
    ledger: LedgerPart

    labels: ClassVar = MotionRow.labels | {
        "zaak": "de zaak bij de Tweede Kamer",
        "indieners": "indieners en medeindieners met hun fractie",
        "stemming": "de stemming van de Kamer",
        "ledger": "wat de regering, de Kamer en de griffie zeggen",
    }

    @classmethod
    def of(cls, motion, absolute):
        record = motion.record
        return cls(
            **MotionRow.of(motion, absolute).as_dict(),
            zaak=_zaak(record.zaak),
            indieners=[IndienerPart(naam=s.naam, fractie=s.fractie, relatie=s.relatie) for s in record.submitters],
            stemming=_stemming(record.vote),
            ledger=_ledger(record.ledger, absolute),
        )

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


def _zaak(zaak) -> ZaakPart | None:
    if zaak is None:
        return None
    return ZaakPart(
        nummer=zaak.number,
        onderwerp=zaak.subject,
        afgedaan=zaak.afgedaan,
        kabinetsappreciatie=zaak.kabinetsappreciatie or None,
        url=zaak.tk_url or None,
    )


def _stemming(vote) -> StemmingPart | None:
    if vote is None:
        return None
    return StemmingPart(
        uitslag=vote.uitslag,
        besluit=vote.besluit,
        datum=iso(vote.datum),
        voor=vote.voor,
        tegen=vote.tegen,
        per_fractie=[FractiePart(fractie=f.fractie, zetels=f.zetels, soort=f.soort) for f in vote.per_fractie],
        hoofdelijk=vote.hoofdelijk,
        leden=[LidPart(naam=m.naam, fractie=m.fractie, soort=m.soort) for m in vote.leden],
    )


def _ledger(ledger, absolute) -> LedgerPart:
    regering, griffie = ledger.regering, ledger.griffie
    return LedgerPart(
        regering=RegeringPart(
            afgedaan_verklaard=regering.declared_done,
            brief=regering.letter,
            brief_url=absolute(regering.letter_url) if regering.letter_url else None,
            passage=regering.passage,
            passage_url=absolute(regering.passage_url) if regering.passage_url else None,
            datum=iso(regering.date),
        ),
        kamer=KamerPart(afgedaan=ledger.kamer.afgedaan, zaak=ledger.kamer.zaak),
        griffie=GriffiePart(
            status=griffie.status,
            besluit=griffie.action,
            besluit_at=timezone.localtime(griffie.at).isoformat(timespec="seconds") if griffie.at else None,
            door=griffie.who,
            toelichting=griffie.note,
        ),
    )


@api_view
def motion_detail(request, pk):
    motion = motions_for(request.user).filter(pk=pk).first()
    if motion is None:
        raise Http404("Deze motie bestaat niet.")
    row = MotionDetailRow.of(with_record(motion), request.build_absolute_uri)
    return JsonResponse(row.as_dict(), json_dumps_params={"ensure_ascii": False})


MOTION_DETAIL = DetailEndpoint(
    path="/api/motions/{id}/",
    parameter=("id", "integer"),
    row=MotionDetailRow,
    summary="Eén motie met haar zaak, stemming en de stand volgens regering, Kamer en griffie",
    tag="moties",
)
