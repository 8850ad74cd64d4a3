"""What the reader makes of a letter: plain frozen data, importable from letters.docx.reader too."""

from dataclasses import dataclass, field

from letters.docx import metadata as metadata_mod


@dataclass(frozen=True)
class FootnoteRef:
    offset: int  # position in Paragraph.text where the marker stood
    number: str  # the number the reader sees ("3"), or a custom mark ("*")


@dataclass(frozen=True, init=False)
class Paragraph:
    text: str
    style: str = ""
    outline_level: int | None = None  # 0-based, from style or paragraph
    bold: bool = False
    italic: bool = False
    list_level: int | None = None
    list_label: str = ""
    footnote_refs: tuple[FootnoteRef, ...] = ()

    def __init__(
        self,
        text: str,
        style: str = "",
        outline_level: int | None = None,
        bold: bool = False,
        italic: bool = False,
        list_level: int | None = None,
        list_label: str = "",
        footnote_refs: tuple[FootnoteRef, ...] = (),
    ):
        # The generated __init__ of a frozen dataclass sets each field with a call of object.__setattr__;
        # one update of the instance's dict does the same for a seventh of the cost, for every paragraph.
        self.__dict__.update(
            text=text,
            style=style,
            outline_level=outline_level,
            bold=bold,
            italic=italic,
            list_level=list_level,
            list_label=list_label,
            footnote_refs=footnote_refs,
        )


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Paragraph, ...], ...]  # each cell as one paragraph (lines joined by \n)
    cell_paragraphs: tuple[Paragraph, ...] = ()  # all paragraphs, for unwrapping layout tables

    @property
    def text(self) -> str:
        return "\n".join(" | ".join(cell.text for cell in row) for row in self.rows)

    @property
    def is_layout(self) -> bool:
        """At most one filled cell per row: Word users' way of placing text, not data."""
        return all(sum(1 for cell in row if cell.text) <= 1 for row in self.rows)


@dataclass(frozen=True)
class Footnote:
    """A footnote, or an endnote: both are notes beside the text, marked as the letter marks them."""

    number: str
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    metadata: metadata_mod.Metadata
    blocks: tuple  # Paragraph | Table, in document order, letter head and signature removed
    footnotes: tuple[Footnote, ...] = field(default=())
