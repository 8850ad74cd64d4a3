"""The reader's shortcuts give exactly what the general rules they stand in for give."""

import dataclasses
import inspect
import random
import re

import pytest

from letters.docx import notes, walker
from letters.docx.blocks import Paragraph

# The rules as they were written before the shortcuts (issue 16).
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\t\u00a0\u2007\u202f]")


def random_texts(alphabet: str, count: int, seed: int):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_paragraph_init_takes_the_fields_with_their_defaults():
    parameters = list(inspect.signature(Paragraph.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Paragraph)

    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default) for f in fields
    ]


def test_paragraph_is_still_frozen_and_compares_by_value():
    paragraph = Paragraph("Geachte voorzitter,", bold=True)

    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.text = "anders"  # type: ignore[misc]
    assert paragraph == Paragraph(text="Geachte voorzitter,", bold=True)
    assert hash(paragraph) == hash(Paragraph(text="Geachte voorzitter,", bold=True))
    assert dataclasses.replace(paragraph, bold=False) == Paragraph("Geachte voorzitter,")


@pytest.mark.parametrize("text", ["a  b", "a\u00a0\u00a0 b", "\ta\u2007", "  ", "a \ue000  b\n", "geen"])
def test_collapsed_spaces_are_what_the_pattern_gives(text):
    assert walker._collapse_spaces(text) == SPACES.sub(" ", text)
    assert walker._has_spaces_to_collapse(text) == bool(SPACES.search(text))


def test_collapsed_spaces_are_what_the_pattern_gives_for_any_mix():
    for text in random_texts("a  \t\u00a0\u2007\u202f\ue000\nb", 20_000, seed=2):
        assert walker._collapse_spaces(text) == SPACES.sub(" ", text), repr(text)


@pytest.mark.parametrize(
    ("raw", "offsets", "expected"),
    [
        ("zie noot . verder", [8], ("zie noot . verder", (8,))),
        ("woord ", [5, 6], ("woord", (5, 5))),
        (" begin", [0, 1], ("begin", (0, 0))),
        ("een noot hier en daar", [4, 17], ("een noot hier en daar", (4, 17))),
    ],
)
def test_marks_without_line_breaks_land_where_the_general_rules_put_them(raw, offsets, expected):
    refs = [(offset, str(number)) for number, offset in enumerate(offsets, 1)]

    text, placed = walker.normalise([raw], refs)

    assert (text, tuple(ref.offset for ref in placed)) == expected
    assert walker._placed(*walker.marked(raw, refs), refs) == (text, placed)


def test_marks_without_line_breaks_land_where_the_general_rules_put_them_for_any_text():
    rng = random.Random(1)
    for raw in random_texts("ab ’", 30_000, seed=1):
        refs = [(rng.randint(0, len(raw)), str(number)) for number in range(rng.randint(1, 5))]
        assert walker.normalise([raw], refs) == walker._placed(*walker.marked(raw, refs), refs), (raw, refs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in Arnhem? 1)", [(11, 13, "1")]),
        ("zie 2), en 12); niet 123) of (4) of 5)x", [(4, 6, "2"), (11, 14, "12")]),
        ("٣) telt als cijfer", [(0, 2, "٣")]),
    ],
)
def test_source_markers_are_what_the_pattern_finds(text, expected):
    assert notes.markers_in(text) == expected
    assert [(m.start(), m.end(), m.group(1)) for m in notes.SOURCE_MARKER.finditer(text)] == expected


def test_source_markers_are_what_the_pattern_finds_in_any_text():
    for text in random_texts("12٣0()) ,.;:a\n\u00a0x", 40_000, seed=3):
        found = [(m.start(), m.end(), m.group(1)) for m in notes.SOURCE_MARKER.finditer(text)]
        assert notes.markers_in(text) == found, repr(text)
