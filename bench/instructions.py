"""Instructions, not seconds: the reader and the whole analysis against the floor, load-independent.

On a shared 2-core machine wall times move by half with the neighbours' load; the number of machine
instructions a piece of code executes does not. For each letter and each step of
`bench/analysis_speed.py` (floor, read+split, the whole analysis) this runs a child Python under
valgrind's cachegrind (`--cache-sim=no`: it only counts) that sets up, warms every step once on the
letter, then runs one step --repeat times; a child that only sets up and warms is the baseline. The
step's cost is (child - baseline) / repeat. The same code, inputs and environment give the same count
whatever the machine is doing (bench/README.md). Instructions are not time (a cache miss costs more
than an add), so the ratios are a second opinion beside analysis_speed.py's interleaved medians.

    DEBUG=1 .venv/bin/python bench/instructions.py [--repeat 5] [FILE.docx ...]

Without files: the seed letter and the real letters in samples/letters. Needs valgrind.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
STEPS = ("floor", "read_split", "analysis")
COUNT = re.compile(r"I\s+refs:\s+([\d,]+)")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="letters (default: the seed and samples/letters)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the step in each child (default 5)")
    parser.add_argument("--child", nargs=3, metavar=("STEP", "FILE", "N"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def default_letters() -> list[Path]:
    return [ROOT / "samples/seed/verzamelbrief-2025D43420.docx", *sorted((ROOT / "samples/letters").glob("*.docx"))]


def child(step: str, path: Path, repeat: int) -> None:
    """Runs inside valgrind: set up, warm every step, then the step `repeat` times."""
    sys.path.insert(0, str(ROOT))
    from bench import analysis_speed  # sets Django up

    content = path.read_bytes()
    for name in STEPS:
        getattr(analysis_speed, name)(content, path.name)
    run = getattr(analysis_speed, step)
    for _ in range(repeat):
        run(content, path.name)


def instructions(step: str, path: Path, repeat: int) -> int:
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        step,
        str(path),
        str(repeat),
    ]
    # A fixed hash seed: with a random one the same child's count moved by several million (set and
    # dict orders), more than some changes measured here.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = COUNT.search(done.stderr)
    if done.returncode or not found:
        raise SystemExit(f"valgrind failed for {step} {path.name}:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def measure(path: Path, repeat: int) -> dict:
    base = instructions("floor", path, 0)
    row = {"file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)}
    for step in STEPS:
        row[step] = round((instructions(step, path, repeat) - base) / repeat)
    row["read_split_x"] = row["read_split"] / row["floor"]
    row["analysis_x"] = row["analysis"] / row["floor"]
    return row


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.child:
        step, file, repeat = args.child
        child(step, Path(file), int(repeat))
        return
    rows = [measure(path.resolve(), args.repeat) for path in (args.files or default_letters())]
    print("| file | floor, M instructions | read+split, M | × floor | analysis, M | × floor |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {Path(row['file']).name} | {row['floor'] / 1e6:.2f} | {row['read_split'] / 1e6:.2f} | "
            f"{row['read_split_x']:.1f}x | {row['analysis'] / 1e6:.2f} | {row['analysis_x']:.1f}x |"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "instructions.json").write_text(json.dumps({"repeat": args.repeat, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
