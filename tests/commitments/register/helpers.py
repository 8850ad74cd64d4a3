"""Small helpers for the register's tests: kamer rows and letters with commitments, by the ORM."""

import datetime
import itertools

from django.utils import timezone

from commitments.models import Commitment
from kamer.models import Fractie, Persoon, Toezegging
from kamer.sync import SyncReport
from letters.models import Letter

JENV = "Justitie en Veiligheid"
# A promise as a letter writes it, and as the griffie's register writes the same one.
VIDEOBELLEN = (
    "Ik zal uw Kamer voor de zomer van 2026 informeren over de voortgang van de pilot videobellen met de meldkamer."
)
VIDEOBELLEN_REGISTERED = (
    "De minister zegt toe de Kamer voor de zomer van 2026 te informeren over de voortgang van de pilot "
    "videobellen met de meldkamer."
)
_serial = itertools.count(1)


def toezegging(number: str, text: str, **fields) -> Toezegging:
    made = fields.pop("made", datetime.date(2025, 3, 12))
    values = {
        "guid": f"tz-{number}",
        "status": Toezegging.Status.OPENSTAAND,
        "ministerie": JENV,
        "voornaam": "David",
        "tussenvoegsel": "van",
        "achternaam": "Weel",
        "functie": "minister van Justitie en Veiligheid",
        "created_on": timezone.make_aware(datetime.datetime.combine(made, datetime.time(14, 0))),
        "bijgewerkt": timezone.now(),
    }
    return Toezegging.objects.create(number=number, text=text, **(values | fields))


def fractie(afkorting: str, name: str = "") -> Fractie:
    return Fractie.objects.create(guid=f"fractie-{afkorting}", afkorting=afkorting, name=name or afkorting)


def persoon(roepnaam: str, surname: str, tussenvoegsel: str = "") -> Persoon:
    return Persoon.objects.create(
        guid=f"persoon-{surname}", roepnaam=roepnaam, surname=surname, tussenvoegsel=tussenvoegsel
    )


def letter(title: str, *, date=datetime.date(2025, 10, 3), **fields) -> Letter:
    values = {"sender": f"Ministerie van {JENV}", "signatory": "D.M. van Weel"}
    return Letter.objects.create(identity=f"test-{next(_serial)}", title=title, date=date, **(values | fields))


def commitment(of: Letter, text: str, kind: str = Commitment.Kind.NEW, **fields) -> Commitment:
    return Commitment.objects.create(key=f"c-{next(_serial)}", letter=of, text=text, kind=kind, **fields)


def register_synced() -> SyncReport:
    """The report of a sync that wrote every entry of the register, as a first sync does."""
    return SyncReport(changed={"Toezegging": list(Toezegging.objects.values_list("guid", flat=True))})
