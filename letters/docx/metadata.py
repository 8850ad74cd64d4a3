"""A letter's title, date, sender and numbers, preferring what the reader sees.

Sources, best first: the letter head (a table with Datum / Betreft or Onderwerp in
the body, or text boxes in the first-page header, which Word stores twice; in the
kamerstuk layout a "Den Haag, <datum>" line above the text), then docProps/custom.xml
and core.xml (often cut at 110 characters, or stale).
"""

import datetime
import functools
import itertools
import re
from dataclasses import dataclass

from letters.docx.wordml import MC, W, inside

MONTHS = {
    name: number
    for number, name in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split(), 1
    )
}
DATE_TEXT = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# The kamerstuk layout dates a letter on a line of its own above the salutation.
PLACE_DATE = re.compile(r"^\s*(?:Den\s+Haag|[’']s-Gravenhage),?\s+(?P<date>.{6,40}?)\.?\s*$", re.IGNORECASE)
OPENING_PARAGRAPHS = 12  # the place-and-date line stands in the letter's first paragraphs
DOCUMENT_NUMBER = re.compile(r"\b((?:19|20)\d{2}D\d{4,6})\b")
DATE_LABELS = ("datum",)
TITLE_LABELS = ("betreft", "onderwerp")
KENMERK_LABELS = ("ons kenmerk", "onze referentie", "kenmerk")
ALL_LABELS = (
    DATE_LABELS
    + TITLE_LABELS
    + KENMERK_LABELS
    + (
        "uw kenmerk",
        "uw brief",
        "bijlage(n)",
        "bijlagen",
        "bijlage",
        "pagina",
        "contactpersoon",
        "projectnaam",
    )
)
SIGNATURE = re.compile(
    r"^(?:De\s+)?((?:minister|staatssecretaris|minister-president)\b[^.;:?!]{0,100}?),?$", re.IGNORECASE
)
PAGE = re.compile(r"^\s*pagina\s+\d", re.IGNORECASE)
CORE_TAGS = {"title": "{http://purl.org/dc/elements/1.1/}title", "subject": "{http://purl.org/dc/elements/1.1/}subject"}
CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
CUSTOM_PART, CORE_PART = "docProps/custom.xml", "docProps/core.xml"


@dataclass(frozen=True)
class Metadata:
    title: str
    date: datetime.date | None
    document_number: str | None
    kenmerk: str
    sender: str
    signatory: str

    @property
    def sender_display(self) -> str:
        if self.sender and self.signatory:
            return f"{self.sender} ({self.signatory})"
        return self.sender or self.signatory


def parse_dutch_date(text: str) -> datetime.date | None:
    match = DATE_TEXT.search(text or "")
    try:
        if match:
            day, month, year = match.groups()
            return datetime.date(int(year), MONTHS[month.lower()], int(day))
        match = ISO_DATE.search(text or "")
        if match:
            return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return None


def is_head_table(table) -> bool:
    """A table that carries the letter head (labels such as Datum and Betreft)."""
    labels = {cell.text.strip().lower() for row in table.rows for cell in row}
    labels |= {line.strip().lower() for row in table.rows for cell in row for line in cell.text.split("\n")}
    return bool(labels & set(DATE_LABELS)) and bool(labels & set(TITLE_LABELS + KENMERK_LABELS))


def is_address_table(table) -> bool:
    """The addressee or return address block of the letter head."""
    text = table.text.lower()
    return "postbus" in text or "retouradres" in text or "tweede kamer der staten" in text


HEADER_PART = re.compile(r"word/header\d*\.xml")
PARAGRAPH, TEXT, TEXT_BOX, FALLBACK = W + "p", W + "t", W + "txbxContent", MC + "Fallback"


def defer_headers(package) -> list[str]:
    """The page header parts, first-page header first, put off (Package.defer) for header_lines."""
    names = sorted(name for name in package.infos if HEADER_PART.fullmatch(name))
    for name in names:
        package.defer(name)
    return names


def header_lines(package, names: list[str]) -> list[str]:
    """Visible paragraph lines of the page headers that defer_headers put off."""
    lines = []
    for name in names:
        root = package.deferred_xml(name)
        # Word keeps a VML copy of every text box in mc:Fallback. What lies in one, and which paragraphs
        # hold a text box, is looked up once per part from the few copies and boxes: asking each paragraph
        # and text for its ancestors cost more than parsing the header.
        copies = list(root.iterdescendants(FALLBACK))
        copied = {node for copy in copies for node in copy.iter(PARAGRAPH, TEXT)}
        with_box = {p for box in root.iter(TEXT_BOX) for p in box.iterancestors(PARAGRAPH)}
        for p in root.iter(PARAGRAPH):
            if p in copied or p in with_box:
                continue  # a copy; or a paragraph whose box's own paragraphs are visited on their own
            texts = p.iter(TEXT)
            lines.append(" ".join("".join([t.text or "" for t in texts if t not in copied]).split()))
    return lines


def _visible_text(p, copies: bool) -> str:
    """The text of p's w:t elements, without those in an mc:Fallback copy (when the part has any)."""
    if copies:
        return "".join(t.text or "" for t in p.iter(TEXT) if not inside(t, p, (FALLBACK,)))
    return "".join([t.text or "" for t in p.iter(TEXT)])


class VisibleLines:
    """The letter head's lines, then the page headers' (`more()`), asked for only when a look goes past
    the head's: most letters say what the metadata needs in their head, and a letter has up to six
    page headers to parse. Iterates, and slices (without steps) into an iterator."""

    def __init__(self, head: list[str], more):
        self.head, self._more, self._lines = head, more, None

    @property
    def has_read_more(self) -> bool:
        return self._lines is not None

    def more(self) -> list[str]:
        return self._all()[len(self.head) :]

    def _all(self) -> list[str]:
        if self._lines is None:
            self._lines = self.head + self._more()
        return self._lines

    def __iter__(self):
        return iter(self._lines) if self._lines is not None else self._lazily()

    def _lazily(self):
        yield from self.head
        yield from self.more()

    def __getitem__(self, key: slice):
        if self._lines is not None:
            return self._lines[key]
        if key.stop is not None and key.stop <= len(self.head):
            return self.head[key]
        return itertools.islice(self, key.start, key.stop)


def labelled_value(lines, labels: tuple[str, ...]) -> str:
    """The text after a label line ("Datum" / "3 oktober 2025"), or on the same line."""
    for index, line in enumerate(lines):
        lowered = line.strip().lower()
        for label in labels:
            if lowered == label:
                for following in lines[index + 1 : index + 4]:
                    if following.strip() and following.strip().lower() not in ALL_LABELS and not PAGE.match(following):
                        return following.strip()
                    if following.strip().lower() in ALL_LABELS:
                        break
            elif lowered.startswith(label + " ") and len(line) > len(label) + 1:
                return line.strip()[len(label) :].strip(" :\t")
    return ""


def place_date(package) -> datetime.date | None:
    """The date of a "Den Haag, 29 maart 2018" line among the letter's first paragraphs."""
    body = package.iter_children("word/document.xml", (W + "p",), within=W + "body")
    try:
        for _, p in zip(range(OPENING_PARAGRAPHS), body, strict=False):
            text = _visible_text(p, copies=True)
            match = PLACE_DATE.match(text)
            if match and (date := parse_dutch_date(match.group("date"))):
                return date
    finally:
        body.close()
    return None


def custom_properties(package) -> dict[str, str]:
    root = package.deferred_xml(CUSTOM_PART)
    if root is None:
        return {}
    values = {}
    for prop in root.iterchildren(CUSTOM_NS + "property"):
        value = _property_text(prop).replace("_x000d_", " ").strip()
        values[(prop.get("name") or "").lower()] = value
    return values


def _property_text(prop) -> str:
    """ "".join(prop.itertext()), looked up directly for the usual one <vt:lpwstr> with only text in it:
    a ministry's custom.xml holds some sixty properties, and lxml's text iterator costs a few times more."""
    if len(prop) == 1 and not prop.text:
        value = prop[0]
        if not len(value) and not value.tail:
            return value.text or ""
    return "".join(prop.itertext())


def core_properties(package) -> dict[str, str]:
    root = package.deferred_xml(CORE_PART)
    if root is None:
        return {}
    found = {key: next(root.iterchildren(tag), None) for key, tag in CORE_TAGS.items()}
    return {key: ((element.text or "") if element is not None else "").strip() for key, element in found.items()}


def take_signature(blocks):
    """Find the signature ("De Minister van …," and the name under it); remove it.

    Ministries put the signature in plain paragraphs or in a borderless table.
    """
    for index, block in enumerate(blocks):
        if getattr(block, "bold", False):
            continue
        if hasattr(block, "rows"):
            signature = _signature_in(_block_lines(block))
            drop = {index}
        elif not SIGNATURE.match(block.text.strip()):
            continue
        else:
            following = list(itertools.takewhile(_not_heading, blocks[index + 1 : index + 4]))
            signature = _signature_in([block.text, *(b.text for b in following if not hasattr(b, "rows"))])
            drop = (
                {index} | {index + 1 + i for i, b in enumerate(following) if getattr(b, "text", None) == signature[1]}
                if signature
                else set()
            )
        if signature:
            return signature, [b for i, b in enumerate(blocks) if i not in drop]
    return None, list(blocks)


def _not_heading(block) -> bool:
    """A heading after the signature ("Vragen van het lid …" over answers sent along) is no name."""
    return not (getattr(block, "bold", False) or getattr(block, "outline_level", None) is not None)


def _block_lines(block):
    if hasattr(block, "rows"):
        return [line for row in block.rows for cell in row for line in cell.text.split("\n") if line.strip()]
    return [block.text] if "\n" not in block.text else []


def _signature_in(lines):
    for position, line in enumerate(lines[:12]):
        match = SIGNATURE.match(line.strip())
        name = next((n.strip() for n in lines[position + 1 : position + 4] if _looks_like_name(n)), None)
        if match and name:
            sender = match.group(1).strip()
            return sender[0].upper() + sender[1:], name
    return None


def _looks_like_name(text: str) -> bool:
    text = text.strip()
    words = text.split()
    return (
        2 < len(text) <= 60
        and len(words) <= 6
        and text[0].isupper()
        and not re.search(r"[,;:?!]", text)
        and not re.search(r"[a-z]{3,}\.$", text)
    )


def extract(*, head_lines, headers, package, signature, filename, first_heading) -> Metadata:
    """headers: the page header parts defer_headers put off. They, docProps/custom.xml and core.xml are
    put off too (Package.defer) and read only when what comes before them does not say."""
    package.defer(CUSTOM_PART)
    package.defer(CORE_PART)
    custom = functools.cache(lambda: custom_properties(package))
    core = functools.cache(lambda: core_properties(package))
    visible = VisibleLines(head_lines, lambda: header_lines(package, headers))
    title = (
        labelled_value(visible, TITLE_LABELS)
        or custom().get("onderwerp", "")
        or re.sub(r"^Brief\s*-\s*", "", core().get("title", ""))
        or core().get("subject", "")
        or first_heading
        or re.sub(r"\.docx$", "", filename, flags=re.IGNORECASE)
    )
    date = (
        parse_dutch_date(labelled_value(visible, DATE_LABELS))
        or place_date(package)
        or parse_dutch_date(custom().get("datum", ""))
    )
    kenmerk = labelled_value(visible, KENMERK_LABELS) or custom().get("onskenmerk", "") or custom().get("kenmerk", "")
    number_sources = itertools.chain(
        visible.head,
        _later(lambda: visible.more() if visible.has_read_more or _may_number(package, headers) else ()),
        _later(lambda: custom().values() if _may_number(package, [CUSTOM_PART]) else ()),
        (filename,),
    )
    document_number = next((m.group(1) for s in number_sources if (m := DOCUMENT_NUMBER.search(s or ""))), None)
    sender, signatory = signature or ("", "")
    return Metadata(
        title=_tidy_title(title),
        date=date,
        document_number=document_number,
        kenmerk=kenmerk.strip(),
        sender=sender,
        signatory=signatory,
    )


def _later(make):
    """What make() gives, made when the first is asked for."""
    yield from make()


# What the text of a part must have to hold a DOCUMENT_NUMBER: a "D" between two digits, where "\0"
# stands for the start or end of a piece of character data (the text before or after it may be in the
# w:t before or after it). XML has no "\0" of its own.
NUMBER_IN_TEXT = re.compile(r"[\d\0]D(?=[\d\0])")


def _may_number(package, names) -> bool:
    """Whether the text of any of the put-off parts may hold a DOCUMENT_NUMBER (Package.deferred_text):
    a page header without one is checked, not parsed."""
    for name in names:
        texts = package.deferred_text(name)
        if texts is None or NUMBER_IN_TEXT.search("\0" + "\0".join(texts) + "\0"):
            return True
    return False


REPEATED_ARTICLE = re.compile(r"\b(van (?:het|de)) \1\b", re.IGNORECASE)


def _tidy_title(title: str) -> str:
    """One line; a doubled "van het van het" (a slip in ministries' own title fields) said once."""
    return REPEATED_ARTICLE.sub(r"\1", re.sub(r"\s+", " ", title).strip())
