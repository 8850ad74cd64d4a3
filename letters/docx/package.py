"""Open a .docx package safely: size, zip and XML limits are checked before parsing.

Each XML part is parsed by `letters.docx.xmlparts` (no DTD, no entities, no network). The big
parts are streamed (`Package.iter_children`), and the reader caps what one letter may build
(MAX_PARAGRAPHS, MAX_FOOTNOTES). Everything here works on bytes and raises `ReadError` with a
reason a user can act on. No Django imports: this module is used by the reader, the importer and
the benchmarks alike.
"""

import io
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

from letters.docx.xmlparts import (
    PARSER_OPTIONS,
    ReadError,
    check_xml,
    parse_xml,
    refuse_dtd,
    syntax_error,
    without_element,
)

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
# is 79 KB), and all of them together past MAX_WHOLE_PARTS_BYTES, even those put off and never read
# (`Package.defer`).
MAX_WHOLE_PART_BYTES = 2 * 1024 * 1024
MAX_WHOLE_PARTS_BYTES = 6 * 1024 * 1024

UNPACK_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error)


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
                    raise syntax_error(exc, name, again) from None
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
