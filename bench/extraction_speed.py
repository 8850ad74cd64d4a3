"""The commitments analyser's own work, before and now, interleaved in one process (issue 16, round two).

    DEBUG=1 .venv/bin/python bench/extraction_speed.py --before HEAD --repeat 15

For the sample letters and the real letters of tests/corpus/ (read and split once, not timed):

- `find_commitments` of `commitments/extraction.py` at `--before` (`git show`) and of the working tree;
- the motions' footnote look-up, `footnote_kamerstukken` of `commitments/analysis.py` at `--before`
  and of the working tree, each followed by the working tree's `find_motions`, which uses it.

Each pair is checked to give the same result for every letter first, then timed before, now, before,
now, ... so that a busy moment slows both alike. No database. Prints the medians and their ratio and
writes bench/results/extraction_speed.json.
"""

# ruff: noqa: E402 - run as a script, Django is set up before the analysers load

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))
from bench import at_commit  # noqa: E402 - needs ROOT on the path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from commitments import analysis, extraction
from letters.docx.reader import read
from letters.docx.sections import split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD", help="the commit to compare with")
    parser.add_argument("--repeat", type=int, default=15, help="rounds over all letters")
    args = parser.parse_args()
    letters = _letters()
    extraction_before = at_commit.module(args.before, "commitments/extraction.py", "commitments.extraction_before")
    analysis_before = at_commit.module(args.before, "commitments/analysis.py", "commitments.analysis_before")
    pairs = {
        "find_commitments": (
            lambda letter: _plain(extraction_before.find_commitments(letter[1], None)),
            lambda letter: _plain(extraction.find_commitments(letter[1], None)),
        ),
        "footnote look-up + find_motions": (
            lambda letter: _motions(analysis_before, letter),
            lambda letter: _motions(analysis, letter),
        ),
    }
    rows = {name: _compare(before, now, letters, args.repeat) for name, (before, now) in pairs.items()}
    load = os.getloadavg()
    for name, row in rows.items():
        print(
            f"{name:<34} before {row['before_ms']:7.1f} ms  now {row['now_ms']:7.1f} ms  now/before {row['ratio']:.2f}"
        )
    print(
        f"{len(letters)} letters, {args.repeat} rounds; load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    RESULTS.mkdir(exist_ok=True)
    out = {"before": args.before, "letters": len(letters), "repeat": args.repeat, "load": load, "rows": rows}
    (RESULTS / "extraction_speed.json").write_text(json.dumps(out, indent=2))


def _letters() -> list[tuple]:
    files = sorted((ROOT / "samples").rglob("*.docx")) + sorted((ROOT / "tests" / "corpus" / "letters").glob("*.docx"))
    letters = []
    for path in files:
        parsed = read(path.read_bytes())
        letters.append((parsed, analysis.passages_of(split(parsed.blocks))))
    return letters


def _plain(found) -> list[tuple]:
    return [dataclasses.astuple(item) for item in found]


def _motions(module, letter) -> list[tuple]:
    parsed, passages = letter
    return _plain(extraction.find_motions(passages, module.footnote_kamerstukken(parsed.footnotes)))


def _compare(before, now, letters, repeat: int) -> dict:
    if any(before(letter) != now(letter) for letter in letters):
        raise SystemExit("before and now differ")
    times = {"before": [], "now": []}
    for _ in range(repeat):
        for side, run in (("before", before), ("now", now)):
            start = time.perf_counter()
            for letter in letters:
                run(letter)
            times[side].append((time.perf_counter() - start) * 1000)
    b, n = statistics.median(times["before"]), statistics.median(times["now"])
    return {
        "before_ms": b,
        "now_ms": n,
        "ratio": n / b,
        "before_min_ms": min(times["before"]),
        "now_min_ms": min(times["now"]),
    }


if __name__ == "__main__":
    main()
