"""Open a .docx package safely: size, zip and XML limits are checked before parsing.

A part with a DOCTYPE is refused on what libxml2 parsed, never on a look at its first
bytes; entities are never expanded, the network never used. The big parts are streamed
(`Package.iter_children`), and the reader caps what one letter may build (MAX_PARAGRAPHS,
MAX_FOOTNOTES). Everything here works on bytes and raises `ReadError` with a reason a
user can act on. No Django imports: this module is used by the reader, the importer and
the benchmarks alike.
"""

import codecs
import io
import re
import threading
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

# Limits. A real ministry letter is well under 1 MB; these leave room for letters
# with embedded images while refusing anything that would put memory at risk.
MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_PART_BYTES = 40 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all declared entries, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


class ReadError(Exception):
    """A file that cannot be read as a letter; the message is shown to users."""


# What one letter may build. The biggest real letter in samples/ and tests/corpus/ has
# 172 paragraphs (w:p, empty ones and table cells included) and 37 footnotes; these caps
# are some 300 times that, about 2,000 pages of text, and keep one request to about a
# second and 20 MB (bench/big_letter.py) however a hostile but valid file is built.
MAX_PARAGRAPHS = 50_000  # paragraphs read from word/document.xml: body, table cells, text boxes
MAX_FOOTNOTES = 10_000  # footnote markers in the text
# Parts up to this size (uncompressed) are parsed whole, which is about 1.6 times as fast as
# streaming them; bigger ones are streamed so that their tree never exists whole. A real
# letter's word/document.xml is 40 to 100 KB.
WHOLE_PART_BYTES = 2 * 1024 * 1024
# The other parts (styles, numbering, page headers, settings, properties) are parsed whole, and
# libxml2's tree of a part is some 10 to 25 times its size: a 3.6 MB file with a 39 MB styles.xml
# took 17 s and 700 MB. So each is refused past MAX_WHOLE_PART_BYTES (the biggest in the real letters
# is 79 KB), and all of them together past MAX_WHOLE_PARTS_BYTES, even those that are only checked
# (`Package.defer`).
MAX_WHOLE_PART_BYTES = 2 * 1024 * 1024
MAX_WHOLE_PARTS_BYTES = 6 * 1024 * 1024

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
UNPACK_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error)


def parse_xml(data: bytes, part_name: str):
    """Parse one XML part whole; a DTD (never present in Word's own XML) is refused."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, part_name, io.BytesIO(data)) from None
    refuse_dtd(root.getroottree(), part_name)
    return root


CUT_UNSAFE = (b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?")


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


def _syntax_error(exc: etree.XMLSyntaxError, part_name: str, stream) -> ReadError:
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


@contextmanager
def _unpacking(name: str):
    try:
        yield
    except UNPACK_ERRORS as exc:
        raise ReadError(f"{name} is beschadigd en kan niet worden uitgepakt ({exc})") from None
    except RuntimeError as exc:  # zipfile's "password required" for encrypted entries
        raise ReadError(f"{name} is versleuteld ({exc})") from None


class _PartStream:
    """One zip member, read in pieces with the checks that reading it whole makes."""

    def __init__(self, raw, info: zipfile.ZipInfo):
        self._raw, self._info, self._seen = raw, info, 0

    def read(self, size: int = -1) -> bytes:
        with _unpacking(self._info.filename):
            data = self._raw.read(size)
        self._seen += len(data)
        ended = not data and size != 0
        if self._seen > MAX_PART_BYTES or (ended and self._seen != self._info.file_size):
            raise ReadError(f"{self._info.filename} is groter dan het archief opgeeft; mogelijk een zip-bom")
        return data


@dataclass
class Package:
    """The parts of a .docx that the reader needs, read lazily within limits."""

    zip: zipfile.ZipFile
    infos: dict
    trees: dict = field(default_factory=dict)  # small parts parsed whole, kept for a second look
    whole_bytes: int = 0  # of the parts xml() parsed whole or defer() put off so far
    deferred: list = field(default_factory=list)  # parts defer() put off and nothing has parsed yet

    def has(self, name: str) -> bool:
        return name in self.infos

    @contextmanager
    def stream(self, name: str):
        info = self.infos[name]
        if info.file_size > MAX_PART_BYTES:
            raise ReadError(f"{name} is te groot ({info.file_size // 1024 // 1024} MB uitgepakt)")
        with _unpacking(name):
            raw = self.zip.open(info)
        with raw:
            yield _PartStream(raw, info)

    def read(self, name: str) -> bytes:
        """The whole part, with the checks of stream(), in one read."""
        info = self.infos[name]
        if info.file_size > MAX_PART_BYTES:
            raise ReadError(f"{name} is te groot ({info.file_size // 1024 // 1024} MB uitgepakt)")
        with _unpacking(name):
            with self.zip.open(info) as raw:
                data = raw.read(MAX_PART_BYTES + 1)
        if len(data) != info.file_size:
            raise ReadError(f"{name} is groter dan het archief opgeeft; mogelijk een zip-bom")
        return data

    def xml(self, name: str, *, leave_out: bytes = b""):
        """A part that is parsed whole, within its limits; None when the letter has none. leave_out: the
        tag of an element the caller never reads (`without_element`)."""
        if not self.has(name):
            return None
        self._count_whole(name)
        data = self.read(name)
        return parse_xml(without_element(data, leave_out) if leave_out else data, name)

    def _count_whole(self, name: str) -> None:
        size = self.infos[name].file_size
        if size > MAX_WHOLE_PART_BYTES:
            raise ReadError(
                f"{name} is te groot ({size // 1024} KB uitgepakt; in een brief hooguit enkele tientallen KB)"
            )
        self.whole_bytes += size
        if self.whole_bytes > MAX_WHOLE_PARTS_BYTES:
            raise ReadError(
                f"de opmaakdelen van het bestand zijn samen te groot (meer dan {MAX_WHOLE_PARTS_BYTES >> 20} MB)"
            )

    def defer(self, name: str) -> None:
        """xml(name) put off until deferred_xml(name) asks for the tree, which may be never: a letter
        without lists needs no numbering.xml. Its size counts now, as in xml(), so that an oversized part
        is refused whether or not it is used; a part that is never used is never unpacked nor parsed, so
        damage in it does not keep the letter out (Word repairs such a part; the text is whole)."""
        if not self.has(name):
            return
        self._count_whole(name)
        self.deferred.append(name)

    def deferred_xml(self, name: str):
        """The tree of a part defer() put off, parsed now; None when the letter has none."""
        if name not in self.deferred:
            return None
        root = parse_xml(self.read(name), name)
        self.deferred.remove(name)
        return root

    def deferred_bytes(self, name: str) -> bytes | None:
        """The bytes of a part defer() put off, for a caller that parses it itself; None when the letter
        has none."""
        if name not in self.deferred:
            return None
        self.deferred.remove(name)
        return self.read(name)

    def deferred_text(self, name: str) -> list[str] | None:
        """The character data of a put-off part (check_xml: a broken part is refused as parse_xml would),
        for a cheap look before parsing; None when the letter has no such part, or it was parsed, or
        check_xml cannot say."""
        if name not in self.deferred:
            return None
        return check_xml(self.read(name), name)

    def small_tree(self, name: str):
        """The root of a part small enough to parse whole (kept: the metadata looks again), else None."""
        if name not in self.trees:
            small = self.infos[name].file_size <= WHOLE_PART_BYTES
            self.trees[name] = parse_xml(self.read(name), name) if small else None
        return self.trees[name]

    def iter_children(self, name: str, tags: tuple, *, within: str | None = None, missing: str = ""):
        """Each complete element with one of tags that is a child of the root (or, with
        within, of the root's first child with that tag), in document order.

        A part bigger than WHOLE_PART_BYTES is streamed and its whole tree never exists: what
        the caller has seen is freed when it asks for the next element, and the part's bytes
        are unpacked piece by piece as libxml2 needs them. A smaller one is parsed whole.
        Raises ReadError(missing) when the within element is not there.
        """
        root = self.small_tree(name)
        if root is not None:
            container = root.find(within) if within else root
            if container is None:
                raise ReadError(missing)
            yield from container.iterchildren(*tags)
            return
        with self.stream(name) as stream:
            events = etree.iterparse(stream, events=("end",), tag=(*tags, within) if within else tags, **PARSER_OPTIONS)
            try:
                found = yield from _children(events, tags, within, name)
            except etree.XMLSyntaxError as exc:
                with self.stream(name) as again:
                    raise _syntax_error(exc, name, again) from None
            refuse_dtd(events.root.getroottree(), name)
        if within and not found:
            raise ReadError(missing)


def _children(events, tags, within, name):
    """The elements iter_children yields; returns whether the within element was there."""
    checked = ended = False
    for _, element in events:
        if not checked:  # a DOCTYPE comes before the root: decide before anything is used
            refuse_dtd(element.getroottree(), name)
            checked = True
        parent = element.getparent()
        if parent is None:
            continue
        if within and element.tag == within and parent.getparent() is None:
            ended = True  # later root-level copies are parsed and freed, never read
            continue
        if not _in_container(parent, within):
            continue
        if element.tag in tags and not ended:
            yield element
        element.clear()
        while element.getprevious() is not None:
            del parent[0]
    return ended or not within


def _in_container(parent, within) -> bool:
    if not within:
        return parent.getparent() is None
    grandparent = parent.getparent()
    return parent.tag == within and grandparent is not None and grandparent.getparent() is None


def open_package(content: bytes) -> Package:
    """Check the bytes and the zip directory; return the package or raise ReadError."""
    _check_signature(content)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise ReadError("geen geldig .docx-bestand: het zip-archief is beschadigd of afgebroken") from None
    _check_entries(infos)
    package = Package(archive, {info.filename: info for info in infos})
    if not package.has("word/document.xml"):
        raise ReadError("geen Word-document: word/document.xml ontbreekt in het archief")
    return package


def _check_signature(content: bytes) -> None:
    if not content:
        raise ReadError("het bestand is leeg")
    if len(content) > MAX_FILE_BYTES:
        raise ReadError(f"het bestand is te groot (meer dan {MAX_FILE_BYTES // 1024 // 1024} MB)")
    if content.startswith(b"%PDF"):
        raise ReadError("dit is een PDF-bestand, geen Word-document (.docx)")
    if content.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in content:
            raise ReadError("dit Office-bestand is versleuteld met een wachtwoord")
        raise ReadError("dit is een oud Word-bestand (.doc), geen .docx; sla het op als .docx")
    if not content.startswith(b"PK"):
        raise ReadError("geen geldig .docx-bestand: het is geen zip-archief")


def _check_entries(infos) -> None:
    if len(infos) > MAX_ENTRIES:
        raise ReadError(f"het archief bevat te veel bestanden ({len(infos)})")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or "\\" in name or ".." in name.split("/") or ":" in name:
            raise ReadError(f"ongeldige bestandsnaam in het archief: {name[:80]!r}")
        if info.flag_bits & 0x1:
            raise ReadError("het archief is versleuteld met een wachtwoord")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(f"{name} pakt verdacht sterk uit (zip-bom); het bestand is geweigerd")
    if total > MAX_TOTAL_BYTES:
        raise ReadError(f"het archief pakt uit tot {total // 1024 // 1024} MB; dat is te groot")
