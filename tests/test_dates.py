"""Dates written in text: explicit full dates, weekday-fixed dates without a
year (against a fixed reference date), and container or user dates."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.dates import explicit_dates, parse_date, weekday_dates

REFERENCE = date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19.09.2023", [date(2023, 9, 19)]),
        ("2024-07-10", [date(2024, 7, 10)]),
        ("July 10, 2024", [date(2024, 7, 10)]),
        ("10 July 2024", [date(2024, 7, 10)]),
        ("10th of July, 2024", [date(2024, 7, 10)]),
        ("Sept. 3, 2024", [date(2024, 9, 3)]),
        ("Dec 25, 1999", [date(1999, 12, 25)]),
        ("10 mar 2020", [date(2020, 3, 10)]),
        ("By richardbrown // 2024-07-10", [date(2024, 7, 10)]),
        ("Updated 14:05, 3 March 2024", [date(2024, 3, 3)]),
        ("29 February 2024", [date(2024, 2, 29)]),
        # several dates come in text order, whatever their form
        ("from 4 May 1998 to July 10, 2024", [date(1998, 5, 4), date(2024, 7, 10)]),
        # impossible or incomplete dates are no dates
        ("29 February 2023", []),
        ("31.02.2024", []),
        ("2024-13-45", []),
        ("May 2024", []),
        ("in 2024", []),
        ("09/19/2023", []),  # slashes are ambiguous: day or month first
        ("Wednesday, September 20", []),
        ("25 December 2189", []),
        ("The bridge opened in 1920 and carries 40,000 cars a day.", []),
    ],
)
def test_dates_explicit(text, expected):
    assert [found for found, _ in explicit_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Wednesday, September 20", REFERENCE, [date(2023, 9, 20)]),
        ("Wednesday, 20 September", REFERENCE, [date(2023, 9, 20)]),
        ("Wednesday 20th of September", REFERENCE, [date(2023, 9, 20)]),
        ("Wed. Sept. 20", REFERENCE, [date(2023, 9, 20)]),
        ("Wednesday, September 20th", REFERENCE, [date(2023, 9, 20)]),
        (
            "Protesters in Lentisse on Wednesday, September 20. Photo: AP",
            REFERENCE,
            [date(2023, 9, 20)],
        ),
        # the reference day itself counts; the day after it does not
        ("Monday, November 23", REFERENCE, [date(2026, 11, 23)]),
        ("Tuesday, November 24", REFERENCE, [date(2020, 11, 24)]),
        ("Sunday, March 1", REFERENCE, [date(2026, 3, 1)]),
        # across a new year
        ("Friday, January 2", date(2026, 1, 5), [date(2026, 1, 2)]),
        ("Thursday, December 31", date(2026, 1, 5), [date(2020, 12, 31)]),
        # leap days: each weekday once in the 28 years before the reference
        ("Thursday, February 29", REFERENCE, [date(2024, 2, 29)]),
        ("Saturday, February 29", REFERENCE, [date(2020, 2, 29)]),
        ("Monday, February 29", REFERENCE, [date(2016, 2, 29)]),
        ("Wednesday, February 29", REFERENCE, [date(2012, 2, 29)]),
        ("Friday, February 29", REFERENCE, [date(2008, 2, 29)]),
        ("Sunday, February 29", REFERENCE, [date(2004, 2, 29)]),
        ("Tuesday, February 29", REFERENCE, [date(2000, 2, 29)]),
        ("Tuesday, February 29", date(2028, 3, 1), [date(2028, 2, 29)]),
        # no leap day fell on a Tuesday in the 28 years up to 15 January 2028 (2000 is 28
        # years and more back): no date rather than a guess
        ("Tuesday, February 29", date(2028, 1, 15), []),
        # no such day in any year
        ("Friday, February 30", REFERENCE, []),
        ("Monday, September 31", REFERENCE, []),
        # a year given makes it an explicit date, not this rule's
        ("Wednesday, September 20, 2023", REFERENCE, []),
        ("Wednesday, September 20 2023", REFERENCE, []),
        # a weekday alone is relative: the analysis stage's job
        ("The council met on Wednesday to discuss the budget.", REFERENCE, []),
        ("September 20", REFERENCE, []),
    ],
)
def test_dates_weekday(text, reference, expected):
    assert [found for found, _ in weekday_dates(text, reference)] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-02", date(2024, 3, 2)),
        ("  2024-03-02  ", date(2024, 3, 2)),
        ("2024-03-02T09:00:00+01:00", date(2024, 3, 2)),
        ("2024-03-02T23:30:00-05:00", date(2024, 3, 2)),  # the day as written, not UTC
        ("2024-03-02T08:00:00Z", date(2024, 3, 2)),
        ("Sat, 02 Mar 2024 09:00:00 GMT", date(2024, 3, 2)),
        ("2 March 2024", date(2024, 3, 2)),
        ("March 2, 2024", date(2024, 3, 2)),
        ("02.03.2024", date(2024, 3, 2)),
        ("garbage", None),
        ("", None),
        ("March 2024", None),
    ],
)
def test_dates_parse(value, expected):
    assert parse_date(value) == expected
