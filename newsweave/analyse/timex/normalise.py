"""Normalisers: one function per rule, from a match to a type, a TIMEX3 value and a precision.

Each takes the rule's ``re.Match`` and the ``Context`` and returns a ``Norm``
(DATE, TIME, DURATION or SET, the value, the precision, and optionally a
narrower span), or None when the match is no time expression after all ("a
second term", "60 Minutes", a bare "May" that is a verb). Relative values are
anchored with ``anchor``; the arithmetic is ``calendar_math``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from ...dates import WEEKDAYS
from ..tense import FUTURE, PAST
from .anchor import Context, day_year, direction, month_year, possessive_direction, weekday_date
from .calendar_math import (
    duration_value,
    holiday_date,
    iso_week,
    month_number,
    number,
    safe_date,
    season_of,
    shift_unit,
    weekday_index,
)
from .vocab import NUMBERS, ORDINALS, PARTS, SEASONS, UNITS


@dataclass(frozen=True)
class Norm:
    """A normaliser's answer; ``start``/``end`` narrow the match when set."""

    type: str
    value: str | None
    precision: str | None
    start: int | None = None
    end: int | None = None


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
