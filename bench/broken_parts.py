"""Broken parts in real letters: the reader of an earlier commit and the working tree's must refuse each
package with the same message (or read it the same), whichever parts are broken and in whatever way.

    .venv/bin/python bench/broken_parts.py [--before HEAD] [--packages 3000] [--seed 1]

Each package is a letter of samples/ or tests/corpus/ with one to three of its XML parts broken: cut
short, a byte changed or dropped, or a piece that libxml2 refuses or only its tree builder checks
inserted (a DOCTYPE, an entity, an xml:id, an undeclared prefix, deep nesting, another encoding).
"""

import argparse
import io
import random
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import reader_speed  # noqa: E402 - needs ROOT on the path
from letters.docx.package import WHOLE_PART_BYTES as WHOLE  # noqa: E402

PIECES = [
    b"<!DOCTYPE x>",
    b'<!DOCTYPE x [<!ENTITY e "v">]>',
    b"&e;",
    b"&#0;",
    b' xml:id="1 2"',
    b' xml:id="a"',
    b"<x:y/>",
    b' a="1" a="2"',
    b' xmlns:p=""',
    b"<![CDATA[2024D12345]]>",
    b"\xff",
    b"<",
    b"&",
    b"<a>" * 300,
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b"\x00",
    b"2024D12345",
]


def broken(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 2)):
        at = rng.randrange(len(data) + 1)
        kind = rng.random()
        if kind < 0.2:
            del data[at:]
        elif kind < 0.6:
            data[at:at] = rng.choice(PIECES)
        elif kind < 0.8 and data:
            data[at % len(data)] = rng.randrange(256)
        elif data:
            del data[at % len(data)]
    return bytes(data)


def packages(count: int, rng: random.Random):
    letters = [path.read_bytes() for path in reader_speed.all_letters()]
    for _ in range(count):
        with zipfile.ZipFile(io.BytesIO(rng.choice(letters))) as archive:
            files = {info.filename: archive.read(info) for info in archive.infolist()}
        xml = [name for name in files if name.endswith(".xml") and not name.startswith("[")]
        for name in rng.sample(xml, rng.randint(1, min(3, len(xml)))):
            files[name] = broken(files[name], rng)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        yield out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", default="HEAD")
    parser.add_argument("--packages", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        before, now = reader_speed.load_before(args.before, Path(folder)), reader_speed.load_now()
        outcomes, changes, different = {}, {}, 0
        for content in packages(args.packages, random.Random(args.seed)):
            pair = [reader_speed.outcome(side, content, "brief.docx", whole_part_bytes=WHOLE) for side in (before, now)]
            kinds = ["refused" if outcome.startswith("ReadError: ") else "read" for outcome in pair]
            outcomes[kinds[0]] = outcomes.get(kinds[0], 0) + 1
            if pair[0] != pair[1]:
                different += 1
                change = " -> ".join(kinds) + (" (another message)" if kinds == ["refused", "refused"] else "")
                changes[change] = changes.get(change, 0) + 1
                if different <= 5:
                    print("DIFFERENT\n  before:", pair[0][:300], "\n  now:   ", pair[1][:300])
    print(f"{args.packages} packages ({outcomes}), {different} different: {changes}")


if __name__ == "__main__":
    main()
