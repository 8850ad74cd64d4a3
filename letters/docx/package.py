"""Open a .docx package safely: size, zip and XML limits are checked before parsing.

Everything here works on bytes and raises `ReadError` with a reason a user can act
on. No Django imports: this module is used by the reader, the importer and the
benchmarks alike.
"""

import io
import zipfile
from dataclasses import dataclass

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


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes, part_name: str):
    """Parse one XML part; a DTD (never present in Word's own XML) is refused."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise ReadError(f"{part_name} bevat een DTD of entiteiten; dat komt in Word-bestanden niet voor")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise ReadError(f"{part_name} is geen geldige XML (fout op regel {line}, kolom {column})") from None


@dataclass
class Package:
    """The parts of a .docx that the reader needs, read lazily within limits."""

    zip: zipfile.ZipFile
    infos: dict

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        if info.file_size > MAX_PART_BYTES:
            raise ReadError(f"{name} is te groot ({info.file_size // 1024 // 1024} MB uitgepakt)")
        try:
            with self.zip.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise ReadError(f"{name} is beschadigd en kan niet worden uitgepakt ({exc})") from None
        except RuntimeError as exc:  # zipfile's "password required" for encrypted entries
            raise ReadError(f"{name} is versleuteld ({exc})") from None
        if len(data) > MAX_PART_BYTES or len(data) != info.file_size:
            raise ReadError(f"{name} is groter dan het archief opgeeft; mogelijk een zip-bom")
        return data

    def xml(self, name: str):
        return parse_xml(self.read(name), name) if self.has(name) else None


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
