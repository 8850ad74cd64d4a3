"""Import speed: how close reading a letter comes to merely parsing its XML, and what storing it costs.

For every sample letter (samples/**/*.docx) this measures, as the median of N runs:

- floor: unzip and lxml-parse word/document.xml and word/footnotes.xml, nothing else;
- read+split: letters.docx.reader.read() and letters.docx.sections.split(), no database;
- import: letters.importing.store.import_letter() into PostgreSQL. Every run must import afresh:
  by default what a run wrote is deleted after it (not timed; the commit is timed), with
  --cleanup rollback each run happens in a transaction that is rolled back.

With --large it also builds a synthetic letter of 20,000 paragraphs in memory and times
read+split (with peak memory) and import for it.

Run from the repository root:

    DEBUG=1 .venv/bin/python bench/import_speed.py [--repeat N] [--database-url URL] [--large]
        [--large-repeat N] [--cleanup delete|rollback] [--recreate-database]
    DEBUG=1 .venv/bin/python bench/import_speed.py --celery 1000 [--workers 1,2]   # bulk, see celery_import.py

The database part uses its own database (default tkdossiers_bench), created and migrated
when missing. Results are printed and written to bench/results/import_speed.json.
"""

import argparse
import gc
import io
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import psycopg
from lxml import etree
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = ROOT / "samples"
SEED_LETTER = SAMPLES_DIR / "seed" / "verzamelbrief-2025D43420.docx"
RESULTS_FILE = ROOT / "bench" / "results" / "import_speed.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkdossiers_bench"
FLOOR_PARTS = ("word/document.xml", "word/footnotes.xml")
GIT_ARGS = {"cwd": ROOT, "capture_output": True, "text": True, "check": True, "timeout": 10}
RATIO_GOAL = 10.0
SEED_IMPORT_GOAL_MS = 60.0  # issue 16 (bench/README.md)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark reading, splitting and importing letters.")
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement; the median is reported")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="PostgreSQL database for the import")
    parser.add_argument("--large", action="store_true", help="also benchmark a synthetic 20,000-paragraph letter")
    parser.add_argument("--large-repeat", type=int, default=3, help="runs per measurement for --large")
    parser.add_argument(
        "--cleanup",
        choices=("delete", "rollback"),
        default="delete",
        help="undo each import by deleting what it wrote (timing includes the commit; default), "
        "or by rolling back a transaction around it (no commit)",
    )
    parser.add_argument(
        "--recreate-database", action="store_true", help="drop and recreate the benchmark database first"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.large_repeat < 1:
        parser.error("--repeat and --large-repeat must be at least 1")
    return args


# --- Setup -------------------------------------------------------------------------


def setup_django(database_url: str, *, recreate: bool) -> None:
    """Point Django at the benchmark database (before settings load), create and migrate it."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script, sys.path[0] is bench/
    ensure_database(database_url, recreate=recreate)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    # As in production, where the web process hands Celery tasks to the workers: the topic
    # recount an import queues (letters.importing.counts) goes to the in-memory broker, unrun. Its cost
    # is measured on its own (recount_ms) and, with real workers, by --celery.
    from tkdossiers.celery import app

    app.conf.task_always_eager = False


def ensure_database(url: str, *, recreate: bool) -> None:
    """Create the database of a postgres:// URL if it does not exist yet (after dropping it, if asked)."""
    if not url.startswith(("postgres://", "postgresql://")):
        return
    name = conninfo_to_dict(url).get("dbname")
    if not name:
        raise SystemExit(f"--database-url names no database: {url}")
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as connection:
        if recreate:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


# --- Timing ------------------------------------------------------------------------


def measure(run: Callable, repeat: int, after: Callable | None = None) -> list[float]:
    """Milliseconds of `repeat` runs; `after` gets each run's result and is not timed."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        samples.append((time.perf_counter() - start) * 1000)
        if after is not None:
            after(result)
    return samples


def summary(samples: list[float]) -> dict:
    return {
        "median_ms": round(statistics.median(samples), 3),
        "min_ms": round(min(samples), 3),
        "max_ms": round(max(samples), 3),
        "runs": len(samples),
    }


# --- What is measured ----------------------------------------------------------------


def floor(content: bytes) -> None:
    """The least any reader must do: unzip and parse the two parts with text."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        for name in FLOOR_PARTS:
            if name in names:
                etree.fromstring(archive.read(name))


def read_and_split(content: bytes, filename: str):
    from letters.docx.reader import read
    from letters.docx.sections import split

    parsed = read(content, filename)
    return parsed, split(parsed.blocks)


def import_once(content: bytes, filename: str):
    """One full import; anything but a fresh import means the numbers would be wrong."""
    from letters.importing.store import Outcome, import_letter
    from letters.models import Source

    result = import_letter(content=content, filename=filename, source=Source.COMMAND)
    if result.outcome == Outcome.FAILED:
        raise SystemExit(f"{filename}: the import failed: {result.reason}")
    if result.outcome == Outcome.NEW_VERSION:
        result.version.delete()  # leave the letter that was already there as it was
    if result.outcome != Outcome.IMPORTED:
        raise SystemExit(
            f"{filename}: import gave {result.outcome.value!r}, the database already holds this letter; "
            "use an empty database (--database-url) so every run imports afresh"
        )
    return result


def delete_import(result) -> None:
    """Remove the letter one import created; its versions take their sections and footnotes along."""
    from django.db.models import ProtectedError

    from letters.models import LetterVersion

    try:
        LetterVersion.objects.filter(letter=result.letter).delete()
        result.letter.delete()
    except ProtectedError as exc:
        raise SystemExit(f"cannot delete the imported letter ({exc.args[0]}); try --cleanup rollback") from None


def import_rolled_back(content: bytes, filename: str):
    """One full import inside a transaction that is rolled back: nothing stays, nothing is committed."""
    from django.db import transaction

    with transaction.atomic():
        result = import_once(content, filename)
        transaction.set_rollback(True)
    return result


def import_runner(cleanup: str, content: bytes, filename: str) -> tuple[Callable, Callable | None]:
    """The timed import and the untimed clean-up after it."""
    if cleanup == "rollback":
        return lambda: import_rolled_back(content, filename), None
    return lambda: import_once(content, filename), delete_import


def count_queries(run: Callable, after: Callable | None) -> int:
    """SQL statements one import sends (an extra, untimed run)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # the log keeps 9,000 statements; when full, its length no longer grows
    with CaptureQueriesContext(connection) as context:
        result = run()
    if after is not None:
        after(result)
    return len(context.captured_queries)


def vacuum() -> None:
    """Clear the dead rows earlier runs' clean-ups left (untimed): a live database's autovacuum
    does this, and index scans over thousands of dead citations slowed the counts of later runs."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")


def bench_letter(path: Path, repeat: int, cleanup: str) -> dict:
    vacuum()
    content = path.read_bytes()
    parsed, sections = read_and_split(content, path.name)
    run_import, undo_import = import_runner(cleanup, content, path.name)
    floor_ms = summary(measure(lambda: floor(content), repeat))
    read_split_ms = summary(measure(lambda: read_and_split(content, path.name), repeat))
    import_ms = summary(measure(run_import, repeat, after=undo_import))
    return {
        "file": str(path.relative_to(SAMPLES_DIR)),
        "kb": round(len(content) / 1024, 1),
        "blocks": len(parsed.blocks),
        "sections": len(sections),
        "footnotes": len(parsed.footnotes),
        "floor": floor_ms,
        "read_split": read_split_ms,
        "ratio": round(read_split_ms["median_ms"] / floor_ms["median_ms"], 1),
        "import": import_ms,
        "queries": count_queries(run_import, undo_import),
    }


# --- A synthetic large letter ----------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    XML_HEAD + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{R_NS}/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
WORDS = (
    "het kabinet de Kamer motie toezegging brief minister staatssecretaris onderzoek rapport uitvoering "
    "wetsvoorstel begroting gemeenten provincies burgers zorg onderwijs veiligheid justitie woningbouw "
    "stikstof energie klimaat asiel migratie arbeidsmarkt pensioenen toeslagen herstel evaluatie advies "
    "Raad van State consultatie planning voortgang maatregelen middelen regeling beleid informatie over "
    "met voor naar in op aan en of bij door dat deze worden wordt heeft hebben zal kunnen nader ook"
).split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _sentence(rng: random.Random) -> str:
    text = _words(rng, rng.randint(8, 22))
    return text[0].upper() + text[1:] + "."


def _run(text: str, properties: str = "") -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _heading(text: str) -> str:
    return f"<w:p>{_run(text, '<w:rPr><w:b/></w:rPr>')}</w:p>"


def _body_paragraph(rng: random.Random, footnote_id: int | None) -> str:
    first, rest = _sentence(rng), " ".join(_sentence(rng) for _ in range(rng.randint(0, 3)))
    marker = "" if footnote_id is None else f'<w:r>{SUPERSCRIPT}<w:footnoteReference w:id="{footnote_id}"/></w:r>'
    return f"<w:p>{_run(first)}{marker}{_run(' ' + rest) if rest else ''}</w:p>"


def _footnote(rng: random.Random, footnote_id: int) -> str:
    return (
        f'<w:footnote w:id="{footnote_id}"><w:p><w:r>{SUPERSCRIPT}<w:footnoteRef/></w:r>'
        f"{_run(' Kamerstukken II ' + str(2020 + footnote_id % 6) + ', ' + _sentence(rng))}</w:p></w:footnote>"
    )


def build_large_docx(paragraphs: int = 20_000, seed: int = 43420) -> tuple[bytes, dict]:
    """A valid WordprocessingML package: bold headings every ~20 paragraphs, some footnotes."""
    rng = random.Random(seed)
    body, notes = [], []
    headings, next_heading = 0, 0
    for index in range(paragraphs):
        if index == next_heading:
            headings += 1
            body.append(_heading(f"Onderdeel {headings} {_words(rng, rng.randint(2, 5))}"))
            next_heading = index + rng.randint(15, 25)
            continue
        footnote_id = len(notes) + 1 if rng.random() < 0.1 else None
        if footnote_id is not None:
            notes.append(_footnote(rng, footnote_id))
        body.append(_body_paragraph(rng, footnote_id))
    document = (
        XML_HEAD + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    footnotes = XML_HEAD + f'<w:footnotes xmlns:w="{W_NS}">{SEPARATORS}{"".join(notes)}</w:footnotes>'
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/footnotes.xml": footnotes,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue(), {"paragraphs": paragraphs, "footnotes": len(notes), "xml_mb": len(document) / 2**20}


def peak_memory(content: bytes, filename: str) -> dict:
    """Peak memory of one read+split: Python allocations (tracemalloc) and process RSS growth.

    tracemalloc sees Python objects only, not libxml2's trees; the RSS figure includes them.
    """
    rss_growth = rss_peak_growth_mb(lambda: read_and_split(content, filename))
    tracemalloc.start()
    try:
        read_and_split(content, filename)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"tracemalloc_peak_mb": round(peak / 2**20, 1), "rss_peak_growth_mb": rss_growth}


def rss_peak_growth_mb(run: Callable) -> float | None:
    """How far the process's peak RSS rises above its current RSS while run() runs (Linux only)."""
    gc.collect()
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current RSS
    except OSError:
        return None
    before = _proc_status_kb("VmRSS")
    run()
    return round((_proc_status_kb("VmHWM") - before) / 1024, 1)


def _proc_status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} missing from /proc/self/status")


def bench_large(repeat: int, cleanup: str) -> dict:
    filename = "synthetic-large-letter.docx"
    content, shape = build_large_docx()
    memory = peak_memory(content, filename)
    parsed, sections = read_and_split(content, filename)
    run_import, undo_import = import_runner(cleanup, content, filename)
    floor_ms = summary(measure(lambda: floor(content), repeat))
    read_split_ms = summary(measure(lambda: read_and_split(content, filename), repeat))
    import_ms = summary(measure(run_import, repeat, after=undo_import))
    return {
        "file": f"(synthetic) {filename}",
        "kb": round(len(content) / 1024, 1),
        "document_xml_mb": round(shape["xml_mb"], 1),
        "blocks": len(parsed.blocks),
        "sections": len(sections),
        "footnotes": len(parsed.footnotes),
        "floor": floor_ms,
        "read_split": read_split_ms,
        "ratio": round(read_split_ms["median_ms"] / floor_ms["median_ms"], 1),
        "import": import_ms,
        "memory": memory,
    }


# --- Reporting -----------------------------------------------------------------------

COLUMNS = (
    ("file", 70, lambda r: r["file"]),
    ("KB", 7, lambda r: f"{r['kb']:.1f}"),
    ("blocks", 7, lambda r: str(r["blocks"])),
    ("sect", 5, lambda r: str(r["sections"])),
    ("notes", 6, lambda r: str(r["footnotes"])),
    ("floor ms", 10, lambda r: f"{r['floor']['median_ms']:.2f}"),
    ("read+split ms", 14, lambda r: f"{r['read_split']['median_ms']:.2f}"),
    ("ratio", 7, lambda r: f"{r['ratio']:.1f}x"),
    ("import ms", 10, lambda r: f"{r['import']['median_ms']:.2f}"),
    ("queries", 8, lambda r: str(r.get("queries", "-"))),
)


def print_table(rows: list[dict]) -> None:
    print(_table_line(title for title, _, _ in COLUMNS))
    for row in rows:
        print(_table_line(cell(row) for _, _, cell in COLUMNS))


def _table_line(cells) -> str:
    """The first column left-aligned, the figures right-aligned."""
    widths = [width for _, width, _ in COLUMNS]
    return "  ".join(
        f"{text:<{width}}" if index == 0 else f"{text:>{width}}"
        for index, (text, width) in enumerate(zip(cells, widths, strict=True))
    )


def print_goals(rows: list[dict]) -> dict:
    over = [row for row in rows if row["ratio"] > RATIO_GOAL]
    seed_name = str(SEED_LETTER.relative_to(SAMPLES_DIR))
    seed_ms = next((row["import"]["median_ms"] for row in rows if row["file"] == seed_name), None)
    goals = {
        "ratio_within_10x": not over,
        "ratio_over_10x": [row["file"] for row in over],
        "seed_import_ms": seed_ms,
        "seed_import_under_150ms": seed_ms is not None and seed_ms < SEED_IMPORT_GOAL_MS,
    }
    over_names = f" (over: {', '.join(goals['ratio_over_10x'])})" if over else ""
    print(f"\nread+split within {RATIO_GOAL:.0f}x floor: {len(rows) - len(over)}/{len(rows)} letters{over_names}")
    if seed_ms is not None:
        verdict = "met" if goals["seed_import_under_150ms"] else "NOT met"
        print(f"import of {seed_name} under {SEED_IMPORT_GOAL_MS:.0f} ms: {verdict} ({seed_ms:.1f} ms)")
    return goals


def print_large(large: dict) -> None:
    memory, runs = large["memory"], large["import"]["runs"]
    rss = memory["rss_peak_growth_mb"]
    print(
        f"\nsynthetic letter: {large['blocks']} blocks, {large['sections']} sections, {large['footnotes']} footnotes, "
        f"{large['kb']:.0f} KB zipped, document.xml {large['document_xml_mb']} MB"
    )
    print(
        f"  floor {large['floor']['median_ms']:.0f} ms, read+split {large['read_split']['median_ms']:.0f} ms "
        f"({large['ratio']:.1f}x), import {large['import']['median_ms']:.0f} ms (median of {runs})"
    )
    print(
        f"  read+split peak memory: {memory['tracemalloc_peak_mb']} MB of Python objects (tracemalloc), "
        f"process peak RSS +{rss if rss is not None else 'n/a'} MB"
    )


def environment() -> dict:
    import django
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        server = cursor.fetchone()[0]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "machine": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "database": server,
        "debug": settings.DEBUG,
        "analysers": settings.LETTER_ANALYSERS,
        "code": code_version(),
    }


def code_version() -> str:
    """The commit measured, marked "+dirty" when the working tree has changes (read-only git calls)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], **GIT_ARGS).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], **GIT_ARGS).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def write_results(data: dict) -> None:
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresults written to {RESULTS_FILE.relative_to(ROOT)}")


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if any(arg.startswith("--celery") for arg in argv):  # bulk import through Celery workers
        import celery_import

        return celery_import.main(argv)
    args = parse_args(argv)
    setup_django(args.database_url, recreate=args.recreate_database)
    letters = sorted(SAMPLES_DIR.rglob("*.docx"))
    print(f"{len(letters)} letters, median of {args.repeat} runs each, imports undone by {args.cleanup}\n")
    rows = [bench_letter(path, args.repeat, args.cleanup) for path in letters]
    print_table(rows)
    data = {
        "environment": environment(),
        "repeat": args.repeat,
        "cleanup": args.cleanup,
        "letters": rows,
        "goals": print_goals(rows),
    }
    if args.large:
        data["large"] = bench_large(args.large_repeat, args.cleanup)
        print_large(data["large"])
    write_results(data)


if __name__ == "__main__":
    main()
