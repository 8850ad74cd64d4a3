"""Fetch the letters the Kamer published, and import each as a version of its letter.

After every sync (a hook in settings.KAMER_SYNC_HOOKS) `queue_changed` compares the mirrored
Briefs regering of the watched dossiers with what was last fetched of them and marks the new
and changed ones pending. Fetching one claims it (a short write that commits), downloads
outside any transaction, and imports in the importer's own transaction: no lock is held
while the Kamer answers. A claim lapses after settings.TK_FETCH_LEASE_SECONDS, so a worker
that died in the middle leaves the fetch to the next run.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from kamer.models import Document
from kamer.tk import fields as tk_fields
from kamer.tk.client import TKError
from letters.importing import commits, counts
from letters.importing.store import Outcome, import_letter
from letters.models import DocumentFetch, Letter, Source, TypesetPublication, WatchedDossier

logger = logging.getLogger(__name__)
DOCX = "wordprocessingml"
NEVER = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)  # stands in for "no timestamp" in comparisons
Status = DocumentFetch.Status


def after_sync(report) -> None:
    """The KAMER_SYNC_HOOKS hook: queue a Celery fetch for every letter now waiting."""
    # tasks <-> fetching is the one allowed pair: the task calls fetch(), this queues the task.
    from letters.importing.tasks import fetch_document

    for fetch_id in queue_changed():
        transaction.on_commit(lambda fetch_id=fetch_id: fetch_document.delay(fetch_id))


@transaction.atomic
def queue_changed(*, only_dossier: tuple[str, str] | None = None) -> list[int]:
    """Mark wanted letters whose current state was not fetched as pending, mark withdrawn ones;
    return the ids of every fetch that waits (pending, or with a lapsed claim)."""
    _withdraw_deleted()
    for document in _changed(only_dossier):
        DocumentFetch.objects.update_or_create(
            document=document, defaults={"status": Status.PENDING, "status_reason": "", "claimed_at": None}
        )
    return list(DocumentFetch.objects.filter(_claimable()).order_by("pk").values_list("pk", flat=True))


def _changed(only_dossier):
    fetched = DocumentFetch.objects.annotate(
        fetched_key=Coalesce("fetched_bijgewerkt", Value(NEVER, output_field=DateTimeField())),
        length_key=Coalesce("fetched_length", Value(-1)),
    ).filter(
        Q(status__in=[Status.PENDING, Status.FETCHING])
        | Q(fetched_key=OuterRef("bijgewerkt_key"), length_key=OuterRef("content_length_key")),
        document=OuterRef("pk"),
    )
    documents = Document.objects.of_soort(tk_fields.SOORT_BRIEF_REGERING).filter(_wanted(only_dossier))
    return documents.annotate(
        bijgewerkt_key=Coalesce("bijgewerkt", Value(NEVER, output_field=DateTimeField())),
        content_length_key=Coalesce("content_length", Value(-1)),
    ).exclude(Exists(fetched))


def _wanted(only_dossier) -> Q:
    """The dossiers whose letters are fetched: the one asked for, else the watched ones, else all."""
    if only_dossier is not None:
        number, toevoeging = only_dossier
        return Q(dossier__number=number, dossier__toevoeging=toevoeging or "")
    wanted = Q()  # no watched dossiers: every dossier
    for number, toevoeging in WatchedDossier.objects.values_list("number", "toevoeging"):
        wanted |= Q(dossier__number=number, **({"dossier__toevoeging": toevoeging} if toevoeging else {}))
    return wanted


def _withdraw_deleted() -> None:
    withdrawn = DocumentFetch.objects.filter(document__deleted=True).exclude(status=Status.WITHDRAWN)
    Letter.objects.filter(
        pk__in=withdrawn.filter(letter__isnull=False).values("letter"), withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    withdrawn.update(status=Status.WITHDRAWN, status_reason="door de Tweede Kamer verwijderd", claimed_at=None)


def _claimable() -> Q:
    lapsed = timezone.now() - datetime.timedelta(seconds=settings.TK_FETCH_LEASE_SECONDS)
    return Q(status=Status.PENDING) | Q(status=Status.FETCHING, claimed_at__lt=lapsed)


def fetch(fetch_id: int, *, client) -> str:
    """Download a waiting letter and import it; returns the status it ends in.

    Raises TKError when the Kamer could not be reached and a later try may work; the
    fetch is then pending again. No commit waits for the disk: a fetch lost in a crash is
    fetched again (letters.importing.commits).
    """
    with commits.on_this_connection():
        return _fetch(fetch_id, client)


def _fetch(fetch_id: int, client) -> str:
    if not DocumentFetch.objects.filter(_claimable(), pk=fetch_id).update(
        status=Status.FETCHING, claimed_at=timezone.now()
    ):
        return DocumentFetch.objects.filter(pk=fetch_id).values_list("status", flat=True).first() or "gone"
    claimed = DocumentFetch.objects.select_related("document").get(pk=fetch_id)
    document = claimed.document
    fetched = (document.bijgewerkt, document.content_length)  # the state this download is of
    try:
        resource = client.download(document.enclosure_url or document.guid)
    except TKError as exc:
        if exc.retryable:
            DocumentFetch.objects.filter(pk=fetch_id, status=Status.FETCHING).update(
                status=Status.PENDING, claimed_at=None
            )
            raise
        return _finish(claimed, fetched, Status.FAILED, f"downloaden mislukt: {exc.reason}")
    return _store_resource(claimed, fetched, resource)


def _store_resource(claimed: DocumentFetch, fetched, resource) -> str:
    document = claimed.document
    kind = resource.content_type.lower()
    if DOCX in kind or (resource.content.startswith(b"PK") and "pdf" not in kind):
        filename = f"{document.document_number or document.guid}.docx"
        result = import_letter(content=resource.content, filename=filename, source=Source.SYNC)
        if result.outcome == Outcome.FAILED:
            return _finish(claimed, fetched, Status.FAILED, f"inlezen mislukt: {result.reason}")
        claimed.letter = result.letter
        status = _finish(claimed, fetched, Status.IMPORTED, result.outcome.label)
        # Now linked to its document: a letter whose file bears no number learns its kamerstuk here.
        with transaction.atomic():
            counts.record_identity([result.letter.pk])
        return status
    if "pdf" in kind or resource.content.startswith(b"%PDF"):
        _keep_publication(claimed, resource)
        return _finish(claimed, fetched, Status.TYPESET, "opgemaakte PDF bewaard; de .docx-versies blijven")
    reason = f"bestandstype {resource.content_type or 'onbekend'} wordt niet ingelezen"
    return _finish(claimed, fetched, Status.SKIPPED, reason)


def _keep_publication(claimed: DocumentFetch, resource) -> None:
    document = claimed.document
    letter = claimed.letter or Letter.objects.filter(document_number=document.document_number).first()
    TypesetPublication.objects.get_or_create(
        sha256=hashlib.sha256(resource.content).hexdigest(),
        defaults={
            "letter": letter,
            "tk_document": document,
            "content_type": resource.content_type or "application/pdf",
            "size": len(resource.content),
            "content": resource.content,
        },
    )
    claimed.letter = letter


def _finish(claimed: DocumentFetch, fetched, status: str, reason: str) -> str:
    claimed.status, claimed.status_reason, claimed.claimed_at = status, reason, None
    claimed.fetched_bijgewerkt, claimed.fetched_length = fetched
    claimed.save()
    return status


def mark_failed(fetch_id: int, reason: str) -> None:
    DocumentFetch.objects.filter(pk=fetch_id, status__in=[Status.PENDING, Status.FETCHING]).update(
        status=Status.FAILED, status_reason=reason, claimed_at=None
    )
