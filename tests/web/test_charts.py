"""web/charts.py: where a timeline chart puts its marks."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.web.charts import LEFT, RIGHT, WIDTH, Point, day_of, layout


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-09-19", date(2023, 9, 19)),
        ("2023-10", date(2023, 10, 1)),
        ("2022", date(2022, 1, 1)),
        ("2025-W11", date(2025, 3, 10)),
        ("2023-02-30", None),
        ("PAST_REF", None),
        ("P3Y", None),
        (None, None),
    ],
)
def test_day_of_reads_partial_dates(value, expected):
    assert day_of(value) == expected


def test_layout_spans_the_width_first_to_last():
    chart = layout([Point("2023-09-20", "a", "late"), Point("2023-09-18", "a", "early")])
    assert [m["label"] for m in chart.marks] == ["early", "late"]
    assert [m["x"] for m in chart.marks] == [LEFT, WIDTH - RIGHT]
    assert chart.ticks[0]["label"] == "2023-09-18" and chart.ticks[-1]["label"] == "2023-09-20"


def test_layout_stacks_marks_of_one_day_on_a_lane():
    chart = layout(
        [
            Point("2023-09-19", "a", "one"),
            Point("2023-09-19", "a", "two"),
            Point("2023-09-19", "b", "three"),
        ],
        lanes=["b", "a"],
    )
    assert [lane["name"] for lane in chart.lanes] == ["b", "a"]
    one, two = (m for m in chart.marks if m["label"] in ("one", "two"))
    assert one["x"] == two["x"] and one["y"] != two["y"]
    assert chart.lanes[1]["height"] > chart.lanes[0]["height"]


def test_layout_keeps_undated_entries_apart():
    chart = layout([Point(None, "a", "when?"), Point("PRESENT_REF", "a", "now")])
    assert chart.marks == [] and [p.label for p in chart.undated] == ["when?", "now"]
