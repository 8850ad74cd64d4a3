"""One XML part of a .docx, parsed safely (pure Python over lxml, no Django).

A part with a DOCTYPE is refused on what libxml2 parsed, never on a look at its first bytes; entities
are never expanded, the network never used. `parse_xml` builds the tree; `check_xml` raises what it
would raise for about half its cost, without a tree; `without_element` leaves out an element a caller
never reads before libxml2 reads it. Errors are `ReadError`s with a reason a user can act on.
"""

import codecs
import io
import re
import threading

from lxml import etree


class ReadError(Exception):
    """A file that cannot be read as a letter; the message is shown to users."""


PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
_PARSER = etree.XMLParser(**PARSER_OPTIONS)


def parse_xml(data: bytes, part_name: str):
    """Parse one XML part whole; a DTD (never present in Word's own XML) is refused."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, part_name, io.BytesIO(data)) from None
    refuse_dtd(root.getroottree(), part_name)
    return root


# What a cut of the bytes could break: comments, CDATA, a DOCTYPE, processing instructions.
CUT_UNSAFE = (b"<!", b"-->", b"]]>", b"<?")


def without_element(data: bytes, tag: bytes) -> bytes:
    """data without its one <tag …>…</tag> element, which the caller never reads, so that libxml2 does not
    read it either: w:latentStyles is some 40 % of a styles.xml. data as it is unless the element stands
    there once, with an end tag and nothing in it (a comment, CDATA) that the cut could break."""
    start = data.find(b"<" + tag)
    end = data.find(b"</" + tag + b">", start + 1)
    if start == -1 or end == -1 or data[start + len(tag) + 1 : start + len(tag) + 2] not in (b" ", b">"):
        return data
    if data.find(b"<" + tag, start + 1) != -1 or any(mark in data[start:end] for mark in CUT_UNSAFE):
        return data
    return data[:start] + data[end + len(tag) + 3 :]


def check_xml(data: bytes, part_name: str) -> list[str] | None:
    """Raise what parse_xml(data, part_name) would raise, for about half its cost: libxml2 reads the part
    without building a tree. Only a clean read of a UTF-8 part is taken as it is; anything else (a
    message in the parser's log, a DOCTYPE, an xml:id, which only the tree builder checks) is decided
    by parse_xml itself. Returns the part's character data as libxml2 passed it on, in pieces (each a
    run of text between two tags, or part of one), or None when parse_xml decided."""
    parser, target = _checking_parser()
    target.start_part()
    try:
        etree.fromstring(data, parser)
        # lxml raises for fewer problems without a tree (an undeclared prefix): those are in the log
        clean = not target.has_doctype and len(parser.error_log) == 0
    except etree.XMLSyntaxError:
        clean = False
    if clean and b"xml:id" not in data and utf8(data):
        return target.texts.copy()
    parse_xml(data, part_name)
    return None


class _Reading:
    """A parser target that keeps only the character data; it notes a DOCTYPE."""

    def __init__(self):
        self.texts: list[str] = []
        self.data = self.texts.append  # lxml takes a target's methods once, when the parser is made
        self.has_doctype = False

    def start_part(self) -> None:
        self.texts.clear()
        self.has_doctype = False

    def doctype(self, *_) -> None:
        self.has_doctype = True

    def close(self) -> None:
        return None


_THREAD = threading.local()


def _checking_parser() -> tuple[etree.XMLParser, _Reading]:
    """This thread's parser for check_xml, made once: making one costs as much as checking a small part.
    One per thread, as an lxml parser (and the target's state) is not for two at once."""
    if not hasattr(_THREAD, "parser"):
        _THREAD.target = _Reading()
        _THREAD.parser = etree.XMLParser(target=_THREAD.target, **PARSER_OPTIONS)
    return _THREAD.parser, _THREAD.target


XML_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)""")


def utf8(data: bytes) -> bool:
    """Whether the part is UTF-8 as written (Word's own encoding), where an xml:id is the bytes b"xml:id"."""
    text = data.removeprefix(codecs.BOM_UTF8)
    if not text.startswith(b"<?xml"):
        return text.startswith(b"<")
    end = text.find(b"?>", 0, 200)
    found = XML_ENCODING.search(text, 0, end)
    return end > 0 and (found is None or found.group(1).lower() in (b"utf-8", b"utf8"))


def refuse_dtd(tree, part_name: str) -> None:
    """Decide on what libxml2 parsed, not on the bytes: a DOCTYPE anywhere before the root,
    with an internal subset or an external id. Its entities were never expanded."""
    if _has_dtd(tree):
        raise _dtd_refused(part_name)


def _has_dtd(tree) -> bool:
    info = tree.docinfo
    return bool(info.doctype) or info.internalDTD is not None or info.externalDTD is not None


def _dtd_refused(part_name: str) -> ReadError:
    return ReadError(f"{part_name} bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor")


def syntax_error(exc: etree.XMLSyntaxError, part_name: str, stream) -> ReadError:
    """The reason for a part libxml2 refused. A DTD's entities can be what broke it (billion
    laughs stops at the first use, in the text), so the prolog is parsed again, up to the
    root's start tag only, to see whether there was one."""
    try:
        _, root = next(etree.iterparse(stream, events=("start",), **PARSER_OPTIONS))
        if _has_dtd(root.getroottree()):
            return _dtd_refused(part_name)
    except (etree.XMLSyntaxError, StopIteration):
        pass  # broken before the root: not a DTD we can tell apart from other bad XML
    line, column = (max(number, 1) for number in exc.position)  # an empty stream reports 0, 0
    return ReadError(f"{part_name} is geen geldige XML (fout op regel {line}, kolom {column})")
