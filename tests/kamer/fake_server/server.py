"""FakeTK: the fake SyncFeed's state (an append-only log of entities), publishing API and failure injection."""

from __future__ import annotations

import threading
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import islice
from urllib.parse import parse_qsl, urlsplit

from kamer.tk import fields as f
from tests.kamer.fake_server.atom import ATOM_CONTENT_TYPE, Item, feed_xml
from tests.kamer.fake_server.entities import (
    BRIEF_REGERING,
    DOCX,
    PDF,
    Document,
    DocumentVersie,
    Entity,
    Kamerstukdossier,
    check_document,
    check_dossier_nummer,
    checked_guid,
    dossier_guid,
)
from tests.kamer.fake_server.handler import Handler, Response, Server, not_found


class FakeTK:
    """A Tweede Kamer SyncFeed with a publishing API for tests. Thread-safe."""

    def __init__(
        self,
        *,
        page_size: int = 250,
        host: str = "127.0.0.1",
        port: int = 0,
        compact: bool = False,
        clock: Callable[[], datetime] | None = None,
        verbose: bool = False,
    ):
        self.page_size = page_size
        self.compact = compact
        self.verbose = verbose
        self.omit_content_length = False  # serve resources without Content-Length (body ends at close)
        self.requests: list[tuple[str, str]] = []
        self.request_headers: list[dict[str, str]] = []
        self._host, self._port = host, port
        self._clock = clock or (lambda: datetime.now(UTC))
        self._last_time: datetime | None = None
        self._lock = threading.RLock()
        self._items: list[Item] = []
        self._by_category: dict[str, list[Item]] = {}  # lower-cased category -> its items, by seq
        self._latest_seq: dict[str, int] = {}  # guid -> seq of its newest entry
        self._entities: dict[str, Entity] = {}  # guid -> the entity as last published
        self._failures: list[int] = []
        self._delays: list[float] = []
        self._broken_pages = 0
        self._stopping = threading.Event()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle

    def start(self) -> FakeTK:
        if self._server is None:
            self._stopping.clear()
            self._server = Server((self._host, self._port), Handler)
            self._server.fake = self
            self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="FakeTK", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeTK:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeTK is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def last_skiptoken(self) -> int:
        """The sequence number of the newest entry (0 when nothing was published)."""
        with self._lock:
            return self._items[-1].seq if self._items else 0

    # Publishing

    def publish(self, entity: Entity) -> str:
        """Append an entry for `entity` (any kind in entities/), stamped now; returns its guid.
        Publishing an entity again (a changed copy, same guid) is its next version."""
        with self._lock:
            self._publish(entity)
            return entity.guid

    def publish_many(self, entities: Iterable[Entity]) -> list[str]:
        """publish() each, in order, under one lock (fast for benchmarks)."""
        with self._lock:
            return [self.publish(entity) for entity in entities]

    def delete(self, guid: str) -> None:
        """An entry with the entity's empty element and tk:verwijderd="true", as the live feed does."""
        with self._lock:
            entity = self.entity(guid)
            if entity.deleted:
                raise ValueError(f"{entity.category} {guid} is already deleted")
            self._publish(replace(entity, deleted=True))

    def entity(self, guid: str) -> Entity:
        """The entity as last published under `guid` (KeyError if never)."""
        with self._lock:
            return self._entities[guid]

    def publish_document(
        self,
        *,
        content: bytes,
        content_type: str = DOCX,
        guid: str | None = None,
        document_nummer: str,
        titel: str,
        onderwerp: str | None = None,
        soort: str = BRIEF_REGERING,
        datum: str = "2025-10-03",
        dossier: tuple[str, str | None] | None = ("29517", None),
        volgnummer: int | None = None,
        vergaderjaar: str = "2025-2026",
        dossier_titel: str | None = None,
        zaak_guids: tuple[str, ...] = (),
    ) -> str:
        """Publish a document (and its Kamerstukdossier, once; `dossier=None` for none); returns its guid.
        Its DocumentVersie is not published: call publish_documentversie for that."""
        check_document(document_nummer, titel, datum, vergaderjaar)
        with self._lock:
            guid = checked_guid(guid) if guid else str(uuid.uuid4())
            if guid in self._entities:
                raise ValueError(f"document {guid} exists; use publish_new_version")
            doc = Document(
                guid=guid,
                document_nummer=document_nummer,
                titel=titel,
                onderwerp=onderwerp,
                soort=soort,
                datum=datum,
                dossier_guid=self.publish_dossier(*dossier, titel=dossier_titel) if dossier else None,
                zaak_guids=tuple(zaak_guids),
                volgnummer=volgnummer,
                vergaderjaar=vergaderjaar,
                content=bytes(content),
                content_type=content_type,
            )
            self._publish(doc)
            return guid

    def publish_new_version(self, guid: str, content: bytes, content_type: str = DOCX) -> None:
        """A new file under the same guid: new bijgewerkt, contentLength and huidigeDocumentVersie."""
        with self._lock:
            doc = self._live_document(guid)
            self._publish(replace(doc, content=bytes(content), content_type=content_type, version=doc.version + 1))

    def publish_documentversie(self, document_guid: str, **fields) -> str:
        """The DocumentVersie that the document's current huidigeDocumentVersie refers to (size, extension
        and date from the document unless given); returns its guid."""
        with self._lock:
            doc = self._live_document(document_guid)
            defaults = {
                "guid": doc.versie_guid,
                "document_guid": doc.guid,
                "versienummer": doc.version,
                "bestandsgrootte": len(doc.content),
                "extensie": ".pdf" if doc.content_type == PDF else ".docx",
                "datum": doc.datum,
            }
            return self.publish(DocumentVersie(**(defaults | fields)))

    def delete_document(self, guid: str) -> None:
        """An entry with an empty <document tk:verwijderd="true"/>, as the live feed does."""
        with self._lock:
            self._publish(replace(self._live_document(guid), deleted=True))

    def publish_dossier(self, nummer: str, toevoeging: str | None = None, *, titel: str | None = None) -> str:
        """Publish a Kamerstukdossier once per (nummer, toevoeging); returns its (deterministic) guid."""
        check_dossier_nummer(nummer)
        with self._lock:
            guid = dossier_guid(nummer, toevoeging)
            if guid not in self._entities:
                self._publish(Kamerstukdossier(guid=guid, nummer=nummer, toevoeging=toevoeging or None, titel=titel))
            return guid

    def reflood(self) -> int:
        """Send every entity again as it is, same bijgewerkt, as the Kamer does after a bulk change
        on its side; returns how many entries were appended."""
        with self._lock:
            latest = {item.guid: item for item in self._items}
            for item in sorted(latest.values(), key=lambda item: item.seq):
                self._append(item.category, item.guid, item.updated, item.entity_xml, enclosure=item.enclosure)
            return len(latest)

    # Failure injection

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures.extend([status] * count)

    def delay_next(self, count: int, seconds: float) -> None:
        with self._lock:
            self._delays.extend([seconds] * count)

    def break_next_page(self) -> None:
        with self._lock:
            self._broken_pages += 1

    # Internals: state

    def _live_document(self, guid: str) -> Document:
        doc = self._entities.get(guid)
        if not isinstance(doc, Document) or doc.deleted:
            raise KeyError(f"no live document {guid}")
        return doc

    def _publish(self, entity: Entity) -> None:
        """Append an entry for `entity`, stamped now, and keep it as the entity's current state."""
        stamp = self._tick()
        self._entities[entity.guid] = entity
        self._append(entity.category, entity.guid, stamp, entity.render(stamp), enclosure=entity.enclosure)

    def _append(self, category: str, guid: str, stamp: str, xml: str, *, enclosure: bool) -> None:
        item = Item(self.last_skiptoken + 1, category, guid, stamp, xml, enclosure)
        self._items.append(item)
        self._by_category.setdefault(category.lower(), []).append(item)
        self._latest_seq[guid] = item.seq

    def _tick(self) -> str:
        """A strictly increasing UTC time stamp, formatted as the feed does (7 decimals, Z)."""
        now = self._clock().astimezone(UTC)
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"

    # Internals: HTTP (called by handler.Handler)

    def _record(self, method: str, path: str, headers) -> None:
        with self._lock:
            self.requests.append((method, path))
            self.request_headers.append({key.lower(): value for key, value in headers.items()})

    def _respond(self, path: str) -> Response:
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
            delay = self._delays.pop(0) if self._delays else 0.0
        if delay:
            self._stopping.wait(delay)
        if failure is not None:
            return Response(failure, "text/plain; charset=utf-8", f"fake failure {failure}\n".encode())
        parts = urlsplit(path)
        if parts.path == "/" + f.FEED_PATH:
            return self._feed_response(dict(parse_qsl(parts.query)))
        if parts.path.startswith("/" + f.RESOURCES_PATH):
            return self._resource_response(parts.path.removeprefix("/" + f.RESOURCES_PATH))
        return not_found()

    def _feed_response(self, params: dict[str, str]) -> Response:
        with self._lock:
            if self._broken_pages:
                self._broken_pages -= 1
                return Response(200, ATOM_CONTENT_TYPE, b'<?xml version="1.0"?><feed xmlns="' + f.ATOM_NS.encode())
        skiptoken = params.get(f.PARAM_SKIPTOKEN, "0")
        if not skiptoken.isdigit():
            return Response(400, "text/plain; charset=utf-8", b"skiptoken must be a number\n")
        body = self.render_feed(params.get(f.PARAM_CATEGORY), int(skiptoken))
        return Response(200, ATOM_CONTENT_TYPE, body)

    def _resource_response(self, guid: str) -> Response:
        with self._lock:
            doc = self._entities.get(guid)
        if not isinstance(doc, Document) or doc.deleted:
            return not_found()
        return Response(200, doc.content_type, doc.content, send_length=not self.omit_content_length)

    def render_feed(self, category: str | None, skiptoken: int) -> bytes:
        """The Atom page the server sends for ?category=...&skiptoken=... (also handy in tests)."""
        with self._lock:
            page, more = self._page(category, skiptoken)
            stamp = self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return feed_xml(self.base_url, category, skiptoken, page, more, stamp).encode("utf-8")

    def _page(self, category: str | None, skiptoken: int) -> tuple[list[Item], bool]:
        """The entries after `skiptoken` that fit on a page, and whether more follow."""
        items = self._items if category is None else self._by_category.get(category.lower(), [])
        start = bisect_right(items, skiptoken, key=lambda item: item.seq)
        size = max(1, self.page_size)
        page: list[Item] = []
        for item in islice(items, start, None):
            if self.compact and self._latest_seq[item.guid] != item.seq:
                continue
            if len(page) == size:
                return page, True
            page.append(item)
        return page, False
