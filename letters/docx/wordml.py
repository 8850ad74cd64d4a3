"""WordprocessingML vocabulary: namespaces, styles and list numbering."""

import re
from dataclasses import dataclass

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
        for child in element:
            children.setdefault(child.tag, child)
    return children


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
    value = element.get(W + name)
    return value is None or value.lower() not in ("0", "false", "off", "none")


@dataclass
class Style:
    name: str = ""
    outline_level: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    num_id: str | None = None


class StyleSheet:
    """Paragraph and character styles with basedOn inheritance resolved."""

    def __init__(self, root):
        self._raw: dict[str, tuple] = {}
        self._resolved: dict[str, Style] = {}
        self._default_id = ""
        if root is None:
            return
        for element in root.findall(W + "style"):
            style_id = attr(element, "styleId") or ""
            self._raw[style_id] = (element, attr(element.find(W + "basedOn"), "val"))
            if attr(element, "type") == "paragraph" and attr(element, "default") in ("1", "true"):
                self._default_id = style_id

    def get(self, style_id: str) -> Style:
        if not style_id:
            style_id = self._default_id
        if style_id not in self._resolved:
            self._resolved[style_id] = self._resolve(style_id, depth=0)
        return self._resolved[style_id]

    def _resolve(self, style_id: str, depth: int) -> Style:
        if style_id not in self._raw or depth > 20:
            return Style(name=style_id)
        element, based_on = self._raw[style_id]
        parent = self._resolve(based_on, depth + 1) if based_on else Style()
        name = attr(element.find(W + "name"), "val") or style_id
        ppr, rpr = element.find(W + "pPr"), child_map(element.find(W + "rPr"))
        outline = parent.outline_level
        match = HEADING_STYLE.match(name.strip()) or HEADING_STYLE.match(style_id)
        if match:
            outline = int(match.group(1)) - 1
        if ppr is not None and ppr.find(W + "outlineLvl") is not None:
            value = attr(ppr.find(W + "outlineLvl"), "val") or ""
            outline = _within(value, 0, 9, None)
        num_id = parent.num_id
        if ppr is not None and ppr.find(W + "numPr/" + W + "numId") is not None:
            num_id = attr(ppr.find(W + "numPr/" + W + "numId"), "val")
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
        props = child_map(rpr)
        char_style = attr(props.get(W + "rStyle"), "val")
        if char_style:
            resolved = self.get(char_style)
            bold = resolved.bold if resolved.bold is not None else bold
            italic = resolved.italic if resolved.italic is not None else italic
        return _flag(props, "b", bold), _flag(props, "i", italic)


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


class NumberingCounter:
    """Computes the label ("1.", "a)", "•") each list paragraph shows."""

    def __init__(self, root):
        # Definitions are read when a list first uses them: Word's numbering.xml defines
        # dozens of lists of nine levels each, and a letter uses a few.
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._abstracts: dict[str, object] = {}
        self._abstract_of: dict[str, str] = {}
        self._start_overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iterchildren(W + "abstractNum"):
            self._abstracts[attr(abstract, "abstractNumId") or ""] = abstract  # the last one counts
        for num in root.iterchildren(W + "num"):
            num_id = attr(num, "numId") or ""
            self._abstract_of[num_id] = attr(num.find(W + "abstractNumId"), "val") or ""
            for override in num.iterchildren(W + "lvlOverride"):
                start = attr(override.find(W + "startOverride"), "val")
                if (number := _within(start, 0, 10**9, None)) is not None:
                    self._start_overrides.setdefault(num_id, {})[level_number(attr(override, "ilvl"))] = number

    def _levels_of(self, abstract_id: str) -> dict[int, tuple[str, str, int]]:
        if abstract_id not in self._levels:
            levels = {}
            element = self._abstracts.get(abstract_id)
            for lvl in element.iterchildren(W + "lvl") if element is not None else ():
                props = child_map(lvl)
                start = attr(props.get(W + "start"), "val") or "1"
                levels[level_number(attr(lvl, "ilvl"))] = (
                    attr(props.get(W + "numFmt"), "val") or "decimal",
                    attr(props.get(W + "lvlText"), "val") or "",
                    _within(start, -(10**9), 10**9, 1),
                )
            self._levels[abstract_id] = levels
        return self._levels[abstract_id]

    def next_label(self, num_id: str, level: int) -> str:
        abstract = self._abstract_of.get(num_id)
        levels = self._levels_of(abstract) if abstract is not None else {}
        if level not in levels:
            return "•"
        fmt, text, _ = levels[level]
        if fmt in ("bullet", "none"):
            return "•" if fmt == "bullet" else ""
        # A list that restarts its numbering (startOverride) counts on its own;
        # other lists sharing an abstract definition continue each other.
        overrides = self._start_overrides.get(num_id, {})
        counters = self._counters.setdefault(num_id if overrides else abstract, {})
        counters[level] = counters.get(level, overrides.get(level, levels[level][2]) - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]

        def substitute(match):
            ref = int(match.group(1)) - 1
            ref_fmt = levels.get(ref, ("decimal", "", 1))[0]
            return _format(counters.get(ref, levels.get(ref, ("", "", 1))[2]), ref_fmt)

        return re.sub(r"%(\d)", substitute, text)


def level_number(value: str | None) -> int:
    """A list level (w:ilvl) as Word reads it: 0 to 8; anything else counts as the first level."""
    return _within(value, 0, 9, 0)
