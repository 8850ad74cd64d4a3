"""The Kamer's `bijgewerkt` timestamps as datetimes, so that they compare as time, not as text.

The feed writes xs:dateTime with up to seven fractional digits and with or without a zone
("2025-10-03T16:01:58.5570000", "2025-10-03T10:00:00.0000010Z", "…+02:00"). Python keeps six
digits; a zone-less value is taken as UTC, the zone the Kamer's servers write.
"""

import datetime
import re

_TIMESTAMP = re.compile(
    r"^(?P<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?P<fraction>\d+))?(?P<zone>Z|[+-]\d{2}:\d{2})?$"
)


def parse_timestamp(value: str | None) -> datetime.datetime | None:
    """The timestamp as an aware datetime; None when absent or not an xs:dateTime."""
    match = _TIMESTAMP.match((value or "").strip())
    if match is None:
        return None
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    zone = match["zone"] or "Z"
    text = f"{match['base']}.{fraction}{'+00:00' if zone == 'Z' else zone}"
    return datetime.datetime.fromisoformat(text)
