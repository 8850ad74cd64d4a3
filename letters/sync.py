"""Follow the Tweede Kamer's SyncFeed: record what it says, fetch the letters we want.

A page's entries and the skiptoken after them are stored in one transaction, so a
crash resumes where it stopped without losing or repeating work. A document to fetch
is marked pending; fetching locks its row, so two workers never import it twice, and
a worker that dies leaves it pending for the next run.
"""

import datetime
import hashlib
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from letters.importer import Outcome, import_letter
from letters.models import Letter, Source, SyncState, TKDocument, TypesetPublication, WatchedDossier
from letters.tk import fields as tk_fields
from letters.tk.client import TKClient, TKError
from letters.tk.feed import FeedError
from tkdossiers.models import Dossier

logger = logging.getLogger(__name__)
CATEGORIES = (tk_fields.CATEGORY_KAMERSTUKDOSSIER, tk_fields.CATEGORY_DOCUMENT)  # documents refer to dossiers
DOCX = "wordprocessingml"


class SyncError(Exception):
    """A feed page could not be read; the skiptoken stays where it was."""


@dataclass
class SyncReport:
    pages: int = 0
    entries: int = 0
    queued: list[int] = field(default_factory=list)


def default_client() -> TKClient:
    return TKClient(
        settings.TK_BASE_URL,
        timeout=settings.TK_TIMEOUT,
        retries=settings.TK_RETRIES,
        page_pause=settings.TK_PAGE_PAUSE,
        user_agent=settings.TK_USER_AGENT,
    )


def run(*, client: TKClient, max_pages: int | None = None, only_dossier=None, on_page=None) -> SyncReport:
    """Read every category from its stored skiptoken; return what was queued for fetching."""
    report = SyncReport(
        queued=list(TKDocument.objects.filter(status=TKDocument.Status.PENDING).values_list("pk", flat=True))
    )
    for category in CATEGORIES:
        sync_category(
            category, client=client, report=report, max_pages=max_pages, only_dossier=only_dossier, on_page=on_page
        )
    return report


def sync_category(category, *, client, report, max_pages=None, only_dossier=None, on_page=None) -> None:
    state, _ = SyncState.objects.get_or_create(category=category)
    SyncState.objects.filter(pk=state.pk).update(last_run_at=timezone.now())
    token = state.skiptoken
    limit = max_pages or settings.TK_SYNC_MAX_PAGES
    for _ in range(limit):
        try:
            page = client.feed_page(category, token)
        except (TKError, FeedError) as exc:
            reason = getattr(exc, "reason", str(exc))
            SyncState.objects.filter(pk=state.pk).update(last_error=f"{category}: {reason}")
            raise SyncError(f"{category}: {reason}") from exc
        if not page.entries:
            break
        with transaction.atomic():
            pending = record_entries(page.entries, only_dossier=only_dossier)
            token = page.next_skiptoken or token
            SyncState.objects.filter(pk=state.pk).update(
                skiptoken=token, entries_seen=F("entries_seen") + len(page.entries)
            )
        report.pages += 1
        report.entries += len(page.entries)
        report.queued += [pk for pk in pending if pk not in report.queued]
        if on_page:
            on_page(category, report)
        if not page.has_more:
            break
    SyncState.objects.filter(pk=state.pk).update(last_success_at=timezone.now(), last_error="")


def record_entries(entries, *, only_dossier=None) -> list[int]:
    """Store the entities of one page; return the ids of documents that are now to be fetched."""
    pending = []
    watched = list(WatchedDossier.objects.values_list("number", "toevoeging"))  # once per page, not per entry
    for entry in entries:
        if entry.dossier is not None:
            _record_dossier(entry.dossier)
        elif entry.document is not None:
            document = _record_document(entry.document, entry.enclosure_url, only_dossier, watched)
            if document.status == TKDocument.Status.PENDING:
                pending.append(document.pk)
    return pending


def _record_dossier(record) -> None:
    if record.deleted or not record.nummer:
        return
    toevoeging = record.toevoeging or ""
    dossier = (
        Dossier.objects.filter(tk_id=record.id).first()
        or Dossier.objects.filter(number=record.nummer, toevoeging=toevoeging).first()
    )
    if dossier is None:
        Dossier.objects.create(number=record.nummer, toevoeging=toevoeging, title=record.titel or "", tk_id=record.id)
        return
    dossier.tk_id = record.id
    dossier.title = record.titel or dossier.title
    dossier.save(update_fields=["tk_id", "title"])


def _record_document(record, enclosure_url, only_dossier, watched) -> TKDocument:
    document, _ = TKDocument.objects.select_for_update().get_or_create(guid=record.id)
    if record.deleted:
        document.deleted, document.status, document.bijgewerkt = True, TKDocument.Status.WITHDRAWN, record.bijgewerkt
        document.save()
        if document.letter_id:
            Letter.objects.filter(pk=document.letter_id, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
        return document
    dossier = (
        Dossier.objects.filter(tk_id__in=record.kamerstukdossier_ids).first() if record.kamerstukdossier_ids else None
    )
    document.deleted = False
    document.document_number = record.document_nummer or ""
    document.soort = record.soort or ""
    document.title = record.titel or ""
    document.subject = record.onderwerp or ""
    document.date = datetime.date.fromisoformat(record.datum[:10]) if record.datum else None
    document.volgnummer = record.volgnummer
    document.vergaderjaar = record.vergaderjaar or ""
    document.dossier = dossier or document.dossier
    document.bijgewerkt = record.bijgewerkt or ""
    document.content_type = record.content_type or ""
    document.content_length = record.content_length
    document.enclosure_url = enclosure_url or document.enclosure_url
    if _wanted(document, only_dossier, watched) and document.changed_since_fetch:
        document.status, document.status_reason = TKDocument.Status.PENDING, ""
    elif document.status == TKDocument.Status.WITHDRAWN:
        document.status = TKDocument.Status.RECORDED
    document.save()
    return document


def _wanted(document: TKDocument, only_dossier, watched) -> bool:
    if document.soort != tk_fields.SOORT_BRIEF_REGERING:
        return False
    dossier = document.dossier
    if only_dossier is not None:
        return dossier is not None and (dossier.number, dossier.toevoeging) == only_dossier
    if not watched:
        return True
    return dossier is not None and any(
        dossier.number == number and (not toevoeging or dossier.toevoeging == toevoeging)
        for number, toevoeging in watched
    )


def fetch(document_id: int, *, client: TKClient) -> str:
    """Download a pending document and import it; returns the status it ends in.

    Raises TKError when the Kamer could not be reached and a later try may work; the
    document then stays pending (the row lock is released with the transaction).
    """
    with transaction.atomic():
        document = TKDocument.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status != TKDocument.Status.PENDING:
            return document.status if document else "gone"
        try:
            resource = client.download(document.enclosure_url or document.guid)
        except TKError as exc:
            if exc.retryable:
                raise
            return _finish(document, TKDocument.Status.FAILED, f"downloaden mislukt: {exc.reason}")
        return _store_resource(document, resource)


def _store_resource(document: TKDocument, resource) -> str:
    kind = resource.content_type.lower()
    if DOCX in kind or (resource.content.startswith(b"PK") and "pdf" not in kind):
        filename = f"{document.document_number or document.guid}.docx"
        result = import_letter(content=resource.content, filename=filename, source=Source.SYNC)
        if result.outcome == Outcome.FAILED:
            return _finish(document, TKDocument.Status.FAILED, f"inlezen mislukt: {result.reason}")
        document.letter = result.letter
        return _finish(document, TKDocument.Status.IMPORTED, result.outcome.label)
    if "pdf" in kind or resource.content.startswith(b"%PDF"):
        _keep_publication(document, resource)
        return _finish(document, TKDocument.Status.TYPESET, "opgemaakte PDF bewaard; de .docx-versies blijven")
    return _finish(
        document, TKDocument.Status.SKIPPED, f"bestandstype {resource.content_type or 'onbekend'} wordt niet ingelezen"
    )


def _keep_publication(document: TKDocument, resource) -> None:
    letter = document.letter or Letter.objects.filter(document_number=document.document_number).first()
    sha256 = hashlib.sha256(resource.content).hexdigest()
    TypesetPublication.objects.get_or_create(
        sha256=sha256,
        defaults={
            "letter": letter,
            "tk_document": document,
            "content_type": resource.content_type or "application/pdf",
            "size": len(resource.content),
            "content": resource.content,
        },
    )
    document.letter = letter


def _finish(document: TKDocument, status: str, reason: str) -> str:
    document.status, document.status_reason = status, reason
    document.fetched_bijgewerkt, document.fetched_length = document.bijgewerkt, document.content_length
    document.save()
    return status


def mark_failed(document_id: int, reason: str) -> None:
    TKDocument.objects.filter(pk=document_id, status=TKDocument.Status.PENDING).update(
        status=TKDocument.Status.FAILED, status_reason=reason
    )
