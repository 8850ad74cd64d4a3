"""The reader of an earlier commit against the working tree's: identical output first, then time and instructions.

No database, no Django. `letters/docx/` of --before (default HEAD) is loaded from `git show` as the package
`before_docx`, beside the working tree's `letters.docx`.

    .venv/bin/python bench/reader_speed.py --record /tmp/reader_inputs   # what tests/letters/docx/ reads
    .venv/bin/python bench/reader_speed.py --check [--inputs /tmp/reader_inputs]
    .venv/bin/python bench/reader_speed.py [--repeat 40] [--corpus]      # floor, before, now, interleaved
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/reader_speed.py --instructions now --rounds 50 samples/seed/verzamelbrief-2025D43420.docx

- --record runs the tests of tests/letters/docx/ with `letters.docx.reader.read` wrapped, and keeps every
  package a test reads (its bytes, name, max_paragraphs and the WHOLE_PART_BYTES it was read with): the
  hand-made and hostile letters the tests build.
- --check compares `repr(read(content, name))` and `repr(split(parsed.blocks))` (or the ReadError's
  message) of both sides, byte for byte, for every .docx under samples/ and tests/corpus/, parsed whole and
  streamed, and for the recorded packages (the bad files of tests/letters/docx/bad_files.py among them).
- the default run gives per letter the medians of the floor (unzip, lxml-parse word/document.xml and
  word/footnotes.xml), read+split before and now, run alternately so that a busy moment slows all alike.
- --instructions SIDE reads the letter --rounds times with one side (floor, before or now) after one warm-up
  round: under cachegrind, (I refs at N rounds - I refs at 0 rounds) / N is one read+split.
"""

import argparse
import hashlib
import importlib
import io
import pickle
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_PARTS = ("word/document.xml", "word/footnotes.xml")
sys.path.insert(0, str(ROOT))
from bench import at_commit  # noqa: E402 - needs ROOT on the path


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD", help="the commit to compare with (default HEAD)")
    parser.add_argument("--record", type=Path, metavar="DIR", help="keep what the tests read in DIR")
    parser.add_argument("--check", action="store_true", help="compare the output of both sides")
    parser.add_argument("--inputs", type=Path, metavar="DIR", help="with --check: packages kept by --record")
    parser.add_argument("--repeat", type=int, default=40, help="runs per letter and side, median reported")
    parser.add_argument("--corpus", action="store_true", help="also the letters of tests/corpus/")
    parser.add_argument("--instructions", choices=["floor", "before", "now"], help="one side, for cachegrind")
    parser.add_argument("--rounds", type=int, default=50, help="with --instructions: reads after the warm-up")
    parser.add_argument("letters", nargs="*", type=Path, help="letters to measure (default: samples/)")
    return parser.parse_args(argv)


def load_before(commit: str, folder: Path):
    """letters/docx/ of the commit as the package `before_docx`: its (package, reader, sections)."""
    package = at_commit.package(commit, folder, "letters/docx", "before_docx")
    return tuple(importlib.import_module(f"{package}.{name}") for name in ("package", "reader", "sections"))


def load_now():
    return tuple(importlib.import_module(f"letters.docx.{name}") for name in ("package", "reader", "sections"))


def all_letters(corpus: bool = True) -> list[Path]:
    paths = sorted((ROOT / "samples").rglob("*.docx"))
    return paths + sorted((ROOT / "tests" / "corpus").rglob("*.docx")) if corpus else paths


def outcome(side, content: bytes, name: str, *, whole_part_bytes: int, **limits) -> str:
    """What a side makes of a package: the repr of read() and of split(), or the error it raised."""
    package, reader, sections = side
    kept, package.WHOLE_PART_BYTES = package.WHOLE_PART_BYTES, whole_part_bytes
    try:
        parsed = reader.read(content, name, **limits)
        return repr(parsed) + "\n" + repr(sections.split(parsed.blocks))
    except reader.ReadError as exc:
        return f"ReadError: {exc}"
    except Exception as exc:  # noqa: BLE001 - a crash is an outcome to compare too
        return f"{type(exc).__name__}: {exc}"
    finally:
        package.WHOLE_PART_BYTES = kept


# --record


class _Recorder:
    """A pytest plugin object: wraps read() before the test modules import it."""

    def __init__(self, folder: Path):
        from letters.docx import package, reader

        self.folder, self.kept = folder, 0
        original = reader.read

        def read(content, filename="", **limits):
            record = (content, filename, limits, package.WHOLE_PART_BYTES)
            data = pickle.dumps(record)
            (folder / f"{hashlib.sha256(data).hexdigest()}.pickle").write_bytes(data)
            self.kept += 1
            return original(content, filename, **limits)

        reader.read = read


def record(folder: Path) -> int:
    import pytest

    folder.mkdir(parents=True, exist_ok=True)
    recorder = _Recorder(folder)
    code = pytest.main(["-q", "-p", "no:cacheprovider", str(ROOT / "tests" / "letters" / "docx")], plugins=[recorder])
    print(f"{recorder.kept} reads, {len(list(folder.glob('*.pickle')))} distinct packages kept in {folder}")
    return int(code)


# --check


def cases(inputs: Path | None):
    """(label, content, name, limits, whole_part_bytes) for everything --check compares: each parsed whole
    and streamed (recorded packages as the test read them, and streamed)."""
    from letters.docx.package import WHOLE_PART_BYTES

    for path in all_letters():
        content = path.read_bytes()
        label = str(path.relative_to(ROOT))
        yield label, content, path.name, {}, WHOLE_PART_BYTES
        yield label + " (streamed)", content, path.name, {}, 0
    for kept in sorted(inputs.glob("*.pickle")) if inputs else ():
        content, name, limits, whole_part_bytes = pickle.loads(kept.read_bytes())  # noqa: S301 - our own files
        label = f"recorded {kept.stem[:12]} {name!r}"
        yield label, content, name, limits, whole_part_bytes
        if whole_part_bytes:
            yield label + " (streamed)", content, name, limits, 0


def check(before, now, inputs: Path | None) -> int:
    compared, differing = 0, []
    for label, content, name, limits, whole in cases(inputs):
        old = outcome(before, content, name, whole_part_bytes=whole, **limits)
        new = outcome(now, content, name, whole_part_bytes=whole, **limits)
        compared += 1
        if old != new:
            differing.append(label)
            print(f"DIFFERENT: {label}\n  before: {old[:300]!r}\n  now:    {new[:300]!r}")
    print(f"{compared} packages compared, {len(differing)} different")
    return 1 if differing else 0


# timing and instructions


def floor(content: bytes) -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        for name in FLOOR_PARTS:
            if name in names:
                etree.fromstring(archive.read(name))


def read_split(side, content: bytes, name: str):
    _package, reader, sections = side
    parsed = reader.read(content, name)
    return sections.split(parsed.blocks)


def interleaved(runs: dict, repeat: int) -> dict:
    samples = {name: [] for name in runs}
    for run in runs.values():
        run()  # warm: imports, compiled patterns
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def compare_time(before, now, paths: list[Path], repeat: int) -> None:
    print("| letter | floor ms | before ms | × floor | now ms | × floor | now / before |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path in paths:
        content = path.read_bytes()
        name = path.name
        found = interleaved(
            {
                "floor": lambda content=content: floor(content),
                "before": lambda content=content, name=name: read_split(before, content, name),
                "now": lambda content=content, name=name: read_split(now, content, name),
            },
            repeat,
        )
        f, b, n = found["floor"], found["before"], found["now"]
        print(f"| {path.name} | {f:.2f} | {b:.2f} | {b / f:.1f}x | {n:.2f} | {n / f:.1f}x | {n / b:.2f} |")


def instructions(side_name: str, side, paths: list[Path], rounds: int) -> None:
    contents = [(path.read_bytes(), path.name) for path in paths]
    for _ in range(rounds + 1):  # the first round warms up, as in the 0-round run
        for content, name in contents:
            floor(content) if side_name == "floor" else read_split(side, content, name)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.record:
        return record(args.record)
    with tempfile.TemporaryDirectory() as scratch:
        before = load_before(args.before, Path(scratch))
    now = load_now()
    if args.check:
        return check(before, now, args.inputs)
    paths = [path.resolve() for path in args.letters] or all_letters(args.corpus)
    if args.instructions:
        instructions(args.instructions, {"before": before, "now": now}.get(args.instructions), paths, args.rounds)
    else:
        compare_time(before, now, paths, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
