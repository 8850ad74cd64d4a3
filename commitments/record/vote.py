"""Who submitted a motion and how the Kamer voted on it, from its zaak's mirrored rows.

Read from prefetched rows (see RECORD_PREFETCHES), so that a list of motions costs the same
few queries whatever its length.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from kamer.models import BesluitZaak, Stemming, ZaakActor

VOOR, TEGEN = "Voor", "Tegen"
HOOFDELIJK = "Hoofdelijk"
SUBMITTERS = (ZaakActor.RELATIE_INDIENER, ZaakActor.RELATIE_MEDEINDIENER)


def vote_links():
    """Links of zaken to their decisions that are a vote ("Stemmen - aangenomen", "Stemmen - verworpen")."""
    return BesluitZaak.objects.filter(besluit__deleted=False, besluit__besluit_soort__istartswith="Stemmen")


def vote_besluiten():
    """The vote decisions with what vote_of reads of them."""
    stemmingen = Stemming.objects.filter(deleted=False).select_related("fractie", "persoon")
    return (
        vote_links()
        .select_related("besluit__agendapunt__activiteit")
        .prefetch_related(Prefetch("besluit__stemmingen", queryset=stemmingen))
    )


RECORD_PREFETCHES = [
    Prefetch(
        "zaak__actors",
        queryset=ZaakActor.objects.filter(deleted=False, relatie__in=SUBMITTERS).select_related("persoon", "fractie"),
    ),
    Prefetch("zaak__besluit_links", queryset=vote_besluiten()),
]


@dataclass(frozen=True)
class Submitter:
    naam: str
    fractie: str | None
    relatie: str


@dataclass(frozen=True)
class FractieVote:
    fractie: str
    zetels: int
    soort: str


@dataclass(frozen=True)
class MemberVote:
    naam: str
    fractie: str | None
    soort: str


@dataclass(frozen=True)
class Vote:
    uitslag: str | None  # "aangenomen", "verworpen"; None for another outcome (see `besluit`)
    besluit: str  # the Kamer's words: "Stemmen - aangenomen"
    datum: datetime.date | None
    soort: str  # "Met handopsteken", "Hoofdelijk"
    voor: int
    tegen: int
    per_fractie: tuple[FractieVote, ...]
    leden: tuple[MemberVote, ...]  # a hoofdelijke stemming: every member's vote

    @property
    def hoofdelijk(self) -> bool:
        return bool(self.leden)


def submitters_of(zaak) -> list[Submitter]:
    """Indieners first, then medeindieners, each with their fractie."""
    actors = sorted(zaak.actors.all(), key=lambda a: (SUBMITTERS.index(a.relatie), a.actor_name))
    return [
        Submitter(
            naam=actor.persoon.full_name if actor.persoon and actor.persoon.full_name else actor.actor_name,
            fractie=_fractie_name(actor.fractie, actor.actor_afkorting or actor.actor_fractie),
            relatie=actor.relatie,
        )
        for actor in actors
    ]


def outcome(besluit_soort: str) -> str | None:
    words = besluit_soort.lower()
    return next((word for word in ("aangenomen", "verworpen") if word in words), None)


def vote_of(zaak) -> Vote | None:
    """The Kamer's latest vote on the zaak, or None before it was voted on."""
    links = sorted(zaak.besluit_links.all(), key=lambda link: _vote_moment(link.besluit))
    if not links:
        return None
    besluit = links[-1].besluit
    stemmingen = list(besluit.stemmingen.all())
    hoofdelijk = besluit.stemmings_soort == HOOFDELIJK or any(s.persoon_id for s in stemmingen)
    seats = defaultdict(int)
    for stemming in stemmingen:
        fractie = _fractie_name(stemming.fractie, stemming.actor_fractie) or stemming.actor_name
        seats[(fractie, stemming.soort)] += 1 if hoofdelijk else stemming.fractie_grootte or 0
    moment = _vote_moment(besluit)
    return Vote(
        uitslag=outcome(besluit.besluit_soort),
        besluit=besluit.besluit_soort,
        datum=timezone.localdate(moment) if moment != _NEVER else None,
        soort=besluit.stemmings_soort,
        voor=sum(n for (_, soort), n in seats.items() if soort == VOOR),
        tegen=sum(n for (_, soort), n in seats.items() if soort == TEGEN),
        per_fractie=tuple(
            FractieVote(fractie=f, zetels=n, soort=s) for (f, s), n in sorted(seats.items(), key=_by_seats)
        ),
        leden=tuple(_member_votes(stemmingen)) if hoofdelijk else (),
    )


_NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _vote_moment(besluit) -> datetime.datetime:
    agendapunt = besluit.agendapunt
    activiteit = agendapunt.activiteit if agendapunt else None
    moment = (activiteit.date or activiteit.starts_at) if activiteit else None
    return moment or (agendapunt.starts_at if agendapunt else None) or _NEVER


def _by_seats(item):
    (fractie, soort), seats = item
    return (soort != VOOR, soort != TEGEN, soort, -seats, fractie)


def _member_votes(stemmingen):
    def order(stemming):
        surname = stemming.persoon.surname if stemming.persoon else stemming.actor_name
        return (stemming.soort != VOOR, stemming.soort, surname.lower())

    for stemming in sorted(stemmingen, key=order):
        name = stemming.persoon.full_name if stemming.persoon else ""
        yield MemberVote(
            naam=name or stemming.actor_name,
            fractie=_fractie_name(stemming.fractie, stemming.actor_fractie),
            soort=stemming.soort,
        )


def _fractie_name(fractie, fallback: str) -> str | None:
    return ((fractie.afkorting or fractie.name) if fractie else "") or fallback or None
