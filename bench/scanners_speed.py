"""Kamerstuk references and topic tags of an earlier commit against the working tree: same output, and time.

    DEBUG=1 .venv/bin/python bench/scanners_speed.py check --before HEAD
    DEBUG=1 .venv/bin/python bench/scanners_speed.py speed --before HEAD [--repeat 200] [--corpus]
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/scanners_speed.py count --before HEAD --side after --part tags --repeat 200

`tkdossiers/citations.py`, `letters/docx/references.py` and `letters/topics/matching.py` of the commit
(`git show`) are loaded beside the working tree's as `before_citations`, `before_references` (reading
`before_citations`) and `before_matching`. Both sides get the same sections (the working tree's reader).

- check: for every .docx under samples/ and tests/corpus/, the `repr` of `occurrences()`, of `find()` and
  `find_dossiers()` of every heading, paragraph, cell and footnote, and the tags of the starting topics and
  of the tests' own rules must be the same; also for stress texts: every string of the tests'
  `parametrize` lists and every rule term, each alone and all of them joined, in capitals, with odd
  characters. Exits 1 on a difference.
- speed: per letter, before and after run alternately (before, after, before, after, ...), medians in ms.
- count: the seed letter's tags or references, one side, --repeat times after one warm-up: run it under
  cachegrind with --repeat N and with --repeat 0 and divide the difference of "I refs" by N.
"""

# ruff: noqa: E402 - run as a script, Django is set up before the project's modules load

import argparse
import ast
import importlib.util
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seed" / "verzamelbrief-2025D43420.docx"
RULE_TESTS = ("tests/letters/topics/test_matching.py", "tests/letters/topics/test_naming_and_opening.py")
CITATION_TESTS = ("tests/tkdossiers/test_citations.py", "tests/tkdossiers/test_citations_lookalikes.py")
# Characters whose case or digits re treats its own way; the second set leaves out the four the matcher
# must scan for (letters.topics.matching.ASCII_LOOKALIKES), so that the quick way sees the others.
ODD = "ſ İ ı Σ ς µ \u212a ﬅ ＡＢ ٣٤ ١٢٣٤٥ \u00a0 \u202f"
ODD_QUICK = "ΜΣ ς µ ϐ ﬅ ＡＢ ٣٤ ١٢٣٤٥ \u00a0 \u202f ’s ë"
FUZZ_TEXTS = 3000

sys.path.insert(0, str(ROOT))
from bench import at_commit  # noqa: E402 - needs ROOT on the path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django

django.setup()

from letters.docx import references
from letters.docx.reader import read
from letters.docx.sections import split
from letters.importing.analysis import section_texts
from letters.topics import matching
from letters.topics.defaults import starting_rules
from letters.topics.matching import Rule, SectionText, TopicRules
from tkdossiers import citations


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["check", "speed", "count"])
    parser.add_argument("--before", default="HEAD", help="the commit to compare with")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--corpus", action="store_true", help="speed: also the letters of tests/corpus/")
    parser.add_argument("--side", choices=["before", "after"], default="after", help="count: which code")
    parser.add_argument("--part", choices=["tags", "references"], default="tags", help="count: which work")
    return parser.parse_args(argv)


def load_before(commit: str, folder: Path) -> dict:
    """The three modules of the commit, the old references reading the old citations."""
    sources = {
        "before_citations": "tkdossiers/citations.py",
        "before_matching": "letters/topics/matching.py",
        "before_references": "letters/docx/references.py",
    }
    modules = {}
    for name, path in sources.items():
        text = at_commit.source(commit, path).replace(
            "from tkdossiers.citations import", "from before_citations import"
        )
        file = folder / f"{name}.py"
        file.write_text(text, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules


def rule_sets() -> list[list[TopicRules]]:
    """The starting topics and the rules the tests build themselves."""
    c2000 = (Rule("C2000", 2, names=True), Rule("VMX", 2, names=True), Rule("TETRA", 1))
    return [
        starting_rules(),
        [TopicRules("c2000", (Rule("C2000", 2), Rule("VMX", 2)), 5.0)],
        [TopicRules("a", (Rule("Taskforce", 5),)), TopicRules("b", (Rule("Taskforce", 5),))],
        [TopicRules("c2000", c2000), TopicRules("ptss", (Rule("PTSS", 3, names=True), Rule("psychosociale", 1)))],
        [TopicRules("a", (Rule("NCV", 2, names=True),)), TopicRules("b", (Rule("NCV", 2),))],
        [*starting_rules(), TopicRules("extra", (Rule("Taskforce", 5), Rule("ſtraat", 1), Rule("*", 1)))],
        [
            TopicRules(
                "odd", (Rule("\u212aelvin", 2), Rule("σigma*", 2), Rule("ïsland", 2), Rule("a?b", 2), Rule("x", 9))
            )
        ],
    ]


def parametrized_strings() -> list[str]:
    """Every string constant in the tests' parametrize lists."""
    found = []
    for path in (*RULE_TESTS, *CITATION_TESTS):
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize":
                found += [n.value for n in ast.walk(node.args[1]) if isinstance(n, ast.Constant)]
    return [value for value in found if isinstance(value, str)]


def stress_texts() -> list[str]:
    terms = [rule.term for rules in rule_sets() for topic in rules for rule in topic.rules]
    pieces = parametrized_strings() + terms
    joined = " ".join(pieces)
    odd = [f"{ODD} {joined} {ODD}", f"{ODD_QUICK} {joined} {ODD_QUICK}", "Kelvin σigma ΣIGMA ïsland a?b a’b"]
    return [*pieces, joined, "\n".join(pieces), joined.upper(), joined.lower(), *odd, *fuzz(pieces)]


def fuzz(pieces: list[str]) -> list[str]:
    """Random texts of pieces, their parts and characters that sit between words and numbers (seeded)."""
    chosen = random.Random(16)
    parts = [part for piece in pieces for part in piece.split()] + list(ODD + ODD_QUICK) + list("0123456789 ,.-()/")
    glue = ["", " ", "  ", "\u00a0", "\u202f", ", ", "-", "\n", "’", "'s "]
    texts = []
    for _ in range(FUZZ_TEXTS):
        words = chosen.choices(pieces, k=chosen.randint(1, 3)) + chosen.choices(parts, k=chosen.randint(0, 12))
        chosen.shuffle(words)
        texts.append("".join(word + chosen.choice(glue) for word in words))
    return texts


def stress_sections(texts: list[str]) -> list[SectionText]:
    sections = [SectionText("", texts[-1], None)]
    sections += [SectionText(text, texts[index - 1], 0 if index % 3 else None) for index, text in enumerate(texts)]
    return sections


def letter_paths(corpus: bool = True) -> list[Path]:
    paths = sorted((ROOT / "samples").rglob("*.docx"))
    return paths + sorted((ROOT / "tests" / "corpus").rglob("*.docx")) if corpus else paths


def analysed(path: Path):
    parsed = read(path.read_bytes(), path.name)
    return parsed, split(parsed.blocks)


def check(before: dict) -> int:
    old_citations, old_references = before["before_citations"], before["before_references"]
    matchers = [(before["before_matching"].Matcher(rules), matching.Matcher(rules)) for rules in rule_sets()]
    compared, differences = 0, []

    def same(what, old, new):
        nonlocal compared
        compared += 1
        if repr(old) != repr(new):
            differences.append(what)

    def texts_alike(where, texts):
        for text, may in zip(texts, citations.may_cite(texts), strict=True):
            if not may:  # occurrences() skips these
                same(
                    f"{where}: may_cite({text[:60]!r})",
                    ([], [], []),
                    (*citations.find(text), citations.find_dossiers(text)),
                )
            same(f"{where}: find({text[:60]!r})", old_citations.find(text), citations.find(text))
            same(
                f"{where}: find_dossiers({text[:60]!r})",
                old_citations.find_dossiers(text),
                citations.find_dossiers(text),
            )

    def tags_alike(where, sections):
        for index, (old, new) in enumerate(matchers):
            same(f"{where}: tags, rule set {index}", old.tag(sections), new.tag(sections))

    paths = letter_paths()
    for path in paths:
        parsed, sections = analysed(path)
        where = str(path.relative_to(ROOT))
        same(
            f"{where}: occurrences",
            old_references.occurrences(sections, parsed.footnotes),
            references.occurrences(sections, parsed.footnotes),
        )
        texts_alike(
            where, [text for _, _, text, _ in references.texts_of(sections)] + [f.text for f in parsed.footnotes]
        )
        tags_alike(where, section_texts(sections))
    texts = stress_texts()
    texts_alike("stress", texts)
    tags_alike("stress", stress_sections(texts))
    tags_alike("stress, odd characters", stress_sections([f"{ODD} {text}" for text in texts]))
    tags_alike("stress, other odd characters", stress_sections([f"{ODD_QUICK} {text}" for text in texts]))
    for start in range(0, len(texts), 7):  # letters of a few texts each
        tags_alike(f"stress, texts {start}-", stress_sections(texts[start : start + 7]))
    print(f"{len(paths)} letters and {len(texts)} stress texts: {compared} results compared, {len(differences)} differ")
    for what in differences[:20]:
        print("  differs:", what)
    return 1 if differences else 0


def interleaved(runs: dict, repeat: int) -> dict:
    samples = {name: [] for name in runs}
    for run in runs.values():
        run()
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def speed(before: dict, args) -> None:
    old_matcher = before["before_matching"].Matcher(starting_rules())
    new_matcher = matching.Matcher(starting_rules())
    old_occurrences, new_occurrences = before["before_references"].occurrences, references.occurrences
    print("| letter | tags before ms | after ms | after / before | references before ms | after ms | after / before |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path in letter_paths(args.corpus):
        parsed, sections = analysed(path)
        texts, footnotes = section_texts(sections), parsed.footnotes
        runs = {
            "tags_before": lambda texts=texts: old_matcher.tag(texts),
            "tags_after": lambda texts=texts: new_matcher.tag(texts),
            "refs_before": lambda sections=sections, footnotes=footnotes: old_occurrences(sections, footnotes),
            "refs_after": lambda sections=sections, footnotes=footnotes: new_occurrences(sections, footnotes),
        }
        ms = interleaved(runs, args.repeat)
        print(
            f"| {path.relative_to(ROOT)} | {ms['tags_before']:.3f} | {ms['tags_after']:.3f} "
            f"| {ms['tags_after'] / ms['tags_before']:.2f} | {ms['refs_before']:.3f} | {ms['refs_after']:.3f} "
            f"| {ms['refs_after'] / ms['refs_before']:.2f} |"
        )


def count(before: dict, args) -> None:
    parsed, sections = analysed(SEED)
    if args.part == "tags":
        module = before["before_matching"] if args.side == "before" else matching
        matcher, texts = module.Matcher(starting_rules()), section_texts(sections)

        def work():
            return matcher.tag(texts)
    else:
        occurrences = before["before_references"].occurrences if args.side == "before" else references.occurrences

        def work():
            return occurrences(sections, parsed.footnotes)

    work()
    for _ in range(args.repeat):
        work()


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        before = load_before(args.before, Path(folder))
        if args.what == "check":
            return check(before)
        speed(before, args) if args.what == "speed" else count(before, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
