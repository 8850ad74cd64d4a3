"""Many users at once: Locust against gunicorn serving a big corpus on PostgreSQL.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/load_test.py \\
        --database-url postgres://postgres@127.0.0.1:5432/tkdossiers_pages [--users 50] [--run-time 3m] \\
        [--web-workers 5] [--redis-url redis://127.0.0.1:6379/12] [--label NAME]

The database must hold a corpus already (bench/pages.py or bench/generate_corpus.py fill one);
this script only adds two accounts (a policy officer and a clerk, without a password) with a
logged-in session per simulated user, and never changes letters. Then:

1. the targets: 2,000 current letters, every topic, the 40 most cited dossiers and 20 others,
   the last five years, and search words (common, rare and topic words of the corpus);
2. gunicorn with gunicorn.conf.py (`--web-workers` sets WEB_CONCURRENCY), DEBUG=0, its access
   log to bench/results/load-<label>-access.log;
3. Locust, headless: `--users` users (policy staff and clerks, 4 to 1; bench/locustfile.py)
   started at `--spawn-rate` a second, for `--run-time`; every user has its own session, requests
   a page and thinks 1 to 3 s, again and again;
4. the Locust HTML report `bench/results/load-<label>.html`, its CSV, and a summary table per
   page (requests/s, p50/p95/p99, errors) printed and written to `bench/results/load-<label>.json`,
   with the peak number of database connections seen during the run, the load average before and
   after, and per page the time a request took inside its gunicorn worker (the access log's
   %(M)s: the site's own time, without the wait in the backlog or the generator's).

It loads the machine fully for the run: run it on its own.
"""

import argparse
import csv
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VENV_BIN = Path(sys.executable).parent
GOALS = {"p95": 150, "p99": 400}
# The access log's request line and time (gunicorn.conf.py's access_log_format), and the page of a path.
ACCESS = re.compile(r'"GET (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) .* (?P<ms>\d+)ms ')
PAGES = [
    (re.compile(r"^/$"), "start page"),
    (re.compile(r"^/onderwerpen/"), "topic"),
    (re.compile(r"^/brieven/\d+/"), "letter"),
    (re.compile(r"^/dossiers/"), "dossier"),
    (re.compile(r"^/brieven/\?"), "letters of dossier and year"),
    (re.compile(r"^/zoeken/"), "search"),
    (re.compile(r"^/moties/wachtrij/"), "clerk's queue"),
]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkdossiers_pages")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--run-time", default="3m")
    parser.add_argument("--web-workers", type=int, default=None, help="WEB_CONCURRENCY (default: gunicorn.conf.py's)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--redis-url", default="", help="REDIS_URL for gunicorn (as in docker-compose: sessions read from the cache)"
    )
    parser.add_argument("--label", default="run")
    return parser.parse_args(argv)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sessions(users: int) -> dict:
    """A policy officer and a clerk, and `users` logged-in sessions of each (Django's session
    table, as a login through the form makes them): the run measures pages, not the password
    hash of 50 logins in its first seconds."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from tkdossiers.roles import CLERKS, POLICY_STAFF

    found = {}
    for role, username, group in (("reader", "load-beleid", POLICY_STAFF), ("clerk", "load-griffie", CLERKS)):
        user, _ = User.objects.get_or_create(username=username)
        user.set_unusable_password()
        user.save()
        user.groups.set([Group.objects.get(name=group)])
        found[role] = []
        for _ in range(users):
            client = Client()
            client.force_login(user)
            found[role].append(client.cookies["sessionid"].value)
    return found


def targets() -> dict:
    from django.db.models import Max

    from bench.generate_corpus import COMMON_WORD, RARE_WORDS
    from letters.models import Letter, LetterDossier, Topic
    from tkdossiers.models import Dossier

    letters = list(
        Letter.objects.filter(current_version__isnull=False).order_by("?").values_list("pk", flat=True)[:2000]
    )
    busiest = LetterDossier.objects.values_list("dossier", flat=True).order_by("-citations")[:2000]
    busy_ids = list(dict.fromkeys(busiest))[:40]
    dossiers = list(Dossier.objects.filter(pk__in=busy_ids)) + list(Dossier.objects.order_by("?")[:20])
    last = Letter.objects.aggregate(d=Max("date"))["d"].year
    topics = list(Topic.objects.values_list("slug", flat=True))
    words = [COMMON_WORD, *RARE_WORDS[:5], "meldkamer", "brandweer", "C2000", "motie", "ptss"]
    return {
        "letters": letters,
        "topics": topics,
        "dossiers": [d.key for d in dossiers],
        "years": list(range(last - 4, last + 1)),
        "words": words,
    }


def start_gunicorn(args, access_log: Path) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": args.database_url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only"),
        "SECURE_COOKIES": "0",  # plain http on 127.0.0.1
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "WARNING",
    }
    if args.web_workers:
        env["WEB_CONCURRENCY"] = str(args.web_workers)
    env.pop("REDIS_URL", None)
    if args.redis_url:
        env |= {"REDIS_URL": args.redis_url, "CELERY_QUEUE": "load-test"}  # nothing is queued by reading
    log = access_log.open("w")
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "-c", "gunicorn.conf.py", "tkdossiers.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/inloggen/", timeout=5) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"gunicorn did not answer in 60 s; see {access_log}")


def watch_connections(database_url: str, stop: threading.Event, peak: dict) -> None:
    """The most connections to the database seen at once, sampled every second."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        while not stop.wait(1):
            count = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]).fetchone()
            peak["connections"] = max(peak.get("connections", 0), count[0])


def run_locust(args, targets_file: Path, prefix: Path) -> None:
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        args.run_time,
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--html",
        str(prefix.with_suffix(".html")),
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    subprocess.run(command, cwd=ROOT, env=os.environ | {"LOAD_TARGETS": str(targets_file)}, check=False)


def summary(prefix: Path) -> list[dict]:
    rows = []
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        for row in csv.DictReader(stats):
            rows.append(
                {
                    "page": row["Name"] if row["Name"] != "Aggregated" else "all requests",
                    "requests": int(row["Request Count"]),
                    "errors": int(row["Failure Count"]),
                    "rps": float(row["Requests/s"]),
                    "p50": float(row["50%"]),
                    "p95": float(row["95%"]),
                    "p99": float(row["99%"]),
                    "max": float(row["Max Response Time"]),
                }
            )
    return rows


def worker_times(access_log: Path) -> dict:
    """Per page: requests, mean and median ms inside the worker, from gunicorn's access log."""
    times = {}
    for line in access_log.read_text(encoding="utf-8", errors="replace").splitlines():
        found = ACCESS.search(line)
        if not found:
            continue
        page = next((name for pattern, name in PAGES if pattern.search(found["path"])), None)
        if page:
            times.setdefault(page, []).append(int(found["ms"]))
            times.setdefault("all requests", []).append(int(found["ms"]))
    order = [name for _, name in PAGES] + ["all requests"]
    return {
        page: {"requests": len(ms), "mean": statistics.mean(ms), "median": statistics.median(ms)}
        for page, ms in sorted(times.items(), key=lambda item: order.index(item[0]))
    }


def worker_table(times: dict) -> str:
    lines = ["| page | requests | in worker: mean ms | median ms |", "| --- | ---: | ---: | ---: |"]
    for page, t in times.items():
        lines.append(f"| {page} | {t['requests']:,} | {t['mean']:.0f} | {t['median']:.0f} |")
    return "\n".join(lines)


def table(rows: list[dict]) -> str:
    lines = [
        "| page | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        ok = r["p95"] <= GOALS["p95"] and r["p99"] <= GOALS["p99"] and r["errors"] == 0
        lines.append(
            f"| {r['page']} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} "
            f"| {r['max']:.0f} | {r['errors']} | {'ok' if ok else 'MISS'} |"
        )
    return "\n".join(lines)


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django(args.database_url)
    RESULTS.mkdir(parents=True, exist_ok=True)
    prefix = RESULTS / f"load-{args.label}"
    access_log = Path(f"{prefix}-access.log")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        targets_file = Path(scratch) / "targets.json"
        found = targets()
        targets_file.write_text(json.dumps({**found, "sessions": sessions(args.users)}))
        from django.db import connections

        connections.close_all()
        gunicorn = start_gunicorn(args, access_log)
        stop, peak = threading.Event(), {}
        watcher = threading.Thread(target=watch_connections, args=(args.database_url, stop, peak), daemon=True)
        watcher.start()
        try:
            run_locust(args, targets_file, prefix)
        finally:
            stop.set()
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=60)
    load_after = os.getloadavg()
    rows, times = summary(prefix), worker_times(access_log)
    print(table(rows))
    print(worker_table(times))
    print(f"peak database connections: {peak.get('connections')}")
    print(f"load average before {load_before[0]:.1f}, after {load_after[0]:.1f} (1 min)")
    result = {
        "args": vars(args),
        "rows": rows,
        "in_worker_ms": times,
        "load_before": load_before,
        "load_after": load_after,
        "peak_connections": peak.get("connections"),
        "goals": GOALS,
    }
    Path(f"{prefix}.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
