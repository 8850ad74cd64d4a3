"""The commitments of a dossier, before and now, interleaved in one process (issue 16, round two).

    DEBUG=0 SECRET_KEY=bench-only .venv/bin/python bench/dossier_speed.py \\
        --database-url postgres://postgres@127.0.0.1:5432/tkd_speed_load --before HEAD --repeat 5

Loads `commitments/dossiers.py` of the commit `--before` (`git show`) beside the working tree's and,
for the 40 most cited dossiers and 20 others (the load test's choice), times in turn before, now,
before, now, ...: the dossier page's panels (`dossier_panels`) and the commitment list's dossier
filter (`in_dossier`: its count and first page of 25). Checks first that both give the same items,
totals and ids. Prints medians per dossier kind and writes bench/results/dossier_speed.json.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/tkd_speed_load")
    parser.add_argument("--before", default="HEAD", help="commit whose commitments/dossiers.py is 'before'")
    parser.add_argument("--repeat", type=int, default=5, help="rounds over all dossiers")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    sys.path.insert(0, str(ROOT))
    import django

    from bench import at_commit

    django.setup()
    before, now = (
        at_commit.module(args.before, "commitments/dossiers.py", "commitments.dossiers_before"),
        __import__("commitments.dossiers", fromlist=["x"]),
    )
    dossiers = _targets()
    _check_same(before, now, dossiers)
    times = _measure(before, now, dossiers, args.repeat)
    _report(times, dossiers, args)


def _targets() -> dict[str, list]:
    from django.db.models import Count

    from tkdossiers.models import Dossier

    busy = list(Dossier.objects.annotate(n=Count("kamerstukken__references")).order_by("-n", "pk")[:40])
    busy_ids = {d.pk for d in busy}
    others = [d for d in Dossier.objects.order_by("pk")[::97] if d.pk not in busy_ids][:20]
    return {"40 most cited": busy, "20 others": others}


def _page(module, dossier) -> list:
    return [(p.total, [i.url for i in p.items]) for p in module.dossier_panels(dossier, 10)]


def _filter(module, dossier) -> tuple:
    from commitments.models import Commitment

    rows = Commitment.objects.filter(module.in_dossier((dossier.number, dossier.toevoeging or None)))
    return rows.count(), list(rows.order_by("-pk").values_list("pk", flat=True)[:25])


def _check_same(before, now, dossiers) -> None:
    for group in dossiers.values():
        for dossier in group:
            for run in (_page, _filter):
                if run(before, dossier) != run(now, dossier):
                    raise SystemExit(f"{run.__name__} differs for dossier {dossier.key}")


def _measure(before, now, dossiers, repeat: int) -> dict:
    times = {
        (kind, run.__name__, side): [] for kind in dossiers for run in (_page, _filter) for side in ("before", "now")
    }
    for _ in range(repeat):
        for kind, group in dossiers.items():
            for dossier in group:
                for run in (_page, _filter):
                    for side, module in (("before", before), ("now", now)):
                        start = time.perf_counter()
                        run(module, dossier)
                        times[(kind, run.__name__, side)].append((time.perf_counter() - start) * 1000)
    return times


def _report(times: dict, dossiers: dict, args) -> None:
    rows = []
    print(f"{'dossiers':<16} {'what':<8} {'before ms':>10} {'now ms':>8} {'now/before':>10}  (median, max)")
    for kind in dossiers:
        for what in ("_page", "_filter"):
            b, n = times[(kind, what, "before")], times[(kind, what, "now")]
            mb, mn = statistics.median(b), statistics.median(n)
            rows.append(
                {
                    "dossiers": kind,
                    "what": what.strip("_"),
                    "before_median_ms": mb,
                    "now_median_ms": mn,
                    "before_max_ms": max(b),
                    "now_max_ms": max(n),
                }
            )
            print(
                f"{kind:<16} {what.strip('_'):<8} {mb:>10.1f} {mn:>8.1f} {mn / mb:>10.2f}"
                f"  max {max(b):.0f} / {max(n):.0f}"
            )
    RESULTS.mkdir(exist_ok=True)
    load = os.getloadavg()
    out = {
        "before": args.before,
        "repeat": args.repeat,
        "load": load,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "rows": rows,
    }
    (RESULTS / "dossier_speed.json").write_text(json.dumps(out, indent=2))
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
