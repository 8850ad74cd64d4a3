"""The gold annotations of the corpus: loading and validating them against tests/corpus/SCHEMA.md."""

import datetime
import json
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
GOLD = CORPUS / "gold"
LETTERS = CORPUS / "letters"

LOCATIONS = ("body", "footnote", "heading")
KINDS = ("new", "prior")
KAMERSTUK = re.compile(r"^\d{5}(?:-[A-Z0-9]{1,4})?-[A-Za-z0-9]{1,5}$")
COMMON = {"note", "borderline"}
FIELDS = {
    "headings": ({"text", "level"}, set()),
    "references": ({"dossier", "toevoeging", "number", "location"}, {"text"}),
    "motions": ({"members", "kamerstuk", "declares_done"}, {"text"}),
    "commitments": ({"text_contains", "kind", "due"}, set()),
    "dossiers": ({"dossier", "toevoeging", "location"}, {"text"}),
}
OPTIONAL_FIELDS = {"dossiers"}  # absent: the letter names no dossier without a document number


def corpus_ids() -> list[str]:
    return sorted(path.stem for path in GOLD.glob("*.json"))


def load(corpus_id: str) -> dict:
    return json.loads((GOLD / f"{corpus_id}.json").read_text(encoding="utf-8"))


def validate(gold: dict, corpus_id: str) -> list[str]:
    """What is wrong with one gold file, as plain sentences; empty when it follows the schema."""
    required = {"id", "document", "headings", "references", "motions", "commitments", "notes"}
    errors = _keys(gold, required, "file", OPTIONAL_FIELDS)
    if gold.get("id") != corpus_id:
        errors.append(f"id {gold.get('id')!r} is not the file name {corpus_id!r}")
    errors += _document(gold.get("document"))
    for field, (required, optional) in FIELDS.items():
        items = gold.get(field, [] if field in OPTIONAL_FIELDS else None)
        if not isinstance(items, list):
            errors.append(f"{field} must be a list")
            continue
        for index, item in enumerate(items):
            where = f"{field}[{index}]"
            if not isinstance(item, dict):
                errors.append(f"{where} must be an object")
                continue
            errors += _keys(item, required, where, optional | COMMON)
            errors += _common(item, where) + CHECKS[field](item, where)
    if not isinstance(gold.get("notes"), list) or not all(isinstance(n, str) for n in gold.get("notes", [])):
        errors.append("notes must be a list of strings")
    return errors


def _keys(item: dict, required: set, where: str, optional: set = frozenset()) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where} must be an object"]
    errors = [f"{where} lacks {key!r}" for key in sorted(required - item.keys())]
    return errors + [f"{where} has an unknown key {key!r}" for key in sorted(item.keys() - required - optional)]


def _is_date(value) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _document(document) -> list[str]:
    errors = _keys(document, {"date", "document_number", "kst"}, "document")
    if errors:
        return errors
    if document["date"] is not None and not _is_date(document["date"]):
        errors.append(f"document.date {document['date']!r} is not an ISO date")
    number = document["document_number"]
    if number is not None and not re.fullmatch(r"\d{4}D\d{5}", str(number)):
        errors.append(f"document.document_number {number!r} is not a document number like 2021D43360")
    if document["kst"] is not None and not KAMERSTUK.match(str(document["kst"])):
        errors.append(f"document.kst {document['kst']!r} is not like 29628-1048")
    return errors


def _common(item: dict, where: str) -> list[str]:
    errors = []
    if "note" in item and not isinstance(item["note"], str):
        errors.append(f"{where}.note must be a string")
    if "borderline" in item and item["borderline"] is not True:
        errors.append(f"{where}.borderline is true or absent")
    return errors


def _text(item: dict, key: str, where: str) -> list[str]:
    value = item.get(key)
    return [] if isinstance(value, str) and value.strip() else [f"{where}.{key} must be a non-empty string"]


def _heading(item: dict, where: str) -> list[str]:
    level = item.get("level")
    ok = level is None or (isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 6)
    return _text(item, "text", where) + ([] if ok else [f"{where}.level must be 1 to 6 or null"])


def _reference(item: dict, where: str) -> list[str]:
    errors = []
    if not re.fullmatch(r"\d{5}", str(item.get("dossier"))):
        errors.append(f"{where}.dossier must be five digits")
    toevoeging = item.get("toevoeging")
    if toevoeging is not None and not re.fullmatch(r"[A-Z]{1,4}|[IVXLC]+|\d{1,3}", str(toevoeging)):
        errors.append(f"{where}.toevoeging must be like VI, A or 31, or null")
    if not re.fullmatch(r"[A-Za-z0-9]{1,5}", str(item.get("number"))):
        errors.append(f"{where}.number must be the ondernummer, like 264 or AA")
    if item.get("location") not in LOCATIONS:
        errors.append(f"{where}.location must be one of {', '.join(LOCATIONS)}")
    return errors


def _motion(item: dict, where: str) -> list[str]:
    errors = []
    members = item.get("members")
    by_kamerstuk = bool(KAMERSTUK.match(str(item.get("kamerstuk") or "")))  # [] when named by its kamerstuk only
    named = isinstance(members, list) and (members or by_kamerstuk)
    if not named or not all(isinstance(m, str) and m.strip() for m in members):
        errors.append(f"{where}.members must be a non-empty list of names (or [] with a kamerstuk)")
    if item.get("kamerstuk") is not None and not KAMERSTUK.match(str(item["kamerstuk"])):
        errors.append(f"{where}.kamerstuk must be like 29517-260 or 36600-VI-100, or null")
    if item.get("declares_done") not in (True, False, None):
        errors.append(f"{where}.declares_done must be true, false or null")
    return errors


def _commitment(item: dict, where: str) -> list[str]:
    errors = _text(item, "text_contains", where)
    if item.get("kind") not in KINDS:
        errors.append(f"{where}.kind must be new or prior")
    due = item.get("due")
    if not (due is None or due == "unclear" or _is_date(due)):
        errors.append(f'{where}.due must be an ISO date, null or "unclear"')
    return errors


def _dossier(item: dict, where: str) -> list[str]:
    """A dossier named without a document number: a reference's fields without the ondernummer."""
    return [error for error in _reference({**item, "number": "1"}, where) if ".number " not in error]


CHECKS = {
    "headings": _heading,
    "references": _reference,
    "motions": _motion,
    "commitments": _commitment,
    "dossiers": _dossier,
}
