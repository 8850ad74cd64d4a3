"""FakeTK: the fake SyncFeed's state (an append-only log of entities), publishing API and failure injection."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

from kamer.tk import fields as f
from tests.kamer.fake_server.atom import ATOM_CONTENT_TYPE, Item, feed_xml
from tests.kamer.fake_server.entities import (
    DOCX,
    Document,
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
        self._documents: dict[str, Document] = {}
        self._dossiers: dict[tuple[str, str | None], str] = {}
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

    def publish_document(
        self,
        *,
        content: bytes,
        content_type: str = DOCX,
        guid: str | None = None,
        document_nummer: str,
        titel: str,
        onderwerp: str | None = None,
        soort: str = f.SOORT_BRIEF_REGERING,
        datum: str = "2025-10-03",
        dossier: tuple[str, str | None] = ("29517", None),
        volgnummer: int | None = None,
        vergaderjaar: str = "2025-2026",
        dossier_titel: str | None = None,
    ) -> str:
        """Publish a document (and its Kamerstukdossier, once); returns the document guid."""
        check_document(document_nummer, titel, datum, vergaderjaar)
        with self._lock:
            guid = checked_guid(guid) if guid else str(uuid.uuid4())
            if guid in self._documents:
                raise ValueError(f"document {guid} exists; use publish_new_version")
            doc = Document(
                guid=guid,
                document_nummer=document_nummer,
                titel=titel,
                onderwerp=onderwerp,
                soort=soort,
                datum=datum,
                dossier_guid=self.publish_dossier(*dossier, titel=dossier_titel),
                volgnummer=volgnummer,
                vergaderjaar=vergaderjaar,
                content=bytes(content),
                content_type=content_type,
            )
            self._publish_document_state(doc)
            return guid

    def publish_new_version(self, guid: str, content: bytes, content_type: str = DOCX) -> None:
        """A new file under the same guid: new bijgewerkt, contentLength and huidigeDocumentVersie."""
        with self._lock:
            doc = self._live_document(guid)
            self._publish_document_state(
                replace(doc, content=bytes(content), content_type=content_type, version=doc.version + 1)
            )

    def delete_document(self, guid: str) -> None:
        """An entry with an empty <document tk:verwijderd="true"/>, as the live feed does."""
        with self._lock:
            self._publish_document_state(replace(self._live_document(guid), deleted=True))

    def publish_dossier(self, nummer: str, toevoeging: str | None = None, *, titel: str | None = None) -> str:
        """Publish a Kamerstukdossier once per (nummer, toevoeging); returns its (deterministic) guid."""
        check_dossier_nummer(nummer)
        key = (nummer, toevoeging or None)
        with self._lock:
            if key not in self._dossiers:
                dossier = Kamerstukdossier(dossier_guid(nummer, toevoeging), nummer, toevoeging or None, titel)
                self._publish(dossier)
                self._dossiers[key] = dossier.guid
            return self._dossiers[key]

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
        doc = self._documents.get(guid)
        if doc is None or doc.deleted:
            raise KeyError(f"no live document {guid}")
        return doc

    def _publish_document_state(self, doc: Document) -> None:
        self._documents[doc.guid] = doc
        self._publish(doc)

    def _publish(self, entity: Entity) -> None:
        """Append an entry for `entity` (of any kind in entities.py), stamped now."""
        stamp = self._tick()
        self._append(entity.category, entity.guid, stamp, entity.render(stamp), enclosure=entity.enclosure)

    def _append(self, category: str, guid: str, stamp: str, xml: str, *, enclosure: bool) -> None:
        self._items.append(Item(self.last_skiptoken + 1, category, guid, stamp, xml, enclosure))

    def _tick(self) -> str:
        """A strictly increasing UTC time stamp, formatted as the feed does (7 decimals, Z)."""
        now = self._clock().astimezone(UTC)
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"

    def _visible(self) -> list[Item]:
        if not self.compact:
            return list(self._items)
        latest = {item.guid: item.seq for item in self._items}
        return [item for item in self._items if latest[item.guid] == item.seq]

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
            doc = self._documents.get(guid)
        if doc is None or doc.deleted:
            return not_found()
        return Response(200, doc.content_type, doc.content, send_length=not self.omit_content_length)

    def render_feed(self, category: str | None, skiptoken: int) -> bytes:
        """The Atom page the server sends for ?category=...&skiptoken=... (also handy in tests)."""
        with self._lock:
            matching = [
                item
                for item in self._visible()
                if item.seq > skiptoken and (category is None or item.category.lower() == category.lower())
            ]
            stamp = self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        page = matching[: max(1, self.page_size)]
        more = len(matching) > len(page)
        return feed_xml(self.base_url, category, skiptoken, page, more, stamp).encode("utf-8")
