"""Letters imported for the page tests: the seed, and small ones that cite what a test needs."""

from letters.importing.store import import_letter
from letters.models import Source
from tests.docx_builder import letter_citing


def add(content, filename):
    return import_letter(content=content, filename=filename, source=Source.COMMAND).letter


def citing_letters(start, count):
    for index in range(start, start + count):
        add(
            letter_citing(f"Brief {index}", f"{index + 1} mei 2024", ["Kamerstukken II 2023/24, 29 517, nr. 250"]),
            f"{index}.docx",
        )
