"""Time expressions: extent, TIMEX3 type and value, as (text, reference, expected) rows.

The reference 2023-09-19 is a Tuesday, the publication date of the seed articles'
first meeting reports.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyse.timex import find_timexes

TUE = date(2023, 9, 19)
THU = date(2023, 9, 21)


def found(text: str, reference: date | None) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, reference=reference)]


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("Wang met Lavrov on Tuesday.", THU, [("Tuesday", "DATE", "2023-09-19")]),
        ("The talks will open next month.", TUE, [("next month", "DATE", "2023-10")]),
        ("The forum is held this October.", TUE, [("this October", "DATE", "2023-10")]),
        ("Putin visited Beijing in March.", TUE, [("March", "DATE", "2023-03")]),
        ("Xi came last February.", TUE, [("last February", "DATE", "2023-02")]),
        (
            "The session runs September 18-21 in New York.",
            TUE,
            [("September 18-21", "DATE", "2023-09-18/2023-09-21")],
        ),
        ("Published 19.09.2023", TUE, [("19.09.2023", "DATE", "2023-09-19")]),
        ("The pact was signed 10 years ago.", TUE, [("10 years ago", "DATE", "2013")]),
        ("Trade grew last year.", TUE, [("last year", "DATE", "2022")]),
        ("He has been in Moscow since Monday.", TUE, [("Monday", "DATE", "2023-09-18")]),
        (
            "They will meet on Wednesday, September 20.",
            TUE,
            [("Wednesday, September 20", "DATE", "2023-09-20")],
        ),
        (
            "They met on Wednesday, September 20.",
            date(2023, 9, 25),
            [("Wednesday, September 20", "DATE", "2023-09-20")],
        ),
    ],
)
def test_timex_seed_examples(text, reference, expected):
    assert found(text, reference) == expected


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("Wang was due to meet Lavrov on Wednesday.", TUE, [("Wednesday", "DATE", "2023-09-20")]),
        ("Wang met Lavrov on Wednesday.", TUE, [("Wednesday", "DATE", "2023-09-13")]),
        ("Wang will meet Lavrov on Monday.", TUE, [("Monday", "DATE", "2023-09-25")]),
        ("Wang met Lavrov on Monday.", TUE, [("Monday", "DATE", "2023-09-18")]),
        ("The talks will be held in March.", TUE, [("March", "DATE", "2024-03")]),
        ("The talks were held in March.", TUE, [("March", "DATE", "2023-03")]),
        ("He will return next Friday.", TUE, [("next Friday", "DATE", "2023-09-22")]),
        ("He left last Friday.", TUE, [("last Friday", "DATE", "2023-09-15")]),
        ("He could arrive as early as Monday.", TUE, [("Monday", "DATE", "2023-09-25")]),
    ],
)
def test_timex_direction_from_tense(text, reference, expected):
    assert found(text, reference) == expected


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        # the weekday of the publication day is that day, whatever the tense
        ("The ministers met on Tuesday.", TUE, [("Tuesday", "DATE", "2023-09-19")]),
        ("The ministers meet on Tuesday.", TUE, [("Tuesday", "DATE", "2023-09-19")]),
        # no tense cue at all: news reports the past
        ("Tuesday: Lavrov in Beijing", THU, [("Tuesday", "DATE", "2023-09-19")]),
        # "Friday's talks" are talks already held
        ("Friday's talks would shape the summit.", TUE, [("Friday's", "DATE", "2023-09-15")]),
        # "may" and "march" as words are no months
        ("Talks may resume; crowds march on.", TUE, []),
        ("It may rain in May.", TUE, [("May", "DATE", "2023-05")]),
    ],
)
def test_timex_weekday_and_month_ambiguity(text, reference, expected):
    assert found(text, reference) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They met on Tuesday.", [("Tuesday", "DATE", None)]),
        ("The talks will open next month.", [("next month", "DATE", None)]),
        ("It happened 10 years ago.", [("10 years ago", "DATE", None)]),
        ("Published 19.09.2023", [("19.09.2023", "DATE", "2023-09-19")]),
        ("Signed on July 10, 2024.", [("July 10, 2024", "DATE", "2024-07-10")]),
        ("Founded in 1949.", [("1949", "DATE", "1949")]),
        ("It lasted three weeks.", [("three weeks", "DURATION", "P3W")]),
    ],
)
def test_timex_without_reference_keeps_relative_unresolved(text, expected):
    assert found(text, None) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signed on 2024-07-10.", [("2024-07-10", "DATE", "2024-07-10")]),
        ("Signed on July 10, 2024.", [("July 10, 2024", "DATE", "2024-07-10")]),
        ("Signed on 10 July 2024.", [("10 July 2024", "DATE", "2024-07-10")]),
        ("Signed in January 1998.", [("January 1998", "DATE", "1998-01")]),
        ("Signed on Aug. 7, 1998.", [("Aug. 7, 1998", "DATE", "1998-08-07")]),
        ("Signed in 1995.", [("1995", "DATE", "1995")]),
        ("It cost $1999 and 1,998 rubles.", []),
    ],
)
def test_timex_explicit_dates(text, expected):
    assert found(text, TUE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It lasted three weeks.", [("three weeks", "DURATION", "P3W")]),
        ("a five-hour visit", [("five-hour", "DURATION", "PT5H")]),
        ("after 5 1/2 hours", [("5 1/2 hours", "DURATION", "PT5H30M")]),
        ("at least 72 hours", [("at least 72 hours", "DURATION", "PT72H")]),
        ("over the past two months", [("the past two months", "DURATION", "P2M")]),
        ("a two-day visit", [("two-day", "DURATION", "P2D")]),
        ("for twenty-five years", [("twenty-five years", "DURATION", "P25Y")]),
        ("in recent years", [("recent years", "DURATION", "PXY")]),
        ("over the past year", [("the past year", "DURATION", "P1Y")]),
        ("a 6-year-old boy", []),
    ],
)
def test_timex_durations(text, expected):
    assert found(text, TUE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They meet every week.", [("every week", "SET", "P1W")]),
        ("Protesters gather daily.", [("daily", "SET", "P1D")]),
        ("The report comes out annually.", [("annually", "SET", "P1Y")]),
        ("the Communist Party daily Granma", []),
    ],
)
def test_timex_sets(text, expected):
    assert found(text, TUE) == expected


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("The talks start at 9 a.m.", TUE, [("9 a.m.", "TIME", "2023-09-19T09:00")]),
        ("It exploded at 10:35 p.m.", TUE, [("10:35 p.m.", "TIME", "2023-09-19T22:35")]),
        ("until 9 a.m. EST Thursday", TUE, [("9 a.m. EST Thursday", "TIME", "2023-09-21T09:00")]),
        ("They spoke Monday night.", TUE, [("Monday night", "TIME", "2023-09-18TNI")]),
        ("He left this morning.", TUE, [("this morning", "TIME", "2023-09-19TMO")]),
        ("the film High Noon", TUE, []),
    ],
)
def test_timex_times(text, reference, expected):
    assert found(text, reference) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # TimeML corpora write a decade as its first three digits plus X
        ("in the 1990s", [("the 1990s", "DATE", "199X")]),
        ("the early 1980s", [("early 1980s", "DATE", "198X")]),
        ("the third quarter of 2023", [("the third quarter of 2023", "DATE", "2023-Q3")]),
        ("profits fell in the second quarter", [("the second quarter", "DATE", "2023-Q2")]),
        ("last fall", [("last fall", "DATE", "2022-FA")]),
        ("next summer", [("next summer", "DATE", "2024-SU")]),
        ("The wall would fall.", []),
        ("in April next year", [("April next year", "DATE", "2024-04")]),
        ("over the weekend", [("the weekend", "DATE", "2023-W37-WE")]),
        ("the week of March 6, 2000", [("the week of March 6, 2000", "DATE", "2000-W10")]),
        ("last week", [("last week", "DATE", "2023-W37")]),
        ("right now", [("now", "DATE", "PRESENT_REF")]),
        ("in the future", [("the future", "DATE", "FUTURE_REF")]),
        ("on Thanksgiving Day", [("Thanksgiving Day", "DATE", "2023-11-23")]),
    ],
)
def test_timex_coarse_units(text, expected):
    assert found(text, TUE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "February 30, 2023",
        "31.02.2023",
        "99 a.m.",
        "Monday" * 500,
        "on 1.1.1900 and 0001-01-01",
        "\x00\ufffd March 99",
    ],
)
def test_timex_never_raises_on_odd_input(text):
    for reference in (TUE, None, date(1, 1, 1), date(9999, 12, 31)):
        for timex in find_timexes(text, reference=reference):
            assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        (
            "The summit is on April 24 and 25.",
            TUE,
            [("April 24", "DATE", "2023-04-24"), ("25", "DATE", "2023-04-25")],
        ),
        ("The March accession will enable them to join.", TUE, [("March", "DATE", "2024-03")]),
        ("They recalled the March on Washington.", TUE, []),
        ("It would be a second betrayal.", TUE, []),
        ("Wait a second or two.", TUE, [("a second", "DURATION", "PT1S")]),
        ('He said on CBS’s "60 Minutes."', TUE, []),
        ("He will visit at Easter.", TUE, [("Easter", "DATE", "2024-03-31")]),
        ("He will visit Easter Island.", TUE, []),
        (
            "They prayed as Easter week began.",
            date(2000, 4, 17),
            [("Easter week", "DATE", "2000-W16")],
        ),
    ],
)
def test_timex_second_days_titles_ordinals_and_easter(text, reference, expected):
    assert found(text, reference) == expected


def test_timex_rules_are_versioned():
    timexes = find_timexes("Wang met Lavrov on Tuesday, 19.09.2023, for five hours.", reference=TUE)
    assert timexes and all(
        t.rule.startswith("timex.") and t.rule.rsplit(".", 1)[1][0] == "v" for t in timexes
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wang was due to meet Lavrov on Wednesday.", "2023-09-20"),
        ("Wang met Lavrov on Wednesday.", "2023-09-13"),
        ("Russia and China agreed to hold talks on Friday.", "2023-09-22"),
        ("The decision, announced Friday, surprised Moscow.", "2023-09-15"),
        ("Talks will go on until Friday.", "2023-09-22"),
        ("Until Friday, they had not called him a suspect.", "2023-09-15"),  # a past perfect
    ],
)
def test_timex_direction_from_parse(text, expected):
    from newsweave.analyse.nlp import load

    doc = load()(text)
    assert [t.value for t in find_timexes(text, reference=TUE, doc=doc)] == [expected]
