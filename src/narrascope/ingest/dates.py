"""Publication dates as records and feeds write them: ISO 8601, RFC 822, or words in any language."""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

__all__ = ["parse_date"]

# Relative phrases ("yesterday") would resolve against today, not against when the article
# appeared, so only absolute dates and timestamps are read. A month and year are the least
# that names a date; the day then defaults to the first.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}
_MAX_LENGTH = 100


def parse_date(value: str) -> dt.date | None:
    """The calendar date ``value`` names, as written (no time-zone shift); None when it names none.

    The local date is kept on purpose: an article published at 01:00 in Moscow appeared on
    that day for its readers, and relative dates in its text ("on Tuesday") count from it.
    """
    value = value.strip()
    # A date is a short phrase; a long value is some other field, and dateparser is slow on it.
    if not value or len(value) > _MAX_LENGTH:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    try:
        parsed = dateparser.parse(value, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):  # a timestamp out of range
        return None
    return parsed.date() if parsed is not None else None
