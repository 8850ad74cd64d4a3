"""HTTP client for the Tweede Kamer SyncFeed, standard library only (urllib).

    client = TKClient("https://gegevensmagazijn.tweedekamer.nl")
    for page in client.pages("Document", skiptoken=stored):
        handle(page.entries)
        stored = page.next_skiptoken or stored      # persist after each page
    resource = client.download(entry.enclosure_url)  # or client.download(document_guid)

Politeness and robustness: a pause (`page_pause`) before every feed page after the first, a
timeout on every request, retries with exponential backoff (backoff, 2*backoff, 4*backoff, ...) on
5xx, 429, timeouts and connection errors, no retry on other 4xx, and a hard size limit on every
body (refused by Content-Length first, then by counting while streaming).

Errors: TKError(reason, retryable, status) for anything HTTP; a page that arrives but cannot be
read raises kamer.tk.feed.FeedError (not retried: store nothing and try again on the next run).
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from kamer.tk import fields as f
from kamer.tk.feed import FeedPage, parse_feed_page

DEFAULT_USER_AGENT = "TKDossiers/0.1 (+https://github.com/...)"
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
FEED_ACCEPT = "application/atom+xml, application/xml;q=0.9"
CHUNK_SIZE = 64 * 1024
RETRYABLE_STATUSES = frozenset({429})  # besides every 5xx
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
        # The scheme is checked in _checked_base and _resource_target: only http(s) to base_url's host.
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": accept})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return self._read_limited(response, url), _content_type(response)
        except urllib.error.HTTPError as exc:
            exc.close()
            raise _status_error(exc.code, url) from None
        except urllib.error.URLError as exc:
            raise _network_error(exc.reason, url) from None
        except (ValueError, http.client.InvalidURL) as exc:  # a malformed URL, e.g. a bad port
            raise TKError(f"kan {url!r} niet opvragen: {exc}", retryable=False) from None
        except (OSError, http.client.HTTPException) as exc:
            raise _network_error(exc, url) from None

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


def _network_error(reason: object, url: str) -> TKError:
    if isinstance(reason, TimeoutError):
        return TKError(f"geen antwoord van {url} binnen de wachttijd", retryable=True)
    return TKError(f"{url} niet bereikbaar: {reason}", retryable=True)
