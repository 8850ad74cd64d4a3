"""The corpus is whole: every letter has valid gold, a source entry and, when built, its current build."""

import re

import pytest

from tests.corpus.build import LETTERS, built_letters, is_current
from tests.corpus.gold import CORPUS, corpus_ids, load, validate


@pytest.mark.parametrize("corpus_id", corpus_ids())
def test_gold_file_follows_the_schema(corpus_id):
    assert validate(load(corpus_id), corpus_id) == []


def test_every_letter_has_gold_and_every_gold_file_a_letter():
    assert sorted(path.stem for path in LETTERS.glob("*.docx")) == corpus_ids()


def test_every_corpus_letter_has_an_entry_in_sources_md():
    sources_md = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([^`]+)` \|", sources_md, flags=re.MULTILINE)

    assert sorted(listed) == corpus_ids()


def test_committed_letters_are_what_their_sources_build():
    stale = [corpus_id for corpus_id, content in built_letters().items() if not is_current(corpus_id, content)]

    assert stale == []
