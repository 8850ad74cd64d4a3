"""A row of the toezeggingen register, for its exports and the API (see letters.web.rows)."""

from dataclasses import dataclass
from typing import ClassVar

from django.urls import reverse
from django.utils import timezone

from kamer.models import Toezegging
from letters.web.rows import Row, iso

UNFINISHED = {Toezegging.Status.OPENSTAAND, Toezegging.Status.DEELS_VOLDAAN}


def is_overdue(toezegging, today=None) -> bool:
    due = toezegging.due
    return toezegging.status in UNFINISHED and due is not None and due < (today or timezone.localdate())


def toegezegd_aan(toezegging) -> str | None:
    """The fractie (its afkorting) or the member the promise was made to, when the register says."""
    fractie, persoon = toezegging.toegezegd_aan_fractie, toezegging.toegezegd_aan_persoon
    if persoon is not None and persoon.full_name:
        return persoon.full_name
    if fractie is not None:
        return fractie.afkorting or fractie.name or None
    return None


@dataclass(frozen=True)
class ToezeggingRow(Row):
    number: str
    text: str
    status: str
    due: str | None
    overdue: bool
    ministerie: str | None
    bewindspersoon: str | None
    functie: str | None
    toegezegd_aan: str | None
    kamerbrief_nakoming: str | None
    made_at: str | None
    url: str

    labels: ClassVar = {
        "number": "nummer",
        "text": "tekst",
        "status": "status",
        "due": "datum nakoming",
        "overdue": "over tijd",
        "ministerie": "ministerie",
        "bewindspersoon": "bewindspersoon",
        "functie": "functie",
        "toegezegd_aan": "toegezegd aan",
        "kamerbrief_nakoming": "kamerbrief nakoming",
        "made_at": "aangemaakt op",
        "url": "link",
    }
    value_labels: ClassVar = {"status": dict(Toezegging.Status.choices)}

    @classmethod
    def of(cls, toezegging, absolute):
        return cls(
            number=toezegging.number,
            text=toezegging.text,
            status=toezegging.status,
            due=iso(toezegging.due),
            overdue=is_overdue(toezegging),
            ministerie=toezegging.ministerie or None,
            bewindspersoon=toezegging.bewindspersoon or None,
            functie=toezegging.functie or None,
            toegezegd_aan=toegezegd_aan(toezegging),
            kamerbrief_nakoming=toezegging.kamerbrief_nakoming or None,
            made_at=timezone.localtime(toezegging.created_on).isoformat(timespec="seconds")
            if toezegging.created_on
            else None,
            url=absolute(toezegging_url(toezegging)),
        )


def toezegging_url(toezegging) -> str:
    return reverse("toezegging_detail", args=[toezegging.number]) if toezegging.number else reverse("toezegging_list")
