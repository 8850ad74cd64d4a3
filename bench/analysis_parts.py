"""The seed's analysis without the reader, per part, for cProfile and cachegrind (issue 16).

    DEBUG=1 .venv/bin/python bench/analysis_parts.py PART ROUNDS [FILE.docx]

PART is references, tags, describe, all (the three) or none (set up and warm only); the letter is
read and split once, every part warmed once, then PART runs ROUNDS times. Under
`valgrind --tool=cachegrind --cache-sim=no` (I refs at N - I refs at 0) / N is one run of the part.
With --profile, cProfile of the rounds instead, sorted by own time.
"""

# ruff: noqa: E402 - run as a script, Django is set up before the analysers load

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from commitments.analysis import analyser
from letters.docx.reader import read
from letters.docx.references import occurrences
from letters.docx.sections import split
from letters.importing.analysis import section_texts
from letters.topics.defaults import starting_rules
from letters.topics.matching import Matcher

SEED = ROOT / "samples/seed/verzamelbrief-2025D43420.docx"


def parts(parsed, sections, matcher):
    return {
        "references": lambda: occurrences(sections, parsed.footnotes),
        "tags": lambda: matcher.tag(section_texts(sections)),
        "describe": lambda: analyser.describe(parsed=parsed, sections=sections),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", choices=["references", "tags", "describe", "all", "none"])
    parser.add_argument("rounds", type=int)
    parser.add_argument("file", nargs="?", type=Path, default=SEED)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    parsed = read(args.file.read_bytes(), args.file.name)
    sections = split(parsed.blocks)
    runs = parts(parsed, sections, Matcher(starting_rules()))
    for run in runs.values():
        run()
    chosen = [] if args.part == "none" else list(runs.values()) if args.part == "all" else [runs[args.part]]

    def rounds():
        for _ in range(args.rounds):
            for run in chosen:
                run()

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(rounds)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
    else:
        rounds()


if __name__ == "__main__":
    main()
