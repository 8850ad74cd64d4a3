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

from django.contrib.postgres.search import SearchVector
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.utils.text import slugify

from letters.apps import analyser_hooks
from letters.docx.reader import ParsedDocument, ReadError, Table, read
from letters.docx.references import first_citing_section, occurrences, resolve_toevoegingen
from letters.docx.sections import SectionData, split
from letters.importing import counts
from letters.importing.ids import reserve_ids
from letters.models import FailedImport, Footnote, Letter, LetterVersion, Reference, Section
from letters.topics import recount
from letters.topics.tagging import tag_new_version
from tkdossiers.citations import vergaderjaar_for
from tkdossiers.services import kamerstukken_for

logger = logging.getLogger(__name__)

STORE_ATTEMPTS = 3
TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


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
    existing = LetterVersion.objects.select_related("letter").filter(sha256=sha256).first()
    if existing is not None:
        return ImportResult(Outcome.UNCHANGED, filename, existing.letter, existing)
    try:
        parsed = read(content, filename)
        sections = split(parsed.blocks)
    except ReadError as exc:
        return _failed(filename, content, sha256, str(exc), source, user)
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
            existing = LetterVersion.objects.select_related("letter").filter(sha256=sha256).first()
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
        except Exception as exc:  # the transaction rolled back; say so instead of a bare 500
            return _store_failed(filename, content, sha256, exc, source, user)
    raise AssertionError("unreachable")


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


def existing_letter(parsed: ParsedDocument) -> Letter | None:
    """The letter this file is a version of: same document number, else kenmerk, else title and date.

    A letter that has another TK document number is never matched by kenmerk or title.
    """
    meta = parsed.metadata
    candidates = Letter.objects.select_for_update().order_by("pk")
    if meta.document_number:
        found = candidates.filter(document_number=meta.document_number).first()
        if found:
            return found
        candidates = candidates.filter(document_number__in=["", meta.document_number])
    if meta.kenmerk:
        found = candidates.filter(kenmerk=meta.kenmerk).first()
        if found:
            return found
    if meta.title and meta.date:
        return candidates.filter(title=meta.title, date=meta.date).first()
    return None


@transaction.atomic
def store(parsed: ParsedDocument, sections: list[SectionData], *, content, sha256, filename, source, user=None):
    meta = parsed.metadata
    letter = existing_letter(parsed)
    created = letter is None
    if created:
        letter = Letter.objects.create(identity=letter_identity(parsed), title=meta.title)
    number = (letter.versions.aggregate(models.Max("number"))["number__max"] or 0) + 1
    previous_id = letter.current_version_id
    letter.versions.filter(is_current=True).update(is_current=False)
    version = LetterVersion(
        letter=letter,
        number=number,
        sha256=sha256,
        filename=filename[:255],
        size=len(content),
        content=content,
        title=meta.title,
        date=meta.date,
        source=source,
        imported_by=user,
    )
    version.full_clean(exclude=["content", "letter"])
    version.save()
    section_rows = _store_sections(version, sections)
    footnote_rows = _store_footnotes(version, parsed, sections, section_rows)
    references = _store_references(version, parsed, sections, section_rows, footnote_rows)
    index_for_search(version)
    tag_new_version(section_rows)
    letter.document_number = meta.document_number or ""
    letter.kenmerk = meta.kenmerk
    letter.title = meta.title
    letter.date = meta.date
    letter.sender = meta.sender
    letter.signatory = meta.signatory
    letter.vergaderjaar = vergaderjaar_for(meta.date) if meta.date else ""
    letter.current_version = version
    letter.save()
    for store_findings in analyser_hooks("store"):
        store_findings(version=version, parsed=parsed, sections=sections, section_rows=section_rows)
    counts.record_citations(letter, version, references, previous_id)
    recount.topics_changed()
    return ImportResult(Outcome.IMPORTED if created else Outcome.NEW_VERSION, filename, letter, version)


def _store_sections(version, sections: list[SectionData]) -> list[Section]:
    rows = [
        Section(
            version=version,
            position=index,
            level=data.level,
            number=data.number,
            kind=data.kind,
            heading=data.heading,
            heading_refs=[[ref.offset, ref.number] for ref in data.heading_refs],
            blocks=[block_data(block) for block in data.blocks],
            text="\n".join(block.text for block in data.blocks),
            path=" › ".join(heading_path(sections, data.parent)),
        )
        for index, data in enumerate(sections)
    ]
    ids = reserve_ids(Section, len(rows))
    if ids is not None:  # one insert, parents included
        for row, pk in zip(rows, ids, strict=True):
            row.pk = pk
        _link_parents(rows, sections)
        Section.objects.bulk_create(rows, batch_size=500)
        return rows
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


def _store_footnotes(version, parsed, sections, section_rows):
    cited_in = first_citing_section(sections)
    rows = [
        Footnote(
            version=version,
            number=note.number,
            position=index,
            text=note.text,
            section=section_rows[cited_in[note.number]] if note.number in cited_in else None,
        )
        for index, note in enumerate(parsed.footnotes)
    ]
    Footnote.objects.bulk_create(rows, batch_size=500)
    return rows


def _store_references(version, parsed, sections, section_rows, footnote_rows):
    found = occurrences(sections, parsed.footnotes)
    citations = [o.citation for o in found if o.is_kamerstuk]
    toevoegingen = resolve_toevoegingen(citations)
    keys = {c: (c.dossier, c.toevoeging or toevoegingen.get((c.dossier, c.number), ""), c.number) for c in citations}
    # A new kamerstuk's vergaderjaar is set with its citation counts (counts.record_citations).
    kamerstukken = kamerstukken_for(set(keys.values()))
    footnote_of = {row.number: row for row in footnote_rows}
    return Reference.objects.bulk_create(
        [
            Reference(
                version=version,
                section=section_rows[o.section] if o.section is not None else None,
                footnote=footnote_of.get(o.footnote),
                kamerstuk=kamerstukken[keys[o.citation]] if o.is_kamerstuk else None,
                kind=Reference.Kind.KAMERSTUK if o.is_kamerstuk else o.citation.kind,
                location=o.location.split()[0],
                position=position,
                text=o.citation.text,
                vergaderjaar=(o.citation.year or "") if o.is_kamerstuk else "",
            )
            for position, o in enumerate(found)
        ],
        batch_size=500,
    )


def index_for_search(version) -> None:
    """Fill the full-text vectors (Dutch stemming) of a version; PostgreSQL only."""
    if connection.vendor != "postgresql":
        return
    version.sections.update(
        search_vector=SearchVector("heading", weight="A", config="dutch")
        + SearchVector("text", weight="B", config="dutch")
    )
    version.footnotes.update(search_vector=SearchVector("text", weight="B", config="dutch"))
