"""Word's list definitions (word/numbering.xml), read only as far as a letter's lists need them.

A numbering.xml defines dozens of lists of nine levels each (the Argos answers: 36 in 76 KB, which took
libxml2 longer than the letter's own text); a letter uses one or two. So its w:abstractNum definitions
are cut from the bytes, the rest (the w:num lists that name them) is parsed, and a definition is parsed
when a list first asks for it. Where a cut could change what is read (a comment, CDATA or processing
instruction, a DOCTYPE, an encoding other than UTF-8, a definition not written the way Word writes
one), the part is parsed whole, as before. A part broken where it is read is refused with the message
its whole parse gives; damage in a definition no list uses does not keep the letter out.
"""

import codecs
import re

from letters.docx import xmlparts
from letters.docx.wordml import ABSTRACT_NUM, ABSTRACT_NUM_ID, NUM
from letters.docx.xmlparts import CUT_UNSAFE, ReadError, utf8

ROOT_START = re.compile(rb"<w:numbering(?=[\s>])[^>]*>")
ABSTRACT_START = re.compile(rb"<w:abstractNum(?=[\s>])[^>]*>")
ABSTRACT_ID = re.compile(rb'\sw:abstractNumId="([0-9]+)"')  # Word writes digits; anything else is parsed whole
ABSTRACT_END = b"</w:abstractNum>"
ROOT_END = b"</w:numbering>"


class Numbering:
    """The w:num lists of a numbering part, and each w:abstractNum definition by its id, parsed when asked."""

    def __init__(self, data: bytes, part_name: str):
        self._data, self._name = data, part_name
        self._abstracts: dict[str, object] = {}
        cut = _cut(data)
        if cut is None:
            self._parse_whole()
            return
        self._root_tag, self._spans, rest = cut
        try:
            root = xmlparts.parse_xml(rest, part_name)
        except ReadError:
            self._parse_whole()  # refused with the whole part's message
            return
        self.nums = list(root.iterchildren(NUM))

    def _parse_whole(self) -> None:
        root = xmlparts.parse_xml(self._data, self._name)
        self.nums = list(root.iterchildren(NUM))
        self._spans = None
        self._abstracts = {}
        for abstract in root.iterchildren(ABSTRACT_NUM):
            self._abstracts[abstract.get(ABSTRACT_NUM_ID) or ""] = abstract  # the last one counts

    def abstract(self, abstract_id: str):
        """The w:abstractNum with this id (the last one), or None."""
        if self._spans is None or abstract_id in self._abstracts:
            return self._abstracts.get(abstract_id)
        span = self._spans.get(abstract_id)
        element = None
        if span is not None:
            wrapped = self._root_tag + self._data[span[0] : span[1]] + ROOT_END
            try:
                element = xmlparts.parse_xml(wrapped, self._name)[0]
            except ReadError:
                self._parse_whole()  # refused with the whole part's message
                return self._abstracts.get(abstract_id)
        self._abstracts[abstract_id] = element
        return element


def _cut(data: bytes) -> tuple[bytes, dict[str, tuple[int, int]], bytes] | None:
    """(the root's start tag, the span of the last definition of each id, the part without definitions),
    or None where the part is to be parsed whole."""
    if not utf8(data):
        return None
    body = data.removeprefix(codecs.BOM_UTF8)
    offset = len(data) - len(body) + (body.find(b"?>") + 2 if body.startswith(b"<?xml") else 0)
    if any(mark in data[offset:] for mark in CUT_UNSAFE):  # after the XML declaration
        return None
    root = ROOT_START.match(data, data.find(b"<", offset))
    starts = list(ABSTRACT_START.finditer(data, root.end())) if root is not None else []
    if root is None or data.count(ABSTRACT_END) != len(starts):
        return None
    spans: dict[str, tuple[int, int]] = {}
    pieces, at = [], root.end()
    for start in starts:
        found = ABSTRACT_ID.search(start.group(0))
        end = data.find(ABSTRACT_END, start.end())
        if start.start() < at or start.group(0).endswith(b"/>") or found is None or end == -1:
            return None  # nested, empty, without a plain id, or unended: not as Word writes it
        end += len(ABSTRACT_END)
        spans[found.group(1).decode()] = (start.start(), end)
        pieces.append(data[at : start.start()])
        at = end
    pieces.append(data[at:])
    return data[root.start() : root.end()], spans, data[: root.end()] + b"".join(pieces)
