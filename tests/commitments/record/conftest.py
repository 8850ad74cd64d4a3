import pytest

from commitments.models import Motion
from letters.importing.store import import_letter
from letters.models import Source
from tests.conftest import SEED


@pytest.fixture
def seed(db):
    """The seed letter (3 October 2025): among its motions Wijen-Nass (29 628, nr. 1272) and
    Van Dijk c.s. (36 600 VI, nr. 100), both declared done."""
    return import_letter(content=SEED.read_bytes(), filename=SEED.name, source=Source.COMMAND).letter


def seed_motion(members_key: str, number: str) -> Motion:
    return Motion.objects.get(members_key=members_key, kamerstuk__number=number)


@pytest.fixture
def voted(seed):
    """Wijen-Nass's motion resolved to its zaak: submitted with Mutluer, voted on 19 March 2024
    (aangenomen, 69 voor, 24 tegen); the Kamer has not marked it afgedaan."""
    import datetime

    from commitments.record.resolving import resolve_motions
    from tests.commitments.record.kamer_rows import fractie, motie, persoon, vote

    bbb, gl, pvv, vvd = fractie("BBB", 7), fractie("GL-PvdA", 25), fractie("PVV", 37), fractie("VVD", 24)
    zaak = motie(
        "2024Z04020",
        "Motie van het lid Wijen-Nass over videobellen met de meldkamer",
        dossier=("29628", ""),
        volgnummer=1272,
        indieners=[(persoon("Kirsten", "Wijen-Nass"), bbb)],
        medeindieners=[(persoon("Barbara", "Mutluer"), gl)],
        afgedaan=False,
        kabinetsappreciatie="Oordeel Kamer",
    )
    vote(
        zaak,
        day=datetime.date(2024, 3, 19),
        fracties=[(pvv, "Voor", 37), (gl, "Voor", 25), (bbb, "Voor", 7), (vvd, "Tegen", 24)],
    )
    resolve_motions()
    return seed_motion("wijen-nass", "1272")
