"""The analyse_letter contract: one .docx in, one JSON-ready dict out; writes nothing.

The analysers in settings.LETTER_ANALYSERS add their keys (motions, commitments).
"""

from django.db import DatabaseError

from letters.apps import analyser_hooks
from letters.docx.reader import read
from letters.docx.references import occurrences
from letters.docx.sections import split
from letters.topics.defaults import starting_rules
from letters.topics.matching import Matcher, SectionText
from letters.topics.tagging import matcher_from_db


def analyse(content: bytes, filename: str = "") -> dict:
    parsed = read(content, filename)
    sections = split(parsed.blocks)
    meta = parsed.metadata
    found = occurrences(sections, parsed.footnotes)
    result = {
        "document": {
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "document_number": meta.document_number,
            "sender": meta.sender_display or None,
        },
        "sections": [
            {"heading": s.heading, "level": s.level, "topics": sorted(slugs)}
            for s, (slugs, _) in zip(sections, topic_matcher().tag(section_texts(sections)), strict=True)
        ],
        "footnotes": [{"number": f.number, "text": f.text} for f in parsed.footnotes],
        "references": [_reference(o.citation, o.location) for o in found if o.is_kamerstuk],
        "other_references": [
            {"text": o.citation.text, "kind": o.citation.kind, "location": o.location}
            for o in found
            if not o.is_kamerstuk
        ],
        "motions": [],
        "commitments": [],
    }
    for describe in analyser_hooks("describe"):
        result.update(describe(parsed=parsed, sections=sections))
    return result


def _reference(citation, location) -> dict:
    return {
        "text": citation.text,
        "dossier": citation.dossier,
        "toevoeging": citation.toevoeging,
        "number": citation.number,
        "year": citation.year,
        "location": location,
    }


def section_texts(sections) -> list[SectionText]:
    return [SectionText(s.heading, "\n".join(block.text for block in s.blocks), s.parent) for s in sections]


def topic_matcher() -> Matcher:
    """The topic rules as clerks edited them; the starting set when there is no database to read."""
    try:
        return matcher_from_db()[0]
    except DatabaseError:
        return Matcher(starting_rules())
