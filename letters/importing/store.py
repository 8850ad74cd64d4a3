"""Store one parsed letter version in one transaction; importing is idempotent.

Same bytes again: nothing new is written. A changed file of a known letter: a new
version, the earlier ones untouched. A file that cannot be read: one FailedImport
row with the reason, nothing else.
"""

import hashlib
import logging
import random
import time
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.postgres.search import SearchVector
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models import Q
from django.db.models.functions import Left
from django.utils.text import slugify

from letters.apps import analyser_hooks
from letters.docx.reader import ParsedDocument, ReadError, Table, read
from letters.docx.references import DossierMention, first_citing_section, occurrences, resolve_toevoegingen
from letters.docx.sections import SectionData, split
from letters.importing import commits, counts
from letters.importing.ids import reserve_keys
from letters.importing.rows import insert as insert_rows
from letters.models import FailedImport, Footnote, Letter, LetterVersion, Reference, Section, Source
from letters.topics import recount
from letters.topics.tagging import tag_new_version
from tkdossiers import compiled
from tkdossiers.citations import vergaderjaar_for
from tkdossiers.services import dossiers_for, kamerstukken_for

logger = logging.getLogger(__name__)

STORE_ATTEMPTS = 3
TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure
# Imports whose file is kept where it came from, so that running them again redoes a lost one.
REDOABLE_SOURCES = {Source.COMMAND, Source.SYNC}


# Why an import that a Celery task's time limit stopped failed (letters.importing.tasks).
TOO_LONG = "de verwerking stopte: het inlezen duurde te lang; er is niets opgeslagen"


class Outcome(models.TextChoices):
    IMPORTED = "imported", "geïmporteerd"
    NEW_VERSION = "new_version", "nieuwe versie"
    UNCHANGED = "unchanged", "ongewijzigd"
    FAILED = "failed", "mislukt"


@dataclass(frozen=True)
class ImportResult:
    outcome: Outcome
    filename: str
    letter: Letter | None = None
    version: LetterVersion | None = None
    reason: str = ""


def import_letter(*, content: bytes, filename: str, source: str, user=None) -> ImportResult:
    """Read, split and store one file; never raises for a bad file."""
    sha256 = hashlib.sha256(content).hexdigest()
    existing = stored_version(sha256)
    if existing is not None:
        return ImportResult(Outcome.UNCHANGED, filename, existing.letter, existing)
    try:
        parsed = read(content, filename)
        sections = split(parsed.blocks)
    except ReadError as exc:
        return _failed(filename, content, sha256, str(exc), source, user)
    except SoftTimeLimitExceeded:  # a Celery task's time is up: say so, not "a bug"
        return _failed(filename, content, sha256, TOO_LONG, source, user)
    except Exception as exc:  # a reader bug on a strange file must not lose the upload's reason
        logger.exception("unexpected error reading %s", filename)
        return _failed(
            filename, content, sha256, f"onverwachte fout bij het lezen ({type(exc).__name__})", source, user
        )
    for attempt in range(STORE_ATTEMPTS):
        last = attempt == STORE_ATTEMPTS - 1
        try:
            return store(parsed, sections, content=content, sha256=sha256, filename=filename, source=source, user=user)
        except IntegrityError:
            # A concurrent import wrote the same bytes, or created the same letter
            # first; in the second case storing again makes this the next version.
            existing = stored_version(sha256)
            if existing is not None:
                return ImportResult(Outcome.UNCHANGED, filename, existing.letter, existing)
            if last:
                raise
        except OperationalError as exc:
            if last or not _transient(exc):
                return _store_failed(filename, content, sha256, exc, source, user)
            # Two imports creating the same kamerstukken or motions can deadlock; the
            # database rolled this one back, so it starts over after the other is done.
            logger.warning("storing %s: %s; trying again", filename, exc)
            time.sleep(random.uniform(0.05, 0.25) * (attempt + 1))
        except SoftTimeLimitExceeded:  # rolled back; trying again later would take as long
            return _failed(filename, content, sha256, TOO_LONG, source, user)
        except Exception as exc:  # the transaction rolled back; say so instead of a bare 500
            return _store_failed(filename, content, sha256, exc, source, user)
    raise AssertionError("unreachable")


def stored_version(sha256: str) -> LetterVersion | None:
    """The version with these bytes, without reading the bytes (a re-run of a bulk import asks for
    every file); compiled once (tkdossiers.compiled), as every import asks."""
    found = compiled.instances("stored version", _stored_versions, sha256=sha256)
    return found[0] if found else None


def _stored_versions():
    versions = LetterVersion.objects.select_related("letter").defer("content")
    return versions.filter(sha256=compiled.slot("sha256")).order_by("pk")[:1]


def _transient(exc: OperationalError) -> bool:
    return getattr(exc.__cause__, "sqlstate", None) in TRANSIENT_SQLSTATES


def _store_failed(filename, content, sha256, exc, source, user) -> ImportResult:
    logger.exception("storing %s failed", filename)
    reason = f"opslaan mislukt ({type(exc).__name__}: {exc}); er is niets opgeslagen, probeer het opnieuw"
    return _failed(filename, content, sha256, reason, source, user)


def _failed(filename, content, sha256, reason, source, user) -> ImportResult:
    FailedImport.objects.create(
        filename=filename[:255], sha256=sha256, size=len(content), reason=reason, source=source, user=user
    )
    return ImportResult(Outcome.FAILED, filename, reason=reason)


def letter_identity(parsed: ParsedDocument) -> str:
    """The key a new letter is created under (unique, so concurrent imports meet)."""
    meta = parsed.metadata
    if meta.document_number:
        return f"tk:{meta.document_number}"
    if meta.kenmerk:
        return f"kenmerk:{meta.kenmerk}"
    return f"titel:{slugify(meta.title)[:200]}:{meta.date or ''}"


def identity_keys(parsed: ParsedDocument) -> tuple[str, ...]:
    """Everything existing_letter may match a letter on."""
    meta = parsed.metadata
    keys = [
        f"tk:{meta.document_number}" if meta.document_number else "",
        f"kenmerk:{meta.kenmerk}" if meta.kenmerk else "",
    ]
    if meta.title and meta.date:
        keys.append(f"titel:{meta.title}:{meta.date.isoformat()}")
    return tuple(f"letter-identity:{key}" for key in keys if key)


def existing_letter(parsed: ParsedDocument) -> Letter | None:
    """The letter this file is a version of: same document number, else kenmerk, else title and date.

    A letter that has another TK document number is never matched by kenmerk or title. One
    statement reads (and locks, in key order) every candidate; the order of preference is applied here.
    """
    meta = parsed.metadata
    number, kenmerk, dated = meta.document_number, meta.kenmerk, bool(meta.title and meta.date)
    if not (number or kenmerk or dated):
        return None
    shape = (bool(number), bool(kenmerk), dated)  # which values there are decides the statement
    found = compiled.instances(
        f"existing letter {shape}",
        lambda: _candidates(*shape),
        number=number,
        kenmerk=kenmerk,
        title=meta.title,
        date=connection.ops.adapt_datefield_value(meta.date),
    )
    tests = [
        lambda letter: bool(number) and letter.document_number == number,
        lambda letter: bool(meta.kenmerk) and letter.kenmerk == meta.kenmerk,
        lambda letter: bool(meta.title and meta.date) and (letter.title, letter.date) == (meta.title, meta.date),
    ]
    return next((letter for test in tests for letter in found if test(letter)), None)


def _candidates(number: bool, kenmerk: bool, dated: bool):
    """The letters existing_letter chooses from, for the values a file has, locked in key order."""
    others = Q(pk__in=[])
    if kenmerk:
        others |= Q(kenmerk=compiled.slot("kenmerk"))
    if dated:
        others |= Q(title=compiled.slot("title"), date=compiled.slot("date"))
    if number:
        others &= Q(document_number="")
    by_number = Q(document_number=compiled.slot("number")) if number else Q(pk__in=[])
    return Letter.objects.select_for_update().filter(by_number | others).order_by("pk")


@transaction.atomic
def store(parsed: ParsedDocument, sections: list[SectionData], *, content, sha256, filename, source, user=None):
    # Two imports that could find each other's letter (same number, kenmerk, or title and
    # date) wait for each other here, so that the second sees the first's letter, not none.
    keys = reserve_keys(  # a letter's key too, unused when the file is a new version of a known letter
        {Letter: 1, LetterVersion: 1, Section: len(sections), Footnote: len(parsed.footnotes)},
        locks=identity_keys(parsed),
        settings=commits.NOT_WAITING if source in REDOABLE_SOURCES else None,  # a bulk import's commit
    )
    version = LetterVersion(
        pk=keys[LetterVersion][0] if keys else None,
        number=1,
        sha256=sha256,
        filename=filename[:255],
        size=len(content),
        content=content,
        title=parsed.metadata.title,
        date=parsed.metadata.date,
        source=source,
        imported_by=user,
    )
    # Uniqueness is the database's to enforce: import_letter checked the sha256 a moment ago
    # and treats an IntegrityError from a concurrent import as the same bytes stored twice.
    version.full_clean(exclude=["content", "letter"], validate_unique=False, validate_constraints=False)
    letter, previous_id, created = _write_letter_and_version(parsed, version, keys[Letter] if keys else None)
    section_rows = _store_sections(version, sections, keys[Section] if keys else None)
    footnote_rows = _store_footnotes(version, parsed, sections, section_rows, keys[Footnote] if keys else None)
    references = _store_references(version, parsed, sections, section_rows, footnote_rows)
    tag_new_version(section_rows)
    for store_findings in analyser_hooks("store"):
        store_findings(version=version, parsed=parsed, sections=sections, section_rows=section_rows)
    counts.record_citations(letter, version, references, previous_id, new_letter=created)
    recount.topics_changed()
    return ImportResult(Outcome.IMPORTED if created else Outcome.NEW_VERSION, filename, letter, version)


def _write_letter_and_version(parsed, version, letter_key: list[int] | None):
    """The letter (the one found, or a new one) and its new current version, written;
    returns the letter, the version it had before and whether the letter is new.

    With keys reserved (`letter_key`, PostgreSQL) a new letter and the version are inserted as the
    other rows are (rows.insert: one statement each, compiled once, the file's bytes sent as they
    are), the letter pointing at its version from the start (the key checks are deferred)."""
    letter = existing_letter(parsed)
    created = letter is None
    if created:  # nothing to number after or to retire
        letter, previous_id = Letter(identity=letter_identity(parsed)), None
    else:
        version.number = (letter.versions.aggregate(models.Max("number"))["number__max"] or 0) + 1
        previous_id = letter.current_version_id
        letter.versions.filter(is_current=True).update(is_current=False)
    if letter_key is None:  # no keys before the insert (SQLite): point at the version afterwards
        letter.save()
        version.letter = letter
        version.save(force_insert=True)
        _describe(letter, parsed.metadata, version)
        letter.save()
        return letter, previous_id, created
    _describe(letter, parsed.metadata, version)
    if created:
        letter.pk = letter_key[0]
        insert_rows(Letter, [letter])
    else:
        letter.save()
    version.letter = letter
    insert_rows(LetterVersion, [version])
    return letter, previous_id, created


def _describe(letter: Letter, meta, version: LetterVersion) -> None:
    """The letter as its newest version describes it."""
    # A version whose file name lacks the number (found by its kenmerk) does not unknow it.
    letter.document_number = meta.document_number or letter.document_number
    letter.title = meta.title
    letter.date = meta.date
    for name, value in fitted(Letter, kenmerk=meta.kenmerk, sender=meta.sender, signatory=meta.signatory).items():
        setattr(letter, name, value)
    letter.vergaderjaar = vergaderjaar_for(meta.date) if meta.date else ""
    letter.current_version = version


def fitted(model, **values: str) -> dict[str, str]:
    """The values cut to their columns' lengths. A letter head may hold a 125-character kenmerk or
    a long list of signatories: the letter is still a letter, and PostgreSQL refuses what does not
    fit (SQLite keeps it), so the import of a valid letter would fail for good."""
    return {name: value[: model._meta.get_field(name).max_length] for name, value in values.items()}


def _store_sections(version, sections: list[SectionData], ids: list[int] | None) -> list[Section]:
    rows = [
        Section(
            version=version,
            position=index,
            level=data.level,
            number=data.number[: Section._meta.get_field("number").max_length],
            kind=data.kind,
            heading=data.heading,
            heading_refs=[[ref.offset, ref.number] for ref in data.heading_refs],
            blocks=[block_data(block) for block in data.blocks],
            text=text,
            path=" › ".join(heading_path(sections, data.parent)),
        )
        for index, data in enumerate(sections)
        for text in ["\n".join(block.text for block in data.blocks)]
    ]
    if ids is not None:  # one insert, parents included
        for row, pk in zip(rows, ids, strict=True):
            row.pk = pk
        _link_parents(rows, sections)
        return insert_rows(Section, rows, computed=SECTION_VECTOR)
    Section.objects.bulk_create(rows, batch_size=500)
    _link_parents(rows, sections)
    Section.objects.bulk_update([row for row in rows if row.parent is not None], ["parent"], batch_size=500)
    return rows


def _link_parents(rows: list[Section], sections: list[SectionData]) -> None:
    for row, data in zip(rows, sections, strict=True):
        row.parent = rows[data.parent] if data.parent is not None else None


def heading_path(sections, parent) -> list[str]:
    path = []
    while parent is not None:
        path.insert(0, sections[parent].heading)
        parent = sections[parent].parent
    return path


def block_data(block) -> dict:
    """A paragraph or table as JSON for the template (see templatetags/letter_text)."""
    if isinstance(block, Table):
        return {"type": "table", "rows": [[_text_data(cell) for cell in row] for row in block.rows]}
    data = {"type": "p", **_text_data(block)}
    if block.list_level is not None:
        data.update(type="li", list_level=block.list_level, label=block.list_label)
    return data


def _text_data(paragraph) -> dict:
    return {"text": paragraph.text, "refs": [[ref.offset, ref.number] for ref in paragraph.footnote_refs]}


def _store_footnotes(version, parsed, sections, section_rows, ids: list[int] | None):
    cited_in = first_citing_section(sections)
    rows = [
        Footnote(
            pk=ids[index] if ids else None,
            version=version,
            number=note.number,
            position=index,
            text=note.text,
            section=section_rows[cited_in[note.number]] if note.number in cited_in else None,
        )
        for index, note in enumerate(parsed.footnotes)
    ]
    return insert_rows(Footnote, rows, computed=FOOTNOTE_VECTOR)


def _store_references(version, parsed, sections, section_rows, footnote_rows):
    found = occurrences(sections, parsed.footnotes)
    citations = [o.citation for o in found if o.is_kamerstuk]
    toevoegingen = resolve_toevoegingen(citations)
    keys = {c: (c.dossier, c.toevoeging or toevoegingen.get((c.dossier, c.number), ""), c.number) for c in citations}
    # A new kamerstuk's vergaderjaar is set with its citation counts (counts.record_citations).
    kamerstukken = kamerstukken_for(set(keys.values()))
    dossiers = _named_dossiers(found)
    footnote_of = {row.number: row for row in footnote_rows}
    return insert_rows(
        Reference,
        [
            Reference(
                version=version,
                section=section_rows[o.section] if o.section is not None else None,
                footnote=footnote_of.get(o.footnote),
                kamerstuk=kamerstukken[keys[o.citation]] if o.is_kamerstuk else None,
                dossier=dossiers.get(_dossier_key(o.citation)),
                kind=Reference.Kind.KAMERSTUK if o.is_kamerstuk else o.citation.kind,
                location=o.location.split()[0],
                position=position,
                text=o.citation.text,
                vergaderjaar=(o.citation.year or "") if o.is_kamerstuk else "",
            )
            for position, o in enumerate(found)
        ],
    )


def _dossier_key(citation) -> tuple[str, str] | None:
    return (citation.dossier, citation.toevoeging or "") if isinstance(citation, DossierMention) else None


def _named_dossiers(found) -> dict:
    """The dossiers named without a document number (DossierMention), read or created; no query without one."""
    keys = {_dossier_key(o.citation) for o in found} - {None}
    return dossiers_for(keys) if keys else {}


# Full-text vectors (Dutch stemming) are computed by PostgreSQL in the statement that inserts
# the rows (letters.importing.rows): one write per row, not an insert and then an update of
# every row. Other databases (the SQLite demo) have no full-text search; the vectors stay empty.
# A tsvector holds at most 1 MB: a passage of more distinct words than that (a long annex without
# headings) would fail the whole import. Search reads the first SEARCHED_CHARS characters of a
# passage or footnote (some 30,000 words: far beyond any real passage); the page shows all of it.
SEARCHED_CHARS = 200_000
SECTION_VECTOR = {
    "search_vector": f"setweight(to_tsvector('dutch'::regconfig, left(r.heading::text, {SEARCHED_CHARS})), 'A')"
    f" || setweight(to_tsvector('dutch'::regconfig, left(r.text, {SEARCHED_CHARS})), 'B')"
}
FOOTNOTE_VECTOR = {"search_vector": f"setweight(to_tsvector('dutch'::regconfig, left(r.text, {SEARCHED_CHARS})), 'B')"}


def index_for_search(version) -> None:
    """Fill the full-text vectors of a version stored without them (bulk loads); PostgreSQL only."""
    if connection.vendor != "postgresql":
        return
    version.sections.update(
        search_vector=SearchVector(Left("heading", SEARCHED_CHARS), weight="A", config="dutch")
        + SearchVector(Left("text", SEARCHED_CHARS), weight="B", config="dutch")
    )
    version.footnotes.update(search_vector=SearchVector(Left("text", SEARCHED_CHARS), weight="B", config="dutch"))
