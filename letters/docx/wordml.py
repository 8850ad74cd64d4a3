"""WordprocessingML vocabulary: namespaces, styles and list numbering."""

import re
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
VAL = W + "val"

HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
# A number in an attribute as Word writes it. Not str.isdigit(): that takes "²" and "١٢", which int()
# refuses or reads as another number.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")


def whole_number(value: str | None) -> int | None:
    """An attribute's whole number (ASCII digits, an optional minus, at most nine digits); None otherwise."""
    return int(value) if value and WHOLE_NUMBER.fullmatch(value) else None


def _within(value: str | None, low: int, high: int, default):
    """whole_number(value) if low <= it < high, else default."""
    number = whole_number(value)
    return number if number is not None and low <= number < high else default


def attr(element, name: str):
    if element is None:
        return None
    return element.get(W + name)


def child_map(element) -> dict:
    """An element's children by tag, the first of each tag (what element.find would give)."""
    children: dict = {}
    if element is not None:
        for child in element[:]:
            children.setdefault(child.tag, child)
    return children


def first_children(element, tags: tuple) -> dict:
    """The first child of each of tags, by tag (what element.find(tag) would give for each)."""
    found: dict = {}
    if element is not None:
        for child in element[:]:
            tag = child.tag
            if tag in tags and tag not in found:
                found[tag] = child
    return found


def inside(node, stop, tags) -> bool:
    """Whether node lies within an element with one of tags, below stop."""
    ancestor = node.getparent()
    while ancestor is not None and ancestor is not stop:
        if ancestor.tag in tags:
            return True
        ancestor = ancestor.getparent()
    return False


def is_on(element, name: str = "val") -> bool:
    """A WordprocessingML on/off property: present without a value means on."""
    if element is None:
        return False
    if not element.values():
        return True  # Word's usual <w:b/>: asking for no attributes costs a third of asking for one
    value = element.get(W + name)
    return value is None or value.lower() not in ("0", "false", "off", "none")


@dataclass
class Style:
    name: str = ""
    outline_level: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    num_id: str | None = None


STYLE, STYLE_ID, STYLE_TYPE, STYLE_DEFAULT = W + "style", W + "styleId", W + "type", W + "default"
NAME, BASED_ON, P_PR, R_PR, R_STYLE = W + "name", W + "basedOn", W + "pPr", W + "rPr", W + "rStyle"
OUTLINE_LVL, NUM_PR, NUM_ID, BOLD, ITALIC = W + "outlineLvl", W + "numPr", W + "numId", W + "b", W + "i"
STYLE_DEFAULTS = etree.XPath("w:style/@w:default", namespaces={"w": W_NS})  # in document order


class StyleSheet:
    """Paragraph and character styles with basedOn inheritance resolved, each when first asked for:
    Word's styles.xml defines a hundred or more, and a letter uses a handful."""

    def __init__(self, root):
        self._elements: dict[str, object] = {}
        self._resolved: dict[tuple[str, int], Style] = {}
        self._by_id: dict[str, Style] = {}  # what get() gave for a style id
        self._default_id = ""
        if root is None:
            return
        for element in root.iterchildren(STYLE):
            self._elements[element.get(STYLE_ID) or ""] = element  # the last of an id counts
        # The few styles that say w:default, found by libxml2: asking each of a hundred styles costs more.
        for default in STYLE_DEFAULTS(root):
            element = default.getparent()
            if default in ("1", "true") and element.get(STYLE_TYPE) == "paragraph":
                self._default_id = element.get(STYLE_ID) or ""  # the last one counts

    def get(self, style_id: str) -> Style:
        found = self._by_id.get(style_id)
        if found is None:  # every paragraph asks: one lookup by the id it has
            found = self._by_id[style_id] = self._at(style_id or self._default_id, 0)
        return found

    def _at(self, style_id: str, depth: int) -> Style:
        """The style resolved `depth` steps down a basedOn chain, kept: the styles of a letter share their
        ancestors ("Standaard"). By depth, because a chain cut off at 20 steps (a loop) ends differently."""
        key = (style_id, depth)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(style_id, depth)
        return self._resolved[key]

    def _resolve(self, style_id: str, depth: int) -> Style:
        if style_id not in self._elements or depth > 20:
            return Style(name=style_id)
        element = self._elements[style_id]
        found = first_children(element, (NAME, BASED_ON, P_PR, R_PR))
        based_on = attr(found.get(BASED_ON), "val")
        parent = self._at(based_on, depth + 1) if based_on else Style()
        name = attr(found.get(NAME), "val") or style_id
        ppr, rpr = found.get(P_PR), child_map(found.get(R_PR))
        outline = parent.outline_level
        match = HEADING_STYLE.match(name.strip()) or HEADING_STYLE.match(style_id)
        if match:
            outline = int(match.group(1)) - 1
        paragraph_props = first_children(ppr, (OUTLINE_LVL, NUM_PR))
        if OUTLINE_LVL in paragraph_props:
            outline = _within(attr(paragraph_props[OUTLINE_LVL], "val") or "", 0, 9, None)
        num_id = parent.num_id
        numbered = (
            next((n for p in ppr.iterchildren(NUM_PR) for n in p.iterchildren(NUM_ID)), None)
            if NUM_PR in paragraph_props  # ppr has a w:numPr: the first w:numId in any of them counts
            else None
        )
        if numbered is not None:
            num_id = attr(numbered, "val")
        return Style(
            name=name,
            outline_level=outline,
            bold=_flag(rpr, "b", parent.bold),
            italic=_flag(rpr, "i", parent.italic),
            num_id=num_id,
        )

    def run_format(self, rpr, paragraph_style: Style) -> tuple[bool, bool]:
        bold, italic = bool(paragraph_style.bold), bool(paragraph_style.italic)
        if rpr is None:
            return bold, italic
        char_style = bold_element = italic_element = None
        for prop in rpr[:]:  # the first of each counts (a slice costs less than lxml's iterator)
            tag = prop.tag
            if tag == R_STYLE:
                char_style = prop if char_style is None else char_style
            elif tag == BOLD:
                bold_element = prop if bold_element is None else bold_element
            elif tag == ITALIC:
                italic_element = prop if italic_element is None else italic_element
        style_id = char_style.get(VAL) if char_style is not None else None
        if style_id:
            resolved = self.get(style_id)
            bold = resolved.bold if resolved.bold is not None else bold
            italic = resolved.italic if resolved.italic is not None else italic
        bold = bold if bold_element is None else is_on(bold_element)
        return bold, italic if italic_element is None else is_on(italic_element)


def _flag(props: dict, name: str, inherited):
    """An on/off run property from an rPr's child_map, or the inherited value."""
    element = props.get(W + name)
    return inherited if element is None else is_on(element)


_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


# How Word marks the notes of a format: "chicago" runs *, †, ‡, § and then doubles them.
CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")
ENDNOTE_FORMAT = "lowerRoman"  # Word's default for endnotes (footnotes default to decimal)


def note_label(number: int, fmt: str) -> str:
    """The mark the number-th note shows in a note format (w:footnotePr / w:endnotePr numFmt)."""
    if fmt == "chicago":
        return CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return _format(number, fmt)


def endnote_numbering(settings) -> tuple[str, int]:
    """(format, first number) of the endnotes, from word/settings.xml's w:endnotePr (None: Word's defaults)."""
    props = child_map(settings.find(W + "endnotePr")) if settings is not None else {}
    fmt = attr(props.get(W + "numFmt"), "val") or ENDNOTE_FORMAT
    start = attr(props.get(W + "numStart"), "val") or "1"
    return fmt, _within(start, 1, 10_000, 1)


ABSTRACT_NUM, ABSTRACT_NUM_ID, NUM = W + "abstractNum", W + "abstractNumId", W + "num"
LVL_OVERRIDE, START_OVERRIDE = W + "lvlOverride", W + "startOverride"


class NumberingCounter:
    """Computes the label ("1.", "a)", "•") each list paragraph shows."""

    def __init__(self, load):
        # Definitions are read when a list first uses them: Word's numbering.xml defines
        # dozens of lists of nine levels each, and a letter uses a few (or none). load() gives
        # the part (a letters.docx.numbering.Numbering, or None), and is asked at the first list
        # paragraph only.
        self._load = load
        self._numbering = None
        self._indexed = False
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._nums: dict[str, list] = {}  # numId -> its w:num elements, in document order
        self._lists: dict[str, tuple[str | None, dict[int, int]]] = {}  # numId -> (abstract id, start overrides)
        self._counters: dict[str, dict[int, int]] = {}

    def _index(self) -> None:
        self._indexed = True
        self._numbering = self._load()
        for num in self._numbering.nums if self._numbering is not None else ():
            self._nums.setdefault(num.get(NUM_ID) or "", []).append(num)

    def _list(self, num_id: str) -> tuple[str | None, dict[int, int]]:
        """The abstract definition a list uses (its last w:num says; None for an unknown list) and
        the levels it restarts (every w:num of the id, later ones over earlier ones)."""
        if num_id not in self._lists:
            nums = self._nums.get(num_id, [])
            abstract = (attr(next(nums[-1].iterchildren(ABSTRACT_NUM_ID), None), "val") or "") if nums else None
            overrides: dict[int, int] = {}
            for override in (override for num in nums for override in num.iterchildren(LVL_OVERRIDE)):
                start = attr(next(override.iterchildren(START_OVERRIDE), None), "val")
                if (number := _within(start, 0, 10**9, None)) is not None:
                    overrides[level_number(attr(override, "ilvl"))] = number
            self._lists[num_id] = (abstract, overrides)
        return self._lists[num_id]

    def _levels_of(self, abstract_id: str) -> dict[int, tuple[str, str, int]]:
        if abstract_id not in self._levels:
            levels = {}
            element = self._numbering.abstract(abstract_id) if self._numbering is not None else None
            for lvl in element.iterchildren(W + "lvl") if element is not None else ():
                props = first_children(lvl, LEVEL_PROPS)
                start = attr(props.get(W + "start"), "val") or "1"
                levels[level_number(attr(lvl, "ilvl"))] = (
                    attr(props.get(W + "numFmt"), "val") or "decimal",
                    attr(props.get(W + "lvlText"), "val") or "",
                    _within(start, -(10**9), 10**9, 1),
                )
            self._levels[abstract_id] = levels
        return self._levels[abstract_id]

    def next_label(self, num_id: str, level: int) -> str:
        if not self._indexed:
            self._index()
        abstract, overrides = self._list(num_id)
        levels = self._levels_of(abstract) if abstract is not None else {}
        if level not in levels:
            return "•"
        fmt, text, _ = levels[level]
        if fmt in ("bullet", "none"):
            return "•" if fmt == "bullet" else ""
        # A list that restarts its numbering (startOverride) counts on its own;
        # other lists sharing an abstract definition continue each other.
        counters = self._counters.setdefault(num_id if overrides else abstract, {})
        counters[level] = counters.get(level, overrides.get(level, levels[level][2]) - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]

        def substitute(match):
            ref = int(match.group(1)) - 1
            ref_fmt = levels.get(ref, ("decimal", "", 1))[0]
            return _format(counters.get(ref, levels.get(ref, ("", "", 1))[2]), ref_fmt)

        return LEVEL_REFERENCE.sub(substitute, text) if "%" in text else text


LEVEL_PROPS = (W + "start", W + "numFmt", W + "lvlText")
LEVEL_REFERENCE = re.compile(r"%(\d)")  # "%1.%2." in a level's text: the number shown at level 1, 2


def level_number(value: str | None) -> int:
    """A list level (w:ilvl) as Word reads it: 0 to 8; anything else counts as the first level."""
    return _within(value, 0, 9, 0)
