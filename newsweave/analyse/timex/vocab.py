"""Time-expression vocabulary: the words and regex fragments the rules are built of.

Month and weekday names, number words, units of time with their ISO 8601
designators, seasons, parts of the day, approximators and ordinals; immutable,
shared by the rules (``rules``) and the normalisers (``normalise``).
"""

from __future__ import annotations

import re

from ...dates import MONTHS, WEEKDAYS


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
NUMBER_WORDS = _alt(NUMBERS)
TENS = _alt(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
DIGITS = _alt(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))
NUM = (
    r"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|(?:(?:"
    + TENS
    + r")[\s-](?:"
    + DIGITS
    + r")|"
    + NUMBER_WORDS
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
