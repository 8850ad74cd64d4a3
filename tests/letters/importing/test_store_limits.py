"""Valid letters beyond what a column or a search vector holds are imported, not refused for good.

SQLite (the demo) stores any length; PostgreSQL refuses a kenmerk longer than its column and a
passage with more distinct words than a tsvector holds (1 MB), and the import then failed with
"probeer het later opnieuw", which would never work.
"""

import random
import string

import pytest
from django.db import connection

from letters.importing.store import SEARCHED_CHARS, Outcome, import_letter
from letters.models import FailedImport, Letter, Section, Source
from letters.web.search import full_text_query
from tests.docx_builder import build_docx, head_table, text_para

pytestmark = pytest.mark.django_db


def cell(text: str) -> str:
    return f"<w:tc>{text_para(text)}</w:tc>"


def test_a_passage_with_more_distinct_words_than_a_search_vector_holds_is_imported():
    rng = random.Random(7)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(160_000)]
    paragraphs = [text_para(" ".join(words[i : i + 200])) for i in range(0, len(words), 200)]
    content = build_docx(head_table("3 oktober 2025", "Een lange bijlage"), *paragraphs)

    result = import_letter(content=content, filename="lang.docx", source=Source.UPLOAD)

    assert (result.outcome, result.reason) == (Outcome.IMPORTED, "")
    assert FailedImport.objects.count() == 0
    passage = Section.objects.get(version=result.version, text__contains=words[0])
    assert len(passage.text) > 1_500_000  # the page shows all of it
    if connection.vendor == "postgresql":  # search reads its first SEARCHED_CHARS characters
        first, last = words[0], words[-1]
        assert passage.text.index(first) < SEARCHED_CHARS < passage.text.index(last)
        found = Section.objects.filter(version=result.version)
        assert list(found.filter(search_vector=full_text_query(first)).values_list("pk", flat=True)) == [passage.pk]
        assert not found.filter(search_vector=full_text_query(last)).exists()


def test_a_kenmerk_longer_than_its_column_is_kept_cut_to_it():
    kenmerk = "2025-" + "1" * 120
    head = (
        f"<w:tbl><w:tr>{cell('Datum')}{cell('3 oktober 2025')}</w:tr>"
        f"<w:tr>{cell('Ons kenmerk')}{cell(kenmerk)}</w:tr><w:tr>{cell('Betreft')}{cell('Iets')}</w:tr></w:tbl>"
    )
    content = build_docx(head, text_para("Met deze brief informeer ik uw Kamer."))

    result = import_letter(content=content, filename="kenmerk.docx", source=Source.UPLOAD)

    assert result.outcome == Outcome.IMPORTED
    assert Letter.objects.get().kenmerk == kenmerk[:80]
