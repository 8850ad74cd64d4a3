"""Follow the Tweede Kamer's SyncFeed: mirror what it says, page by page.

A page's entities and the skiptoken after them are stored in one transaction, so a crash
resumes where it stopped without losing or repeating work. An entity whose `bijgewerkt`
did not change writes nothing, so a re-flood of old entities costs one read per page.
What other apps do with the mirrored documents (fetching letters) they do afterwards,
through the hooks named in settings.KAMER_SYNC_HOOKS.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from kamer.models import Document, SyncState
from kamer.tk import fields as tk_fields
from kamer.tk.client import TKClient, TKError
from kamer.tk.feed import FeedError
from kamer.tk.timestamps import parse_timestamp
from tkdossiers.models import Dossier

logger = logging.getLogger(__name__)
CATEGORIES = (tk_fields.CATEGORY_KAMERSTUKDOSSIER, tk_fields.CATEGORY_DOCUMENT)  # documents refer to dossiers


class SyncError(Exception):
    """A feed page could not be read; the skiptoken stays where it was."""


@dataclass
class SyncReport:
    pages: int = 0
    entries: int = 0
    changed_documents: list[int] = field(default_factory=list)


def default_client() -> TKClient:
    return TKClient(
        settings.TK_BASE_URL,
        timeout=settings.TK_TIMEOUT,
        retries=settings.TK_RETRIES,
        page_pause=settings.TK_PAGE_PAUSE,
        user_agent=settings.TK_USER_AGENT,
    )


def run(*, client: TKClient, max_pages: int | None = None, on_page=None) -> SyncReport:
    """Read every category from its stored skiptoken."""
    report = SyncReport()
    for category in CATEGORIES:
        sync_category(category, client=client, report=report, max_pages=max_pages, on_page=on_page)
    return report


def run_hooks(report: SyncReport) -> None:
    """After a sync: let the apps that build on the mirror act on it (letters fetches its letters)."""
    for path in settings.KAMER_SYNC_HOOKS:
        import_string(path)(report)


def sync_category(category, *, client, report, max_pages=None, on_page=None) -> None:
    state, _ = SyncState.objects.get_or_create(category=category)
    SyncState.objects.filter(pk=state.pk).update(last_run_at=timezone.now())
    token = state.skiptoken
    for _ in range(max_pages or settings.TK_SYNC_MAX_PAGES):
        try:
            page = client.feed_page(category, token)
        except (TKError, FeedError) as exc:
            reason = getattr(exc, "reason", str(exc))
            SyncState.objects.filter(pk=state.pk).update(last_error=f"{category}: {reason}")
            raise SyncError(f"{category}: {reason}") from exc
        if not page.entries:
            break
        with transaction.atomic():
            changed = record_entries(page.entries)
            token = page.next_skiptoken or token
            SyncState.objects.filter(pk=state.pk).update(
                skiptoken=token, entries_seen=F("entries_seen") + len(page.entries)
            )
        report.pages += 1
        report.entries += len(page.entries)
        report.changed_documents += changed
        if on_page:
            on_page(category, report)
        if not page.has_more:
            break
    SyncState.objects.filter(pk=state.pk).update(last_success_at=timezone.now(), last_error="")


def record_entries(entries) -> list[int]:
    """Store the entities of one page; return the ids of the documents that changed."""
    for entry in entries:
        if entry.dossier is not None:
            _record_dossier(entry.dossier)
    records = [(entry.document, entry.enclosure_url) for entry in entries if entry.document is not None]
    if not records:
        return []
    known = {d.guid: d for d in Document.objects.filter(guid__in=[record.id for record, _ in records])}
    dossier_ids = {guid for record, _ in records for guid in record.kamerstukdossier_ids}
    dossiers = {d.tk_id: d for d in Dossier.objects.filter(tk_id__in=dossier_ids)} if dossier_ids else {}
    changed = []
    for record, enclosure_url in records:
        document = _record_document(record, enclosure_url, known.get(record.id), dossiers)
        if document is not None:
            known[record.id] = document
            changed.append(document.pk)
    return changed


def _record_dossier(record) -> None:
    if record.deleted or not record.nummer:
        return
    toevoeging = record.toevoeging or ""
    dossier = (
        Dossier.objects.filter(tk_id=record.id).first()
        or Dossier.objects.filter(number=record.nummer, toevoeging=toevoeging).first()
    )
    if dossier is None:
        dossier = Dossier.objects.create(
            number=record.nummer, toevoeging=toevoeging, title=record.titel or "", tk_id=record.id
        )
    elif (dossier.tk_id, dossier.title) != (record.id, record.titel or dossier.title):
        first_known = dossier.tk_id != record.id
        dossier.tk_id = record.id
        dossier.title = record.titel or dossier.title
        dossier.save(update_fields=["tk_id", "title"])
        if not first_known:
            return
    else:
        return
    # Now known by its GUID: link the documents that arrived before it.
    Document.objects.filter(kamerstukdossier_id=record.id, dossier__isnull=True).update(dossier=dossier)


def _record_document(record, enclosure_url, document: Document | None, dossiers) -> Document | None:
    """Create or update the mirrored document; None when it was already as described."""
    bijgewerkt = parse_timestamp(record.bijgewerkt)
    if document is not None and (document.bijgewerkt, document.deleted) == (bijgewerkt, record.deleted):
        return None
    document = document or Document(guid=record.id)
    document.bijgewerkt, document.deleted = bijgewerkt, record.deleted
    if not record.deleted:  # a deletion carries no fields: keep what we knew
        known = [dossiers[guid] for guid in record.kamerstukdossier_ids if guid in dossiers]
        document.document_number = record.document_nummer or ""
        document.soort = record.soort or ""
        document.title = record.titel or ""
        document.subject = record.onderwerp or ""
        document.date = datetime.date.fromisoformat(record.datum[:10]) if record.datum else None
        document.volgnummer = record.volgnummer
        document.vergaderjaar = record.vergaderjaar or ""
        document.kamerstukdossier_id = record.kamerstukdossier_ids[0] if record.kamerstukdossier_ids else None
        document.dossier = known[0] if known else document.dossier
        document.content_type = record.content_type or ""
        document.content_length = record.content_length
        document.enclosure_url = enclosure_url or document.enclosure_url
    document.save()
    return document
