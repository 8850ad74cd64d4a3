"""Bulk import from files: `manage.py import_letter DIR --workers W`, letters a second.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/bulk_import.py [--letters 600] [--workers 1,2,4]

For each worker count, in a fresh PostgreSQL database (`tkdossiers_bulk_bench`, --database-url):
N files are written to a temporary folder, the seed letter and the five real letters in turn, each
under its own document number in its file name and with its own bytes (a zip comment), so every
file is a new letter and gets the whole import (sections, footnotes, references, motions,
commitments, topics, search vectors). Timed: the command from start to exit, as a user runs it
(Django's start, the one topic recount at the end included). Then it is run again on the same
files (everything unchanged, nothing written) and the rows are counted to check that nothing is
lost or doubled. Writes bench/results/bulk_import.json.

On a shared machine letters a second follow the load; the CPU time each letter cost does not as
much: the command's processes (user + system, from the kernel's accounting of waited-for children)
and PostgreSQL's backends serving the benchmark database (read from /proc while they run).
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from celery_import import LETTERS, BackendCPU, variant  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkdossiers_bulk_bench"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=600)
    parser.add_argument("--workers", default="1,2,4", help="worker process counts, comma separated")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    return parser.parse_args(argv)


def fresh_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--verbosity", "0", url=url)


def manage(*arguments, url: str) -> subprocess.CompletedProcess:
    env = os.environ | {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tkdossiers.settings"}
    env.pop("REDIS_URL", None)  # the command's own recount, not a worker's
    command = [sys.executable, "manage.py", *arguments]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def write_files(folder: Path, letters: int) -> None:
    base = [path.read_bytes() for path in LETTERS]
    for index in range(letters):
        (folder / f"brief-2026D{10000 + index}.docx").write_bytes(variant(base[index % len(base)], index))


def rows(url: str) -> dict:
    import psycopg
    from psycopg import sql

    tables = ["letters_letter", "letters_letterversion", "letters_section", "letters_failedimport", "letters_topictag"]
    with psycopg.connect(url) as connection:
        count = sql.SQL("SELECT count(*) FROM {}")
        return {table: connection.execute(count.format(sql.Identifier(table))).fetchone()[0] for table in tables}


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(args, workers: int, folder: Path) -> dict:
    fresh_database(args.database_url)
    cpu_before, started = children_cpu_seconds(), time.perf_counter()
    with BackendCPU(args.database_url) as database:
        first = manage("import_letter", str(folder), "--workers", str(workers), url=args.database_url)
    seconds = time.perf_counter() - started
    command_cpu = children_cpu_seconds() - cpu_before
    after_first = rows(args.database_url)
    started = time.perf_counter()
    again = manage("import_letter", str(folder), "--workers", str(workers), url=args.database_url)
    return {
        "workers": workers,
        "seconds": round(seconds, 2),
        "letters_per_second": round(args.letters / seconds, 1),
        "cpu_ms_per_letter": {
            "command": round(1000 * command_cpu / args.letters, 1),
            "postgresql": round(1000 * database.seconds() / args.letters, 1),
        },
        "load": os.getloadavg(),
        "summary": first.stdout.strip().splitlines()[:1],
        "errors": first.stderr.strip().splitlines()[-3:] if first.returncode else [],
        "again_seconds": round(time.perf_counter() - started, 2),
        "again_summary": again.stdout.strip().splitlines()[:1],
        "rows": after_first,
        "rows_unchanged_by_second_run": rows(args.database_url) == after_first,
    }


def main(argv=None) -> None:
    args = parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_files(folder, args.letters)
        for workers in [int(n) for n in args.workers.split(",")]:
            print(f"{args.letters} files, --workers {workers} ...", flush=True)
            result = run_once(args, workers, folder)
            runs.append(result)
            print(
                f"  {result['seconds']} s, {result['letters_per_second']} letters/s, CPU ms a letter "
                f"{result['cpu_ms_per_letter']}, load {result['load'][0]:.1f}; {result['summary']}; "
                f"again: {result['again_seconds']} s, {result['again_summary']}, "
                f"rows unchanged: {result['rows_unchanged_by_second_run']}",
                flush=True,
            )
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    data = {"letters": args.letters, "cpus": os.cpu_count(), "load_before": os.getloadavg(), "runs": runs}
    (ROOT / "bench" / "results" / "bulk_import.json").write_text(json.dumps(data, indent=1))


if __name__ == "__main__":
    main()
