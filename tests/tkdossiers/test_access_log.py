"""The logs keep no secret token of a feed address: gunicorn's access log and the site's own
JSON lines (tkdossiers.access_log, tkdossiers.logs.redact)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tkdossiers.logs import redact

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "q3Jx0bO2mV6yH8sVt1kLwZp4N9cE5fR7uA_dG-iT0hM"  # the shape of alerts.feed_tokens.new_token()


@pytest.mark.parametrize(
    ("line", "logged"),
    [
        (f"GET /meldingen/agenda/{TOKEN}.ics HTTP/1.1", "GET /meldingen/agenda/[verborgen] HTTP/1.1"),
        (f"GET /meldingen/feed/{TOKEN}/ HTTP/1.1", "GET /meldingen/feed/[verborgen]/ HTTP/1.1"),
        ("GET /meldingen/afmelden/12:1v2Xa:AbCdEfGhIjKlMnOpQrSt/", "GET /meldingen/afmelden/[verborgen]/"),
        ("POST /meldingen/agenda/vernieuwen/ HTTP/1.1", "POST /meldingen/agenda/vernieuwen/ HTTP/1.1"),
        ("GET /meldingen/12/atom/ HTTP/1.1", "GET /meldingen/12/atom/ HTTP/1.1"),
    ],
)
def test_a_token_in_an_address_is_hidden_and_other_addresses_stay(line, logged):
    assert redact(line) == logged


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_gunicorn_and_the_site_log_a_feed_request_without_its_token(tmp_path):
    port = free_port()
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "DEBUG": "0",
        "SECRET_KEY": "test-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "0",
    }
    if database["ENGINE"].endswith("postgresql"):
        env["DATABASE_URL"] = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    log = tmp_path / "access.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "tkdossiers.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            status = None
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/meldingen/feed/{TOKEN}/", timeout=5)
                except urllib.error.HTTPError as error:
                    status = error.code
                    break
                except OSError:
                    time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(20)

    text = log.read_text()
    assert status == 404  # no monitor has this token
    assert '"GET /meldingen/feed/[verborgen]/ HTTP/1.1" 404' in text  # gunicorn's access line
    assert '"path": "/meldingen/feed/[verborgen]/", "status": 404' in text  # the site's warning
    assert TOKEN not in text
    assert " sjablonen voorbereid" in text  # gunicorn.conf.py's warm-up ran before the workers forked
