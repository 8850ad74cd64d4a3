"""A fake Tweede Kamer SyncFeed server for tests and the demo.

    with FakeTK(page_size=2) as tk:
        guid = tk.publish_document(content=docx, document_nummer="2025D43420", titel="...")
        client = TKClient(tk.base_url)

Serves, on 127.0.0.1 and a free port, in a daemon thread:

    GET /SyncFeed/2.0/Feed?category=Document&skiptoken=N   Atom page of entries after N
    GET /SyncFeed/2.0/Resources/<guid>                      the document's current file

State is an append-only log of entities; every publication gets the next sequence number, and
that number is the entry's skiptoken. Entity XML is shaped as the official schema requires
(samples/tk-opendata/xsd/): Atom namespace on the feed, the tkData namespace as default namespace
on the entity plus the `tk:` prefix for the schema's global attributes (tk:bijgewerkt,
tk:verwijderd, tk:contentType, tk:contentLength), `id` and `ref` unqualified, children in schema
order, references as `<kamerstukdossier ref="GUID"/>`, nil values as `xsi:nil="true"`.

Skiptoken semantics, mirroring the live feed (recorded entries, tkconv and wetsuite clients):
- `category` filters by entity type (case-insensitive); an unknown category gives an empty feed.
  Skiptokens are global sequence numbers shared by all categories, so they jump.
- every entry carries `<link rel="next" href=".../Feed?category=Document&skiptoken=SEQ"/>` with
  its own sequence number: asking for that skiptoken resumes right after the entry;
- the feed itself carries `<link rel="next">` only while more entries follow the page, with the
  skiptoken of the last entry on the page; the last page has none (that is how clients stop);
- a page after the end is an empty feed without a next link.
- a new version or a deletion appends a new entry with the same guid; earlier entries stay in the
  log (set `compact=True` to show each entity only at its latest position instead). Resources/<guid>
  always serves the current file, as the live API does; a deleted document's resource is 404.

publish_document also publishes, once per (nummer, toevoeging), the Kamerstukdossier entity the
document references. It appears in the Kamerstukdossier category, not in the Document category.

Demo:  python -m tests.kamer.fake_server --port 8765 --publish samples/seed/verzamelbrief-2025D43420.docx \
           samples/letters/*.docx
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from kamer.tk import fields as f

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_GUID_NS = uuid.UUID("6f1d3c52-3f55-4b8e-9d57-2b1c3e7a9f10")  # namespace for deterministic guids
_VERGADERJAAR = re.compile(r"^\d{4}-\d{4}$")
_DOSSIER_NUMMER = re.compile(r"^\d{1,9}$")


@dataclass(frozen=True)
class _Item:
    """One feed entry: an entity as it was published at `seq`."""

    seq: int
    category: str
    guid: str
    updated: str
    entity_xml: str
    enclosure: bool


@dataclass(frozen=True)
class _Document:
    guid: str
    document_nummer: str
    titel: str
    onderwerp: str | None
    soort: str
    datum: str
    dossier_guid: str
    volgnummer: int | None
    vergaderjaar: str
    content: bytes
    content_type: str
    version: int = 1
    deleted: bool = False


@dataclass(frozen=True)
class _Response:
    status: int
    content_type: str
    body: bytes
    send_length: bool = True


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
        self._items: list[_Item] = []
        self._documents: dict[str, _Document] = {}
        self._dossiers: dict[tuple[str, str | None], str] = {}
        self._failures: list[int] = []
        self._delays: list[float] = []
        self._broken_pages = 0
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle

    def start(self) -> FakeTK:
        if self._server is None:
            self._stopping.clear()
            self._server = _Server((self._host, self._port), _Handler)
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
        _check_document(document_nummer, titel, datum, vergaderjaar)
        with self._lock:
            guid = _checked_guid(guid) if guid else str(uuid.uuid4())
            if guid in self._documents:
                raise ValueError(f"document {guid} exists; use publish_new_version")
            dossier_guid = self.publish_dossier(*dossier, titel=dossier_titel)
            doc = _Document(
                guid=guid,
                document_nummer=document_nummer,
                titel=titel,
                onderwerp=onderwerp,
                soort=soort,
                datum=datum,
                dossier_guid=dossier_guid,
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
        if not _DOSSIER_NUMMER.match(nummer):
            raise ValueError(f"dossier nummer must be digits, not {nummer!r}")
        key = (nummer, toevoeging or None)
        with self._lock:
            if key not in self._dossiers:
                guid = str(uuid.uuid5(_GUID_NS, f"kamerstukdossier:{nummer}:{toevoeging or ''}"))
                stamp = self._tick()
                xml = _dossier_xml(guid, stamp, nummer, toevoeging or None, titel)
                self._append(f.CATEGORY_KAMERSTUKDOSSIER, guid, stamp, xml, enclosure=False)
                self._dossiers[key] = guid
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

    def _live_document(self, guid: str) -> _Document:
        doc = self._documents.get(guid)
        if doc is None or doc.deleted:
            raise KeyError(f"no live document {guid}")
        return doc

    def _publish_document_state(self, doc: _Document) -> None:
        stamp = self._tick()
        self._documents[doc.guid] = doc
        self._append(f.CATEGORY_DOCUMENT, doc.guid, stamp, _document_xml(doc, stamp), enclosure=not doc.deleted)

    def _append(self, category: str, guid: str, stamp: str, xml: str, *, enclosure: bool) -> None:
        self._items.append(_Item(self.last_skiptoken + 1, category, guid, stamp, xml, enclosure))

    def _tick(self) -> str:
        """A strictly increasing UTC time stamp, formatted as the feed does (7 decimals, Z)."""
        now = self._clock().astimezone(UTC)
        if self._last_time is not None and now <= self._last_time:
            now = self._last_time + timedelta(microseconds=1)
        self._last_time = now
        return now.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"

    def _visible(self) -> list[_Item]:
        if not self.compact:
            return list(self._items)
        latest = {item.guid: item.seq for item in self._items}
        return [item for item in self._items if latest[item.guid] == item.seq]

    # Internals: HTTP

    def _record(self, method: str, path: str, headers) -> None:
        with self._lock:
            self.requests.append((method, path))
            self.request_headers.append({key.lower(): value for key, value in headers.items()})

    def _respond(self, path: str) -> _Response:
        with self._lock:
            failure = self._failures.pop(0) if self._failures else None
            delay = self._delays.pop(0) if self._delays else 0.0
        if delay:
            self._stopping.wait(delay)
        if failure is not None:
            return _Response(failure, "text/plain; charset=utf-8", f"fake failure {failure}\n".encode())
        parts = urlsplit(path)
        if parts.path == "/" + f.FEED_PATH:
            return self._feed_response(dict(parse_qsl(parts.query)))
        if parts.path.startswith("/" + f.RESOURCES_PATH):
            return self._resource_response(parts.path.removeprefix("/" + f.RESOURCES_PATH))
        return _not_found()

    def _feed_response(self, params: dict[str, str]) -> _Response:
        with self._lock:
            if self._broken_pages:
                self._broken_pages -= 1
                return _Response(200, ATOM_CONTENT_TYPE, b'<?xml version="1.0"?><feed xmlns="' + f.ATOM_NS.encode())
        skiptoken = params.get(f.PARAM_SKIPTOKEN, "0")
        if not skiptoken.isdigit():
            return _Response(400, "text/plain; charset=utf-8", b"skiptoken must be a number\n")
        body = self.render_feed(params.get(f.PARAM_CATEGORY), int(skiptoken))
        return _Response(200, ATOM_CONTENT_TYPE, body)

    def _resource_response(self, guid: str) -> _Response:
        with self._lock:
            doc = self._documents.get(guid)
        if doc is None or doc.deleted:
            return _not_found()
        return _Response(200, doc.content_type, doc.content, send_length=not self.omit_content_length)

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
        return _feed_xml(self.base_url, category, skiptoken, page, more, stamp).encode("utf-8")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeTK

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeTK/1.0"

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        fake = self.server.fake
        fake._record(self.command, self.path, self.headers)
        response = fake._respond(self.path)
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            if response.send_length:
                self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)
        except ConnectionError:
            pass  # the client gave up (a timeout test); nothing to do

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        if self.server.fake.verbose:
            super().log_message(format, *args)


# XML


def _feed_xml(base: str, category: str | None, skiptoken: int, page: list[_Item], more: bool, stamp: str) -> str:
    self_url = _feed_url(base, category, skiptoken or None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{f.ATOM_NS}">',
        f'  <title type="text">SyncFeed {escape(category or "")}</title>',
        f"  <id>{escape(self_url)}</id>",
        f"  <updated>{stamp}</updated>",
        f"  <author><name>{f.AUTHOR_NAME}</name></author>",
        f'  <link rel="{f.REL_SELF}" href="{_attr(self_url)}"/>',
    ]
    if more:
        lines.append(f'  <link rel="{f.REL_NEXT}" href="{_attr(_feed_url(base, category, page[-1].seq))}"/>')
    lines += [_entry_xml(base, category, item) for item in page]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _entry_xml(base: str, category: str | None, item: _Item) -> str:
    lines = [
        "  <entry>",
        f"    <title>{item.guid}</title>",
        f"    <id>{base}/{f.ENTITIES_PATH}{item.guid}</id>",
        f"    <author><name>{f.AUTHOR_NAME}</name></author>",
        f"    <updated>{item.updated}</updated>",
        f'    <category term="{item.category[0].lower() + item.category[1:]}"/>',
        f'    <link rel="{f.REL_NEXT}" href="{_attr(_feed_url(base, category, item.seq))}"/>',
    ]
    if item.enclosure:
        lines.append(f'    <link rel="{f.REL_ENCLOSURE}" href="{base}/{f.RESOURCES_PATH}{item.guid}"/>')
    lines += [f'    <content type="{f.CONTENT_TYPE_XML}">', f"      {item.entity_xml}", "    </content>", "  </entry>"]
    return "\n".join(lines)


def _feed_url(base: str, category: str | None, skiptoken: int | None) -> str:
    params = {f.PARAM_CATEGORY: category} if category else {}
    if skiptoken is not None:
        params[f.PARAM_SKIPTOKEN] = str(skiptoken)
    return f"{base}/{f.FEED_PATH}" + (f"?{urlencode(params)}" if params else "")


def _entity_open(tag: str, guid: str, stamp: str, deleted: bool, extra: str = "") -> str:
    return (
        f'<{tag} xmlns="{f.TK_NS}" xmlns:tk="{f.TK_NS}" xmlns:xsi="{f.XSI_NS}" {f.ATTR_ID}="{guid}" '
        f'tk:{f.ATTR_BIJGEWERKT}="{stamp}" tk:{f.ATTR_VERWIJDERD}="{"true" if deleted else "false"}"{extra}'
    )


def _document_xml(doc: _Document, stamp: str) -> str:
    if doc.deleted:
        return _entity_open(f.DOCUMENT, doc.guid, stamp, True) + "/>"
    extra = f' tk:{f.ATTR_CONTENT_TYPE}="{_attr(doc.content_type)}" tk:{f.ATTR_CONTENT_LENGTH}="{len(doc.content)}"'
    version_guid = uuid.uuid5(_GUID_NS, f"documentversie:{doc.guid}:{doc.version}")
    children = [
        _ref(f.DOCUMENT_REF_HUIDIGE_VERSIE, str(version_guid)),
        _ref(f.DOCUMENT_REF_KAMERSTUKDOSSIER, doc.dossier_guid),
        _element(f.DOCUMENT_SOORT, doc.soort),
        _element(f.DOCUMENT_NUMMER, doc.document_nummer),
        _element(f.DOCUMENT_TITEL, doc.titel),
        _element(f.DOCUMENT_ONDERWERP, doc.onderwerp),
        _element(f.DOCUMENT_DATUM, _datum_time(doc.datum)),
        _element(f.DOCUMENT_VOLGNUMMER, None if doc.volgnummer is None else str(doc.volgnummer)),
        _element(f.DOCUMENT_VERGADERJAAR, doc.vergaderjaar),
        _element(f.DOCUMENT_KAMER, f.KAMER_TWEEDE_KAMER_NUMBER),
        _element(f.DOCUMENT_ORGANISATIE, f.ORGANISATIE_TWEEDE_KAMER),
    ]
    return _entity(f.DOCUMENT, _entity_open(f.DOCUMENT, doc.guid, stamp, False, extra), children)


def _dossier_xml(guid: str, stamp: str, nummer: str, toevoeging: str | None, titel: str | None) -> str:
    children = [
        _element(f.DOSSIER_TITEL, titel, nil=True),
        _element(f.DOSSIER_CITEERTITEL, None, nil=True),
        _element(f.DOSSIER_ALIAS, None, nil=True),
        _element(f.DOSSIER_NUMMER, nummer),
        _element(f.DOSSIER_TOEVOEGING, toevoeging, nil=True),
        _element(f.DOSSIER_AFGESLOTEN, "false"),
        _element(f.DOSSIER_KAMER, f.KAMER_TWEEDE_KAMER),
    ]
    return _entity(f.KAMERSTUKDOSSIER, _entity_open(f.KAMERSTUKDOSSIER, guid, stamp, False), children)


def _entity(tag: str, opening: str, children: list[str]) -> str:
    inner = "".join(f"\n        {child}" for child in children if child)
    return f"{opening}>{inner}\n      </{tag}>"


def _element(name: str, value: str | None, *, nil: bool = False) -> str:
    if value is None:
        return f'<{name} xsi:{f.XSI_NIL}="true"/>' if nil else ""
    return f"<{name}>{escape(value)}</{name}>"


def _ref(name: str, guid: str) -> str:
    return f'<{name} {f.ATTR_REF}="{guid}"/>'


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _datum_time(datum: str) -> str:
    """'2025-10-03' -> '2025-10-03T00:00:00+02:00': the schema types Document datum as xs:dateTime."""
    day = date.fromisoformat(datum)
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM).isoformat()


def _check_document(document_nummer: str, titel: str, datum: str, vergaderjaar: str) -> None:
    if not document_nummer.strip() or not titel.strip():
        raise ValueError("document_nummer and titel must not be empty")
    if not _VERGADERJAAR.match(vergaderjaar):
        raise ValueError(f"vergaderjaar must look like 2025-2026, not {vergaderjaar!r}")
    date.fromisoformat(datum)


def _checked_guid(guid: str) -> str:
    return str(uuid.UUID(guid))


def _not_found() -> _Response:
    return _Response(404, "text/plain; charset=utf-8", b"not found\n")


# Demo


@dataclass(frozen=True)
class _DemoLetter:
    document_nummer: str
    onderwerp: str
    datum: str
    vergaderjaar: str
    volgnummer: int | None


SEED_STEM = "verzamelbrief-2025D43420"
SEED_TITEL = "Verzamelbrief brandweer, crisisbeheersing en meldkamers"
DEMO_DOSSIER_TITEL = "Naar een veiliger samenleving"
# Real letters (samples/letters/) with made-up but plausible numbers; dates and subjects from the letters.
DEMO_LETTERS = {
    "jenv_antwoord_2023Z16994_mutluer_ellemeet_argos": _DemoLetter(
        "2023D45871",
        "Beantwoording Kamervragen van de leden Mutluer en Ellemeet over Argos",
        "2023-11-07",
        "2023-2024",
        731,
    ),
    "jenv_antwoord_2023Z19006_beckerman_milieudelicten": _DemoLetter(
        "2023D49302",
        "Beantwoording Kamervragen van het lid Beckerman over milieudelicten",
        "2023-12-04",
        "2023-2024",
        732,
    ),
    "jenv_antwoord_2023Z19677_temmink_vannispen_nietnoodnummer": _DemoLetter(
        "2024D01187",
        "Beantwoording Kamervragen van de leden Temmink en Van Nispen over het niet-noodnummer",
        "2024-01-11",
        "2023-2024",
        733,
    ),
    "jenv_antwoord_eerdmans_me_arnhem": _DemoLetter(
        "2024D11356",
        "Beantwoording Kamervragen van het lid Eerdmans over een ME-inzet in Arnhem",
        "2024-03-24",
        "2023-2024",
        734,
    ),
    "jenv_antwoord_2024Z11859_mutluer_wolvega": _DemoLetter(
        "2024D30561",
        "Beantwoording Kamervragen van de leden Mutluer en Lahlah over Wolvega",
        "2024-08-27",
        "2023-2024",
        735,
    ),
}


def publish_demo_file(fake: FakeTK, path: Path, index: int) -> str:
    """Publish one .docx for the demo: the seed letter in 29517, any other as a Brief regering in 28684."""
    content = path.read_bytes()
    if path.stem.startswith(SEED_STEM):
        return fake.publish_document(
            content=content,
            document_nummer="2025D43420",
            titel=SEED_TITEL,
            onderwerp=SEED_TITEL,
            datum="2025-10-03",
            dossier=("29517", None),
            vergaderjaar="2025-2026",
        )
    letter = DEMO_LETTERS.get(path.stem) or _DemoLetter(
        f"2025D{90000 + index:05d}", path.stem.replace("_", " "), "2025-10-01", "2025-2026", None
    )
    return fake.publish_document(
        content=content,
        document_nummer=letter.document_nummer,
        titel=DEMO_DOSSIER_TITEL,
        onderwerp=letter.onderwerp,
        datum=letter.datum,
        dossier=("28684", None),
        volgnummer=letter.volgnummer,
        vergaderjaar=letter.vergaderjaar,
        dossier_titel=DEMO_DOSSIER_TITEL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a fake Tweede Kamer SyncFeed.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--page-size", type=int, default=250)
    parser.add_argument("--publish", nargs="*", type=Path, default=[], metavar="FILE.docx")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    fake = FakeTK(page_size=args.page_size, host=args.host, port=args.port, verbose=args.verbose)
    for index, path in enumerate(args.publish, start=1):
        guid = publish_demo_file(fake, path, index)
        print(f"published {path} as {guid}", file=sys.stderr)
    with fake:
        print(fake.base_url, flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
