"""How long a sync of N SyncFeed entries takes against the fake Tweede Kamer, and where the time goes.

    DEBUG=1 .venv/bin/python bench/sync_speed.py [--entries 1000] [--page-pause 0.1] [--database-url URL]

Publishes N letters (small real .docx files) on the fake server, then measures, in one
fresh PostgreSQL database: reading the feed and recording every entry (sync.run), and
fetching + importing every letter (sync.fetch). Prints the time per phase, per entry and
the top functions by cumulative time (cProfile). Writes bench/results/sync_speed.json.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument(
        "--page-pause", type=float, default=0.1, help="seconds between feed pages (the live API's manners)"
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkdossiers_sync_bench")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    fresh_database(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    run(args)


def fresh_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def run(args):
    from kamer import sync
    from kamer.tk.client import TKClient
    from letters.models import LetterVersion, TKDocument
    from tests.docx_builder import build_docx, head_table, text_para
    from tests.kamer.fake_server import FakeTK

    with FakeTK(page_size=250) as tk:
        for index in range(args.entries):
            content = build_docx(
                head_table(f"{1 + index % 28} maart 2025", f"Voortgang meldkamers {index}"),
                text_para("Meldkamers", bold=True),
                text_para(f"De meldkamer {index} is gereed. Ik zal uw Kamer voor de zomer van 2026 informeren."),
            )
            tk.publish_document(content=content, document_nummer=f"2025D{10000 + index}", titel=f"Brief {index}")
        client = TKClient(tk.base_url, page_pause=args.page_pause)
        figures = {"entries_published": args.entries}
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        report = sync.run(client=client)
        profile.disable()
        figures["record_seconds"] = round(time.perf_counter() - started, 2)
        figures["feed_entries_read"] = report.entries
        figures["pages"] = report.pages
        record_profile = top(profile)
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        for document_id in report.queued:
            sync.fetch(document_id, client=client)
        profile.disable()
        figures["fetch_import_seconds"] = round(time.perf_counter() - started, 2)
        figures["versions"] = LetterVersion.objects.count()
        figures["imported"] = TKDocument.objects.filter(status="imported").count()
        fetch_profile = top(profile)
    figures["ms_per_entry_record"] = round(1000 * figures["record_seconds"] / max(report.entries, 1), 2)
    figures["ms_per_letter_fetch_import"] = round(
        1000 * figures["fetch_import_seconds"] / max(figures["imported"], 1), 1
    )
    print(json.dumps(figures, indent=1))
    print("\n== recording the feed: top functions by cumulative time\n" + record_profile)
    print("\n== fetching and importing: top functions by cumulative time\n" + fetch_profile)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "sync_speed.json").write_text(json.dumps(figures, indent=1))


def top(profile, limit=18) -> str:
    stream = io.StringIO()
    pstats.Stats(profile, stream=stream).strip_dirs().sort_stats("cumulative").print_stats(limit)
    return "\n".join(line for line in stream.getvalue().splitlines() if line.strip())[-3000:]


if __name__ == "__main__":
    main()
