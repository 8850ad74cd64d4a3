import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLEAN = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL")}


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
    ],
)
def test_bad_setting_stops_the_start_with_a_clear_message(env, message):
    done = start(**env)

    assert done.returncode == 1
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in done.stderr


def test_demo_defaults_start_cleanly():
    done = start(DEBUG="1")

    assert (done.returncode, done.stdout.strip()) == (0, "System check identified no issues (0 silenced).")
