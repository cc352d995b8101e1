"""The rules: (name, version, pattern, normaliser), tried in order.

Each pattern is built from ``vocab``'s fragments; each match goes to its
normaliser (``normalise``) and is recorded as ``timex.<name>.vN``. The order
breaks ties between overlapping matches of the same length.
"""

from __future__ import annotations

import re

from ...dates import DOTTED, ISO
from .normalise import (
    Normaliser,
    n_ago,
    n_century,
    n_clock,
    n_decade,
    n_dotted,
    n_duration,
    n_holiday,
    n_holiday_week,
    n_iso,
    n_long,
    n_month,
    n_month_day,
    n_month_day_year,
    n_month_shift_year,
    n_month_year,
    n_noon,
    n_part_of_day,
    n_quarter,
    n_range,
    n_ref,
    n_relative_day,
    n_season,
    n_second_day,
    n_set_word,
    n_shifted_unit,
    n_the_weekend,
    n_vague,
    n_week_of,
    n_weekday,
    n_weekday_month_day,
    n_year,
)
from .vocab import APPROX, MONTH, MONTH_FULL, NUM, NUMBER_WORDS, TZ, UNIT, UNIT_SINGLE, WEEKDAY

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
            + NUMBER_WORDS
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
