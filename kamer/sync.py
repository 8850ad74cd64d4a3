"""Follow the Tweede Kamer's SyncFeed: mirror what it says, page by page.

Every category of settings.TK_SYNC_CATEGORIES (by default all of kamer.tk.fields.CATEGORIES)
is read from its stored skiptoken. A page's entities and the skiptoken after them are stored in
one transaction, so a crash resumes where it stopped without losing or repeating work; the
SyncState row is updated first, so two workers on one category take turns page by page, and its
skiptoken only moves forward (`_forward`), so the one that started earlier does not set it back.

Per page and kind: one SELECT of what is stored (guid, bijgewerkt, deleted), then only the
entities whose `bijgewerkt` is newer are written, in one INSERT ... ON CONFLICT DO UPDATE (and
one for deletions, which keep the fields the row had). An unchanged entity writes nothing, so a
re-flood of old entities costs one read per page. An entity that arrives deleted before we ever
saw it is stored as a deleted stub, so references to it still resolve. Repeated references
(a document's zaken, a besluit's zaken) are replaced in their through table when the entity
changed. A Kamerstukdossier also creates or updates our own tkdossiers.Dossier and links the
documents that arrived before it; a document arriving after its dossier is linked at once.

What other apps do with the mirror (fetching letters, linking motions) they do afterwards,
through the hooks named in settings.KAMER_SYNC_HOOKS (`run_hooks`). What a page changed is also
kept in SyncChange rows, in the page's own transaction, until the hooks have run after it: a run
that stops between its pages and its hooks leaves them to the next run, not lost.
"""

import logging
from collections.abc import Collection
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.module_loading import import_string

from kamer.models import (
    Activiteit,
    Agendapunt,
    Besluit,
    BesluitZaak,
    Document,
    DocumentVersie,
    DocumentZaak,
    Fractie,
    Kamerstukdossier,
    Persoon,
    Stemming,
    SyncChange,
    SyncState,
    Toezegging,
    Zaak,
    ZaakActor,
)
from kamer.tk import fields as tk_fields
from kamer.tk.client import TKClient, TKError
from kamer.tk.feed import FeedError
from tkdossiers.models import Dossier

logger = logging.getLogger(__name__)
CATEGORIES = tk_fields.CATEGORIES  # in this order: dossiers before the documents that refer to them
STATE_FIELDS = ("guid", "bijgewerkt", "deleted")
DELETION_FIELDS = ["bijgewerkt", "deleted", "updated_at"]


class SyncError(Exception):
    """A feed page could not be read; the skiptoken stays where it was."""


@dataclass
class SyncReport:
    """What a run read and changed. `changed_documents`: Document pks (new, changed or deleted);
    `changed`: per category, the GUIDs of the entities written (new, changed or deleted)."""

    pages: int = 0
    entries: int = 0
    changed_documents: list[int] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)

    def add(self, changes: "Changes") -> None:
        self.changed_documents += changes.documents
        for category, guids in changes.guids.items():
            self.changed.setdefault(category, []).extend(guids)


@dataclass
class Changes:
    """What one page changed: Document pks, and GUIDs per category."""

    documents: list[int] = field(default_factory=list)
    guids: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Mirror:
    """How one entity kind is stored: its model, its columns, and what the database can hold."""

    kind: tk_fields.Kind
    model: type[models.Model]
    columns: tuple[str, ...]  # the record fields that are model columns (every field but REFS)
    texts: dict[str, int | None]  # text column -> max_length (None: unlimited); None is stored as ""
    ranges: dict[str, tuple[int, int]]  # integer column -> (lowest, highest) the column holds
    through: tuple[type[models.Model], str, str, str] | None = None  # model, own column, other column, record field

    @property
    def update_fields(self) -> list[str]:
        return [*self.columns, *DELETION_FIELDS]


def _mirror(model, element: str, through=None) -> Mirror:
    kind = tk_fields.KINDS_BY_ELEMENT[element]
    columns = tuple(spec.name for spec in kind.fields if spec.type != tk_fields.REFS)
    by_attname = {model_field.attname: model_field for model_field in model._meta.concrete_fields}
    texts, ranges = {}, {}
    for name in columns:
        model_field = by_attname[name]  # a KeyError here: the table in fields.py names a column the model lacks
        internal = model_field.get_internal_type()
        if internal in ("CharField", "TextField", "URLField"):
            texts[name] = model_field.max_length
        elif "IntegerField" in internal:
            ranges[name] = connection.ops.integer_field_range(internal)
    return Mirror(kind, model, columns, texts, ranges, through)


MIRRORS = {
    mirror.kind.element: mirror
    for mirror in (
        _mirror(Kamerstukdossier, tk_fields.KAMERSTUKDOSSIER),
        _mirror(Document, tk_fields.DOCUMENT, (DocumentZaak, "document_id", "zaak_id", "zaak_ids")),
        _mirror(DocumentVersie, tk_fields.DOCUMENT_VERSIE),
        _mirror(Zaak, tk_fields.ZAAK),
        _mirror(ZaakActor, tk_fields.ZAAK_ACTOR),
        _mirror(Besluit, tk_fields.BESLUIT, (BesluitZaak, "besluit_id", "zaak_id", "zaak_ids")),
        _mirror(Stemming, tk_fields.STEMMING),
        _mirror(Agendapunt, tk_fields.AGENDAPUNT),
        _mirror(Activiteit, tk_fields.ACTIVITEIT),
        _mirror(Toezegging, tk_fields.TOEZEGGING),
        _mirror(Persoon, tk_fields.PERSOON),
        _mirror(Fractie, tk_fields.FRACTIE),
    )
}


def default_client() -> TKClient:
    return TKClient(
        settings.TK_BASE_URL,
        timeout=settings.TK_TIMEOUT,
        retries=settings.TK_RETRIES,
        page_pause=settings.TK_PAGE_PAUSE,
        user_agent=settings.TK_USER_AGENT,
    )


def followed_categories() -> list[str]:
    """The categories of settings.TK_SYNC_CATEGORIES, in the order they are best read in."""
    wanted = {category.lower() for category in settings.TK_SYNC_CATEGORIES}
    return [category for category in CATEGORIES if category.lower() in wanted]


def run(*, client: TKClient, max_pages: int | None = None, on_page=None) -> SyncReport:
    """Read every followed category from its stored skiptoken."""
    report = SyncReport()
    for category in followed_categories():
        sync_category(category, client=client, report=report, max_pages=max_pages, on_page=on_page)
    return report


def run_hooks(report: SyncReport, *, skip: Collection[str] = ()) -> SyncReport:
    """After a sync: let the apps that build on the mirror act on it (letters fetches its letters),
    each hook of settings.KAMER_SYNC_HOOKS but those in `skip` (dotted paths).

    The hooks are given every change stored since the hooks last ran to the end: this run's, and
    those a run that stopped half-way left (SyncChange). When every hook has returned, those are
    done; a hook that raises leaves them all for the next run, so a hook must be safe to run twice
    on one change (they recount and rescore). Returns the report the hooks were given."""
    upto = SyncChange.objects.aggregate(last=Max("pk"))["last"]
    pending = pending_changes(report, upto)
    for path in settings.KAMER_SYNC_HOOKS:
        if path not in skip:
            import_string(path)(pending)
    if upto is not None:
        SyncChange.objects.filter(pk__lte=upto).delete()
    return pending


def pending_changes(report: SyncReport, upto: int | None) -> SyncReport:
    """`report`'s pages and entries, with the changes of every SyncChange up to `upto`: its own
    are among them, since each page stored its changes before the report counted them."""
    pending = SyncReport(pages=report.pages, entries=report.entries)
    if upto is None:
        return pending
    changes = SyncChange.objects.filter(pk__lte=upto)
    changed: dict[str, dict[str, None]] = {}  # dicts: each GUID once, in the order written
    for category, guid in changes.order_by("pk").values_list("category", "guid").iterator(chunk_size=5000):
        changed.setdefault(category, {})[guid] = None
    pending.changed = {category: list(guids) for category, guids in changed.items()}
    documents = changes.filter(category=MIRRORS[tk_fields.DOCUMENT].kind.category).values("guid")
    pending.changed_documents = list(
        Document.objects.filter(guid__in=documents).order_by("pk").values_list("pk", flat=True)
    )
    return pending


def sync_category(category, *, client, report, max_pages=None, on_page=None) -> None:
    state, _ = SyncState.objects.get_or_create(category=category)
    states = SyncState.objects.filter(pk=state.pk)
    states.update(last_run_at=timezone.now())
    token = state.skiptoken
    for _ in range(max_pages or settings.TK_SYNC_MAX_PAGES):
        try:
            page = client.feed_page(category, token)
        except (TKError, FeedError) as exc:
            reason = getattr(exc, "reason", str(exc))
            states.update(last_error=f"{category}: {reason}")
            raise SyncError(f"{category}: {reason}") from exc
        if not page.entries:
            break
        token = page.next_skiptoken or token
        with transaction.atomic():
            # First: the row lock makes a second worker on this category wait for this page.
            states.update(skiptoken=_forward(token), entries_seen=F("entries_seen") + len(page.entries))
            changes = record_entries(page.entries)
            _keep_for_the_hooks(changes)
        report.pages += 1
        report.entries += len(page.entries)
        report.add(changes)
        if on_page:
            on_page(category, report)
        if not page.has_more:
            break
    states.update(last_success_at=timezone.now(), last_error="")


def _forward(token: int | None):
    """The skiptoken to store: `token`, unless a run beside this one already stored a later one.

    Two runs of one category (the beat and "Synchroniseer nu") each read pages from the token they
    started with; the one that started earlier must not set the token back. Chosen over a lock that
    skips the second run: every page still commits with its token, so a crash anywhere leaves a token
    its entities were stored up to, and no lock is left held by a dying worker's connection. The later
    run's pages of what the other already stored write nothing (`_is_newer`)."""
    if token is None:
        return F("skiptoken")
    return Case(When(skiptoken__gt=token, then=F("skiptoken")), default=Value(token))


def record_entries(entries) -> Changes:
    """Store the entities of one page (inside the caller's transaction); return what changed."""
    changes = Changes()
    for element, versions in _latest_per_kind(entries).items():
        mirror = MIRRORS[element]
        written = _store(mirror, versions)
        if written:
            changes.guids[mirror.kind.category] = list(dict.fromkeys(row.guid for row in written))
            if mirror.model is Document:
                changes.documents += list(dict.fromkeys(row.pk for row in written))
    return changes


def _keep_for_the_hooks(changes: Changes) -> None:
    """The page's changes as SyncChange rows, one INSERT (none when it changed nothing)."""
    rows = [SyncChange(category=category, guid=guid) for category, guids in changes.guids.items() for guid in guids]
    SyncChange.objects.bulk_create(rows, batch_size=2000)


def _latest_per_kind(entries) -> dict[str, dict[str, dict[bool, tuple]]]:
    """Per kind, per GUID, the page's newest live and newest deleted (record, enclosure url): a page
    can hold a GUID more than once, and a deletion carries no fields of its own."""
    latest: dict[str, dict[str, dict[bool, tuple]]] = {}
    for entry in entries:
        record = entry.record
        if record is None or record.kind.element not in MIRRORS:
            continue
        versions = latest.setdefault(record.kind.element, {}).setdefault(record.id, {})
        seen = versions.get(record.deleted)
        if seen is None or record.bijgewerkt >= seen[0].bijgewerkt:
            versions[record.deleted] = (record, entry.enclosure_url)
    return latest


def _store(mirror: Mirror, versions: dict[str, dict[bool, tuple]]) -> list[models.Model]:
    """Write the entities that are new or newer than what is stored; return the rows written."""
    extra = ("dossier_id", "enclosure_url") if mirror.model is Document else ()
    stored = mirror.model.objects.filter(guid__in=versions).values_list(*STATE_FIELDS, *extra)
    known = {row[0]: row for row in stored}
    live, gone = _fresh(versions, known)
    if not live and not gone:
        return []
    rows = [_row(mirror, record) for record, _ in live]
    if mirror.model is Document:
        _place_documents(rows, [url for _, url in live], known)
    _upsert(mirror.model, rows, mirror.update_fields + (["dossier", "enclosure_url"] if extra else []))
    stubs = [mirror.model(guid=record.id, bijgewerkt=record.bijgewerkt, deleted=True) for record in gone]
    _upsert(mirror.model, stubs, DELETION_FIELDS)  # a known row keeps its fields; an unknown one is a stub
    if mirror.through:
        _replace_links(mirror, [record for record, _ in live], known)
    if mirror.model is Kamerstukdossier:
        _adopt_dossiers([record for record, _ in live])
    return rows + stubs


def _fresh(versions: dict, known: dict) -> tuple[list[tuple], list]:
    """What to write: live versions newer than the row, then deletions newer than both. A GUID that
    the page holds live and then deleted gets its fields, then its mark (so the mark keeps them)."""
    live, gone = [], []
    for guid, found in versions.items():
        alive, dead = found.get(False), found.get(True)
        if dead and alive and alive[0].bijgewerkt > dead[0].bijgewerkt:
            dead = None  # published again after its deletion
        if alive and _is_newer(alive[0], known.get(guid)):
            live.append(alive)
        if dead and _is_newer(dead[0], known.get(guid)):
            gone.append(dead[0])
    return live, gone


def _is_newer(record, known) -> bool:
    """Write when never seen, stored without a timestamp, newer, or a deletion of the same moment."""
    if known is None or known[1] is None:
        return True
    return record.bijgewerkt > known[1] or (record.bijgewerkt == known[1] and record.deleted and not known[2])


def _row(mirror: Mirror, record) -> models.Model:
    values = {name: getattr(record, name) for name in mirror.columns}
    for name, limit in mirror.texts.items():
        text = values[name] or ""
        values[name] = text[:limit] if limit else text
    for name, (lowest, highest) in mirror.ranges.items():
        number = values[name]
        if number is not None and not lowest <= number <= highest:
            logger.warning(
                "%s %s: %s=%s does not fit its column; not stored", mirror.kind.element, record.id, name, number
            )
            values[name] = None
    return mirror.model(guid=record.id, bijgewerkt=record.bijgewerkt, deleted=False, **values)


def _upsert(model, rows: list[models.Model], update_fields: list[str]) -> None:
    if rows:
        model.objects.bulk_create(rows, update_conflicts=True, unique_fields=["guid"], update_fields=update_fields)


def _place_documents(rows: list[Document], urls: list[str | None], known: dict) -> None:
    """Our Dossier when its Kamerstukdossier is known (else the one it had), and the enclosure."""
    guids = {row.kamerstukdossier_id for row in rows if row.kamerstukdossier_id}
    dossiers = dict(Dossier.objects.filter(tk_id__in=guids).values_list("tk_id", "pk")) if guids else {}
    limit = Document._meta.get_field("enclosure_url").max_length
    for row, url in zip(rows, urls, strict=True):
        _, _, _, had_dossier, had_url = known.get(row.guid, (None,) * 5)
        row.dossier_id = dossiers.get(row.kamerstukdossier_id, had_dossier)
        row.enclosure_url = url if url and len(url) <= limit else had_url or ""


def _replace_links(mirror: Mirror, records: list, known: dict) -> None:
    """A changed entity's repeated references replace the ones it had."""
    through, own, other, source = mirror.through
    stored = [record.id for record in records if record.id in known]
    if stored:
        through.objects.filter(**{f"{own}__in": stored}).delete()
    links = {(record.id, guid) for record in records for guid in getattr(record, source)}
    if links:
        through.objects.bulk_create(
            [through(**{own: mine, other: theirs}) for mine, theirs in sorted(links)], ignore_conflicts=True
        )


def _adopt_dossiers(records: list) -> None:
    """Our Dossier for each Kamerstukdossier: found by GUID, else by number; created when new."""
    records = [record for record in records if record.number]
    if not records:
        return
    by_key = {(record.number[:10], (record.toevoeging or "")[:10]): record for record in records}
    numbers = {number for number, _ in by_key}
    found = list(Dossier.objects.filter(Q(tk_id__in=[record.id for record in records]) | Q(number__in=numbers)))
    by_guid = {dossier.tk_id: dossier for dossier in found if dossier.tk_id}
    by_number = {(dossier.number, dossier.toevoeging): dossier for dossier in found}
    new, changed = [], []
    for key, record in by_key.items():
        dossier = by_guid.get(record.id) or by_number.get(key)
        if dossier is None:
            new.append(Dossier(number=key[0], toevoeging=key[1], title=record.title or "", tk_id=record.id))
        elif (dossier.tk_id, dossier.title) != (record.id, record.title or dossier.title):
            dossier.tk_id, dossier.title = record.id, record.title or dossier.title
            changed.append(dossier)
    Dossier.objects.bulk_create(new)
    Dossier.objects.bulk_update(changed, ["tk_id", "title"])
    # Now known by its GUID: link the documents that arrived before it.
    ours = Dossier.objects.filter(tk_id=OuterRef("kamerstukdossier_id")).values("pk")[:1]
    guids = [record.id for record in by_key.values()]
    Document.objects.filter(kamerstukdossier_id__in=guids, dossier__isnull=True).update(dossier=Subquery(ours))


@dataclass(frozen=True)
class CategoryCount:
    category: str
    followed: bool
    stored: int
    deleted: int


def category_counts() -> list[CategoryCount]:
    """Per category (every one we can mirror): followed or not, rows stored, of which deleted; one query."""
    counts = [
        mirror.model.objects.order_by()
        .values(category=Value(mirror.kind.category))
        .annotate(stored=Count("pk"), deleted=Count("pk", filter=Q(deleted=True)))
        for mirror in MIRRORS.values()
    ]
    found = {row["category"]: row for row in counts[0].union(*counts[1:], all=True)}
    followed = set(followed_categories())
    return [
        CategoryCount(category, category in followed, found[category]["stored"], found[category]["deleted"])
        for category in CATEGORIES
    ]
