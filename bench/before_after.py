"""The reader or the importer of an earlier commit against the working tree, interleaved in one process.

    .venv/bin/python bench/before_after.py read --before 5fa3ec8 [--repeat 40]
    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/before_after.py import --before 5fa3ec8 \\
        --database-url postgres://postgres@127.0.0.1:5432/tkdossiers_before_after [--repeat 60]

On a shared machine a figure from one run and a figure from the next differ by more than most
changes do; run alternately in one process (floor, before, after, floor, before, after, ...),
both sides see the same busy moments.

- read: `letters/docx/` of the commit (`git show`) is loaded under another package name; for every
  sample letter the floor (unzip and parse word/document.xml and footnotes.xml), read+split before
  and after. Both sides use their own sections.py.
- import: `letters/importing/store.py` of the commit is loaded beside the current one (everything
  it imports is the current code: the analysers, counts, tagging); the seed letter is imported by
  each in turn inside a transaction that is rolled back, and the statements are counted. The
  database is created and migrated when missing and is only ever rolled back.
"""

import argparse
import importlib.util
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import at_commit  # noqa: E402 - needs ROOT on the path

FLOOR_PARTS = ("word/document.xml", "word/footnotes.xml")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["read", "import"])
    parser.add_argument("--before", required=True, help="the commit to compare with")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkdossiers_before_after")
    return parser.parse_args(argv)


def interleaved(runs: dict, repeat: int) -> dict:
    samples = {name: [] for name in runs}
    for run in runs.values():
        run()
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(values), min(values)) for name, values in samples.items()}


def floor(content: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        for name in FLOOR_PARTS:
            if name in names:
                etree.fromstring(archive.read(name))


def old_docx(commit: str, folder: Path):
    """letters/docx/ of the commit as the package `before_docx`."""
    name = at_commit.package(commit, folder, "letters/docx", "before_docx")
    return importlib.import_module(f"{name}.reader"), importlib.import_module(f"{name}.sections")


def runs_of(content: bytes, filename: str, before, now) -> dict:
    def read_split(modules):
        reader, sections = modules
        return lambda: sections.split(reader.read(content, filename).blocks)

    return {"floor": lambda: floor(content), "before": read_split(before), "now": read_split(now)}


def compare_read(args) -> None:
    sys.path.insert(0, str(ROOT))
    from letters.docx import reader, sections

    with tempfile.TemporaryDirectory() as scratch:
        old_reader, old_sections = old_docx(args.before, Path(scratch))
        print("| file | floor ms | before ms | × floor | now ms | × floor | now / before |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for path in sorted((ROOT / "samples").rglob("*.docx")):
            content = path.read_bytes()
            found = interleaved(
                runs_of(content, path.name, (old_reader, old_sections), (reader, sections)), args.repeat
            )
            f, b, n = found["floor"][0], found["before"][0], found["now"][0]
            name = path.relative_to(ROOT / "samples")
            print(f"| {name} | {f:.2f} | {b:.1f} | {b / f:.1f}x | {n:.1f} | {n / f:.1f}x | {n / b:.2f} |")


class Rollback(Exception):
    pass


def compare_import(args) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from import_speed import ensure_database

    ensure_database(args.database_url, recreate=False)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from letters.importing import store
    from tkdossiers.celery import app

    call_command("migrate", verbosity=0)
    app.conf.task_always_eager = False  # the topic recount goes to the broker, as in production
    with tempfile.TemporaryDirectory() as scratch:
        old_path = Path(scratch) / "store_before.py"
        old_path.write_text(at_commit.source(args.before, "letters/importing/store.py"))
        spec = importlib.util.spec_from_file_location("letters.importing.store_before", old_path)
        before = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(before)
    content = (ROOT / "samples" / "seed" / "verzamelbrief-2025D43420.docx").read_bytes()
    counted = {}

    def once(module, name):
        with CaptureQueriesContext(connection) as queries:
            try:
                with transaction.atomic():
                    result = module.import_letter(content=content, filename="bench.docx", source="command")
                    if result.outcome != "imported":
                        raise SystemExit(f"{name}: {result.outcome} {result.reason}")
                    raise Rollback
            except Rollback:
                pass
        counted[name] = len(queries.captured_queries)

    found = interleaved({"before": lambda: once(before, "before"), "now": lambda: once(store, "now")}, args.repeat)
    for name, (median, low) in found.items():
        print(f"{name}: {counted[name]} statements, median {median:.1f} ms, min {low:.1f} ms")


def main(argv=None) -> None:
    args = parse_args(argv)
    compare_read(args) if args.what == "read" else compare_import(args)


if __name__ == "__main__":
    main()
