"""Calendar arithmetic: from numbers, names and a day to dates and TIMEX3 value strings.

Number words to numbers, month and weekday names to indices, safe date
construction, month and unit steps from a day, ISO weeks and seasons, ISO 8601
durations, and the dates of holidays (Easter by the Gregorian computus). None of
it reads the text or a tense: that is ``anchor``'s job.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...dates import MONTHS, WEEKDAYS
from .vocab import NUMBERS, UNITS


def number(word: str) -> float | None:
    """'three' -> 3, '5 1/2' -> 5.5, 'twenty-five' -> 25, 'several' -> None."""
    word = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    half = 0.5 if word.endswith(("1/2", "and a half")) else 0.0
    word = re.sub(r"\s*(?:1/2|and a half)$", "", word)
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word) + half
    if word in NUMBERS:
        return None if NUMBERS[word] is None else NUMBERS[word] + half
    parts = word.split()
    if (
        len(parts) == 2
        and parts[0] in NUMBERS
        and parts[1] in NUMBERS
        and NUMBERS[parts[0]]
        and NUMBERS[parts[1]]
    ):
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def season_of(day: date) -> tuple[int, str]:
    """The season a day falls in; December belongs to the next year's winter."""
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA")[
        day.month - 1
    ]


def weekday_index(name: str) -> int:
    return WEEKDAYS[name.lower().rstrip(".")]


def shift_unit(ref: date, unit: str, delta: int) -> tuple[str, str] | None:
    """The value and precision of the unit ``delta`` steps from ``ref``."""
    if unit == "day":
        return (ref + timedelta(days=delta)).isoformat(), "day"
    if unit in ("week", "weekend"):
        week = iso_week(ref + timedelta(weeks=delta))
        return (week + "-WE", "week") if unit == "weekend" else (week, "week")
    if unit == "month":
        year, month = add_months(ref.year, ref.month, delta)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "quarter":
        year, month = add_months(ref.year, ref.month, 3 * delta)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "year":
        return f"{ref.year + delta:04d}", "year"
    if unit == "decade":
        return f"{(ref.year // 10 + delta):03d}X", "decade"
    if unit == "century":
        return f"{(ref.year // 100 + delta):02d}", "century"
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """ "P3W", "PT5H30M", "PXY": an ISO 8601 duration; X for a vague amount."""
    designator, times, is_time = (
        UNITS[unit.lower().rstrip("s")]
        if unit.lower().rstrip("s") in UNITS
        else UNITS[unit.lower()]
    )
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{designator}"
    amount *= times
    if designator == "Q":
        designator, amount = "M", amount * 3
    if amount != int(amount):
        lower = {
            "H": ("M", 60),
            "D": ("H", 24),
            "Y": ("M", 12),
            "M": ("D", 30) if not is_time else ("S", 60),
            "W": ("D", 7),
        }.get(designator)
        if lower:
            whole, rest = int(amount), round((amount - int(amount)) * lower[1])
            if whole == 0:
                return f"{prefix}{rest}{lower[0]}"
            sep = "T" if designator == "D" and lower[0] == "H" else ""
            return f"{prefix}{whole}{designator}{sep}{rest}{lower[0]}"
    return f"{prefix}{int(amount)}{designator}"


def holiday_date(name: str, year: int) -> date | None:
    name = name.lower()
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
    }
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "election day":
        first = date(year, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    return None


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)
