"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives and can refuse on request."""

import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: messages as email.message.EmailMessage, and how many it refused."""

    def __init__(self):
        self.messages = []
        self.refused = 0
        self._refuse = 0
        self._lock = threading.Lock()

    def refuse_next(self, count: int) -> None:
        with self._lock:
            self._refuse = count

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self._lock:
            if self._refuse:
                self._refuse -= 1
                self.refused += 1
                return "451 4.3.0 Probeer het later opnieuw"
            self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class SMTPServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()
