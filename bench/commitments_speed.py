"""The motions-and-commitments analyser's `describe`, before and now, interleaved in one process (issue 16).

    DEBUG=1 .venv/bin/python bench/commitments_speed.py --before HEAD --repeat 30
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        env DEBUG=1 .venv/bin/python bench/commitments_speed.py --only now --rounds 50    # and --rounds 0

`describe` is find_motions, find_commitments, the footnotes' kamerstukken and known_members (one
database statement; on the unmigrated demo database of DEBUG=1 it fails and the built-in name
patterns stand alone, on both sides alike). "Before" is `commitments/analysis.py` of `--before` over
that commit's extraction, promises, dates and literals (`git show`), loaded beside the working
tree's. Every letter
of samples/ and tests/corpus/ is read and split once (not timed); both sides must give the same
`describe` for every letter, and the same motions with the fake Kamer's 150 members
(tests/kamer/fake_server), before anything is timed. Then per letter: before, now, before, now, ...
(`--repeat` times), so that a busy moment of the shared machine slows both alike; medians per letter.

`--only before|now --rounds N` runs only that side's `describe` of the seed letter N times after the
same setup, for instruction counts: (I refs at N - I refs at 0) / N is one `describe`.
"""

# ruff: noqa: E402 - run as a script, Django is set up before the analysers load

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
import types
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
from commitments.members import KnownMembers, Member
from letters.docx.reader import read
from letters.docx.sections import split
from tests.conftest import SEED
from tests.kamer.fake_server.entities import fake_guid
from tests.kamer.fake_server.record_people import members as fake_members


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD", help="the commit to compare with")
    parser.add_argument("--repeat", type=int, default=30, help="runs per letter and side")
    parser.add_argument("--only", choices=["before", "now"], help="run one side of the seed, for cachegrind")
    parser.add_argument("--rounds", type=int, default=0, help="with --only: describe() runs of the seed")
    args = parser.parse_args()
    before = _analysis_at(args.before)
    sides = {"before": before.Analyser(), "now": analysis.Analyser()}
    if args.only:
        _rounds(sides[args.only], args.rounds)
        return
    letters = _letters()
    _check(before, letters)
    load_before = os.getloadavg()
    rows = [_timed(sides, name, parsed, sections, args.repeat) for name, parsed, sections in letters]
    load_after = os.getloadavg()
    _print(rows, load_before, load_after, args)
    RESULTS.mkdir(exist_ok=True)
    out = {"before": args.before, "repeat": args.repeat, "load": [load_before, load_after], "rows": rows}
    (RESULTS / "commitments_speed.json").write_text(json.dumps(out, indent=2))


# The extraction's modules, loaded of --before together: today's promises reads a `folded` text, which
# an older extraction does not give it, and an older analysis imports what its own extraction had.
EXTRACTION = ["commitments.literals", "commitments.promises", "commitments.dates", "commitments.extraction"]


def _analysis_at(commit: str) -> types.ModuleType:
    """commitments/analysis.py of `commit`, over that commit's literals, promises, dates and extraction."""
    package = sys.modules["commitments"]
    saved = {name: sys.modules[name] for name in EXTRACTION}
    try:
        for name in EXTRACTION:
            sys.modules[name] = at_commit.module(commit, name.replace(".", "/") + ".py", f"{name}_before")
            setattr(package, name.split(".")[1], sys.modules[name])
        module = at_commit.module(commit, "commitments/analysis.py", "commitments.analysis_before")
        module.find_motions = sys.modules["commitments.extraction"].find_motions
        return module
    finally:
        sys.modules.update(saved)
        for name, module in saved.items():
            setattr(package, name.split(".")[1], module)


def _letters() -> list[tuple]:
    files = sorted((ROOT / "samples").rglob("*.docx")) + sorted((ROOT / "tests" / "corpus" / "letters").glob("*.docx"))
    letters = []
    for path in files:
        parsed = read(path.read_bytes())
        letters.append((str(path.relative_to(ROOT)), parsed, split(parsed.blocks)))
    return letters


def _check(before, letters) -> None:
    """Both sides give the same describe(), and the same motions with a list of members."""
    old, new = before.Analyser(), analysis.Analyser()
    known = KnownMembers.of(
        Member(p.achternaam, p.tussenvoegsel, p.roepnaam, p.initialen, p.voornamen, fake_guid("persoon", p.name))
        for p in fake_members()
    )
    for name, parsed, sections in letters:
        if old.describe(parsed=parsed, sections=sections) != new.describe(parsed=parsed, sections=sections):
            raise SystemExit(f"describe() differs for {name}")
        passages, footnotes = analysis.passages_of(sections), analysis.footnote_kamerstukken(parsed.footnotes)
        then = before.find_motions(passages, before.footnote_kamerstukken(parsed.footnotes), known)
        now = extraction.find_motions(passages, footnotes, known)
        if [dataclasses.astuple(m) for m in then] != [dataclasses.astuple(m) for m in now]:
            raise SystemExit(f"find_motions with members differs for {name}")


def _timed(sides: dict, name: str, parsed, sections, repeat: int) -> dict:
    times = {side: [] for side in sides}
    for analyser in sides.values():
        analyser.describe(parsed=parsed, sections=sections)  # warm
    for _ in range(repeat):
        for side, analyser in sides.items():
            start = time.perf_counter()
            analyser.describe(parsed=parsed, sections=sections)
            times[side].append((time.perf_counter() - start) * 1000)
    medians = {f"{side}_ms": statistics.median(values) for side, values in times.items()}
    return {"letter": name, **medians, "ratio": medians["now_ms"] / medians["before_ms"]}


def _rounds(analyser, rounds: int) -> None:
    parsed = read(SEED.read_bytes())
    sections = split(parsed.blocks)
    for _ in range(3):
        analyser.describe(parsed=parsed, sections=sections)  # warm: imports, compiled patterns
    for _ in range(rounds):
        analyser.describe(parsed=parsed, sections=sections)


def _print(rows: list[dict], load_before, load_after, args) -> None:
    print(f"| letter | before ms | now ms | now/before |   (--before {args.before}, --repeat {args.repeat})")
    print("| --- | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['letter']} | {row['before_ms']:.2f} | {row['now_ms']:.2f} | {row['ratio']:.2f} |")
    total = {side: sum(row[f"{side}_ms"] for row in rows) for side in ("before", "now")}
    ratio = total["now"] / total["before"]
    print(f"| all {len(rows)} letters | {total['before']:.1f} | {total['now']:.1f} | {ratio:.2f} |")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")


if __name__ == "__main__":
    main()
