"""Time expressions: find them, type them and normalise them to TIMEX3 values.

HeidelTime-style: each rule is a small named pattern plus a normalisation
function; every match is typed (DATE, TIME, DURATION, SET), given a TIMEX3
value and a precision, and records its rule as ``timex.<name>.vN``. Overlaps go
to the longest match, then the earliest rule.

Relative expressions ("on Tuesday", "next month", "10 years ago") are resolved
against ``reference``, the article's publication date. Whether a bare weekday
or month points back or forward is read from the governing verb's tense in the
spaCy ``doc`` when one is given, from cue words in the sentence otherwise; news
mostly reports what happened, so an undecided weekday points back. With no
reference, relative expressions keep ``value=None``; explicit dates still
resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from spacy.tokens import Doc

from ..dates import DOTTED, ISO, MONTHS, WEEKDAYS
from ..model import Timex
from .tense import FUTURE, LEAD_FUTURE, PAST, doc_direction, past_perfect, text_direction


@dataclass(frozen=True)
class Context:
    """What every normaliser may read: the text, the anchor and the parse."""

    text: str
    reference: date | None
    doc: Doc | None = None


@dataclass(frozen=True)
class Norm:
    """A normaliser's answer; ``start``/``end`` narrow the match when set."""

    type: str
    value: str | None
    precision: str | None
    start: int | None = None
    end: int | None = None


# --- vocabularies (immutable) --------------------------------------------------------


def _alt(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


# Month and weekday names must be capitalised: "may", "march" and "sun" are words too.
_MONTH_NAMES = tuple(
    sorted({n.capitalize() for n in MONTHS} | {n.upper() for n in MONTHS if len(n) > 3})
)
MONTH = (
    r"(?P<month>(?:"
    + _alt(n for n in _MONTH_NAMES if len(n) > 3 or n == "May")
    + r")\b|(?:"
    + _alt(n for n in _MONTH_NAMES if len(n) <= 4 and n != "May")
    + r")\.)"
)
MONTH_FULL = (
    r"(?P<month>" + _alt(n.capitalize() for n in MONTHS if len(n) > 3 or n == "may") + r")\b"
)
WEEKDAY = r"(?P<weekday>" + _alt(n.capitalize() for n in WEEKDAYS if len(n) > 5) + r")\b"
NUMBERS = {
    w: i
    for i, w in enumerate(
        (
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        ).split()
    )
}
NUMBERS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a": 1,
        "an": 1,
        "one": 1,
        "a dozen": 12,
        "dozen": 12,
        "a couple of": 2,
        "a few": None,
        "few": None,
        "several": None,
        "many": None,
        "some": None,
        "a couple": 2,
    }
)
TENS = _alt(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
DIGITS = _alt(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
NUM = (
    r"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?:(?:"
    + TENS
    + r")[\s-](?:"
    + DIGITS
    + r")|"
    + _alt(NUMBERS)
    + r")(?:\s+and\s+a\s+half)?)"
)
# unit word -> (ISO designator, multiplier, is a time-of-day unit)
UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "week": ("W", 1, False),
    "month": ("M", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
    "quarter": ("Q", 1, False),
    "fortnight": ("W", 2, False),
    "weekend": ("D", 2, False),
}
UNIT = r"(?P<unit>" + _alt(UNITS) + r")s?\b"
UNIT_SINGLE = (
    r"(?P<unit>"
    + _alt(("day", "week", "month", "year", "quarter", "weekend", "decade", "century"))
    + r")\b"
)
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
APPROX = (
    r"(?:(?:about|around|nearly|almost|roughly|some|more\s+than|less\s+than|at\s+least"
    r"|at\s+most|over|under|up\s+to|only|just|barely)\s+)"
)
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time))?"


# --- calendar helpers ------------------------------------------------------------------


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


def weekday_date(ref: date, weekday: int, direction: str | None) -> date:
    """The weekday nearest ``ref`` in ``direction``; the reference day itself
    when it is that weekday (news says "Friday" for the day it is published)."""
    delta = weekday - ref.weekday()
    if delta == 0:
        return ref
    if direction == FUTURE:
        return ref + timedelta(days=delta % 7)
    return ref - timedelta(days=(-delta) % 7)


def month_year(ref: date, month: int, direction: str | None) -> int:
    """The year of a bare month name: back or forward by tense, else nearest."""
    if direction == PAST:
        return ref.year if month <= ref.month else ref.year - 1
    if direction == FUTURE:
        return ref.year if month >= ref.month else ref.year + 1
    return min(
        (ref.year - 1, ref.year, ref.year + 1),
        key=lambda y: (abs((y * 12 + month) - (ref.year * 12 + ref.month)), y != ref.year),
    )


def day_year(ref: date, month: int, day: int, direction: str | None) -> date | None:
    """A month-day with no year: the year by tense, else the nearest such day."""
    options = [d for d in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d]

    def cost(d: date) -> int:
        # A deadline just passed is still "by Jan. 14": tense only outweighs ~2 months.
        against = (direction == PAST and d > ref) or (direction == FUTURE and d < ref)
        return abs((d - ref).days) + (60 if against else 0)

    return min(options, key=cost) if options else None


# --- direction: does a relative expression point back or forward? -------------------


def direction(ctx: Context, start: int, end: int) -> str | None:
    """PAST, FUTURE or None for the expression at ``start:end``."""
    lead = ctx.text[max(0, start - 25) : start]
    if LEAD_FUTURE.search(lead):
        # "Until Thursday, they had not called him a suspect": a past perfect looks back.
        until = lead.rstrip().lower().endswith("until")
        return (
            PAST if until and ctx.doc is not None and past_perfect(ctx.doc, start, end) else FUTURE
        )
    if lead.rstrip().lower().endswith("since"):
        return PAST
    if ctx.doc is not None:
        found = doc_direction(ctx.doc, start, end)
        if found is not None:
            return found
    return text_direction(ctx.text, start, end)


# --- normalisers: one per rule ---------------------------------------------------------

Normaliser = Callable[[re.Match, Context], "Norm | None"]


def n_iso(m: re.Match, ctx: Context) -> Norm | None:
    day = safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return Norm("DATE", day.isoformat(), "day") if day else None


def n_dotted(m: re.Match, ctx: Context) -> Norm | None:
    return n_iso(m, ctx)


def n_month_day_year(m: re.Match, ctx: Context) -> Norm | None:
    day = safe_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
    return Norm("DATE", day.isoformat(), "day") if day else None


def n_month_year(m: re.Match, ctx: Context) -> Norm:
    return Norm("DATE", f"{int(m['year']):04d}-{month_number(m['month']):02d}", "month")


def n_weekday_month_day(m: re.Match, ctx: Context) -> Norm | None:
    """ "Wednesday, September 20": the year near the reference where the weekday fits."""
    if ctx.reference is None:
        return Norm("DATE", None, "day")
    month, day, weekday = month_number(m["month"]), int(m["day"]), weekday_index(m["weekday"])
    for k in (0, -1, 1, -2, -3, -4, -5, -6):
        found = safe_date(ctx.reference.year + k, month, day)
        if found and found.weekday() == weekday and abs((found - ctx.reference).days) < 400:
            return Norm("DATE", found.isoformat(), "day")
    return n_month_day(m, ctx)


def n_month_day(m: re.Match, ctx: Context) -> Norm | None:
    if ctx.reference is None:
        return Norm("DATE", None, "day")
    month, day = month_number(m["month"]), int(m["day"])
    found = day_year(ctx.reference, month, day, direction(ctx, m.start(), m.end()))
    return Norm("DATE", found.isoformat(), "day") if found else None


def n_second_day(m: re.Match, ctx: Context) -> Norm | None:
    """The second day of "April 24 and 25", in the first day's month: only the
    "25" is this expression ("April 24" is one of its own)."""
    norm = n_month_day(m, ctx)
    return norm and Norm(norm.type, norm.value, norm.precision, start=m.start("day"))


def n_range(m: re.Match, ctx: Context) -> Norm | None:
    """ "September 18-21": an ISO interval; the year from the text or the reference."""
    month = month_number(m["month"])
    if m["year"]:
        year = int(m["year"])
    elif ctx.reference is not None:
        first = day_year(ctx.reference, month, int(m["d1"]), direction(ctx, m.start(), m.end()))
        year = first.year if first else ctx.reference.year
    else:
        return Norm("DATE", None, "range")
    first, last = safe_date(year, month, int(m["d1"])), safe_date(year, month, int(m["d2"]))
    if not first or not last or last <= first:
        return None
    return Norm("DATE", f"{first.isoformat()}/{last.isoformat()}", "range")


def weekday_index(name: str) -> int:
    return WEEKDAYS[name.lower().rstrip(".")]


def n_weekday(m: re.Match, ctx: Context) -> Norm:
    """A weekday, maybe with a part of the day and "last"/"next"/"this"."""
    part = PARTS.get((m["part"] or "").lower())
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.reference is None:
        return Norm(kind, None, precision)
    shift = (m["shift"] or "").lower()
    way = (
        {"last": PAST, "past": PAST, "next": FUTURE, "coming": FUTURE}.get(shift)
        or possessive_direction(m)
        or direction(ctx, m.start(), m.end())
    )
    found = weekday_date(ctx.reference, weekday_index(m["weekday"]), way)
    if shift in ("last", "next") and found == ctx.reference:
        found += timedelta(days=7 if shift == "next" else -7)
    return Norm(kind, found.isoformat() + (f"T{part}" if part else ""), precision)


def n_month_shift_year(m: re.Match, ctx: Context) -> Norm:
    """ "February this year", "April next year": the month of that year."""
    if ctx.reference is None:
        return Norm("DATE", None, "month")
    year = ctx.reference.year + {"last": -1, "this": 0, "next": 1}[m["shift"].lower()]
    return Norm("DATE", f"{year:04d}-{month_number(m['month']):02d}", "month")


def n_year(m: re.Match, ctx: Context) -> Norm:
    return Norm("DATE", m["year"], "year")


def n_decade(m: re.Match, ctx: Context) -> Norm:
    """ "the 1990s" -> 199X (the form the TimeML corpora use); "'90s" -> 199X too."""
    digits = m["decade"].lstrip("'")
    if len(digits) == 2:
        digits = ("19" if int(digits) > 20 else "20") + digits
    return Norm("DATE", digits[:3] + "X", "decade")


def n_century(m: re.Match, ctx: Context) -> Norm:
    ordinal = int(re.sub(r"\D", "", m["nth"]))
    return Norm("DATE", f"{ordinal - 1:02d}", "century")


def n_relative_day(m: re.Match, ctx: Context) -> Norm:
    word = m["word"].lower()
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    part = PARTS.get((m["part"] or "").lower())
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.reference is None:
        return Norm(kind, None, precision)
    value = (ctx.reference + timedelta(days=shift)).isoformat()
    return Norm(kind, value + (f"T{part}" if part else ""), precision)


def n_part_of_day(m: re.Match, ctx: Context) -> Norm:
    """ "this morning", "last night": the reference day (or the one before)."""
    part = PARTS[m["part"].lower()]
    if ctx.reference is None:
        return Norm("TIME", None, "time")
    day = ctx.reference - timedelta(days=1 if m["shift"].lower() == "last" else 0)
    return Norm("TIME", f"{day.isoformat()}T{part}", "time")


def n_ref(m: re.Match, ctx: Context) -> Norm:
    word = m.group(0).lower()
    if "future" in word:
        return Norm("DATE", "FUTURE_REF", None)
    if "past" in word or "former" in word:
        return Norm("DATE", "PAST_REF", None)
    return Norm("DATE", "PRESENT_REF", None)


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


def n_shifted_unit(m: re.Match, ctx: Context) -> Norm | None:
    """ "last year", "next month", "this week", "the coming weekend"."""
    unit, shift = m["unit"].lower(), m["shift"].lower()
    delta = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "next": 1,
        "coming": 1,
        "this": 0,
        "current": 0,
    }[shift]
    precision = {"day": "day", "weekend": "week"}.get(unit, unit)
    if (
        shift == "past"
        or (unit in ("decade", "century") and delta)
        or (m["the"] and shift in ("last", "previous", "next", "coming"))
    ):
        # "the past year", "the last decade": a stretch up to now, not a calendar unit
        return Norm("DURATION", duration_value(1, unit), "duration")
    if ctx.reference is None:
        return Norm("DATE", None, precision)
    found = shift_unit(ctx.reference, unit, delta)
    return Norm("DATE", found[0], found[1]) if found else None


SEASON_LEAD = re.compile(
    r"\b(?:in|during|by|since|until|the|this|of|early|late|mid|through)"
    r"[\s-]+$",
    re.I,
)


def n_season(m: re.Match, ctx: Context) -> Norm | None:
    """ "last fall", "this summer", "winter 1998": a TIMEX3 season code. A bare
    "fall" or "spring" is a season only after a word that introduces a time."""
    code, shift = SEASONS[m["season"].lower()], (m["shift"] or "").lower()
    if (
        not shift
        and not m["year"]
        and (
            not SEASON_LEAD.search(ctx.text, max(0, m.start() - 10), m.start())
            or re.match(r"\s+of\s+[A-Z]", ctx.text[m.end() :])
        )
    ):
        return None
    if m["year"]:
        return Norm("DATE", f"{m['year']}-{code}", "season")
    if ctx.reference is None:
        return Norm("DATE", None, "season")
    year, current = season_of(ctx.reference)
    order = ("WI", "SP", "SU", "FA")
    way = {"last": PAST, "past": PAST, "next": FUTURE, "coming": FUTURE}.get(shift)
    if shift != "this" and way is None:
        way = direction(ctx, m.start(), m.end())
    if way == PAST and order.index(code) >= order.index(current):
        year -= 1
    elif way == FUTURE and order.index(code) <= order.index(current):
        year += 1
    return Norm("DATE", f"{year:04d}-{code}", "season")


def n_quarter(m: re.Match, ctx: Context) -> Norm:
    nth = (
        4 if m["nth"].lower() in ("final", "last", "fourth", "4th") else ORDINALS[m["nth"].lower()]
    )
    if m["year"]:
        return Norm("DATE", f"{m['year']}-Q{nth}", "quarter")
    if ctx.reference is None:
        return Norm("DATE", None, "quarter")
    current = (ctx.reference.month - 1) // 3 + 1
    way = direction(ctx, m.start(), m.end())
    year = ctx.reference.year
    if nth > current and way != FUTURE:
        year -= 1
    elif nth < current and way == FUTURE:
        year += 1
    return Norm("DATE", f"{year:04d}-Q{nth}", "quarter")


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


AGE = re.compile(r"[\s-]+old\b")


def n_duration(m: re.Match, ctx: Context) -> Norm | None:
    """ "three weeks", "a five-hour", "5 1/2 hours"; an age ("6-year-old") is no timex."""
    if AGE.match(ctx.text, m.end()) or _not_a_duration(m, ctx.text):
        return None
    unit = m["unit"]
    amount = number(m["num"]) if m["num"] else None
    if m["num"] and amount is None and m["num"].lower() not in NUMBERS:
        return None
    return Norm("DURATION", duration_value(amount, unit), "duration")


# "a second term", "a second betrayal": the ordinal, not a second of time.
ORDINAL_NEXT = re.compile(
    r"\s+(?!(?:later|ago|or|and|before|after|earlier|longer|too|to|of|in|"
    r"at|on|for|from|the|a|an)\b)[a-z]{3,}\b"
)


def _not_a_duration(m: re.Match, text: str) -> bool:
    """ "a second betrayal" (an ordinal) and "60 Minutes" (a title: the unit
    capitalised inside a sentence)."""
    unit = m["unit"]
    ordinal = (
        (m["num"] or "").lower() in ("a", "an")
        and unit.lower() == "second"
        and bool(ORDINAL_NEXT.match(text, m.end()))
    )
    before = text[max(0, m.start() - 20) : m.start()].rstrip()
    titled = (
        unit[:1].isupper()
        and not unit.isupper()
        and not (m["num"] or "")[:1].isupper()
        and before[-1:] not in ("", ".", "\n", "!", "?")
    )
    return ordinal or titled


def n_the_weekend(m: re.Match, ctx: Context) -> Norm:
    """ "over the weekend": the weekend before (or, by tense, after) the reference."""
    if ctx.reference is None:
        return Norm("DATE", None, "week")
    ref, way = ctx.reference, direction(ctx, m.start(), m.end())
    if ref.weekday() >= 5:
        day = ref
    elif way == FUTURE:
        day = ref + timedelta(days=5 - ref.weekday())
    else:
        day = ref - timedelta(days=ref.weekday() + 1)
    return Norm("DATE", iso_week(day) + "-WE", "week")


def n_week_of(m: re.Match, ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day."""
    if m["year"]:
        day = safe_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
    elif ctx.reference is not None:
        day = day_year(
            ctx.reference,
            month_number(m["month"]),
            int(m["day"]),
            direction(ctx, m.start(), m.end()),
        )
    else:
        return Norm("DATE", None, "week")
    return Norm("DATE", iso_week(day), "week") if day else None


def n_long(m: re.Match, ctx: Context) -> Norm:
    """ "day-long", "decades-long": one unit, or an unspecified number of them."""
    amount = None if m["plural"] else 1
    return Norm("DURATION", duration_value(amount, m["unit"]), "duration")


def n_ago(m: re.Match, ctx: Context) -> Norm | None:
    """ "10 years ago": the unit that far back, at that unit's precision."""
    unit = m["unit"].lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    amount = number(m["num"]) if m["num"] else None
    precision = {"decade": "year", "century": "year"}.get(unit, unit)
    if amount is None or amount != int(amount) or unit not in UNITS:
        return Norm("DATE", "PAST_REF", None)
    if ctx.reference is None:
        return Norm("DATE", None, precision)
    steps, unit = (
        int(amount) * UNITS[unit][1],
        {"decade": "year", "century": "year"}.get(unit, unit),
    )
    if unit in ("hour", "minute", "second"):
        return Norm("DATE", "PAST_REF", None)
    if unit == "weekend":
        unit = "week"
    found = shift_unit(ctx.reference, unit, -steps)
    return Norm("DATE", found[0], found[1]) if found else None


def n_clock(m: re.Match, ctx: Context) -> Norm | None:
    """ "9 a.m.", "10:35 p.m. EST Tuesday": the day (weekday or reference) plus hh:mm."""
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    half = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if hour > 12 and half or hour > 24 or minute > 59:
        return None
    hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
    if ctx.reference is None:
        return Norm("TIME", None, "time")
    day = ctx.reference
    if m["weekday"]:
        day = weekday_date(day, weekday_index(m["weekday"]), direction(ctx, m.start(), m.end()))
    return Norm("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "time")


def n_noon(m: re.Match, ctx: Context) -> Norm:
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
    if ctx.reference is None:
        return Norm("TIME", None, "time")
    return Norm("TIME", f"{ctx.reference.isoformat()}T{clock}", "time")


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


def n_holiday_week(m: re.Match, ctx: Context) -> Norm:
    """ "Easter week", "Christmas week": the ISO week of the holiday; a week
    already begun counts as past ("as Easter week began")."""
    day = nearest_holiday(m, ctx, week=True)
    return Norm("DATE", day and iso_week(day), "week")


def n_holiday(m: re.Match, ctx: Context) -> Norm:
    day = nearest_holiday(m, ctx)
    return Norm("DATE", day and day.isoformat(), "day")


def nearest_holiday(m: re.Match, ctx: Context, week: bool = False) -> date | None:
    """The holiday of the year given, else the one nearest the reference in
    the direction of the tense or of "last"/"next"."""
    if m["year"]:
        return holiday_date(m["name"], int(m["year"]))
    if ctx.reference is None:
        return None
    shift, ref = (m["shift"] or "").lower(), ctx.reference
    way = {"last": PAST, "next": FUTURE}.get(shift) or direction(ctx, m.start(), m.end())
    options = [d for d in (holiday_date(m["name"], ref.year + k) for k in (-1, 0, 1)) if d]
    first = (lambda d: d - timedelta(days=d.weekday())) if week else (lambda d: d)
    last = (lambda d: first(d) + timedelta(days=6)) if week else (lambda d: d)
    if way == PAST:
        options = [d for d in options if first(d) <= ref] or options
    elif way == FUTURE:
        options = [d for d in options if last(d) >= ref] or options
    return min(options, key=lambda d: abs((d - ref).days))


def n_set_word(m: re.Match, ctx: Context) -> Norm:
    return n_set_unit(m["unit"] or m["adv"])


def n_set_unit(word: str) -> Norm:
    word = word.lower()
    unit = {
        "daily": "day",
        "nightly": "day",
        "night": "day",
        "morning": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "hourly": "hour",
        "quarterly": "quarter",
    }.get(word, word)
    if unit in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "duration")
    return Norm("SET", duration_value(1, unit), "duration")


# A bare "May" or "March" is a month only after a word that introduces a time.
MONTH_LEAD = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|before|after|from|to|through|"
    r"early|late|mid|last|next|this|each|every|between|and|or|on)[\s-]+)$",
    re.I,
)


def possessive_direction(m: re.Match) -> str | None:
    """ "Wednesday's ruling" names something already done, whatever the verb."""
    return PAST if m.group(0).endswith("'s") else None


# "the March accession", "the May elections": a month naming a noun's time; not
# "the March on Washington" nor "the March of Dimes".
THE_MONTH = re.compile(r"\bthe\s+$", re.I)
NOUN_AFTER = re.compile(r"\s+(?!(?:on|of|to|for|from|against|in|at|by|and|or|was|is)\b)[a-z]{3,}\b")


def n_month(m: re.Match, ctx: Context) -> Norm | None:
    """A bare month ("in March", "last February", "this October")."""
    name = m["month"]
    lead = ctx.text[max(0, m.start() - 12) : m.start()]
    if (
        name in ("May", "March")
        and not m["shift"]
        and not MONTH_LEAD.search(lead)
        and not m.group(0).lower().startswith(("early", "late", "mid"))
        and not (THE_MONTH.search(lead) and NOUN_AFTER.match(ctx.text, m.end()))
    ):
        return None
    if ctx.reference is None:
        return Norm("DATE", None, "month")
    month, shift, ref = month_number(name), (m["shift"] or "").lower(), ctx.reference
    if shift == "this":
        year = ref.year
    elif shift in ("last", "past", "previous"):
        year = ref.year if month < ref.month else ref.year - 1
    elif shift in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = month_year(ref, month, direction(ctx, m.start(), m.end()))
    return Norm("DATE", f"{year:04d}-{month:02d}", "month")


def n_vague(m: re.Match, ctx: Context) -> Norm:
    """ "years", "recent days", "for weeks": an unspecified number of units; the
    leading "for"/"in" is a signal, not part of the expression."""
    start = m.start("lead") if m["lead"] else m.start("unit")
    return Norm("DURATION", duration_value(None, m["unit"]), "duration", start=start)


# --- rules: (name, version, pattern, normaliser), tried in order ----------------------

SHIFT = r"(?P<shift>last|next|this|past|previous|coming|current)"
PREFIX = (
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"the\s+start\s+of)[\s-]+)?"
)
PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"

RULES: tuple[tuple[str, int, re.Pattern, Normaliser], ...] = (
    ("iso", 1, ISO, n_iso),
    ("dotted", 1, DOTTED, n_dotted),
    (
        "range",
        1,
        re.compile(
            MONTH + r"\s+(?P<d1>\d{1,2})\s*(?:-|–|—|to|through|until)\s*(?P<d2>\d{1,2})\b"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
        ),
        n_range,
    ),
    (
        "month_day_year",
        1,
        re.compile(
            r"\b"
            + PREFIX
            + MONTH
            + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:1[89]|20)\d\d)\b"
        ),
        n_month_day_year,
    ),
    (
        "day_month_year",
        1,
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + MONTH
            + r",?\s+(?P<year>(?:1[89]|20)\d\d)\b"
        ),
        n_month_day_year,
    ),
    (
        "weekday_month_day",
        1,
        re.compile(r"\b" + WEEKDAY + r",?\s+" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"),
        n_weekday_month_day,
    ),
    (
        "weekday_day_month",
        1,
        re.compile(
            r"\b"
            + WEEKDAY
            + r",?\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            + MONTH
        ),
        n_weekday_month_day,
    ),
    (
        "week_of",
        1,
        re.compile(
            r"\bthe\s+week\s+of\s+" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
        ),
        n_week_of,
    ),
    ("the_weekend", 1, re.compile(r"\bthe\s+weekend\b(?!\s+of\b)", re.I), n_the_weekend),
    (
        "long",
        1,
        re.compile(r"\b(?P<unit>day|week|month|year|decade|hour)(?P<plural>s)?-long\b", re.I),
        n_long,
    ),
    (
        "month_day",
        1,
        re.compile(
            r"\b" + PREFIX + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
            r"(?![\d,.]*\d)(?!\s*(?:%|percent))\b"
        ),
        n_month_day,
    ),
    (
        "second_day",
        1,
        re.compile(
            r"\b" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:and|or|&)\s+"
            r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?![\d,.]*\d)"
            r"(?!\s*(?:%|percent))"
        ),
        n_second_day,
    ),
    (
        "day_month",
        1,
        re.compile(r"\b(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_FULL),
        n_month_day,
    ),
    (
        "month_shift_year",
        1,
        re.compile(
            r"\b" + PREFIX + MONTH_FULL + r"\s+(?P<shift>this|next|last)"
            r"\s+year\b"
        ),
        n_month_shift_year,
    ),
    (
        "month_year",
        1,
        re.compile(r"\b" + PREFIX + MONTH + r",?\s+(?:of\s+)?(?P<year>(?:1[89]|20)\d\d)\b"),
        n_month_year,
    ),
    (
        "clock",
        1,
        re.compile(
            r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b)"
            + TZ
            + r"(?:(?:\s*\([^()]{1,20}\))?,?\s+(?:on\s+)?"
            + WEEKDAY
            + r")?",
            re.I,
        ),
        n_clock,
    ),
    (
        "clock24",
        1,
        re.compile(
            r"\b(?P<hour>[012]?\d):(?P<minute>[0-5]\d)(?P<ampm>)"
            r"(?=\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time)\b)" + TZ
        ),
        n_clock,
    ),
    ("noon", 1, re.compile(r"(?<!high\s)\b(?P<word>noon|midday|midnight)\b", re.I), n_noon),
    (
        "holiday_week",
        1,
        re.compile(
            r"\b(?:(?P<shift>last|next|this)\s+)?(?P<name>Easter|Christmas|Thanksgiving)\s+week\b"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
        ),
        n_holiday_week,
    ),
    (
        "holiday",
        1,
        re.compile(
            r"\b(?:(?P<shift>last|next|this)\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+"
            r"(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Independence\s+Day|Election\s+Day|Valentine's\s+Day"
            r"|Halloween|Easter(?:\s+Sunday)?(?!\s+(?:Island|[Ee]gg|Rising)))"
            r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
        n_holiday,
    ),
    (
        "weekday",
        1,
        re.compile(
            r"\b(?:(?P<shift>last|next|this|past|coming)\s+)?"
            + PREFIX
            + WEEKDAY
            + r"(?:'s)?"
            + PART,
            re.I,
        ),
        n_weekday,
    ),
    (
        "relative_day",
        1,
        re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow)\b(?:'s)?" + PART, re.I),
        n_relative_day,
    ),
    (
        "part_of_day",
        1,
        re.compile(r"\b(?P<shift>this|last)\s+(?P<part>morning|afternoon|evening|night)\b", re.I),
        n_part_of_day,
    ),
    (
        "season",
        1,
        re.compile(
            r"\b(?:(?P<shift>last|next|this|past|coming)\s+)?"
            + PREFIX
            + r"(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b)?",
            re.I,
        ),
        n_season,
    ),
    (
        "quarter",
        1,
        re.compile(
            r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter\b"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b)?",
            re.I,
        ),
        n_quarter,
    ),
    (
        "ago",
        1,
        re.compile(
            r"\b" + APPROX + r"?(?:" + NUM + r"[\s-]+)?" + UNIT + r"\s+(?:ago|earlier)\b", re.I
        ),
        n_ago,
    ),
    (
        "unit_of_shift",
        1,
        re.compile(
            r"\b(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"
            r"[\s-]+|(?P<the>the)\s+)?" + SHIFT + r"\s+" + UNIT_SINGLE,
            re.I,
        ),
        n_shifted_unit,
    ),
    (
        "decade",
        1,
        re.compile(r"\b" + PREFIX + r"(?:the\s+)?(?P<decade>(?:1[89]|20)\d0|'\d0)s\b", re.I),
        n_decade,
    ),
    (
        "century",
        1,
        re.compile(r"\b(?:the\s+)?(?P<nth>\d{1,2}(?:st|nd|rd|th))\s+century\b", re.I),
        n_century,
    ),
    (
        "set",
        1,
        re.compile(
            r"\b(?:(?:every|each|per)\s+(?P<unit>day|week|month|year|quarter|hour|night|morning|"
            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<adv>daily|weekly|monthly"
            r"|annually|yearly|hourly|nightly|quarterly)(?!\s+[A-Z]))\b"
        ),
        n_set_word,
    ),
    (
        "span_duration",
        1,
        re.compile(
            r"\b(?:the\s+)?(?P<shift>past|last|next|coming|first|previous|final)\s+"
            + NUM
            + r"\s+"
            + UNIT,
            re.I,
        ),
        n_duration,
    ),
    (
        "duration",
        1,
        re.compile(
            r"\b"
            + APPROX
            + r"?(?:"
            + NUM
            + r"[\s-]+(?:more\s+|full\s+|straight\s+|consecutive\s+)?)"
            + UNIT
            + r"(?:[\s-]+long\b)?",
            re.I,
        ),
        n_duration,
    ),
    (
        "vague_duration",
        1,
        re.compile(
            r"\b(?:(?P<lead>recent|coming|past|next|last|several|few|many)\s+|(?:for|in|within)\s+)"
            r"(?P<unit>years|months|weeks|days|decades|hours|minutes)\b",
            re.I,
        ),
        n_vague,
    ),
    (
        "month",
        1,
        re.compile(r"\b(?:(?P<shift>last|next|this|past|coming)\s+)?" + PREFIX + MONTH_FULL),
        n_month,
    ),
    (
        "ref",
        1,
        re.compile(
            r"\b(?:(?:the\s+)?(?:near\s+|foreseeable\s+)?future|the\s+past(?!\s+(?:\d|"
            + _alt(NUMBERS)
            + r")\b)|now|currently|at\s+present|nowadays)\b",
            re.I,
        ),
        n_ref,
    ),
    (
        "year",
        1,
        re.compile(
            r"(?<![\$\d,.:/-])\b(?:(?:post|pre)-)?" + PREFIX + r"(?P<year>(?:1[89]|20)\d\d)\b"
            r"(?![,.]?\d|\s*(?:%|percent|-\d))",
            re.I,
        ),
        n_year,
    ),
)


def find_timexes(text: str, *, reference: date | None, doc: Doc | None = None) -> list[Timex]:
    """Every time expression in ``text``, in order, none overlapping."""
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, datetime):
        reference = reference.date()
    if not isinstance(reference, date):
        reference = None
    usable = doc if doc is not None and getattr(doc, "text", None) == text else None
    ctx = Context(text, reference, usable)
    return select(list(candidates(ctx)))


def candidates(ctx: Context):
    """(rule order, Timex) for every match of every rule."""
    for order, (name, version, pattern, normalise) in enumerate(RULES):
        for m in pattern.finditer(ctx.text):
            try:
                norm = normalise(m, ctx)
            except (ValueError, KeyError, OverflowError, IndexError):
                continue  # a date the calendar cannot hold ("February 30"): no timex
            if norm is None:
                continue
            start = m.start() if norm.start is None else norm.start
            end = m.end() if norm.end is None else norm.end
            yield (
                order,
                Timex(
                    start,
                    end,
                    ctx.text[start:end],
                    norm.type,
                    norm.value,
                    norm.precision,
                    f"timex.{name}.v{version}",
                ),
            )


def select(found: list[tuple[int, Timex]]) -> list[Timex]:
    """Longest match first, then the earlier rule; no two kept timexes overlap."""
    kept: list[Timex] = []
    for _, timex in sorted(found, key=lambda p: (-(p[1].end - p[1].start), p[0], p[1].start)):
        if all(timex.end <= k.start or timex.start >= k.end for k in kept):
            kept.append(timex)
    return sorted(kept, key=lambda t: t.start)
