import datetime

import pytest

from kamer.tk.timestamps import parse_timestamp

UTC = datetime.UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-03T16:01:58.5570000", datetime.datetime(2025, 10, 3, 16, 1, 58, 557000, tzinfo=UTC)),
        ("2025-10-03T10:00:00.0000010Z", datetime.datetime(2025, 10, 3, 10, 0, 0, 1, tzinfo=UTC)),
        ("2025-10-03T16:00:00Z", datetime.datetime(2025, 10, 3, 16, 0, 0, tzinfo=UTC)),
        ("2025-10-03T18:00:00+02:00", datetime.datetime(2025, 10, 3, 16, 0, 0, tzinfo=UTC)),
        ("2008-08-26T12:13:04.6270000", datetime.datetime(2008, 8, 26, 12, 13, 4, 627000, tzinfo=UTC)),
        ("", None),
        (None, None),
        ("3 oktober 2025", None),
    ],
)
def test_parse_timestamp_gives_aware_datetimes_that_compare_as_time(text, expected):
    assert parse_timestamp(text) == expected


def test_timestamps_that_sort_wrong_as_text_sort_right_as_time():
    earlier, later = "2025-10-03T18:00:00+02:00", "2025-10-03T16:30:00Z"

    assert earlier > later  # as text, the earlier one sorts last
    assert parse_timestamp(earlier) < parse_timestamp(later)
