"""CPU time (user+sys of this process, time.process_time) of the floor, the reader of an earlier commit and
the working tree's reader, in alternating rounds: time spent waiting for the CPU on a busy machine is not
counted, unlike the wall-clock medians of reader_speed.py.

    .venv/bin/python bench/reader_cpu.py [--before HEAD] [--rounds 7] [--reads 20] [LETTER.docx ...]

Per letter and side: the least CPU time of one read+split over the rounds (each round `--reads` reads).
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import reader_speed  # noqa: E402 - needs ROOT on the path
from bench.analysis_speed import floor  # noqa: E402


def cpu_per_read(run, reads: int) -> float:
    start = time.process_time()
    for _ in range(reads):
        run()
    return (time.process_time() - start) / reads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--reads", type=int, default=20)
    parser.add_argument("letters", nargs="*", type=Path)
    args = parser.parse_args()
    letters = args.letters or [
        ROOT / "samples/seed/verzamelbrief-2025D43420.docx",
        *sorted((ROOT / "samples/letters").glob("*.docx")),
    ]
    with tempfile.TemporaryDirectory() as folder:
        sides = {"before": reader_speed.load_before(args.before, Path(folder)), "now": reader_speed.load_now()}
        print("| letter | floor ms | before ms | × floor | now ms | × floor | now / before |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for path in letters:
            content = path.read_bytes()
            runs = {"floor": lambda c=content: floor(c)}
            for name, (_, reader, sections) in sides.items():
                runs[name] = lambda c=content, r=reader, s=sections, n=path.name: s.split(r.read(c, n).blocks)
            best = dict.fromkeys(runs, float("inf"))
            for _ in range(args.rounds):
                for name, run in runs.items():
                    best[name] = min(best[name], cpu_per_read(run, args.reads))
            f, b, n = (best[name] * 1000 for name in ("floor", "before", "now"))
            print(f"| {path.name} | {f:.2f} | {b:.2f} | {b / f:.1f}x | {n:.2f} | {n / f:.1f}x | {n / b:.2f} |")


if __name__ == "__main__":
    main()
