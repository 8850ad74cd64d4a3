"""Page speed at scale: server time and SQL queries of the main pages on a synthetic corpus.

Fills a dedicated PostgreSQL database (default tkdossiers_pages) with N synthetic letters
(`generate(letters=N)` of bench/generate_corpus.py), then requests each page with Django's
test Client, logged in as a clerk (group Griffie, TKD_PUBLIC_READ off), and reports the
median time of --repeat runs and the number of queries of one run. Two CSV exports of about 10,000 rows
are streamed and consumed, with their peak Python memory (tracemalloc), to show that
memory stays flat. The same is done on a smaller corpus (--small, in a second database,
in a child process) to show whether query counts depend on the corpus size.

For every page that misses its goal the slowest queries are run again with EXPLAIN
ANALYZE; the plans go to bench/results/pages-explain.txt, all figures to
bench/results/pages.json.

Run from the repository root:

    DEBUG=1 .venv/bin/python bench/pages.py [--letters 20000] [--small 2000] [--repeat 15]
        [--database-url URL] [--reuse] [--seed 1]
"""

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
RESULTS_FILE = RESULTS_DIR / "pages.json"
EXPLAIN_FILE = RESULTS_DIR / "pages-explain.txt"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tkdossiers_pages"
OWN_PREFIX = "tkdossiers_pages"  # databases this script may drop without asking
GIT_ARGS = {"cwd": ROOT, "capture_output": True, "text": True, "check": True, "timeout": 10}

PAGE_GOAL_MS = 50.0
SEARCH_GOAL_MS = 150.0
EXPORT_ROWS = 10_000
# The same export at half the rows, both well above the views' iterator chunk of 2,000 rows:
# streamed, the peak memory must not grow with the rows.
EXPORT_HALF_ROWS = 5_000
MEMORY_FLAT_RATIO = 1.5  # peak at EXPORT_ROWS at most this times the peak at EXPORT_HALF_ROWS
WARMUP = 2
SLOWEST_QUERIES = 3
USERNAME = "bench-griffie"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark page speed and query counts on a synthetic corpus.")
    parser.add_argument("--letters", type=int, default=20_000, help="letters in the corpus (default 20000)")
    parser.add_argument(
        "--small", type=int, default=2_000, help="also measure a corpus of this many letters (0: skip; default 2000)"
    )
    parser.add_argument("--repeat", type=int, default=15, help="requests per page; the median is reported")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="PostgreSQL database for the corpus")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database and its corpus when it has the right number of letters (default: recreate)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed for generate_corpus")
    parser.add_argument("--output", help=argparse.SUPPRESS)  # child mode: write this size's figures here
    args = parser.parse_args(argv)
    if args.letters < 1 or args.repeat < 1 or args.small < 0:
        parser.error("--letters and --repeat must be at least 1, --small at least 0")
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must be a postgres:// URL")
    return args


# --- Database and corpus ---------------------------------------------------------------------


def database_name(url: str) -> str:
    name = conninfo_to_dict(url).get("dbname")
    if not name:
        raise SystemExit(f"--database-url names no database: {url}")
    return name


def database_exists(url: str) -> bool:
    with psycopg.connect(make_conninfo(url, dbname="postgres")) as connection:
        query = "SELECT 1 FROM pg_database WHERE datname = %s"
        return connection.execute(query, [database_name(url)]).fetchone() is not None


def letters_in(url: str) -> tuple[int, int]:
    """Letters in an existing database, and how many of them generate_corpus did not make."""
    with psycopg.connect(url) as connection:
        if connection.execute("SELECT to_regclass('letters_letter')").fetchone()[0] is None:
            return 0, 0
        query = "SELECT count(*), count(*) FILTER (WHERE identity NOT LIKE 'synthetic:%%') FROM letters_letter"
        return connection.execute(query).fetchone()


def may_drop(url: str, letters: int, real: int) -> bool:
    """Only this script's own databases: by name, or holding nothing but a synthetic corpus."""
    return database_name(url).startswith(OWN_PREFIX) or (letters > 0 and real == 0)


def recreate_database(url: str) -> None:
    name = sql.Identifier(database_name(url))
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    print(f"created database {database_name(url)}")


def setup_django(url: str, letters: int, *, reuse: bool, seed: int) -> float | None:
    """Point Django at the corpus database, fill it if needed; the seconds generating took, if it did."""
    os.environ["DATABASE_URL"] = url
    os.environ["TKD_PUBLIC_READ"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # run as a script, sys.path[0] is bench/
    exists = database_exists(url)
    existing, real = letters_in(url) if exists else (0, 0)
    fresh = not exists or not reuse or existing != letters
    if fresh and exists and not may_drop(url, existing, real):
        raise SystemExit(
            f"{database_name(url)} is not a database of this benchmark ({existing:,} letters, {real:,} not "
            f"synthetic): not dropping it. Use a name starting with {OWN_PREFIX}."
        )
    if fresh:
        recreate_database(url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if not fresh:
        print(f"reusing {database_name(url)} with {existing:,} letters")
        return None
    from bench.generate_corpus import generate

    started = time.perf_counter()
    generate(letters=letters, seed=seed)
    vacuum_analyze()
    return round(time.perf_counter() - started, 1)


def vacuum_analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def corpus_counts() -> dict:
    from django.db import connection

    from commitments.models import Commitment, Motion
    from letters.models import Footnote, Letter, LetterVersion, Reference, Section, TopicTag
    from tkdossiers.models import Dossier, Kamerstuk

    models = [Letter, LetterVersion, Section, Footnote, Reference, TopicTag, Dossier, Kamerstuk, Motion, Commitment]
    counts = {model._meta.db_table: model.objects.count() for model in models}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        counts["database_size"] = cursor.fetchone()[0]
    counts["motions_awaiting_review"] = Motion.objects.awaiting_review().count()
    counts["commitments_overdue"] = Commitment.objects.overdue().count()
    return counts


# --- What is requested ---------------------------------------------------------------------------


def targets() -> dict:
    """The busiest topic and dossier, a year, search words and export filters of about EXPORT_ROWS rows."""
    from django.db.models import Count, Max

    from bench.generate_corpus import COMMON_WORD, RARE_WORDS
    from letters.models import SHOWN_SOURCES, Letter, Reference, Section, TopicTag
    from tkdossiers.models import Dossier

    topic = (
        TopicTag.objects.filter(source__in=SHOWN_SOURCES, section__version__is_current=True)
        .values_list("topic__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    busiest = (
        Reference.objects.filter(kamerstuk__isnull=False, version__is_current=True)
        .values_list("kamerstuk__dossier")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    dossier = Dossier.objects.get(pk=busiest[0])
    listed = "29517" if Dossier.objects.filter(number="29517", toevoeging="").exists() else dossier.key
    return {
        "topic": topic[0],
        "dossier": dossier.key,
        "letter_dossier": listed,
        "year": Letter.objects.aggregate(d=Max("date"))["d"].year - 1,
        "common_word": COMMON_WORD,
        "rare_word": RARE_WORDS[0],
        "references_from": nth_newest_date(Reference.objects.current(), EXPORT_ROWS),
        "references_from_half": nth_newest_date(Reference.objects.current(), EXPORT_HALF_ROWS),
        "sections_from": nth_newest_date(Section.objects.current(), EXPORT_ROWS),
        "sections_from_half": nth_newest_date(Section.objects.current(), EXPORT_HALF_ROWS),
    }


def nth_newest_date(queryset, rows: int) -> str:
    """The letter date from which a list ordered newest first has at least `rows` rows."""
    dates = queryset.values_list("version__letter__date", flat=True)
    found = dates[rows - 1 : rows]
    return (found[0] if found else dates.order_by("version__letter__date")[0]).isoformat()


def pages(t: dict) -> list[dict]:
    return [
        page("topic", f"/onderwerpen/{t['topic']}/", PAGE_GOAL_MS),
        page("dossier", f"/dossiers/{t['dossier']}/", PAGE_GOAL_MS),
        page("letters of dossier and year", f"/brieven/?dossier={t['letter_dossier']}&year={t['year']}", PAGE_GOAL_MS),
        page("motion queue", "/moties/wachtrij/", PAGE_GOAL_MS),
        page("motions", "/moties/", PAGE_GOAL_MS),
        page("commitments", "/toezeggingen/", PAGE_GOAL_MS),
        page("search, common word", f"/zoeken/?q={t['common_word']}", SEARCH_GOAL_MS),
        page("search, rare word", f"/zoeken/?q={t['rare_word']}", SEARCH_GOAL_MS),
        page("home (extra)", "/", PAGE_GOAL_MS),
        page("topic index (extra)", "/onderwerpen/", PAGE_GOAL_MS),
    ]


def page(name: str, url: str, goal_ms: float) -> dict:
    return {"name": name, "url": url, "goal_ms": goal_ms}


def exports(t: dict) -> list[dict]:
    from letters.models import Reference, Section

    references = Reference.objects.current().filter
    sections = Section.objects.current().filter
    return [
        {
            "name": "references CSV",
            "url": f"/verwijzingen.csv?date_from={t['references_from']}",
            "half_url": f"/verwijzingen.csv?date_from={t['references_from_half']}",
            "rows": references(version__letter__date__gte=t["references_from"]).count(),
            "half_rows": references(version__letter__date__gte=t["references_from_half"]).count(),
        },
        {
            "name": "passages CSV",
            "url": f"/passages.csv?date_from={t['sections_from']}",
            "half_url": f"/passages.csv?date_from={t['sections_from_half']}",
            "rows": sections(version__letter__date__gte=t["sections_from"]).count(),
            "half_rows": sections(version__letter__date__gte=t["sections_from_half"]).count(),
        },
    ]


# --- Measuring -------------------------------------------------------------------------------------


def logged_in_client():
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from tkdossiers.roles import CLERKS

    user, _ = User.objects.get_or_create(username=USERNAME)
    user.groups.add(Group.objects.get(name=CLERKS))
    client = Client()
    client.force_login(user)
    return client


def fetch(client, url: str) -> tuple[int, int]:
    """Status and size of the whole response, a streamed one consumed to its end."""
    response = client.get(url)
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
        response.close()
        return response.status_code, size
    return response.status_code, len(response.content)


def timed(client, url: str, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fetch(client, url)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def captured(client, url: str) -> tuple[int, int, list[dict]]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # the query log holds at most 9,000 entries; a full one would capture nothing
    with CaptureQueriesContext(connection) as context:
        status, size = fetch(client, url)
    return status, size, context.captured_queries


def measure_page(client, spec: dict, repeat: int) -> dict:
    try:
        timed(client, spec["url"], WARMUP)
        status, size, queries = captured(client, spec["url"])
        samples = timed(client, spec["url"], repeat)
    except Exception as exc:  # a page broken by work in progress must not stop the others
        return {**spec, "error": f"{type(exc).__name__}: {exc}"}
    median = statistics.median(samples)
    result = {
        **spec,
        "status": status,
        "bytes": size,
        "median_ms": round(median, 1),
        "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1),
        "queries": len(queries),
        "meets_goal": status == 200 and median <= spec["goal_ms"],
    }
    if not result["meets_goal"]:
        result["slowest_queries"] = slowest(queries)
    return result


def slowest(queries: list[dict]) -> list[dict]:
    selects = [q for q in queries if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]
    selects.sort(key=lambda q: float(q["time"]), reverse=True)
    return [{"ms": round(float(q["time"]) * 1000, 1), "sql": q["sql"]} for q in selects[:SLOWEST_QUERIES]]


def measure_export(client, spec: dict, repeat: int) -> dict:
    try:
        fetch(client, spec["url"])
        samples = timed(client, spec["url"], repeat)
        status, size, queries = captured(client, spec["url"])
        peak, half_peak = traced_peak(client, spec["url"]), traced_peak(client, spec["half_url"])
    except Exception as exc:
        return {**spec, "error": f"{type(exc).__name__}: {exc}"}
    return {
        **spec,
        "status": status,
        "bytes": size,
        "median_ms": round(statistics.median(samples), 1),
        "min_ms": round(min(samples), 1),
        "queries": len(queries),
        "peak_mib": round(peak / 2**20, 2),
        "half_peak_mib": round(half_peak / 2**20, 2),
        "memory_flat": peak <= MEMORY_FLAT_RATIO * half_peak,
    }


def traced_peak(client, url: str) -> int:
    """Peak Python memory while one export is requested and consumed, above what was allocated before."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        fetch(client, url)
        return tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()


def explain(result: dict) -> str:
    """EXPLAIN ANALYZE of the slowest queries of a page that missed its goal."""
    from django.db import connection

    lines = [
        f"== {result['name']}: {result['url']}",
        f"median {result['median_ms']} ms, {result['queries']} queries",
        "",
    ]
    for query in result.get("slowest_queries", []):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            plan = "\n".join(row[0] for row in cursor.fetchall())
        lines += [f"-- {query['ms']} ms when captured", query["sql"], "", plan, ""]
    return "\n".join(lines)


def run_size(args: argparse.Namespace) -> dict:
    """Everything for one corpus size, in this process."""
    generated = setup_django(args.database_url, args.letters, reuse=args.reuse, seed=args.seed)
    if generated is None:
        vacuum_analyze()
    t = targets()
    client = logged_in_client()
    page_results = []
    for spec in pages(t):
        page_results.append(measure_page(client, spec, args.repeat))
        print(f"  {line_of(page_results[-1])}")
    export_results = []
    for spec in exports(t):
        export_results.append(measure_export(client, spec, max(3, args.repeat // 3)))
        print(f"  {line_of(export_results[-1])}")
    recount = recount_times()
    print(f"  kept counts: topic recount {recount['topics_ms']:.0f} ms, rebuilding all {recount['all_ms']:.0f} ms")
    misses = [r for r in page_results if "slowest_queries" in r]
    return {
        "letters": args.letters,
        "recount": recount,
        "database": database_name(args.database_url),
        "generate_seconds": generated,
        "corpus": corpus_counts(),
        "targets": t,
        "pages": page_results,
        "exports": export_results,
        "explain": "\n".join(explain(r) for r in misses),
    }


def recount_times() -> dict:
    """What the kept counts (letters.importing.counts) cost at this size: the topic recount a Celery
    worker runs after changes (median of 3), and `manage.py recount` (once)."""
    from letters.importing import counts
    from letters.topics import recount

    topics = []
    for _ in range(3):
        started = time.perf_counter()
        recount.recount_topics()
        topics.append(1000 * (time.perf_counter() - started))
    started = time.perf_counter()
    counts.recount_all()
    return {"topics_ms": round(statistics.median(topics), 1), "all_ms": round(1000 * (time.perf_counter() - started))}


def line_of(result: dict) -> str:
    if "error" in result:
        return f"{result['name']}: ERROR {result['error']}"
    extra = ""
    if "peak_mib" in result:
        extra = f", {result['rows']:,} rows, peak {result['peak_mib']} MiB ({result['half_rows']:,} rows: "
        extra += f"{result['half_peak_mib']} MiB)"
    return f"{result['name']}: {result['median_ms']} ms, {result['queries']} queries{extra}"


def run_child(args: argparse.Namespace) -> dict:
    """The smaller corpus in its own database and process (Django is set up once per process)."""
    parts = urlsplit(args.database_url)
    url = urlunsplit(parts._replace(path=f"/{database_name(args.database_url)}_small"))
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "small.json"
        command = [sys.executable, __file__, "--letters", str(args.small), "--small", "0"]
        command += ["--repeat", str(args.repeat), "--database-url", url, "--seed", str(args.seed)]
        command += ["--output", str(output)] + (["--reuse"] if args.reuse else [])
        print(f"--- {args.small:,} letters (child process)")
        subprocess.run(command, check=True)
        return json.loads(output.read_text())


# --- Report ------------------------------------------------------------------------------------------


def environment() -> dict:
    import django
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "memory": memory_total(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": server,
        "debug": settings.DEBUG,
        "public_read": settings.TKD_PUBLIC_READ,
        "commit": git_commit(),
    }


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], **GIT_ARGS).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], **GIT_ARGS).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return commit + ("+dirty" if dirty else "")


def verdicts(sizes: list[dict]) -> dict:
    """Per page: goal met at the largest size, and the same query count at every size."""
    largest = sizes[-1]
    result = {}
    for index, item in enumerate(largest["pages"]):
        counts = {size["letters"]: size["pages"][index].get("queries") for size in sizes}
        result[item["name"]] = {
            "meets_goal": item.get("meets_goal", False),
            "queries_independent_of_n": len(set(counts.values())) == 1,
            "queries": counts,
        }
    for index, item in enumerate(largest["exports"]):
        counts = {size["letters"]: size["exports"][index].get("queries") for size in sizes}
        result[item["name"]] = {
            "memory_flat": all(size["exports"][index].get("memory_flat") for size in sizes),
            "queries_independent_of_n": len(set(counts.values())) == 1,
            "queries": counts,
        }
    return result


def table(sizes: list[dict]) -> str:
    header = "| page | " + " | ".join(f"ms N={s['letters']:,} | queries N={s['letters']:,}" for s in sizes)
    header += " | goal ms | verdict |"
    lines = [header, "|" + " --- |" * (2 + 2 * len(sizes)) + " --- |"]
    checks = verdicts(sizes)
    for index, item in enumerate(sizes[-1]["pages"]):
        cells = [cell(size["pages"][index]) for size in sizes]
        check = checks[item["name"]]
        verdict = ("ok" if check["meets_goal"] else "MISS") + (
            "" if check["queries_independent_of_n"] else ", queries grow"
        )
        lines.append(f"| {item['name']} | " + " | ".join(cells) + f" | {item['goal_ms']:.0f} | {verdict} |")
    for index, item in enumerate(sizes[-1]["exports"]):
        cells = [export_cell(size["exports"][index]) for size in sizes]
        check = checks[item["name"]]
        verdict = "memory flat" if check["memory_flat"] else "MEMORY GROWS"
        verdict += "" if check["queries_independent_of_n"] else ", queries grow"
        lines.append(f"| {item['name']} | " + " | ".join(cells) + f" | – | {verdict} |")
    return "\n".join(lines)


def cell(result: dict) -> str:
    if "error" in result:
        return "error | –"
    return f"{result['median_ms']:.1f} | {result['queries']}"


def export_cell(result: dict) -> str:
    if "error" in result:
        return "error | –"
    peaks = f"peak {result['peak_mib']} MiB, {result['half_rows']:,} rows {result['half_peak_mib']} MiB"
    return f"{result['median_ms']:.0f} ({result['rows']:,} rows; {peaks}) | {result['queries']}"


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.output:
        Path(args.output).write_text(json.dumps(run_size(args), default=str))
        return
    sizes = [run_child(args)] if args.small else []
    print(f"--- {args.letters:,} letters")
    sizes.append(run_size(args))
    sizes.sort(key=lambda size: size["letters"])
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "environment": environment(),
        "goals": {"page_ms": PAGE_GOAL_MS, "search_ms": SEARCH_GOAL_MS, "export_peak_ratio": MEMORY_FLAT_RATIO},
        "verdicts": verdicts(sizes),
        "sizes": {str(size["letters"]): {k: v for k, v in size.items() if k != "explain"} for size in sizes},
    }
    RESULTS_FILE.write_text(json.dumps(report, indent=2, default=str) + "\n")
    explained = [f"##### {size['letters']:,} letters\n\n{size['explain']}" for size in sizes if size["explain"]]
    EXPLAIN_FILE.write_text("\n".join(explained) or "Every page met its goal.\n")
    print()
    print(table(sizes))
    print(f"\nwritten: {RESULTS_FILE.relative_to(ROOT)}, {EXPLAIN_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
