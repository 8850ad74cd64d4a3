"""The search page and the sender filter of the demo, on SQLite for real: a fresh database in a
child process (the test run itself is on PostgreSQL), the seed letter imported, the pages asked
as a reader."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import SEED

# Runs in the child: migrate, import, then one search page per term; prints what it found.
SCRIPT = r"""
import json, re, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
call_command("migrate", verbosity=0)
from django.contrib.auth.models import Group, User
from letters.importing.store import import_letter
from letters.models import Source
from tkdossiers.roles import POLICY_STAFF
with open(sys.argv[1], "rb") as seed:
    import_letter(content=seed.read(), filename="seed.docx", source=Source.COMMAND)
user = User.objects.create_user("beleid", password="een-lang-testwachtwoord")
user.groups.add(Group.objects.get(name=POLICY_STAFF))
client = Client()
client.force_login(user)
found = {}
for terms in sys.argv[2:]:
    html = client.get("/zoeken/", {"q": terms}).content.decode()
    found[terms] = {
        "headings": re.findall(r'class="passage-heading" href="[^"]+">(?:<span class="path">[^<]*</span> )?([^<]*)</a>',
                               html),
        "snippets": [re.sub(r"\s+", " ", s) for s in re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)],
        "offer": re.findall(r'dossier-offer"><a href="([^"]+)">', html),
    }
found["sender"] = {
    sender: [row["date"] for row in client.get("/api/letters/", {"sender": sender}).json()["results"]]
    for sender in ("Foort", "van oostén", "Yeşilgöz")
}
print(json.dumps(found))
"""


def search_on_sqlite(tmp_path, *terms) -> dict:
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "tkdossiers.settings",
        "DEBUG": "0",
        "SECRET_KEY": "test-only",
        "REDIS_URL": "",  # as the demo: Celery tasks run in the process
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED), *terms],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict:
    """One demo database for the tests below: migrating it takes seconds."""
    return search_on_sqlite(tmp_path_factory.mktemp("demo"), "C2000/VMX", '"robuuste motorblok"', "29517")


def test_demo_search_on_sqlite_ranks_finds_phrases_and_slashes_and_marks_the_hit(found):
    slash, phrase, dossier = found["C2000/VMX"], found['"robuuste motorblok"'], found["29517"]
    assert slash["headings"] == ["C2000", "Beleidsreactie WODC evaluatie naar programma IVC"]
    assert "(<mark>C2000</mark> nu en <mark>VMX</mark> in de toekomst)" in slash["snippets"][0]
    assert phrase["headings"] == ["Realisatie meldkamers afgerond"]
    assert re.match(r"… .* het ‘<mark>robuuste</mark> <mark>motorblok</mark>’ - en ", phrase["snippets"][0])
    assert dossier["offer"] == ["/dossiers/29517/"]
    assert "Kamerstukken II, 2023/24, <mark>29</mark> <mark>517</mark>, nr. 260" in dossier["snippets"]


def test_demo_sender_filter_on_sqlite_matches_the_signatory_whatever_the_diacritics(found):
    assert found["sender"] == {"Foort": ["2025-10-03"], "van oostén": ["2025-10-03"], "Yeşilgöz": []}
