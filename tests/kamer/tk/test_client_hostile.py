"""TKClient against hostile servers: redirects off the Kamer's host, loops, and servers that trickle.

Each test starts its own small HTTP servers on the loopback (127.0.0.1, and 127.0.0.2 for "another host")
with a script per path, and records what each server was asked.
"""

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kamer.tk.client import Resource, TKClient, TKError
from tests.kamer.fake_server import DOCX

GUID = "0f3c2a6e-5b1d-4c8e-9a7f-1e2d3c4b5a60"
RESOURCE = f"/SyncFeed/2.0/Resources/{GUID}"


class Sleeps(list):
    """Records the pauses the client asks for instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class Server(ThreadingHTTPServer):
    """Answers each path with its route (a function of the request handler) and records the paths asked."""

    daemon_threads = True

    def __init__(self, host: str, port: int):
        super().__init__((host, port), Handler)
        self.routes = {}
        self.requests = []
        self.stopping = threading.Event()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def handle_error(self, request, client_address) -> None:
        pass  # the client hung up on a trickle: that is the point


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.requests.append(self.path)
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route(self)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        pass


@contextmanager
def serving(host: str = "127.0.0.1", port: int = 0):
    server = Server(host, port)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def kamer():
    with serving() as server:
        yield server


# Routes


def content(body: bytes):
    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", DOCX)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str, status: int = 302):
    def route(handler):
        handler.send_response(status)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def after(seconds: float, then):
    def route(handler):
        if not handler.server.stopping.wait(seconds):
            then(handler)

    return route


def trickle(handler, count: int, every: float) -> None:
    """Write `count` bytes, one every `every` seconds, each well within the client's per-read timeout."""
    for _ in range(count):
        if handler.server.stopping.wait(every):
            return
        handler.wfile.write(b"x")


def trickling_body(*, send_length: bool, count: int = 30, every: float = 0.2):
    def route(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", DOCX)
        if send_length:
            handler.send_header("Content-Length", str(count))
        handler.end_headers()
        trickle(handler, count, every)

    return route


def trickling_headers(count: int = 30, every: float = 0.2):
    def route(handler):
        handler.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: " + DOCX.encode() + b"\r\nX-Slow: ")
        trickle(handler, count, every)
        handler.wfile.write(b"\r\nContent-Length: 2\r\n\r\nok")

    return route


def once_then(first, then):
    """`first` for the first request of the path, `then` for every later one."""
    calls = []

    def route(handler):
        calls.append(handler.path)
        (first if len(calls) == 1 else then)(handler)

    return route


def refused(client: TKClient, resource: str = GUID) -> TKError:
    with pytest.raises(TKError) as caught:
        client.download(resource)
    return caught.value


# Redirects


@pytest.mark.parametrize(("other_host", "same_port"), [("127.0.0.1", False), ("127.0.0.2", True)])
def test_a_redirect_to_another_server_is_refused_before_that_server_is_asked(kamer, other_host, same_port):
    sleeps = Sleeps()
    with serving(other_host, kamer.server_port if same_port else 0) as other:
        other.routes = {"/intern/geheim": content(b"not the Kamer's")}
        target = f"{other.base_url}/intern/geheim"
        kamer.routes = {RESOURCE: redirect(target)}

        error = refused(TKClient(kamer.base_url, sleep=sleeps))

    assert (error.reason, error.retryable) == (
        f"doorverwijzing naar een andere server dan {kamer.base_url} geweigerd: {target}",
        False,
    )
    assert (kamer.requests, other.requests, sleeps) == ([RESOURCE], [], [])


@pytest.mark.parametrize(
    ("location", "target"),
    [
        ("http://localhost:{port}/intern/geheim", "http://localhost:{port}/intern/geheim"),
        ("https://127.0.0.1:{port}" + RESOURCE, "https://127.0.0.1:{port}" + RESOURCE),
        ("//127.0.0.2:{port}/intern/geheim", "http://127.0.0.2:{port}/intern/geheim"),
        ("file:///etc/passwd", "file:///etc/passwd"),
        ("ftp://127.0.0.1:{port}/etc/passwd", "ftp://127.0.0.1:{port}/etc/passwd"),
    ],
)
def test_a_redirect_off_the_kamer_origin_is_refused(kamer, location, target):
    port = kamer.server_port
    kamer.routes = {RESOURCE: redirect(location.format(port=port)), "/intern/geheim": content(b"secret")}

    error = refused(TKClient(kamer.base_url, sleep=Sleeps()))

    assert (error.reason, error.retryable) == (
        f"doorverwijzing naar een andere server dan {kamer.base_url} geweigerd: {target.format(port=port)}",
        False,
    )
    assert kamer.requests == [RESOURCE]


@pytest.mark.parametrize(("status", "absolute"), [(302, False), (301, True), (307, False), (308, True)])
def test_a_redirect_on_the_kamer_host_is_followed(kamer, status, absolute):
    moved = "/SyncFeed/2.0/Resources/elders"
    kamer.routes = {
        RESOURCE: redirect(f"{kamer.base_url}{moved}" if absolute else moved, status),
        moved: content(b"PK\x03\x04 docx bytes"),
    }

    resource = TKClient(kamer.base_url, sleep=Sleeps()).download(GUID)

    assert resource == Resource(content=b"PK\x03\x04 docx bytes", content_type=DOCX)
    assert kamer.requests == [RESOURCE, moved]


def test_three_redirects_in_a_row_are_followed(kamer):
    kamer.routes = {RESOURCE: redirect("/r1"), "/r1": redirect("/r2"), "/r2": redirect("/r3"), "/r3": content(b"ok")}

    resource = TKClient(kamer.base_url, sleep=Sleeps()).download(GUID)

    assert resource == Resource(content=b"ok", content_type=DOCX)
    assert kamer.requests == [RESOURCE, "/r1", "/r2", "/r3"]


def test_a_fourth_redirect_is_refused(kamer):
    kamer.routes = {
        RESOURCE: redirect("/r1"),
        "/r1": redirect("/r2"),
        "/r2": redirect("/r3"),
        "/r3": redirect("/r4"),
        "/r4": content(b"ok"),
    }
    sleeps = Sleeps()

    error = refused(TKClient(kamer.base_url, sleep=sleeps))

    assert (error.reason, error.retryable) == (
        f"meer dan 3 doorverwijzingen vanaf {kamer.base_url}{RESOURCE}, de laatste naar {kamer.base_url}/r4",
        False,
    )
    assert (kamer.requests, sleeps) == ([RESOURCE, "/r1", "/r2", "/r3"], [])


@pytest.mark.parametrize(("routes", "asked"), [({"/b": RESOURCE}, [RESOURCE, "/b"]), ({}, [RESOURCE])])
def test_a_redirect_loop_is_refused(kamer, routes, asked):
    kamer.routes = {RESOURCE: redirect("/b" if routes else RESOURCE)} | {
        path: redirect(location) for path, location in routes.items()
    }

    error = refused(TKClient(kamer.base_url, sleep=Sleeps()))

    assert (error.reason, error.retryable) == (
        f"doorverwijzingen in een kring: {kamer.base_url}{RESOURCE} was al opgevraagd",
        False,
    )
    assert kamer.requests == asked


# The deadline


@pytest.mark.parametrize("send_length", [True, False])
def test_a_trickled_body_ends_at_the_deadline(kamer, send_length):
    kamer.routes = {RESOURCE: trickling_body(send_length=send_length)}
    client = TKClient(kamer.base_url, timeout=1, retries=0, sleep=Sleeps())

    started = time.monotonic()
    error = refused(client)
    elapsed = time.monotonic() - started

    assert (error.reason, error.retryable) == (
        f"de Tweede Kamer antwoordde niet binnen 1 s: {kamer.base_url}{RESOURCE} (opgegeven na 1 poging)",
        True,
    )
    assert 0.9 <= elapsed < 2.0


def test_trickled_headers_end_at_the_deadline(kamer):
    kamer.routes = {RESOURCE: trickling_headers()}
    client = TKClient(kamer.base_url, timeout=1, retries=0, sleep=Sleeps())

    started = time.monotonic()
    error = refused(client)
    elapsed = time.monotonic() - started

    assert (error.reason, error.retryable) == (
        f"de Tweede Kamer antwoordde niet binnen 1 s: {kamer.base_url}{RESOURCE} (opgegeven na 1 poging)",
        True,
    )
    assert 0.9 <= elapsed < 2.0


def test_the_deadline_covers_the_redirects_together(kamer):
    kamer.routes = {RESOURCE: after(0.6, redirect("/b")), "/b": after(0.6, content(b"too late"))}
    client = TKClient(kamer.base_url, timeout=1, retries=0, sleep=Sleeps())

    started = time.monotonic()
    error = refused(client)
    elapsed = time.monotonic() - started

    assert error.reason == (
        f"de Tweede Kamer antwoordde niet binnen 1 s: {kamer.base_url}{RESOURCE} (opgegeven na 1 poging)"
    )
    assert 0.9 <= elapsed < 2.0
    assert kamer.requests == [RESOURCE, "/b"]


def test_a_deadline_hit_is_retried_and_the_next_try_succeeds(kamer):
    kamer.routes = {RESOURCE: once_then(trickling_body(send_length=True), content(b"PK on time"))}
    sleeps = Sleeps()

    resource = TKClient(kamer.base_url, timeout=1, sleep=sleeps).download(GUID)

    assert resource == Resource(content=b"PK on time", content_type=DOCX)
    assert (kamer.requests, sleeps) == ([RESOURCE, RESOURCE], [0.5])
