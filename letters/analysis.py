"""The analyse_letter contract: one .docx in, one JSON-ready dict out; writes nothing.

The analysers in settings.LETTER_ANALYSERS add their keys (motions, commitments).
"""

from django.conf import settings
from django.utils.module_loading import import_string

from letters.reader import read
from letters.references import occurrences
from letters.sections import split


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
        "sections": [{"heading": s.heading, "level": s.level} for s in sections],
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
    for path in settings.LETTER_ANALYSERS:
        result.update(import_string(path).describe(parsed=parsed, sections=sections))
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
