"""The letter analyser for motions and commitments (named in settings.LETTER_ANALYSERS).

`describe` gives the analyse_letter JSON; `store` writes inside the importer's
transaction. Motions and commitments are matched to existing ones so that clerks'
decisions survive new versions and re-imports.
"""

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import DatabaseError
from django.db.models import Count, Q
from django.utils import timezone

from commitments.dossiers import dossier_panels
from commitments.extraction import Passage, find_all, find_commitments
from commitments.members import KnownMembers, Member
from commitments.models import Commitment, Motion, MotionMention
from commitments.record.resolving import link_zaken, motion_zaken
from commitments.register.services import kept_register, register_entries, suggest_for_letter
from kamer.models import Persoon
from letters.docx.references import texts_of
from letters.importing.rows import insert as insert_rows
from letters.models import SHOWN_SOURCES
from tkdossiers import compiled
from tkdossiers.citations import find
from tkdossiers.models import Kamerstuk
from tkdossiers.services import kamerstukken_among


def passages_of(sections) -> list[Passage]:
    return [
        Passage(index, text, tuple([(ref.offset, ref.number) for ref in refs]))
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

    def text(self, number: str) -> str:
        """The footnote's text; "" for none."""
        return self._texts.get(number, "")

    def __iter__(self):
        return (number for number in self._texts if number in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def footnote_kamerstukken(footnotes) -> Mapping[str, str]:
    return FootnoteKamerstukken(footnotes)


@dataclass(frozen=True)
class Mirror:
    """What of the Kamer's record is mirrored: what an import's links to it need to know first."""

    persons: tuple  # (count, latest updated_at) of the current Personen: known_members' fingerprint
    motion_zaken: bool  # a motion's kamerstuk can resolve to a zaak (commitments.record.resolving)
    register: bool  # the toezeggingen register has entries to score commitments against
    register_state: tuple  # (count, latest updated_at) of those entries: the kept register's fingerprint


def kamer_mirror() -> Mirror:
    """One statement: the Personen's fingerprint, whether the zaken that the import links to are
    mirrored at all, and the register's size and latest change (its fingerprint: kept_register).
    Where they are not mirrored, linking sends nothing."""
    count, latest, zaken, entries, changed = compiled.one_row("kamer mirror", _mirror_sql)
    return Mirror(
        persons=(count, latest), motion_zaken=bool(zaken), register=bool(entries), register_state=(entries, changed)
    )


# The ORM's own SQL of the querysets, their values kept as parameters; compiled once (tkdossiers.compiled).
def _persons_sql() -> tuple[str, tuple]:
    persons, params = _sql(Persoon.objects.filter(deleted=False).values("updated_at"))
    return f"SELECT COUNT(*), MAX(p.updated_at) FROM ({persons}) p", params  # noqa: S608


def _mirror_sql() -> tuple[str, tuple]:
    persons, persons_params = _sql(Persoon.objects.filter(deleted=False).values("updated_at"))
    zaken, zaken_params = _sql(motion_zaken().values("pk"))
    register, register_params = _sql(register_entries().values("updated_at"))
    sql = (
        f"SELECT COUNT(*), MAX(p.updated_at), EXISTS ({zaken}), (SELECT COUNT(*) FROM ({register}) e),"  # noqa: S608
        f" (SELECT MAX(e.updated_at) FROM ({register}) e) FROM ({persons}) p"
    )
    return sql, (*zaken_params, *register_params, *register_params, *persons_params)


def _sql(queryset) -> tuple[str, tuple]:
    return queryset.order_by().query.sql_with_params()


_known: dict = {"fingerprint": None, "members": None}


def known_members(mirror: Mirror | None = None) -> KnownMembers | None:
    """The Kamer's members as mirrored (kamer.Persoon), or None when none are mirrored yet (the
    extraction then relies on its built-in name patterns). Read once, and again only when the
    mirror changed: one statement decides (the count and latest change of the Personen, or the
    `kamer_mirror` the import read already). Without a database to read (the corpus evaluation
    on an unmigrated demo database) the built-in patterns stand alone."""
    try:
        fingerprint = mirror.persons if mirror else compiled.one_row("kamer persons", _persons_sql)
        if fingerprint != _known["fingerprint"]:
            persons = Persoon.objects.filter(deleted=False)
            rows = persons.exclude(surname="") if fingerprint[0] else persons.none()
            fields = ("surname", "tussenvoegsel", "roepnaam", "initials", "first_names", "guid")
            members = [Member(*values) for values in rows.values_list(*fields)]
            _known.update(fingerprint=fingerprint, members=KnownMembers.of(members) if members else None)
    except DatabaseError:
        return None
    return _known["members"]


def members_key(members) -> str:
    return "|".join(sorted(re.sub(r"\s+", " ", m).strip().lower() for m in members))


class Analyser:
    def describe(self, *, parsed, sections) -> dict:
        motions, commitments = _findings(parsed, sections, known_members())
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
        mirror = kamer_mirror()
        mentions, commitments = _findings(parsed, sections, known_members(mirror))
        motions = _store_mentions(version, mentions, section_rows)
        # The Kamer's record, where mirrored: each motion to its zaak, each commitment to the register.
        if mirror.motion_zaken:
            link_zaken(motions)
        _store_commitments(version, commitments, section_rows)
        if mirror.register:
            suggest_for_letter(letter=version.letter, register=kept_register(mirror.register_state))


analyser = Analyser()


def _findings(parsed, sections, members):
    """The letter's motion mentions and commitments (its passages split into sentences once)."""
    passages = passages_of(sections)
    return find_all(passages, footnote_kamerstukken(parsed.footnotes), members, parsed.metadata.date)


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


def _store_mentions(version, mentions, section_rows) -> list[Motion]:
    """Store the mentions; returns their motions, each with its kamerstuk and dossier loaded."""
    kamerstukken = _kamerstukken({m.kamerstuk for m in mentions if m.kamerstuk})
    # a motion named only by a kamerstuk that was not stored has nothing to be known by
    mentions = [m for m in mentions if m.members or kamerstukken.get(m.kamerstuk)]
    motions = _motions_for(mentions, kamerstukken, declared_in=version.letter_id)
    declared = {
        motion.pk
        for motion, mention in zip(motions, mentions, strict=True)
        if mention.declares_done and motion.declared_in_id != version.letter_id
    }
    if declared:  # a new declaration waits for the clerks again
        Motion.objects.filter(pk__in=declared).update(
            declared_in_id=version.letter_id, declaration_reviewed=False, updated_at=timezone.now()
        )
    insert_rows(
        MotionMention,
        [
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
        ],
    )
    return motions


def _motions_for(mentions, kamerstukken, *, declared_in) -> list[Motion]:
    """The motion of each mention: by its kamerstuk, else by its members; missing ones are
    created (ignoring a concurrent import's identical row), then all are read in one query.
    A motion this letter creates and declares done is created declared (no UPDATE after)."""
    keys = [(kamerstukken.get(m.kamerstuk), members_key(m.members)) for m in mentions]
    new = {}
    for (kamerstuk, key), mention in zip(keys, mentions, strict=True):
        motion = new.setdefault(
            kamerstuk.pk if kamerstuk else key,
            Motion(kamerstuk=kamerstuk, members=list(mention.members), members_key=key),
        )
        if mention.declares_done:
            motion.declared_in_id = declared_in
    insert_rows(Motion, list(new.values()), ignore_conflicts=True)
    linked = {k.pk: k for k, _ in keys if k is not None}
    unlinked = {key for k, key in keys if k is None}
    found = {}
    for motion in _motions_of(set(linked), unlinked):
        if motion.kamerstuk_id:
            motion.kamerstuk = linked[motion.kamerstuk_id]  # with its dossier, for linking to the zaak
        found[motion.kamerstuk_id if motion.kamerstuk_id else motion.members_key] = motion
    return [found[kamerstuk.pk if kamerstuk else key] for kamerstuk, key in keys]


def _motions_of(kamerstuk_ids: set[int], members_keys: set[str]) -> list[Motion]:
    """The motions of these kamerstukken, and those without one known by these members; compiled
    once (tkdossiers.compiled), as every import with motions asks."""
    if not (kamerstuk_ids or members_keys):
        return []
    return compiled.instances_among(
        "motions of", _motions_query, ids=("bigint", kamerstuk_ids), keys=("text", members_keys)
    )


def _motions_query(ids, keys):
    return Motion.objects.filter(Q(kamerstuk__in=ids) | Q(kamerstuk__isnull=True, members_key__in=keys))


def _kamerstukken(keys) -> dict[str, Kamerstuk]:
    """The kamerstukken the importer already stored for this letter's citations, by key.

    "36725, nr. 16" in a footnote may be stored as 36725-VI-16 (see letters.docx.references).
    """
    wanted = {}
    for key in keys:
        dossier_key, _, number = key.rpartition("-")
        dossier_number, _, toevoeging = dossier_key.partition("-")
        wanted[key] = (dossier_number, toevoeging, number)
    # the pairs it lets through that no key names are never picked below
    candidates = kamerstukken_among({key[0] for key in wanted.values()}, {key[2] for key in wanted.values()})
    found = {}
    for key, (dossier_number, toevoeging, number) in wanted.items():
        same = [k for k in candidates if (k.dossier.number, k.number) == (dossier_number, number)]
        exact = [k for k in same if k.dossier.toevoeging == toevoeging]
        matches = exact or (same if not toevoeging else [])
        if len(matches) == 1:
            found[key] = matches[0]
    return found


def _store_commitments(version, commitments, section_rows):
    """One commitment per letter and wording: a new version updates it, keeping its status
    (one upsert: made_in, due, kind, text and updated_at are written, the rest stays)."""
    wanted = {}
    for commitment in commitments:
        key = hashlib.sha256(f"{version.letter_id}:{_normalised(commitment.text)}".encode()).hexdigest()
        wanted[key] = (commitment, section_rows[commitment.section])
    insert_rows(
        Commitment,
        [
            Commitment(
                key=key,
                letter_id=version.letter_id,
                made_in=section,
                text=commitment.text,
                kind=commitment.kind,
                due=commitment.due,
            )
            for key, (commitment, section) in wanted.items()
        ],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["made_in", "due", "kind", "text", "updated_at"],
    )


def _normalised(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
