"""Where a letter cites kamerstukken: every citation with its location, in reading order.

Pure Python over the splitter's sections and the reader's footnotes. A footnote's
citations are read where its marker stands in the text. Besides the kamerstukken and their
look-alikes, a dossier named without a document number ("(Kamerstuk 34 919)") is kept as a
`DossierMention`: it names no document, so it is no kamerstuk citation.
"""

from dataclasses import dataclass

from letters.docx.reader import Table
from tkdossiers.citations import Citation, DossierCitation, OtherCitation, find, find_dossiers, may_cite


@dataclass(frozen=True)
class DossierMention(DossierCitation):
    """A dossier named without a document number, with the kind the other look-alikes have."""

    kind: str = "dossier"


@dataclass(frozen=True)
class Occurrence:
    citation: Citation | OtherCitation | DossierMention
    section: int | None  # index into the sections list; None for a footnote cited nowhere
    footnote: str | None  # footnote number when the citation stands in a footnote
    location: str  # "heading" | "body" | "footnote 12"

    @property
    def is_kamerstuk(self) -> bool:
        return isinstance(self.citation, Citation)


def texts_of(sections):
    """(section index, location, text, footnote refs) for every heading, paragraph and table cell."""
    for index, section in enumerate(sections):
        yield index, "heading", section.heading, section.heading_refs
        for block in section.blocks:
            cells = [cell for row in block.rows for cell in row] if isinstance(block, Table) else [block]
            for cell in cells:
                yield index, "body", cell.text, cell.footnote_refs


def first_citing_section(sections) -> dict[str, int]:
    """Footnote number -> index of the section whose text first cites it."""
    cited: dict[str, int] = {}
    for index, _, _, refs in texts_of(sections):
        for ref in refs:
            cited.setdefault(ref.number, index)
    return cited


def occurrences(sections, footnotes) -> list[Occurrence]:
    texts = {footnote.number: footnote.text for footnote in footnotes}
    located = list(texts_of(sections))
    cited = _citations_by_text([text for _, _, text, _ in located] + list(texts.values()))
    seen: set[str] = set()
    found: list[Occurrence] = []
    for index, location, text, refs in located:
        if refs or text in cited:  # most paragraphs cite nothing
            found += _in_text(cited.get(text, []), refs, index, location, texts, cited, seen)
    for number, text in texts.items():
        if number not in seen:
            found += _cited(cited.get(text, []), None, number)
    return found


def _citations_by_text(texts: list[str]) -> dict[str, list]:
    """The citations of each text that can hold any (`may_cite`: most paragraphs hold none)."""
    return {text: _all(text) for text, may in zip(texts, may_cite(texts), strict=True) if may}


def _in_text(citations, refs, section, location, footnote_texts, cited, seen) -> list[Occurrence]:
    """The text's citations, with those of each footnote at its marker's position."""
    items = [(c.start, _occurrence(c, section, None, location)) for c in citations]
    for ref in refs:
        if ref.number in footnote_texts and ref.number not in seen:
            seen.add(ref.number)
            in_footnote = cited.get(footnote_texts[ref.number], [])
            items += [(ref.offset, o) for o in _cited(in_footnote, section, ref.number)]
    return [occurrence for _, occurrence in sorted(items, key=lambda item: item[0])]


def _cited(citations, section, number) -> list[Occurrence]:
    return [_occurrence(c, section, number, f"footnote {number}") for c in citations]


def _all(text):
    citations, others = find(text)
    found = [*citations, *others]
    found += [
        DossierMention(d.text, d.start, d.end, d.dossier, d.toevoeging)
        for d in find_dossiers(text)
        if not any(c.start < d.end and d.start < c.end for c in found)  # part of a citation found already
    ]
    return sorted(found, key=lambda c: c.start)


def _occurrence(citation, section, footnote, location) -> Occurrence:
    return Occurrence(citation=citation, section=section, footnote=footnote, location=location)


def resolve_toevoegingen(citations: list[Citation]) -> dict[tuple[str, str], str]:
    """(dossier, number) cited without toevoeging -> the one toevoeging the letter gives it elsewhere.

    "36725, nr. 16" and "36725-VI, nr. 16" in one letter are one kamerstuk; with two
    different toevoegingen for the same number the letter is ambiguous and nothing is filled in.
    """
    seen: dict[tuple[str, str], set[str]] = {}
    for citation in citations:
        if citation.toevoeging:
            seen.setdefault((citation.dossier, citation.number), set()).add(citation.toevoeging)
    return {key: next(iter(values)) for key, values in seen.items() if len(values) == 1}
