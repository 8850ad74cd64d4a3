"""Sync speed: recording N mixed SyncFeed entities from the fake Kamer, then their re-flood.

    DEBUG=1 .venv/bin/python -m bench.sync_bench [--entities 10000] [--page-size 250] [--repeat 3]
        [--database-url postgres://postgres@127.0.0.1:5432/tkd_sync_bench]

Publishes N mixed entities on the fake server (tests/kamer/fake_server/mixed.py: every kind, in
groups of twelve whose references point inside the group), then, in a fresh PostgreSQL database:

- sync: `kamer.sync.run` over every category, from nothing (a fresh database per repeat);
- re-flood: `tk.reflood()` re-sends every entity unchanged; `kamer.sync.run` again.

Reported per phase (median of --repeat runs): seconds, entities/s, ms per entity, SQL statements
(all, and the ones that write) per entity and per page. Beside them, in the same run, the floor:
the same feed pages only parsed by lxml (`etree.fromstring`), and parsed into records
(`kamer.tk.feed.parse_feed_page`), so that the ratios say how close the sync comes to what reading
the XML costs. The HTTP round trips to the fake server (on localhost, page pause 0) are inside the
sync's time. Figures go to stdout as a Markdown table and to bench/results/sync_bench.json.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkd_sync_bench"
GOAL_MS_PER_ENTITY = 2.0
WRITES = ("INSERT", "UPDATE", "DELETE")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=250, help="entries per feed page (the live feed: 250)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    import django

    django.setup()
    figures = measure(args)
    print(markdown(figures))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "sync_bench.json").write_text(json.dumps(figures, indent=1))


def fresh_database(url: str) -> None:
    import psycopg
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    name = url.rsplit("/", 1)[1]
    if not name.startswith("tkd_sync_bench"):
        raise SystemExit(f"refusing to drop {name!r}: only databases named tkd_sync_bench*")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    call_command("migrate", verbosity=0)


class StatementCounter:
    """A database execute wrapper: counts statements, the ones that write, and the ones that write
    anything but the sync's own bookkeeping (kamer_syncstate)."""

    def __init__(self):
        self.all = self.writes = self.mirror_writes = 0

    def __call__(self, execute, sql, params, many, context):
        self.all += 1
        if sql.lstrip().upper().startswith(WRITES):
            self.writes += 1
            self.mirror_writes += '"kamer_syncstate"' not in sql
        return execute(sql, params, many, context)


def timed_sync(client):
    from django.db import connection

    from kamer import sync

    counter = StatementCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        report = sync.run(client=client, max_pages=10_000)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "entries": report.entries, "pages": report.pages, **vars(counter)}


def feed_bodies(tk) -> list[bytes]:
    """Every page of every category, as the server sends it (for the floor)."""
    from kamer.tk import fields as tk_fields
    from kamer.tk.feed import parse_feed_page

    bodies = []
    for category in tk_fields.CATEGORIES:
        token = 0
        while True:
            body = tk.render_feed(category, token)
            page = parse_feed_page(body)
            if not page.entries:
                break
            bodies.append(body)
            if not page.has_more:
                break
            token = page.next_skiptoken
    return bodies


def floor(bodies: list[bytes]) -> dict:
    from lxml import etree

    from kamer.tk.feed import parse_feed_page

    started = time.perf_counter()
    for body in bodies:
        etree.fromstring(body)
    lxml_seconds = time.perf_counter() - started
    started = time.perf_counter()
    entries = sum(len(parse_feed_page(body).entries) for body in bodies)
    return {"lxml_seconds": lxml_seconds, "parse_seconds": time.perf_counter() - started, "entries": entries}


def measure(args) -> dict:
    from kamer.tk.client import TKClient
    from tests.kamer.fake_server import FakeTK
    from tests.kamer.fake_server.mixed import publish_mixed

    runs = {"sync": [], "reflood": [], "floor": []}
    for _ in range(args.repeat):  # each repeat: a fresh server and a fresh database
        with FakeTK(page_size=args.page_size) as tk:
            publish_mixed(tk, args.entities)
            client = TKClient(tk.base_url, timeout=30, page_pause=0)
            runs["floor"].append(floor(feed_bodies(tk)))
            fresh_database(args.database_url)
            runs["sync"].append(timed_sync(client))
            tk.reflood()
            runs["reflood"].append(timed_sync(client))
    return summarise(args, runs)


def summarise(args, runs) -> dict:
    def median(phase, key):
        return statistics.median(run[key] for run in runs[phase])

    figures = {"entities": args.entities, "page_size": args.page_size, "repeat": args.repeat}
    for phase in ("sync", "reflood"):
        entries, pages, seconds = median(phase, "entries"), median(phase, "pages"), median(phase, "seconds")
        figures[phase] = {
            "seconds": round(seconds, 3),
            "entries": entries,
            "pages": pages,
            "entities_per_s": round(entries / seconds),
            "ms_per_entity": round(1000 * seconds / entries, 3),
            "statements": median(phase, "all"),
            "writes": median(phase, "writes"),
            "mirror_writes": median(phase, "mirror_writes"),
            "statements_per_entity": round(median(phase, "all") / entries, 4),
            "statements_per_page": round(median(phase, "all") / pages, 2),
        }
    entries = median("floor", "entries")
    figures["floor"] = {
        "lxml_ms_per_entity": round(1000 * median("floor", "lxml_seconds") / entries, 4),
        "parse_ms_per_entity": round(1000 * median("floor", "parse_seconds") / entries, 4),
    }
    for phase in ("sync", "reflood"):
        figures[phase]["x_lxml"] = round(figures[phase]["ms_per_entity"] / figures["floor"]["lxml_ms_per_entity"], 1)
        figures[phase]["x_parse"] = round(figures[phase]["ms_per_entity"] / figures["floor"]["parse_ms_per_entity"], 1)
    figures["environment"] = environment()
    return figures


def environment() -> dict:
    import django
    import lxml
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "lxml": lxml.__version__,
        "postgresql": postgres,
    }


def markdown(figures: dict) -> str:
    rows = [
        "| phase | entities | pages | s | entities/s | ms/entity | × lxml parse | × our parse | statements "
        "| writes (of which not SyncState) | statements/entity | statements/page |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for phase in ("sync", "reflood"):
        p = figures[phase]
        rows.append(
            f"| {phase} | {p['entries']} | {p['pages']} | {p['seconds']} | {p['entities_per_s']} "
            f"| {p['ms_per_entity']} | {p['x_lxml']} | {p['x_parse']} | {p['statements']} "
            f"| {p['writes']} ({p['mirror_writes']}) "
            f"| {p['statements_per_entity']} | {p['statements_per_page']} |"
        )
    floor = figures["floor"]
    rows.append("")
    rows.append(
        f"Floor in the same run: lxml parse {floor['lxml_ms_per_entity']} ms/entity, "
        f"parse into records {floor['parse_ms_per_entity']} ms/entity. Goal: ≤ {GOAL_MS_PER_ENTITY} ms an entity."
    )
    return "\n".join(rows)


if __name__ == "__main__":
    main()
