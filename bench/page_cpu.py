"""CPU per page of the load test's mix, measured in one process, not under load.

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/page_cpu.py \\
        --database-url postgres://postgres@127.0.0.1:5432/tkdossiers_pages [--targets FILE] \\
        [--rounds 3] [--per-page 20] [--redis-url redis://127.0.0.1:6379/12] [--profile PAGE] [--label NAME]

The pages and their weights are bench/locustfile.py's (a policy officer's six pages; the clerk's
queue at the clerks' share). Each page is asked for `--per-page` different targets (letters,
topics, dossiers, years, words of the corpus), through Django's test Client logged in as a clerk
or a policy officer as the load test's users are, `--rounds` times after one warm-up round.
Per page it reports, per request: wall and CPU time of this process (`time.process_time`: the
Python side; PostgreSQL's work is in another process), time spent waiting for SQL, and queries.
The "mix" line weighs the pages as the load test asks for them: the CPU a request costs the
site on average, which with 50 users thinking 1-3 s (about 24 requests/s) must stay well under
the machine's cores.

`--targets FILE` keeps the targets: written when missing, read otherwise, so that two trees (the
working tree and a copy at an older commit) are measured on the same URLs; run them in turn.
`--profile PAGE` (or `all`) runs cProfile over that page's requests instead and prints where the
time goes: template rendering, the ORM building queries and objects, and waiting for SQL.
`--redis-url` measures with the cache and sessions in Redis, as docker-compose and load_test.py
run gunicorn. The cached fragments (letters.web.fragments) are only served again while no
transaction of the PostgreSQL server writes; on a shared server that is never for long, so
`--quiet-database` measures what they save on a server of its own (the warm-up round fills
them, the rounds measure the requests that find them). Figures go to bench/results/page_cpu-<label>.json.
"""

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# bench/locustfile.py: the reader's tasks by weight; clerks (1 user in 5) add the queue at 6.
READER_WEIGHTS = {"start page": 2, "topic": 3, "letter": 4, "dossier": 2, "letters of dossier and year": 1, "search": 2}
QUEUE_WEIGHT = 6
CLERK_SHARE = 1 / 5
# Where a profiled function's own time goes, by the file it is in (first match wins).
PARTS = [
    ("waiting for SQL", ("psycopg/", "psycopg_binary", "psycopg_c")),
    ("templates", ("django/template/", "django/templatetags/", "/templatetags/")),
    ("ORM", ("django/db/",)),
    ("project code", (str(ROOT),)),
    ("rest of Django, middleware", ("django/",)),
]


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkdossiers_pages")
    parser.add_argument("--targets", help="JSON file of targets: read if it exists, else written")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-page", type=int, default=20, help="different targets per page")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--profile", help="a page name, or all: cProfile instead of timing")
    parser.add_argument("--label", default="run")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--quiet-database",
        action="store_true",
        help="measure as on a database nobody writes to: letters.web.fragments sees one state throughout",
    )
    return parser.parse_args(argv)


def setup_django(args) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    os.environ.pop("REDIS_URL", None)
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def new_targets(per_page: int, seed: int) -> dict:
    """Targets as load_test.py picks them, `per_page` of each, reproducible."""
    from bench.load_test import targets

    found = targets()
    rng = random.Random(seed)
    pick = lambda items: [rng.choice(items) for _ in range(per_page)]  # noqa: E731
    pages = ["", "?pagina=2"]
    return {
        "start page": ["/"] * per_page,
        "topic": [f"/onderwerpen/{rng.choice(found['topics'])}/{rng.choice(pages)}" for _ in range(per_page)],
        "letter": [f"/brieven/{pk}/" for pk in pick(found["letters"])],
        "dossier": [f"/dossiers/{key}/" for key in pick(found["dossiers"])],
        "letters of dossier and year": [
            f"/brieven/?dossier={key}&year={rng.choice(found['years'])}" for key in pick(found["dossiers"])
        ],
        "search": [f"/zoeken/?q={word}" for word in pick(found["words"])],
        "clerk's queue": ["/moties/wachtrij/"] * per_page,
    }


def load_targets(args) -> dict:
    path = Path(args.targets) if args.targets else None
    if path and path.exists():
        return json.loads(path.read_text())
    found = new_targets(args.per_page, args.seed)
    if path:
        path.write_text(json.dumps(found, indent=1))
    return found


def clients() -> dict:
    """A logged-in test Client per role, the load test's two accounts."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from tkdossiers.roles import CLERKS, POLICY_STAFF

    found = {}
    for role, username, group in (("reader", "load-beleid", POLICY_STAFF), ("clerk", "load-griffie", CLERKS)):
        user, _ = User.objects.get_or_create(username=username)
        user.groups.set([Group.objects.get(name=group)])
        client = Client()
        client.force_login(user)
        found[role] = client
    return found


class SqlClock:
    """Time spent inside the database driver, and statements, for the connection it wraps; and
    the CPU time of the PostgreSQL backend serving that connection (same machine: /proc)."""

    def __init__(self):
        self.seconds, self.queries, self.backend = 0.0, 0, None

    def backend_cpu(self) -> float:
        """Seconds of CPU the backend process has used (0 when it cannot be read)."""
        if self.backend is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self.backend}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


def request(client, url: str, clock: SqlClock) -> dict:
    sql_before, queries_before, backend = clock.seconds, clock.queries, clock.backend_cpu()
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    backend = clock.backend_cpu() - backend
    if response.status_code != 200:
        raise SystemExit(f"{url}: status {response.status_code}")
    return {
        "wall": wall * 1000,
        "cpu": cpu * 1000,
        "sql": (clock.seconds - sql_before) * 1000,
        "db_cpu": backend * 1000,
        "queries": clock.queries - queries_before,
        "bytes": len(body),
    }


def role_of(page: str) -> str:
    return "clerk" if page == "clerk's queue" else "reader"


def measure(targets: dict, by_role: dict, rounds: int) -> dict:
    """Every page's targets in turn, round after round (a busy moment of the machine hits all pages)."""
    from django.db import connection

    clock = SqlClock()
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        clock.backend = cursor.fetchone()[0]
    samples = {page: [] for page in targets}
    with connection.execute_wrapper(clock):
        for round_number in range(rounds + 1):
            for page, urls in targets.items():
                for url in urls:
                    sample = request(by_role[role_of(page)], url, clock)
                    if round_number:  # round 0 warms caches, compiled templates and plans
                        samples[page].append(sample)
    return {page: summarise(found) for page, found in samples.items() if found}


def summarise(samples: list[dict]) -> dict:
    def field(name):
        return [s[name] for s in samples]

    return {
        "requests": len(samples),
        "wall_mean": statistics.mean(field("wall")),
        "wall_median": statistics.median(field("wall")),
        "cpu_mean": statistics.mean(field("cpu")),
        "cpu_median": statistics.median(field("cpu")),
        "sql_mean": statistics.mean(field("sql")),
        "db_cpu_mean": statistics.mean(field("db_cpu")),
        "queries_mean": statistics.mean(field("queries")),
        "bytes_mean": statistics.mean(field("bytes")),
    }


def mix_weights() -> dict:
    weights = {page: (1 - CLERK_SHARE) * w / sum(READER_WEIGHTS.values()) for page, w in READER_WEIGHTS.items()}
    clerk_total = sum(READER_WEIGHTS.values()) + QUEUE_WEIGHT
    for page, weight in READER_WEIGHTS.items():
        weights[page] += CLERK_SHARE * weight / clerk_total
    weights["clerk's queue"] = CLERK_SHARE * QUEUE_WEIGHT / clerk_total
    return weights


def mixed(results: dict) -> dict:
    weights = mix_weights()
    keys = ("wall_mean", "cpu_mean", "sql_mean", "db_cpu_mean", "queries_mean")
    return {key: sum(weights[page] * results[page][key] for page in results) for key in keys}


def table(results: dict) -> str:
    lines = [
        "| page | share | wall mean ms | wall median ms | CPU mean ms | SQL wait mean ms | PostgreSQL CPU ms "
        "| queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    weights = mix_weights()
    for page, r in results.items():
        lines.append(
            f"| {page} | {weights[page]:.0%} | {r['wall_mean']:.1f} | {r['wall_median']:.1f} | {r['cpu_mean']:.1f} "
            f"| {r['sql_mean']:.1f} | {r['db_cpu_mean']:.1f} | {r['queries_mean']:.1f} |"
        )
    m = mixed(results)
    lines.append(
        f"| **mix** | 100% | {m['wall_mean']:.1f} | | {m['cpu_mean']:.1f} | {m['sql_mean']:.1f} "
        f"| {m['db_cpu_mean']:.1f} | {m['queries_mean']:.1f} |"
    )
    return "\n".join(lines)


def profile(targets: dict, by_role: dict, page: str, rounds: int) -> None:
    chosen = targets if page == "all" else {page: targets[page]}
    measure(chosen, by_role, 0)  # warm-up outside the profile
    profiler = cProfile.Profile(time.process_time)  # CPU: a busy machine's waits are not charged
    profiler.enable()
    measure(chosen, by_role, rounds - 1)
    profiler.disable()
    stats = pstats.Stats(profiler)
    parts, total = {}, 0.0
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        part = next((name for name, marks in PARTS if any(m in filename for m in marks)), "other (Python, C)")
        parts[part] = parts.get(part, 0.0) + own
        total += own
    print(f"where the CPU goes ({page}, {rounds} rounds, own time by file):")
    for part, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {part:32} {seconds * 1000:9.0f} ms  {seconds / total:6.1%}")
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def main(argv=None) -> None:
    args = parse_args(argv)
    setup_django(args)
    if args.quiet_database:
        from letters.web import fragments

        fragments._read_state = lambda: "quiet"  # noqa: SLF001 - a bench of what a quiet server serves
    targets = load_targets(args)
    by_role = clients()
    if args.profile:
        profile(targets, by_role, args.profile, args.rounds)
        return
    results = measure(targets, by_role, args.rounds)
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    output = RESULTS / f"page_cpu-{args.label}.json"
    output.write_text(json.dumps({"args": vars(args), "pages": results, "mix": mixed(results)}, indent=1))


if __name__ == "__main__":
    main()
