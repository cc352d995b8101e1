"""Calendar dates written out in text: explicit ones, and weekday-fixed ones.

Only dates a reader could pin to one day are returned: "19.09.2023",
"2024-07-10", "July 10, 2024", "10 July 2024", or "Wednesday, September 20",
whose year is the most recent one (not after the reference date) in which
September 20 fell on a Wednesday. Relative expressions ("on Tuesday") are the
analysis stage's job, not metadata's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
# Any month or weekday name, for patterns that must not take a date for a name.
WHEN_WORDS = "|".join(sorted(set(MONTHS) | set(WEEKDAYS), key=len, reverse=True))

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
MONTH_FIRST = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
WEEKDAY_NO_YEAR = re.compile(
    r"\b" + _WEEKDAY + r",?\s+(?:(?:" + _MONTH.replace("month", "m1") + r"\s+(?P<d1>\d{1,2}))|"
    r"(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH.replace("month", "m2") + r"))"
    r"(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)",
    re.I,
)


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _make(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), _month(str(month)), int(day))
    except (ValueError, KeyError):
        return None


def explicit_dates(text: str) -> list[tuple[date, int]]:
    """Every full date (with a year) in ``text``, with its offset, in order."""
    found = []
    for pattern in (ISO, DOTTED, MONTH_FIRST, DAY_FIRST):
        for m in pattern.finditer(text):
            day = _make(m["year"], m["month"], m["day"])
            if day is not None:
                found.append((day, m.start()))
    return sorted(found, key=lambda pair: pair[1])


def weekday_dates(text: str, reference: date) -> list[tuple[date, int]]:
    """Dates given as weekday + day + month with no year, placed in the most
    recent year (on or before ``reference``) where that weekday fits."""
    found = []
    for m in WEEKDAY_NO_YEAR.finditer(text):
        month, day = m["m1"] or m["m2"], m["d1"] or m["d2"]
        for year in range(reference.year, reference.year - 28, -1):
            candidate = _make(year, month, day)
            if (
                candidate
                and candidate <= reference
                and candidate.weekday() == WEEKDAYS[m["weekday"].lower().rstrip(".")]
            ):
                found.append((candidate, m.start()))
                break
    return found


def parse_date(value: str) -> date | None:
    """A container's or user's date in any common form (ISO, RFC 2822, prose)."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    dates = explicit_dates(value)
    return dates[0][0] if dates else None
