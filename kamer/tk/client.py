"""HTTP client for the Tweede Kamer SyncFeed, standard library only (urllib).

    client = TKClient("https://gegevensmagazijn.tweedekamer.nl")
    for page in client.pages("Document", skiptoken=stored):
        handle(page.entries)
        stored = page.next_skiptoken or stored      # persist after each page
    resource = client.download(entry.enclosure_url)  # or client.download(document_guid)

Politeness and robustness: a pause (`page_pause`) before every feed page after the first, a
deadline on every request, retries with exponential backoff (backoff, 2*backoff, 4*backoff, ...) on
5xx, 429, deadlines and connection errors, no retry on other 4xx, and a hard size limit on every
body (refused by Content-Length first, then by counting while streaming).

`timeout` is the deadline of one whole request: connecting, the TLS handshake, the headers, every
redirect and the whole body together (only the name lookup is outside it). A watchdog shuts the
request's sockets when it passes, so a server that trickles a byte at a time cannot hold a worker;
each socket operation also has `timeout` as its own limit. The deadline restarts for each retry.

Redirects: at most MAX_REDIRECTS, and only within base_url's scheme, host and port; a redirect
anywhere else (another host, localhost, another port, http from https, file:) is refused before it
is requested, and so is a loop. The opener speaks http(s) only.

Errors: TKError(reason, retryable, status) for anything HTTP; a page that arrives but cannot be
read raises kamer.tk.feed.FeedError (not retried: store nothing and try again on the next run).
"""

from __future__ import annotations

import functools
import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin, urlsplit

from kamer.tk import fields as f
from kamer.tk.feed import FeedPage, parse_feed_page

DEFAULT_USER_AGENT = "TKDossiers/0.1 (+https://github.com/...)"
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
FEED_ACCEPT = "application/atom+xml, application/xml;q=0.9"
CHUNK_SIZE = 64 * 1024
RETRYABLE_STATUSES = frozenset({429})  # besides every 5xx
MAX_REDIRECTS = 3
_RESOURCE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,63}")


class TKError(Exception):
    """The Tweede Kamer could not be reached or refused; `retryable` says whether a later try may work."""

    def __init__(self, reason: str, retryable: bool, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status


@dataclass(frozen=True)
class Resource:
    content: bytes
    content_type: str


class TKClient:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        page_pause: float = 0.1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        user_agent: str = DEFAULT_USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = _checked_base(base_url)
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.page_pause = page_pause
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.sleep = sleep
        self._pages_requested = 0
        self._opener = _opener(self.base_url)

    # Feed

    def feed_url(self, category: str, skiptoken: int | None) -> str:
        params = {f.PARAM_CATEGORY: category}
        if skiptoken is not None:
            params[f.PARAM_SKIPTOKEN] = str(skiptoken)
        return f"{self.base_url}/{f.FEED_PATH}?{urlencode(params)}"

    def feed_page(self, category: str, skiptoken: int | None) -> FeedPage:
        """One page of the feed after `skiptoken` (None: from the start). TKError or FeedError."""
        if self._pages_requested:
            self.sleep(self.page_pause)
        self._pages_requested += 1
        body, _ = self._get(self.feed_url(category, skiptoken), FEED_ACCEPT)
        return parse_feed_page(body)

    def pages(self, category: str, skiptoken: int | None = None) -> Iterator[FeedPage]:
        """Pages from `skiptoken` to the end of the feed; stops after a page that announces no more."""
        while True:
            page = self.feed_page(category, skiptoken)
            yield page
            if not page.entries or not page.has_more or page.next_skiptoken is None:
                return
            skiptoken = page.next_skiptoken

    # Resources

    def resource_url(self, resource_id: str) -> str:
        if not _RESOURCE_ID.fullmatch(resource_id or ""):
            raise TKError(f"geen geldige document-id: {resource_id!r}", retryable=False)
        return f"{self.base_url}/{f.RESOURCES_PATH}{quote(resource_id)}"

    def download(self, url_or_resource_id: str) -> Resource:
        """The file behind an enclosure URL (same host as base_url) or a resource id (the document GUID)."""
        url = self._resource_target(url_or_resource_id)
        body, content_type = self._get(url, "*/*")
        return Resource(content=body, content_type=content_type)

    def _resource_target(self, value: str) -> str:
        if "://" not in value:
            return self.resource_url(value)
        if _origin(value) != _origin(self.base_url):
            raise TKError(f"downloaden van een andere server dan {self.base_url} geweigerd: {value}", retryable=False)
        return value

    # HTTP

    def _get(self, url: str, accept: str) -> tuple[bytes, str]:
        attempt = 0
        while True:
            try:
                return self._get_once(url, accept)
            except TKError as exc:
                if not exc.retryable:
                    raise
                if attempt >= self.retries:
                    tries = attempt + 1
                    reason = f"{exc.reason} (opgegeven na {tries} {'poging' if tries == 1 else 'pogingen'})"
                    raise TKError(reason, retryable=True, status=exc.status) from None
                self.sleep(self.backoff * 2**attempt)
                attempt += 1

    def _get_once(self, url: str, accept: str) -> tuple[bytes, str]:
        with _Deadline(self.timeout) as deadline:
            # The scheme is checked in _checked_base and _resource_target: only http(s) to base_url's host.
            request = _Request(url, headers={"User-Agent": self.user_agent, "Accept": accept}, deadline=deadline)
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    result = self._read_limited(response, url), _content_type(response)
            except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError and HTTPError are OSErrors
                error = self._error(exc, url)
                raise (self._deadline_error(url) if deadline.expired else error) from None
            if deadline.expired:  # the watchdog cut the connection: what was read may be incomplete
                raise self._deadline_error(url)
            return result

    def _error(self, exc: Exception, url: str) -> TKError:
        if isinstance(exc, urllib.error.HTTPError):
            exc.close()
            return _status_error(exc.code, url)
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, (ValueError, http.client.InvalidURL)):  # a malformed URL, e.g. a bad port
            return TKError(f"kan {url!r} niet opvragen: {reason}", retryable=False)
        if isinstance(reason, TimeoutError):
            return self._deadline_error(url)
        return TKError(f"{url} niet bereikbaar: {reason}", retryable=True)

    def _deadline_error(self, url: str) -> TKError:
        seconds = f"{self.timeout:g}".replace(".", ",")
        return TKError(f"de Tweede Kamer antwoordde niet binnen {seconds} s: {url}", retryable=True)

    def _read_limited(self, response, url: str) -> bytes:
        declared = (response.headers.get("Content-Length") or "").strip()
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise TKError(f"{url} is {declared} bytes, meer dan de limiet van {self.max_bytes}", retryable=False)
        chunks, total = [], 0
        while chunk := response.read(CHUNK_SIZE):
            total += len(chunk)
            if total > self.max_bytes:
                raise TKError(f"{url} is groter dan de limiet van {self.max_bytes} bytes", retryable=False)
            chunks.append(chunk)
        return b"".join(chunks)


def _checked_base(base_url: str) -> str:
    parts = urlsplit((base_url or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"base_url must be an http(s) URL, not {base_url!r}")
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _content_type(response) -> str:
    value = response.headers.get("Content-Type") or "application/octet-stream"
    return value.split(";", 1)[0].strip().lower()


def _status_error(status: int, url: str) -> TKError:
    retryable = status >= 500 or status in RETRYABLE_STATUSES
    return TKError(f"HTTP {status} voor {url}", retryable=retryable, status=status)


# The opener: http(s) only, same-origin redirects, every socket watched by the request's deadline


class _Deadline:
    """Shuts the sockets of one request when `seconds` have passed, whatever they are waiting for."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()
        with self._lock:
            for watched in self._sockets:
                watched.close()
            self._sockets.clear()

    def watch(self, connected: socket.socket) -> None:
        # A duplicate of the TCP socket: shutting it down ends reads on the original, TLS or not.
        with self._lock:
            self._sockets.append(connected.dup())
            if self.expired:
                _shut(self._sockets[-1])

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for watched in self._sockets:
                _shut(watched)


def _shut(watched: socket.socket) -> None:
    try:
        watched.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side


class _Request(urllib.request.Request):
    """A GET with the deadline of its whole exchange and the URLs its redirects went through."""

    def __init__(self, url: str, *, headers: dict, deadline: _Deadline, visited: tuple[str, ...] = ()):
        super().__init__(url, headers=headers)
        self.deadline = deadline
        self.visited = (*visited, url)


class _WatchedHTTPConnection(http.client.HTTPConnection):
    deadline: _Deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPSConnection(http.client.HTTPSConnection, _WatchedHTTPConnection):
    """HTTPSConnection.connect calls _WatchedHTTPConnection.connect for the TCP socket, before the handshake."""


def _watched(connection_class, deadline: _Deadline):
    def connection(host, **kwargs):
        opened = connection_class(host, **kwargs)
        opened.deadline = deadline
        return opened

    return connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_watched(_WatchedHTTPConnection, req.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_watched(_WatchedHTTPSConnection, req.deadline), req)


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, base_url: str):
        self.base_url = base_url

    def http_error_302(self, req, fp, code, msg, headers):
        fp.close()  # a redirect's body is never read
        location = headers.get("Location") or headers.get("URI")
        if location:  # checked before urllib's own scheme filter, so that file: gets our reason too
            self._check(req, urljoin(req.full_url, location))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self._check(req, newurl)  # the URL exactly as it will be requested
        return _Request(newurl, headers=dict(req.headers), deadline=req.deadline, visited=req.visited)

    def _check(self, req: _Request, target: str) -> None:
        if _origin(target) != _origin(self.base_url):
            reason = f"doorverwijzing naar een andere server dan {self.base_url} geweigerd: {target}"
        elif target in req.visited:
            reason = f"doorverwijzingen in een kring: {target} was al opgevraagd"
        elif len(req.visited) > MAX_REDIRECTS:
            reason = f"meer dan {MAX_REDIRECTS} doorverwijzingen vanaf {req.visited[0]}, de laatste naar {target}"
        else:
            return
        raise TKError(reason, retryable=False)


# One opener per Kamer origin and process: building one (its handlers, the proxies read from the
# environment) cost 0.14 ms of CPU, a third of what a download's client side costs, for every
# letter a Celery worker fetched. An opener keeps no state between requests: each request carries
# its own deadline and the redirects it went through.
@functools.cache
def _opener(base_url: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        _HTTPHandler(),
        _HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _SameOriginRedirects(base_url),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener
