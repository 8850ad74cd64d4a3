"""Candidate zaken for a motion known only by its members ("de motie van het lid Van Dijk").

A candidate is a current zaak of soort Motie in a dossier that a letter mentioning the motion
cites, started on or before that letter's date (a letter can answer a motion submitted the same
day), whose indiener is the motion's first member and whose other members are among its
indieners and medeindieners. Ranked: the dossier the mentioning passage itself cites first,
then the latest start (nearest before the letter). They are suggestions for a clerk: nothing
here links a motion, since a surname is shared by several members (two Van Dijks in one Kamer).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from kamer.models import Zaak, ZaakActor
from letters.models import LetterDossier, Reference

SUBMITTERS = (ZaakActor.RELATIE_INDIENER, ZaakActor.RELATIE_MEDEINDIENER)
LIMIT = 10
INITIALS = re.compile(r"^(?:[a-z]{1,3}\.\s*)+")


@dataclass(frozen=True)
class Candidate:
    zaak: Zaak
    in_passage_dossier: bool  # the passage that mentions the motion cites the zaak's dossier


def normalised(name: str) -> str:
    """ "Van  Dijk" and "van dijk" alike, "Özdemir" as "ozdemir"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).strip().lower()


def actor_names(actor) -> set[str]:
    """The ways a letter may name this actor: "van dijk", "jan van dijk" (from its Persoon),
    and its actor name without initials ("I. van Dijk" -> "van dijk")."""
    names = {INITIALS.sub("", normalised(actor.actor_name))} if actor.actor_name else set()
    person = actor.persoon
    if person is not None:
        surname = normalised(f"{person.tussenvoegsel} {person.surname}")
        names |= {surname, normalised(f"{person.roepnaam} {surname}")}
    return names - {""}


def submitted_by(zaak, members) -> bool:
    """The first member is an indiener of the zaak, every other one an indiener or medeindiener."""
    wanted = [normalised(member) for member in members]
    if not wanted:
        return False
    actors = [actor for actor in zaak.actors.all() if actor.relatie in SUBMITTERS]
    indieners = set().union(*(actor_names(a) for a in actors if a.relatie == ZaakActor.RELATIE_INDIENER))
    everyone = set().union(*(actor_names(a) for a in actors))
    return wanted[0] in indieners and all(member in everyone for member in wanted[1:])


def candidates_for(motion, *, limit: int = LIMIT) -> list[Candidate]:
    """The motion's candidate zaken, best first (see the module docstring)."""
    mentions = list(motion.mentions.filter(version__is_current=True).select_related("version__letter"))
    letters = {mention.version.letter for mention in mentions}
    dates = [letter.date for letter in letters if letter.date]
    cited = _dossiers(LetterDossier.objects.filter(letter__in=letters), "dossier")
    if not mentions or not cited:
        return []
    in_passages = _dossiers(
        Reference.objects.filter(section__in=[m.section_id for m in mentions], kamerstuk__isnull=False),
        "kamerstuk__dossier",
    )
    zaken = Zaak.objects.motions().filter(_in_dossiers(cited)).distinct()
    if dates:
        zaken = zaken.filter(started_on__date__lte=max(dates))
    actors = ZaakActor.objects.filter(deleted=False, relatie__in=SUBMITTERS).select_related("persoon")
    zaken = zaken.select_related("kamerstukdossier").prefetch_related(Prefetch("actors", queryset=actors))
    found = [
        Candidate(zaak=zaak, in_passage_dossier=_dossier_key(zaak) in in_passages)
        for zaak in zaken
        if submitted_by(zaak, motion.members)
    ]
    found.sort(key=lambda c: (not c.in_passage_dossier, -(c.zaak.started_on.timestamp() if c.zaak.started_on else 0)))
    return found[:limit]


def _dossiers(queryset, prefix: str) -> set[tuple[str, str]]:
    return set(queryset.values_list(f"{prefix}__number", f"{prefix}__toevoeging").distinct())


def _in_dossiers(dossiers) -> Q:
    """The zaak's own dossier, or the dossier of one of its documents (the motion's kamerstuk)."""
    query = Q()
    for number, toevoeging in dossiers:
        query |= Q(kamerstukdossier__number=number, kamerstukdossier__toevoeging=toevoeging)
        query |= Q(
            document_links__document__kamerstukdossier__number=number,
            document_links__document__kamerstukdossier__toevoeging=toevoeging,
        )
    return query


def _dossier_key(zaak) -> tuple[str, str] | None:
    dossier = zaak.kamerstukdossier
    return (dossier.number, dossier.toevoeging) if dossier else None
