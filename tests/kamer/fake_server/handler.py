"""The HTTP side of FakeTK: a threading server whose handler asks the FakeTK for each response."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.kamer.fake_server.server import FakeTK


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    send_length: bool = True


def not_found() -> Response:
    return Response(404, "text/plain; charset=utf-8", b"not found\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    fake: FakeTK

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
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
