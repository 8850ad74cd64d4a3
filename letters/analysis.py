"""The analyse_letter contract: one .docx in, one JSON-ready dict out (pure Python)."""

from letters.reader import read
from letters.sections import split


def analyse(content: bytes, filename: str = "") -> dict:
    parsed = read(content, filename)
    sections = split(parsed.blocks)
    meta = parsed.metadata
    return {
        "document": {
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "document_number": meta.document_number,
            "sender": meta.sender_display or None,
        },
        "sections": [{"heading": s.heading, "level": s.level} for s in sections],
        "footnotes": [{"number": f.number, "text": f.text} for f in parsed.footnotes],
        "references": [],
        "motions": [],
        "commitments": [],
    }
