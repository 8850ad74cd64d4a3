"""Reading and analysing the sample letters against the floor and two peers, and where the time goes.

No database. For every .docx under samples/ (and tests/corpus/ with --corpus), median of --repeat runs:

- floor: unzip and lxml-parse word/document.xml and word/footnotes.xml, nothing else;
- read, read+split: letters.docx.reader.read() and letters.docx.sections.split();
- analysis: read, split, kamerstuk references (letters.docx.references.occurrences), topic tags (the
  starting topics' Matcher, built once as a worker keeps it), motions and commitments (the analysers'
  `describe`): what an import computes before it writes;
- python-docx: `docx.Document()` and the text of every paragraph and table cell (no footnotes);
- pandoc: `pandoc -f docx -t plain`, a process per letter as tkconv runs it (skipped when not installed).

Then cProfile over --profile-rounds rounds of the analysis of every letter: the functions with the most own
time, and the share per module. Figures go to bench/results/analysis_speed.json, the profile to
bench/results/analysis_speed.prof.

    DEBUG=1 .venv/bin/python bench/analysis_speed.py [--repeat 20] [--profile-rounds 20] [--corpus]
"""

# ruff: noqa: E402 - run as a script, Django is set up before the analysers load

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
FLOOR_PARTS = ("word/document.xml", "word/footnotes.xml")

sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

import docx
from lxml import etree

from letters.apps import analyser_hooks
from letters.docx.reader import read
from letters.docx.references import occurrences
from letters.docx.sections import split
from letters.importing.analysis import section_texts
from letters.topics.defaults import starting_rules
from letters.topics.matching import Matcher

MATCHER = Matcher(starting_rules())


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement, median reported")
    parser.add_argument("--pandoc-repeat", type=int, default=5, help="runs of pandoc per letter")
    parser.add_argument("--profile-rounds", type=int, default=20, help="rounds of all letters under cProfile")
    parser.add_argument("--corpus", action="store_true", help="also the real letters of tests/corpus/")
    return parser.parse_args(argv)


def letters(corpus: bool) -> list[Path]:
    paths = sorted((ROOT / "samples").rglob("*.docx"))
    if corpus:
        paths += sorted((ROOT / "tests" / "corpus").rglob("*.docx"))
    return paths


def floor(content: bytes, _filename: str = "") -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        for name in FLOOR_PARTS:
            if name in names:
                etree.fromstring(archive.read(name))


def read_split(content: bytes, filename: str = ""):
    parsed = read(content, filename)
    return parsed, split(parsed.blocks)


def analysis(content: bytes, filename: str = "") -> dict:
    parsed, sections = read_split(content, filename)
    found = occurrences(sections, parsed.footnotes)
    tags = MATCHER.tag(section_texts(sections))
    result = {"references": found, "tags": tags}
    for describe in analyser_hooks("describe"):
        result.update(describe(parsed=parsed, sections=sections))
    return result


def python_docx_text(content: bytes, _filename: str = "") -> str:
    document = docx.Document(io.BytesIO(content))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def pandoc_text(content: bytes, _filename: str = "") -> str:
    done = subprocess.run(
        ["pandoc", "-f", "docx", "-t", "plain", "--wrap=none"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


def medians_ms(runs: dict, content: bytes, filename: str, repeat: int) -> dict:
    """The median of each run, interleaved (floor, read, ..., floor, read, ...) so that a busy
    moment of a shared machine slows all of them alike and the ratios hold."""
    samples = {name: [] for name in runs}
    for run in runs.values():
        run(content, filename)  # warm: imports, compiled patterns, caches
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run(content, filename)
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def bench_letter(path: Path, args) -> dict:
    content = path.read_bytes()
    row = {"file": str(path.relative_to(ROOT)), "kb": round(len(content) / 1024, 1)}
    runs = {
        "floor": floor,
        "read": read,
        "read_split": read_split,
        "analysis": analysis,
        "python_docx": python_docx_text,
    }
    row.update(medians_ms(runs, content, path.name, args.repeat))
    if shutil.which("pandoc"):
        row["pandoc"] = medians_ms({"pandoc": pandoc_text}, content, path.name, args.pandoc_repeat)["pandoc"]
    else:
        row["pandoc"] = None
    return row


def profile(paths: list[Path], rounds: int) -> dict:
    contents = [(p.read_bytes(), p.name) for p in paths]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for content, filename in contents:
            analysis(content, filename)
    profiler.disable()
    RESULTS.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(RESULTS / "analysis_speed.prof")
    stats = pstats.Stats(profiler)
    total = sum(timing[2] for timing in stats.stats.values())
    per_module, functions = defaultdict(float), []
    for (file, line, name), (_cc, _nc, own, cumulative, _callers) in stats.stats.items():
        per_module[_module(file)] += own
        functions.append((own, cumulative, f"{_module(file)}:{name}:{line}"))
    functions.sort(reverse=True)
    return {
        "total_s": total,
        "modules": sorted(((m, s / total) for m, s in per_module.items()), key=lambda i: -i[1])[:15],
        "functions": [(f, own / total, cum / total) for own, cum, f in functions[:20]],
    }


def _module(file: str) -> str:
    if file.startswith("~") or file.startswith("<"):
        return "builtins (C: regex, lxml, str)"
    path = Path(file)
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return "lib: " + "/".join(path.parts[-2:])


def print_table(rows: list[dict]) -> None:
    print(
        "| file | KB | floor ms | read ms | read+split ms | × floor | analysis ms | × floor | python-docx ms "
        "| × floor | pandoc ms | pandoc / analysis |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        f = r["floor"]
        pandoc = f"{r['pandoc']:.1f} | {r['pandoc'] / r['analysis']:.1f}x" if r["pandoc"] else "– | –"
        print(
            f"| {r['file'].removeprefix('samples/')} | {r['kb']} | {f:.2f} | {r['read']:.1f} | {r['read_split']:.1f} "
            f"| {r['read_split'] / f:.1f}x | {r['analysis']:.1f} | {r['analysis'] / f:.1f}x | {r['python_docx']:.1f} "
            f"| {r['python_docx'] / f:.1f}x | {pandoc} |"
        )


def print_profile(found: dict) -> None:
    print(f"\ncProfile, {found['total_s']:.2f} s of own time; share per module:")
    for module, share in found["modules"]:
        print(f"  {share:6.1%}  {module}")
    print("functions with the most own time (own share, cumulative share):")
    for name, own, cumulative in found["functions"]:
        print(f"  {own:6.1%} {cumulative:6.1%}  {name}")


def main(argv=None) -> None:
    args = parse_args(argv)
    paths = letters(args.corpus)
    rows = [bench_letter(path, args) for path in paths]
    print_table(rows)
    found = profile(paths, args.profile_rounds)
    print_profile(found)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "analysis_speed.json").write_text(json.dumps({"letters": rows, "profile": found}, indent=1))


if __name__ == "__main__":
    main()
