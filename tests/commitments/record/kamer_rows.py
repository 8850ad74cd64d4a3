"""The Kamer's record as the sync mirrors it, made with the ORM for the motion tests: dossiers,
documents, zaken of soort Motie with their indieners, and votes with their stemmingen."""

import datetime
import uuid
import zoneinfo

from kamer.models import (
    Activiteit,
    Agendapunt,
    Besluit,
    BesluitZaak,
    Document,
    DocumentZaak,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    Zaak,
    ZaakActor,
)

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def guid() -> str:
    return str(uuid.uuid4())


def moment(day: datetime.date, hour: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=AMSTERDAM)


def kamerstukdossier(number: str, toevoeging: str = "") -> Kamerstukdossier:
    found = Kamerstukdossier.objects.filter(number=number, toevoeging=toevoeging).first()
    return found or Kamerstukdossier.objects.create(guid=guid(), number=number, toevoeging=toevoeging)


def fractie(afkorting: str, seats: int) -> Fractie:
    found = Fractie.objects.filter(afkorting=afkorting).first()
    return found or Fractie.objects.create(guid=guid(), afkorting=afkorting, name=afkorting, seats=seats)


def persoon(roepnaam: str, surname: str, tussenvoegsel: str = "", fractielabel: str = "") -> Persoon:
    return Persoon.objects.create(
        guid=guid(), roepnaam=roepnaam, surname=surname, tussenvoegsel=tussenvoegsel, fractielabel=fractielabel
    )


def motie(
    number: str,
    subject: str,
    *,
    dossier: tuple[str, str] = ("29628", ""),
    volgnummer: int | None = None,
    started: datetime.date = datetime.date(2024, 3, 12),
    indieners=(),
    medeindieners=(),
    afgedaan: bool | None = None,
    kabinetsappreciatie: str = "",
    deleted: bool = False,
    document_deleted: bool = False,
) -> Zaak:
    """A zaak of soort Motie in `dossier`; with `volgnummer`, also its document (the kamerstuk).
    indieners and medeindieners: (Persoon, Fractie) pairs."""
    ksd = kamerstukdossier(*dossier)
    zaak = Zaak.objects.create(
        guid=guid(),
        number=number,
        soort=Zaak.SOORT_MOTIE,
        subject=subject,
        title=f"Motie {number}",
        started_on=moment(started),
        afgedaan=afgedaan,
        kabinetsappreciatie=kabinetsappreciatie,
        kamerstukdossier=ksd,
        volgnummer=1,  # as the Kamer numbers a zaak within its vergaderjaar: never unique
        deleted=deleted,
    )
    if volgnummer is not None:
        document = Document.objects.create(
            guid=guid(),
            document_number=f"{number[:4]}D{number[5:]}",
            soort="Motie",
            title=subject,
            volgnummer=volgnummer,
            kamerstukdossier=ksd,
            date=started,
            deleted=document_deleted,
        )
        DocumentZaak.objects.create(document=document, zaak=zaak)
    for relatie, people in ((ZaakActor.RELATIE_INDIENER, indieners), (ZaakActor.RELATIE_MEDEINDIENER, medeindieners)):
        for person, group in people:
            ZaakActor.objects.create(
                guid=guid(),
                zaak=zaak,
                persoon=person,
                fractie=group,
                actor_name=f"{person.roepnaam[0]}. {person.tussenvoegsel} {person.surname}".replace("  ", " "),
                actor_fractie=group.afkorting,
                relatie=relatie,
            )
    return zaak


def vote(
    zaak: Zaak,
    *,
    day: datetime.date,
    besluit_soort: str = "Stemmen - aangenomen",
    fracties=(),
    members=(),
) -> Besluit:
    """The Kamer's vote on `zaak` on `day` (besides an "Ingediend" besluit, as the Kamer records
    both): fracties as (Fractie, soort, seats), a hoofdelijke stemming as members (Persoon, Fractie, soort)."""
    activiteit = Activiteit.objects.create(guid=guid(), soort="Plenair debat", number="2024A1", date=moment(day, 15))
    agendapunt = Agendapunt.objects.create(guid=guid(), activiteit=activiteit, subject="Stemmingen")
    ingediend = Besluit.objects.create(guid=guid(), agendapunt=agendapunt, besluit_soort="Ingediend", volgorde=1)
    BesluitZaak.objects.create(besluit=ingediend, zaak=zaak)
    besluit = Besluit.objects.create(
        guid=guid(),
        agendapunt=agendapunt,
        besluit_soort=besluit_soort,
        stemmings_soort="Hoofdelijk" if members else "Met handopsteken",
        volgorde=2,
    )
    BesluitZaak.objects.create(besluit=besluit, zaak=zaak)
    for group, soort, seats in fracties:
        Stemming.objects.create(
            guid=guid(),
            besluit=besluit,
            fractie=group,
            soort=soort,
            fractie_grootte=seats,
            actor_name=group.afkorting,
            actor_fractie=group.afkorting,
        )
    for person, group, soort in members:
        Stemming.objects.create(
            guid=guid(),
            besluit=besluit,
            persoon=person,
            fractie=group,
            soort=soort,
            fractie_grootte=group.seats,
            actor_name=f"{person.tussenvoegsel} {person.surname}".strip(),
            actor_fractie=group.afkorting,
        )
    return besluit
