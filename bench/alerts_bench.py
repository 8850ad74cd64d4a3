"""Digests for many users: N users with 5 monitors each, over a day of P new passages.

    DEBUG=1 .venv/bin/python bench/alerts_bench.py [--users 10000] [--passages 200] [--database-url URL]

In a fresh PostgreSQL database (`tkdossiers_alerts_bench`): the starting topics, 20 dossiers,
N users each following two topics, a dossier, a saved search of the passages list and a
ministerie's new toezeggingen (daily), set up yesterday; then a day's letters with P passages,
each tagged with a topic, citing a dossier and holding words the searches look for. Timed
apart: recording what is new for every monitor (alerts.collect.collect, one run) and sending
every user's daily digest (alerts.digests.send_digest, one transaction and one mail per user,
Django's in-memory mail backend). Queries are counted with a database execute wrapper.
Writes bench/results/alerts_bench.json.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# A passage holds two of these; a saved search looks for one (so it finds about one passage in eight).
WORDS = [
    "meldkamer",
    "C2000",
    "brandweer",
    "NL-Alert",
    "sirenes",
    "crisisbeheersing",
    "PTSS",
    "weerbaarheid",
    "ambulance",
    "politie",
    "drones",
    "storing",
    "oefening",
    "evacuatie",
    "hoogwater",
    "cyberaanval",
]
MONITORS_PER_USER = 5
SECTIONS_PER_LETTER = 10


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--passages", type=int, default=200)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkdossiers_alerts_bench")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    fresh_database(args.database_url)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    print(json.dumps(run(args), indent=2))


def fresh_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


class Queries:
    """Counts the queries run on the default connection (django.db.connection.execute_wrapper)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def setup_users(count: int, yesterday):
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
    from django.contrib.auth.models import User

    from alerts.models import Monitor
    from letters.models import Topic
    from tkdossiers.models import Dossier

    topics = list(Topic.objects.all())
    dossiers = Dossier.objects.bulk_create([Dossier(number=str(30000 + i)) for i in range(20)])
    users = User.objects.bulk_create(
        [User(username=f"u{i}", email=f"u{i}@example.nl", password=UNUSABLE_PASSWORD_PREFIX) for i in range(count)],
        batch_size=2000,
    )
    rng, monitors = random.Random(1), []
    for user in users:
        first, second = rng.sample(topics, 2)
        dossier, word = rng.choice(dossiers), rng.choice(WORDS)
        monitors += [
            Monitor(user=user, kind="topic", topic=first, target=f"topic:{first.pk}"),
            Monitor(user=user, kind="topic", topic=second, target=f"topic:{second.pk}"),
            Monitor(user=user, kind="dossier", dossier=dossier, target=f"dossier:{dossier.pk}"),
            Monitor(user=user, kind="search", listing="section", query=f"q={word}", target=f"search:section:q={word}"),
            Monitor(user=user, kind="ministerie", ministerie="JenV", target="ministerie:jenv"),
        ]
    Monitor.objects.bulk_create(monitors, batch_size=5000)
    Monitor.objects.update(created_at=yesterday)
    return topics, dossiers


def publish_day(passages: int, topics, dossiers, today):
    """A day's letters: SECTIONS_PER_LETTER passages each, tagged, citing, with the searched words."""
    from letters.models import Letter, LetterVersion, Reference, Section, TopicTag
    from tkdossiers.models import Kamerstuk

    rng = random.Random(2)
    kamerstukken = Kamerstuk.objects.bulk_create([Kamerstuk(dossier=d, number="1") for d in dossiers])
    for index in range(0, passages, SECTIONS_PER_LETTER):
        letter = Letter.objects.create(identity=f"bench-{index}", title=f"Brief {index}", date=today.date())
        version = LetterVersion.objects.create(
            letter=letter,
            number=1,
            sha256=f"{index:064d}",
            filename="b.docx",
            size=1,
            content=b"",
            title=letter.title,
            source="command",
        )
        sections = Section.objects.bulk_create(
            [
                Section(
                    version=version,
                    position=p,
                    level=1,
                    heading=f"Kopje {p}",
                    text=f"Over {rng.choice(WORDS)} en {rng.choice(WORDS)} in de regio, zie 30 00{p % 10}. " * 8,
                )
                for p in range(min(SECTIONS_PER_LETTER, passages - index))
            ]
        )
        TopicTag.objects.bulk_create([TopicTag(section=s, topic=rng.choice(topics), source="rule") for s in sections])
        Reference.objects.bulk_create(
            [
                Reference(
                    version=version,
                    section=s,
                    kamerstuk=rng.choice(kamerstukken),
                    location="body",
                    position=s.position,
                    text="Kamerstuk II",
                )
                for s in sections
            ]
        )
        Letter.objects.filter(pk=letter.pk).update(current_version=version)


def run(args):
    from django.core import mail
    from django.db import connection
    from django.utils import timezone

    from alerts import collect, digests
    from alerts.models import SentItem

    now = timezone.now()
    topics, dossiers = setup_users(args.users, now - datetime.timedelta(days=1))
    publish_day(args.passages, topics, dossiers, now)
    connection.cursor().execute("ANALYZE")

    queries = Queries()
    with connection.execute_wrapper(queries):
        started = time.perf_counter()
        found = collect.collect()
        collect_seconds, collect_queries = time.perf_counter() - started, queries.count
        waiting = digests.users_waiting("daily")
        queries.count, started, mails = 0, time.perf_counter(), 0
        for user_id in waiting:
            mails += digests.send_digest(user_id=user_id, frequency="daily") is not None
            mail.outbox.clear()
        send_seconds, send_queries = time.perf_counter() - started, queries.count
    result = {
        "users": args.users,
        "monitors": args.users * MONITORS_PER_USER,
        "new_passages": args.passages,
        "items_found": found,
        "items_recorded": SentItem.objects.count(),
        "collect_seconds": round(collect_seconds, 2),
        "collect_queries": collect_queries,
        "mails_sent": mails,
        "send_seconds": round(send_seconds, 2),
        "ms_per_user": round(1000 * (collect_seconds + send_seconds) / max(mails, 1), 2),
        "send_ms_per_user": round(1000 * send_seconds / max(mails, 1), 2),
        "queries_per_user": round((collect_queries + send_queries) / max(mails, 1), 2),
        "send_queries_per_user": round(send_queries / max(mails, 1), 2),
    }
    out = ROOT / "bench" / "results" / "alerts_bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


if __name__ == "__main__":
    main()
