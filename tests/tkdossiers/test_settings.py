import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The test run's own settings stay out, and so does the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE
# (tests/e2e/conftest.py sets it for the whole run; check --deploy rightly refuses it).
LEAKED = ("DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
CLEAN = {k: v for k, v in os.environ.items() if k not in LEAKED}


def start(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=CLEAN | {"DJANGO_SETTINGS_MODULE": "tkdossiers.settings"} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "misschien"}, "DEBUG moet 1 of 0 zijn (true/false), niet 'misschien'"),
        ({"DEBUG": "0"}, "SECRET_KEY ontbreekt; zet SECRET_KEY, of DEBUG=1 voor de demo"),
        (
            {"DEBUG": "1", "DATABASE_URL": "mysql://root@localhost/tk"},
            "DATABASE_URL: alleen PostgreSQL of SQLite wordt ondersteund, niet 'mysql'",
        ),
        ({"DEBUG": "1", "REDIS_URL": "localhost:6379"}, "REDIS_URL moet met redis:// beginnen, niet 'localhost:6379'"),
        (
            {"DEBUG": "1", "LETTER_UPLOAD_MAX_BYTES": "veel"},
            "LETTER_UPLOAD_MAX_BYTES moet een geheel getal zijn, niet 'veel'",
        ),
        (
            {"DEBUG": "1", "SECURE_HSTS_SECONDS": "een jaar"},
            "SECURE_HSTS_SECONDS moet een geheel getal zijn, niet 'een jaar'",
        ),
        ({"DEBUG": "1", "SECURE_HSTS_SECONDS": "-1"}, "SECURE_HSTS_SECONDS moet minstens 0 zijn, niet '-1'"),
        ({"DEBUG": "1", "SECURE_SSL_REDIRECT": "ja"}, "SECURE_SSL_REDIRECT moet 1 of 0 zijn (true/false), niet 'ja'"),
        (
            {"DEBUG": "1", "SECURE_HSTS_INCLUDE_SUBDOMAINS": "alle"},
            "SECURE_HSTS_INCLUDE_SUBDOMAINS moet 1 of 0 zijn (true/false), niet 'alle'",
        ),
        (
            {"DEBUG": "1", "SECURE_HSTS_PRELOAD": "graag"},
            "SECURE_HSTS_PRELOAD moet 1 of 0 zijn (true/false), niet 'graag'",
        ),
        (
            {"DEBUG": "1", "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"},
            "SECURE_PROXY_SSL_HEADER moet een kop zijn zoals request.META hem noemt (HTTP_X_FORWARDED_PROTO), "
            "niet 'X-Forwarded-Proto'",
        ),
        (
            {"DEBUG": "1", "CLIENT_IP_HEADER": "X-Forwarded-For"},
            "CLIENT_IP_HEADER moet een kop zijn zoals request.META hem noemt (HTTP_X_FORWARDED_PROTO), "
            "niet 'X-Forwarded-For'",
        ),
        (
            {"DEBUG": "1", "CSRF_TRUSTED_ORIGINS": "https://tkd.example.nl,tkd.example.nl"},
            "CSRF_TRUSTED_ORIGINS: een oorsprong is schema en host, zoals https://tkdossiers.example.nl, "
            "niet 'tkd.example.nl'",
        ),
        (
            {"DEBUG": "0", "SECRET_KEY": "x", "SECURE_COOKIES": "soms"},
            "SECURE_COOKIES moet 1 of 0 zijn (true/false), niet 'soms'",
        ),
        ({"DEBUG": "1", "LOGIN_FAILURE_LIMIT": "0"}, "LOGIN_FAILURE_LIMIT moet minstens 1 zijn, niet '0'"),
        (
            {"DEBUG": "1", "LOGIN_COOLOFF_MINUTES": "kwartier"},
            "LOGIN_COOLOFF_MINUTES moet een geheel getal zijn, niet 'kwartier'",
        ),
        ({"DEBUG": "1", "LOG_LEVEL": "luid"}, "LOG_LEVEL moet DEBUG, INFO, WARNING of ERROR zijn, niet 'luid'"),
    ],
)
def test_bad_setting_stops_the_start_with_a_clear_message(env, message):
    done = start(**env)

    assert done.returncode == 1
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in done.stderr


def test_demo_defaults_start_cleanly():
    done = start(DEBUG="1")

    assert (done.returncode, done.stdout.strip()) == (0, "System check identified no issues (0 silenced).")


# The production settings of the README's "Configuratie" (with a placeholder secret and host).
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "p" + "roductie-sleutel-van-ruim-vijftig-tekens-0123456789-abcdefghij",
    "DATABASE_URL": "postgres://tkd@db.example.nl:5432/tkd",
    "REDIS_URL": "redis://redis.example.nl:6379/0",
    "ALLOWED_HOSTS": "tkdossiers.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://tkdossiers.example.nl",
    "SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "SECURE_HSTS_PRELOAD": "1",
    "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
}


def test_production_settings_pass_the_deploy_check():
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=CLEAN | {"DJANGO_SETTINGS_MODULE": "tkdossiers.settings"} | PRODUCTION,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert (done.returncode, done.stdout.strip(), done.stderr) == (
        0,
        "System check identified no issues (0 silenced).",
        "",
    )


SECURITY_HEADERS = """
from django.test import Client
client = Client()
plain = client.get("/nergens/")
proxied = client.get("/nergens/", HTTP_X_FORWARDED_PROTO="https")
print(plain.status_code, plain.get("Location"))
print(proxied.status_code, proxied["Strict-Transport-Security"])
"""


def test_https_settings_from_the_environment_reach_the_responses():
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", SECURITY_HEADERS],
        cwd=ROOT,
        env=CLEAN | {"DJANGO_SETTINGS_MODULE": "tkdossiers.settings"} | PRODUCTION | {"ALLOWED_HOSTS": "testserver"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.stdout.splitlines() == [
        "301 https://testserver/nergens/",
        "404 max-age=31536000; includeSubDomains; preload",
    ]
