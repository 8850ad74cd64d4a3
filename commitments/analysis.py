"""The letter analyser for motions and commitments (named in settings.LETTER_ANALYSERS).

`describe` gives the analyse_letter JSON; `store` writes inside the importer's
transaction. Motions and commitments are matched to existing ones so that clerks'
decisions survive new versions and re-imports.
"""

import hashlib
import re
from collections.abc import Mapping

from django.db import DatabaseError
from django.db.models import Count, Max, Q
from django.utils import timezone

from commitments.dossiers import dossier_panels
from commitments.extraction import Passage, find_commitments, find_motions
from commitments.members import KnownMembers, Member
from commitments.models import Commitment, Motion, MotionMention
from commitments.record.resolving import resolve_motions
from commitments.register.services import suggest_for_letter
from kamer.models import Persoon
from letters.docx.references import texts_of
from letters.models import SHOWN_SOURCES
from tkdossiers.citations import find
from tkdossiers.models import Kamerstuk


def passages_of(sections) -> list[Passage]:
    return [
        Passage(index, text, tuple((ref.offset, ref.number) for ref in refs))
        for index, location, text, refs in texts_of(sections)
        if location == "body"
    ]


class FootnoteKamerstukken(Mapping):
    """Footnote number -> key of the first kamerstuk it cites ("29517-260"), each footnote parsed
    when first asked for: the motions ask only for the footnote right after a motion's name, and
    parsing every footnote here again (the references did already) was a tenth of the analysis."""

    def __init__(self, footnotes):
        self._texts = {footnote.number: footnote.text for footnote in footnotes}
        self._keys: dict[str, str | None] = {}

    def __getitem__(self, number: str) -> str:
        if number not in self._keys:
            citations, _ = find(self._texts[number])  # KeyError: no such footnote
            self._keys[number] = citations[0].key if citations else None
        if self._keys[number] is None:
            raise KeyError(number)
        return self._keys[number]

    def __iter__(self):
        return (number for number in self._texts if number in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def footnote_kamerstukken(footnotes) -> Mapping[str, str]:
    return FootnoteKamerstukken(footnotes)


_known: dict = {"fingerprint": None, "members": None}


def known_members() -> KnownMembers | None:
    """The Kamer's members as mirrored (kamer.Persoon), or None when none are mirrored yet (the
    extraction then relies on its built-in name patterns). Read once, and again only when the
    mirror changed: one aggregate query per import decides. Without a database to read (the corpus
    evaluation on an unmigrated demo database) the built-in patterns stand alone."""
    try:
        persons = Persoon.objects.filter(deleted=False)
        fingerprint = tuple(persons.aggregate(n=Count("pk"), at=Max("updated_at")).values())
    except DatabaseError:
        return None
    if fingerprint != _known["fingerprint"]:
        rows = persons.exclude(surname="") if fingerprint[0] else persons.none()
        fields = ("surname", "tussenvoegsel", "roepnaam", "initials", "first_names", "guid")
        members = [Member(*values) for values in rows.values_list(*fields)]
        _known.update(fingerprint=fingerprint, members=KnownMembers.of(members) if members else None)
    return _known["members"]


def members_key(members) -> str:
    return "|".join(sorted(re.sub(r"\s+", " ", m).strip().lower() for m in members))


class Analyser:
    def describe(self, *, parsed, sections) -> dict:
        passages = passages_of(sections)
        motions = find_motions(passages, footnote_kamerstukken(parsed.footnotes), known_members())
        commitments = find_commitments(passages, parsed.metadata.date)
        return {
            "motions": [
                {
                    "text": m.text,
                    "members": list(m.members),
                    "kamerstuk": m.kamerstuk,
                    "declares_done": m.declares_done,
                    # with the Kamer's members mirrored: per member, the Persoon GUIDs the name can be
                    **({"persons": [list(keys) for keys in m.persons]} if m.persons else {}),
                }
                for m in motions
            ],
            "commitments": [
                {"text": c.text, "kind": c.kind, "due": c.due.isoformat() if c.due else None} for c in commitments
            ],
        }

    def version_items(self) -> dict:
        """For comparing versions: what each version says about motions and commitments."""

        def motions(version):
            return {
                f"{m.text}{' (afgedaan verklaard)' if m.declares_done else ''}" for m in version.motion_mentions.all()
            }

        def commitments(version):
            passages = [Passage(s.position, s.text) for s in version.sections.order_by("position")]
            return {c.text for c in find_commitments(passages, version.date)}

        return {"Moties": motions, "Toezeggingen": commitments}

    def topic_figures(self) -> dict[str, dict[int, int]]:
        """Per topic: open motions mentioned and open commitments made in its current passages."""
        return {"open_motion_count": _open_motions_per_topic(), "open_commitment_count": _open_commitments_per_topic()}

    def passage_prefetches(self) -> list[str]:
        """What a topic page shows beside each passage: the motions it mentions, the promises it makes."""
        return ["motion_mentions__motion__kamerstuk__dossier", "commitments_made"]

    def dossier_items(self, dossier, limit: int) -> list:
        """The dossier page's motions and commitments, open ones first (commitments.dossiers)."""
        return dossier_panels(dossier, limit)

    def store(self, *, version, parsed, sections, section_rows):
        passages = passages_of(sections)
        mentions = find_motions(passages, footnote_kamerstukken(parsed.footnotes), known_members())
        _store_mentions(version, mentions, section_rows)
        # The Kamer's record, where mirrored: each motion to its zaak, each commitment to the register.
        resolve_motions(motions=Motion.objects.filter(mentions__version=version).distinct())
        _store_commitments(version, find_commitments(passages, parsed.metadata.date), section_rows)
        suggest_for_letter(letter=version.letter)


analyser = Analyser()


def _open_motions_per_topic() -> dict[int, int]:
    mentions = MotionMention.objects.filter(motion__status=Motion.Status.OPEN, version__is_current=True)
    return _per_topic(mentions, "section__topic_tags", Count("motion", distinct=True))


def _open_commitments_per_topic() -> dict[int, int]:
    made = Commitment.objects.filter(status=Commitment.Status.OPEN, made_in__version__is_current=True)
    return _per_topic(made, "made_in__topic_tags", Count("pk", distinct=True))


def _per_topic(queryset, tags: str, count) -> dict[int, int]:
    """How many of `queryset` per topic shown on the passage at `tags`."""
    rows = (
        queryset.filter(**{f"{tags}__source__in": SHOWN_SOURCES}).order_by().values(f"{tags}__topic").annotate(n=count)
    )
    return {row[f"{tags}__topic"]: row["n"] for row in rows}


def _store_mentions(version, mentions, section_rows):
    kamerstukken = _kamerstukken({m.kamerstuk for m in mentions if m.kamerstuk})
    # a motion named only by a kamerstuk that was not stored has nothing to be known by
    mentions = [m for m in mentions if m.members or kamerstukken.get(m.kamerstuk)]
    motions = _motions_for(mentions, kamerstukken)
    declared = {
        motion.pk
        for motion, mention in zip(motions, mentions, strict=True)
        if mention.declares_done and motion.declared_in_id != version.letter_id
    }
    if declared:  # a new declaration waits for the clerks again
        Motion.objects.filter(pk__in=declared).update(
            declared_in_id=version.letter_id, declaration_reviewed=False, updated_at=timezone.now()
        )
    MotionMention.objects.bulk_create(
        MotionMention(
            motion=motion,
            section=section_rows[mention.section],
            version=version,
            position=position,
            text=mention.text,
            sentence=mention.sentence,
            declares_done=mention.declares_done,
        )
        for position, (motion, mention) in enumerate(zip(motions, mentions, strict=True))
    )


def _motions_for(mentions, kamerstukken) -> list[Motion]:
    """The motion of each mention: by its kamerstuk, else by its members; missing ones are
    created (ignoring a concurrent import's identical row), then all are read in one query."""
    keys = [(kamerstukken.get(m.kamerstuk), members_key(m.members)) for m in mentions]
    new = {}
    for (kamerstuk, key), mention in zip(keys, mentions, strict=True):
        new.setdefault(
            kamerstuk.pk if kamerstuk else key,
            Motion(kamerstuk=kamerstuk, members=list(mention.members), members_key=key),
        )
    Motion.objects.bulk_create(new.values(), ignore_conflicts=True)
    linked = {k.pk for k, _ in keys if k is not None}
    unlinked = {key for k, key in keys if k is None}
    found = {}
    for motion in Motion.objects.filter(Q(kamerstuk__in=linked) | Q(kamerstuk__isnull=True, members_key__in=unlinked)):
        found[motion.kamerstuk_id if motion.kamerstuk_id else motion.members_key] = motion
    return [found[kamerstuk.pk if kamerstuk else key] for kamerstuk, key in keys]


def _kamerstukken(keys) -> dict[str, Kamerstuk]:
    """The kamerstukken the importer already stored for this letter's citations, by key.

    "36725, nr. 16" in a footnote may be stored as 36725-VI-16 (see letters.docx.references).
    """
    wanted = {}
    for key in keys:
        dossier_key, _, number = key.rpartition("-")
        dossier_number, _, toevoeging = dossier_key.partition("-")
        wanted[key] = (dossier_number, toevoeging, number)
    query = Q()
    for dossier_number, _, number in wanted.values():
        query |= Q(dossier__number=dossier_number, number=number)
    candidates = list(Kamerstuk.objects.filter(query).select_related("dossier")) if wanted else []
    found = {}
    for key, (dossier_number, toevoeging, number) in wanted.items():
        same = [k for k in candidates if (k.dossier.number, k.number) == (dossier_number, number)]
        exact = [k for k in same if k.dossier.toevoeging == toevoeging]
        matches = exact or (same if not toevoeging else [])
        if len(matches) == 1:
            found[key] = matches[0]
    return found


def _store_commitments(version, commitments, section_rows):
    """One commitment per letter and wording: a new version updates it, keeping its status."""
    wanted = {}
    for commitment in commitments:
        key = hashlib.sha256(f"{version.letter_id}:{_normalised(commitment.text)}".encode()).hexdigest()
        wanted[key] = (commitment, section_rows[commitment.section])
    existing = {c.key: c for c in Commitment.objects.filter(key__in=wanted)}
    now = timezone.now()
    for key, row in existing.items():
        commitment, row.made_in = wanted[key]
        row.due, row.kind, row.text, row.updated_at = commitment.due, commitment.kind, commitment.text, now
    Commitment.objects.bulk_update(existing.values(), ["made_in", "due", "kind", "text", "updated_at"])
    Commitment.objects.bulk_create(
        Commitment(
            key=key,
            letter_id=version.letter_id,
            made_in=section,
            text=commitment.text,
            kind=commitment.kind,
            due=commitment.due,
        )
        for key, (commitment, section) in wanted.items()
        if key not in existing
    )


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
