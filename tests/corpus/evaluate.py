"""How well the extraction does on the corpus: `python -m tests.corpus.evaluate [--letter ID] [--json]`.

Runs `letters.importing.analysis.analyse` on every letter in tests/corpus/letters and compares
its output with tests/corpus/gold by the rules of tests/corpus/SCHEMA.md. Prints, per kind,
true and false positives, false negatives and micro precision and recall beside the goals;
`--letter ID` (or `--letter all`) adds what was missed and what was extra in that letter;
`--raise-floors` records today's figures in tests/corpus/floors.json where they beat the floors.
"""

import argparse
import json
import math
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field

from tests.corpus.gold import CORPUS, LETTERS, corpus_ids, load

FLOORS = CORPUS / "floors.json"

GOALS = {
    "headings": (0.95, 0.95),
    "heading levels": (0.95, 0.95),
    "references": (0.98, 0.95),
    "dossier mentions": (0.98, 0.95),
    "motion mentions": (0.90, 0.90),
    "declared done": (1.0, 1.0),
    "commitments": (0.80, 0.80),
    "commitment kind": (0.80, 0.80),
    "commitment due": (0.80, 0.80),
    "letter date": (1.0, 1.0),
}
QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "})
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[ivx]{1,4}\.?|[a-z][.)])\s+")
CS = re.compile(r"\s*\bc\.s\.?$")


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: "Count") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


def norm(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).translate(QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip().rstrip(".: ").strip()


def heading_key(text) -> str:
    return SECTION_NUMBER.sub("", norm(text), count=1)


def members_key(members) -> tuple:
    return tuple(sorted(CS.sub("", norm(member)) for member in members or ()))


def kamerstuk_key(kamerstuk):
    return re.sub(r"\s+", "", kamerstuk).upper() if kamerstuk else None


def reference_key(item: dict) -> tuple:
    toevoeging = str(item.get("toevoeging") or "").strip(" -").upper() or None
    location = str(item.get("location") or "").split(" ")[0]
    return re.sub(r"\D", "", str(item.get("dossier"))), toevoeging, str(item.get("number")).strip().upper(), location


def match(gold: list, found: list, same) -> tuple[list, list, list]:
    """One-to-one pairs in reading order: each found item takes the first free gold item it is the same as,
    a certain one before a borderline one (a doubtful gold item never takes a match from a certain one)."""
    free = list(range(len(gold)))
    pairs, extra = [], []
    for f_index, item in enumerate(found):
        candidates = [g for g in free if same(gold[g], item)]
        g_index = next((g for g in candidates if not gold[g].get("borderline")), candidates[0] if candidates else None)
        if g_index is None:
            extra.append(f_index)
        else:
            free.remove(g_index)
            pairs.append((g_index, f_index))
    return pairs, free, extra


def tally(gold: list, found: list, same, show, unscored=lambda g: False) -> Count:
    """TP/FP/FN of found against gold; borderline or unscored gold items count for nothing either way."""
    pairs, missed, extra = match(gold, found, same)
    ignored = {g for g, item in enumerate(gold) if item.get("borderline") or unscored(item)}
    count = Count()
    count.tp = sum(1 for g, _ in pairs if g not in ignored)
    count.missed = [show(gold[g]) for g in missed if g not in ignored]
    count.extra = [show(found[f]) for f in extra]
    count.fn, count.fp = len(count.missed), len(count.extra)
    return count


def _show_heading(item) -> str:
    return f"{item.get('text') or item.get('heading')!r} (level {item.get('level')})"


def dossier_key(item: dict) -> tuple:
    return reference_key({**item, "number": ""})[:2] + reference_key(item)[3:]


def _same_dossier(gold: dict, found: dict) -> bool:
    return dossier_key(gold) == dossier_key(found)


def _show_dossier(item) -> str:
    dossier, toevoeging, location = dossier_key(item)
    return f"dossier {dossier}{'-' + toevoeging if toevoeging else ''} ({location})"


def _found_dossiers(result: dict) -> list[dict]:
    """The dossier mentions among the analysis' other references, with the dossier their text names."""
    from tkdossiers.citations import find_dossiers

    found = []
    for other in result.get("other_references", []):
        if other["kind"] == "dossier":
            named = find_dossiers(other["text"])[0]
            found.append({"dossier": named.dossier, "toevoeging": named.toevoeging, "location": other["location"]})
    return found


def _show_reference(item) -> str:
    dossier, toevoeging, number, location = reference_key(item)
    return f"{dossier}{'-' + toevoeging if toevoeging else ''} nr. {number} ({location})"


def _show_motion(item) -> str:
    return f"{', '.join(item.get('members') or [])} [{item.get('kamerstuk') or '-'}] done={item.get('declares_done')}"


def _show_commitment(item) -> str:
    text = item.get("text_contains") or item.get("text") or ""
    return f"{item.get('kind')}, due {item.get('due')}: {text[:110]}"


def found_items(result: dict) -> dict:
    return {
        "headings": [{"text": s["heading"], "level": s["level"]} for s in result["sections"] if s["heading"]],
        "references": result["references"],
        "dossiers": _found_dossiers(result),
        "motions": result["motions"],
        "commitments": result["commitments"],
    }


def _same_heading(gold: dict, found: dict) -> bool:
    return heading_key(gold["text"]) == heading_key(found["text"])


def _same_level(gold: dict, found: dict) -> bool:
    return _same_heading(gold, found) and (gold["level"] is None or gold["level"] == found["level"])


def _same_reference(gold: dict, found: dict) -> bool:
    return reference_key(gold) == reference_key(found)


def _same_motion(gold: dict, found: dict) -> bool:
    expected = members_key(gold["members"]), kamerstuk_key(gold["kamerstuk"])
    return expected == (members_key(found.get("members")), kamerstuk_key(found.get("kamerstuk")))


def _within(gold: dict, found: dict) -> bool:
    return norm(gold["text_contains"]) in norm(found.get("text"))


def _same_kind(gold: dict, found: dict) -> bool:
    return _within(gold, found) and gold["kind"] == found.get("kind")


def _same_due(gold: dict, found: dict) -> bool:
    return _within(gold, found) and (gold["due"] == "unclear" or gold["due"] == found.get("due"))


def compare(gold: dict, result: dict) -> dict[str, Count]:
    """Per row, the counts of one letter: the analysis result against its gold."""
    found = found_items(result)
    headings, commitments, motions = gold["headings"], gold["commitments"], gold["motions"]
    return {
        "headings": tally(headings, found["headings"], _same_heading, _show_heading),
        "heading levels": tally(
            headings, found["headings"], _same_level, _show_heading, unscored=lambda g: g["level"] is None
        ),
        "references": tally(gold["references"], found["references"], _same_reference, _show_reference),
        "dossier mentions": tally(gold.get("dossiers", []), found["dossiers"], _same_dossier, _show_dossier),
        "motion mentions": tally(motions, found["motions"], _same_motion, _show_motion),
        "declared done": _declared_done(motions, found["motions"]),
        "commitments": tally(commitments, found["commitments"], _within, _show_commitment),
        "commitment kind": tally(commitments, found["commitments"], _same_kind, _show_commitment),
        "commitment due": tally(
            commitments, found["commitments"], _same_due, _show_commitment, unscored=lambda g: g["due"] == "unclear"
        ),
        "letter date": _letter_date(gold["document"]["date"], result["document"]["date"]),
    }


def _declared_done(gold: list, found: list) -> Count:
    pairs, missed, extra = match(gold, found, _same_motion)
    count = Count()
    for g, f in pairs + [(g, None) for g in missed] + [(None, f) for f in extra]:
        expected = None if g is None else gold[g]
        if expected is not None and (expected.get("borderline") or expected["declares_done"] is None):
            continue
        said = f is not None and bool(found[f].get("declares_done"))
        if expected is not None and expected["declares_done"] and said:
            count.tp += 1
        elif said:
            count.extra.append(_show_motion(found[f]))
        elif expected is not None and expected["declares_done"]:
            count.missed.append(_show_motion(expected))
    count.fp, count.fn = len(count.extra), len(count.missed)
    return count


def _letter_date(expected, found) -> Count:
    if expected == found:
        return Count(tp=1 if expected else 0)
    count = Count(missed=[str(expected)] if expected else [], extra=[str(found)] if found else [])
    count.fn, count.fp = len(count.missed), len(count.extra)
    return count


def evaluate_corpus(ids: list[str] | None = None) -> dict[str, dict[str, Count]]:
    """Corpus id -> row -> counts, running the analysis on each letter (Django must be set up)."""
    from letters.importing.analysis import analyse

    results = {}
    for corpus_id in ids or corpus_ids():
        letter = LETTERS / f"{corpus_id}.docx"
        results[corpus_id] = compare(load(corpus_id), analyse(letter.read_bytes(), letter.name))
    return results


def totals(per_letter: dict[str, dict[str, Count]]) -> dict[str, Count]:
    summed = {row: Count() for row in GOALS}
    for counts in per_letter.values():
        for row, count in counts.items():
            summed[row].add(count)
    return summed


def table(summed: dict[str, Count], letters: int, floors: dict | None = None) -> str:
    header = f"{'kind':<17}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}   goal (P, R)"
    lines = [f"Corpus: {letters} letters (tests/corpus/letters)", header + ("   floor (P, R)" if floors else "")]
    for row, count in summed.items():
        goal_p, goal_r = GOALS[row]
        line = f"{row:<17}{count.tp:>5}{count.fp:>5}{count.fn:>5}{count.precision:>11.3f}{count.recall:>8.3f}"
        line += f"   ≥ {goal_p:.2f}, ≥ {goal_r:.2f}"
        if floors:
            line += f"   ≥ {floors[row]['precision']:.3f}, ≥ {floors[row]['recall']:.3f}"
        lines.append(line)
    return "\n".join(lines)


def detail(corpus_id: str, counts: dict[str, Count]) -> str:
    lines = [f"== {corpus_id}"]
    for row, count in counts.items():
        if not (count.missed or count.extra):
            continue
        lines.append(f"  {row}: TP {count.tp}, FP {count.fp}, FN {count.fn}")
        lines += [f"    missed: {item}" for item in count.missed] + [f"    extra:  {item}" for item in count.extra]
    return "\n".join(lines if len(lines) > 1 else lines + ["  nothing missed, nothing extra"])


def as_json(per_letter: dict[str, dict[str, Count]]) -> dict:
    def figures(count: Count) -> dict:
        return {"tp": count.tp, "fp": count.fp, "fn": count.fn, "precision": count.precision, "recall": count.recall}

    return {
        "corpus_size": len(per_letter),
        "goals": {row: {"precision": p, "recall": r} for row, (p, r) in GOALS.items()},
        "totals": {row: figures(count) for row, count in totals(per_letter).items()},
        "letters": {
            corpus_id: {row: figures(c) | {"missed": c.missed, "extra": c.extra} for row, c in counts.items()}
            for corpus_id, counts in per_letter.items()
        },
    }


def read_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def below_floors(summed: dict[str, Count], floors: dict) -> list[str]:
    """Each figure under its floor, as "row precision 0.412 < 0.500"."""
    below = []
    for row, count in summed.items():
        for figure in ("precision", "recall"):
            value, floor = getattr(count, figure), floors[row][figure]
            if value < floor:
                below.append(f"{row} {figure} {value:.3f} < {floor:.3f}")
    return below


def raised_floors(summed: dict[str, Count], floors: dict) -> dict:
    """The floors with every figure that is higher today put in its place (rounded down): a ratchet."""

    def down(value: float) -> float:
        return math.floor(value * 1000 + 1e-9) / 1000

    return {
        row: {
            figure: max(floors.get(row, {}).get(figure, 0.0), down(getattr(count, figure)))
            for figure in ("precision", "recall")
        }
        for row, count in summed.items()
    }


# Each round of letters added after the extraction was tuned: their gold says which in a note.
HELD_OUT_ROUNDS = {
    "1": "Held-out letter",
    "2": "Held-out round two letter",
    "3": "Held-out round three letter",
    "4": "Held-out round four letter",
    "5": "Held-out round five letter",
    "6": "Held-out round six letter",
    "7": "Held-out round seven letter",
    "8": "Held-out round eight letter",
}


def held_out_ids(round_: str = "all") -> list[str]:
    """The letters of one held-out round ("1" to "8"), or of every round ("all")."""
    marks = tuple(HELD_OUT_ROUNDS.values()) if round_ == "all" else (HELD_OUT_ROUNDS[round_],)
    return [i for i in corpus_ids() if any(note.startswith(marks) for note in load(i)["notes"])]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Evaluate the extraction on tests/corpus.")
    parser.add_argument("--letter", action="append", default=[], help="a corpus id (or 'all') to show in detail")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--raise-floors", action="store_true", help="raise tests/corpus/floors.json to today's figures")
    parser.add_argument(
        "--held-out",
        nargs="?",
        const="all",
        choices=[*HELD_OUT_ROUNDS, "all"],
        help="only the letters of one held-out round, or of all (no floors)",
    )
    args = parser.parse_args(argv)
    if args.held_out and args.raise_floors:
        parser.error("the floors hold for the whole corpus: --raise-floors without --held-out")
    unknown = sorted(set(args.letter) - set(corpus_ids()) - {"all"})
    if unknown:
        parser.error(f"no such corpus letter: {', '.join(unknown)}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tkdossiers.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    per_letter = evaluate_corpus(held_out_ids(args.held_out) if args.held_out else None)
    if args.json:
        print(json.dumps(as_json(per_letter), ensure_ascii=False, indent=1))
        return 0
    summed = totals(per_letter)
    if args.raise_floors:
        old = read_floors() if FLOORS.exists() else {}
        FLOORS.write_text(json.dumps(raised_floors(summed, old), indent=1) + "\n", encoding="utf-8")
    print(table(summed, len(per_letter), read_floors() if FLOORS.exists() and not args.held_out else None))
    shown = per_letter if "all" in args.letter else {i: per_letter[i] for i in args.letter if i in per_letter}
    for corpus_id, counts in shown.items():
        print("\n" + detail(corpus_id, counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
