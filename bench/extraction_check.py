"""Every extractor's output in one tree against another's, all their modules alike (issue 16).

    DEBUG=1 .venv/bin/python bench/extraction_check.py dump TREE OUT.json   # in a tree: what its extractors give
    DEBUG=1 .venv/bin/python bench/extraction_check.py compare A.json B.json

`commitments_speed.py check` loads an earlier extraction.py beside today's promises, dates and
literals; this runs each tree's own code whole (e.g. a `git archive` of HEAD beside the working
tree) on every letter of samples/ and tests/corpus/ (describe, motions with the fake Kamer's
members, commitments, references, topic tags) and on fuzzed passages and sentences that hold the
characters lower() and IGNORECASE treat apart ("İ", "ı", "ſ", the Kelvin sign, "Σ", "’", no-break
spaces), with and without a letter date; `compare` says what differs.
"""

# ruff: noqa: E402 - run as a script, Django is set up before the analysers load

import datetime
import json
import os
import random
import sys
from pathlib import Path

# characters lower() or IGNORECASE read apart, and those that end sentences or sit between words
ODD = [*"\u0130\u0131\u017f\u212a\u03a3’\u00a0\u202féï“”!?.", "\n"]
DATES = [None, datetime.date(2025, 3, 5), datetime.date(2025, 12, 20)]
FUZZED = 6000


def dump(tree: Path, out: Path) -> None:
    tree = tree.resolve()
    sys.path.insert(0, str(tree))
    # Celery's Django fixup puts the working directory first on sys.path when the app is made: run from
    # another tree, every module not yet imported would come from there, not from `tree`.
    os.chdir(tree)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from commitments import analysis, extraction
    from commitments.dates import parse_due
    from commitments.members import KnownMembers, Member
    from letters.docx.reader import read
    from letters.docx.references import occurrences
    from letters.docx.sections import split
    from letters.importing.analysis import section_texts
    from letters.topics.defaults import starting_rules
    from letters.topics.matching import Matcher
    from tests.kamer.fake_server.entities import fake_guid
    from tests.kamer.fake_server.record_people import members as fake_members

    for module in (analysis, extraction, read, occurrences, Matcher, fake_members):
        where = Path(sys.modules[module.__module__ if callable(module) else module.__name__].__file__)
        if not where.is_relative_to(tree):
            raise SystemExit(f"{where} is not of {tree}: the dump would be of another tree's code")

    known = KnownMembers.of(
        Member(p.achternaam, p.tussenvoegsel, p.roepnaam, p.initialen, p.voornamen, fake_guid("persoon", p.name))
        for p in fake_members()
    )
    matcher = Matcher(starting_rules())
    results, texts = {}, []
    files = sorted((tree / "samples").rglob("*.docx")) + sorted((tree / "tests" / "corpus" / "letters").glob("*.docx"))
    for path in files:
        parsed = read(path.read_bytes(), path.name)
        sections = split(parsed.blocks)
        passages = analysis.passages_of(sections)
        footnotes = analysis.footnote_kamerstukken(parsed.footnotes)
        name = str(path.relative_to(tree))
        results[name, "describe"] = repr(analysis.analyser.describe(parsed=parsed, sections=sections))
        results[name, "motions"] = repr(extraction.find_motions(passages, footnotes, known))
        results[name, "commitments"] = repr(extraction.find_commitments(passages, parsed.metadata.date))
        results[name, "references"] = repr(occurrences(sections, parsed.footnotes))
        results[name, "tags"] = repr(matcher.tag(section_texts(sections)))
        texts += [passage.text for passage in passages]
    for index, group in enumerate(_fuzzed(texts)):
        passages = [extraction.Passage(0, text) for text in group]
        for date in DATES:
            results["fuzz", index, date] = repr(extraction.find_all(passages, {}, known, date))
        for text in group:
            for sentence in (text, *_pieces(text)):
                results["kind", sentence] = extraction.commitment_kind(sentence)
                results["due", sentence] = repr([parse_due(sentence, d, looking_back=b) for d in DATES for b in (0, 1)])
    out.write_text(json.dumps({repr(key): value for key, value in results.items()}))
    print(f"{len(results)} results from {tree}")


def _pieces(text: str) -> list[str]:
    return [piece for piece in text.split(". ") if piece][:4]


def _fuzzed(texts: list[str]) -> list[list[str]]:
    """The letters' passages a few at a time, and copies with odd characters put in, cut and joined."""
    chosen = random.Random(16)
    groups = [texts[index : index + 5] for index in range(0, len(texts), 5)]
    for _ in range(FUZZED):
        text = chosen.choice(texts)
        for _ in range(chosen.randint(1, 4)):
            at = chosen.randint(0, len(text))
            text = text[:at] + chosen.choice(ODD) + text[at + chosen.randint(0, 2) :]
        other = chosen.choice(texts)
        cut = chosen.randint(0, len(other))
        variants = [text, text.upper(), other[:cut] + " " + text, text + ". " + other[cut:]]
        groups.append(chosen.sample(variants, k=chosen.randint(1, 3)))
    return groups


def compare(first: Path, second: Path) -> None:
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    differing = [key for key in a.keys() | b.keys() if a.get(key) != b.get(key)]
    for key in differing[:10]:
        print("differs:", key[:200])
    print(f"{len(a)} and {len(b)} results, {len(differing)} different")
    if differing:
        raise SystemExit(1)


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve())  # before dump() changes directory
    else:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
