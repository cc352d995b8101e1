"""Where the marks of a timeline chart go: the pages draw the chart as inline
SVG from this layout, so it shows without JavaScript.

A mark is placed by its date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
``YYYY-Www``: the first day of the year, month or week a partial date names) on one lane; marks
that would overlap on a lane are stacked. Entries with no such date are
returned apart as ``undated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

WIDTH = 960
LEFT, RIGHT = 150, 50  # room for the lane names, and for the last mark
TOP, AXIS = 14, 30  # above the first lane; the axis below the last
ROW, STEP = 26, 13  # a lane's height with one mark; each stacked mark adds STEP
NEAR = 12  # marks closer than this (in pixels) on one lane are stacked
TICKS = 6
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


@dataclass(frozen=True)
class Point:
    """One entry to draw: its date, lane, tooltip, link and CSS class."""

    date: str | None
    lane: str
    label: str
    href: str | None = None
    css: str = ""


@dataclass
class Chart:
    width: int = WIDTH
    height: float = TOP + AXIS
    axis_y: float = TOP
    lanes: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)
    undated: list[Point] = field(default_factory=list)


def day_of(value: str | None) -> date | None:
    """The first day a date value names (a week's Monday), or None where it
    names none."""
    week = _WEEK.fullmatch(value or "")
    if week:
        try:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
    found = _DATE.fullmatch(value or "")
    if not found:
        return None
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def layout(points: Iterable[Point], lanes: Iterable[str] = ()) -> Chart:
    """The chart of ``points``: lanes in the order given (others after, in
    order of first appearance), ticks on a day axis, stacked marks."""
    points = list(points)
    chart = Chart(undated=[p for p in points if day_of(p.date) is None])
    dated = sorted(
        (p for p in points if day_of(p.date) is not None), key=lambda p: (day_of(p.date), p.label)
    )
    if not dated:
        return chart
    order = list(dict.fromkeys([*lanes, *(p.lane for p in dated)]))
    order = [name for name in order if any(p.lane == name for p in dated)]
    first, last = day_of(dated[0].date), day_of(dated[-1].date)
    x_of = _scale(first, last)
    stacks: dict[str, list[tuple[float, int]]] = {name: [] for name in order}
    placed = []
    for p in dated:
        x = x_of(day_of(p.date))
        level = sum(1 for other, _ in stacks[p.lane] if abs(other - x) < NEAR)
        stacks[p.lane].append((x, level))
        placed.append((p, x, level))
    y = TOP
    lane_y = {}
    for name in order:
        depth = 1 + max(level for _, level in stacks[name])
        chart.lanes.append({"name": name, "y": y, "height": ROW + STEP * (depth - 1)})
        lane_y[name] = y + ROW / 2
        y += ROW + STEP * (depth - 1)
    chart.height = y + AXIS
    chart.ticks = [{"x": round(x_of(d), 1), "label": d.isoformat()} for d in _ticks(first, last)]
    chart.marks = [
        {
            "x": round(x, 1),
            "y": round(lane_y[p.lane] + STEP * level, 1),
            "date": p.date,
            "label": p.label,
            "href": p.href,
            "css": p.css,
        }
        for p, x, level in placed
    ]
    chart.axis_y = y + 4
    return chart


def _scale(first: date, last: date):
    span = (last - first).days
    plot = WIDTH - LEFT - RIGHT
    if span == 0:
        return lambda d: LEFT + plot / 2
    return lambda d: LEFT + plot * (d - first).days / span


def _ticks(first: date, last: date) -> list[date]:
    span = (last - first).days
    if span == 0:
        return [first]
    count = min(TICKS, span + 1)
    days = sorted({round(span * i / (count - 1)) for i in range(count)})
    return [date.fromordinal(first.toordinal() + d) for d in days]


def story_points(timeline: list[dict[str, Any]]) -> list[Point]:
    """A story's timeline (its ``story.timeline``): articles on one lane,
    events on another, each linking to its article or event."""
    return [
        Point(
            e["date"],
            "articles" if e["kind"] == "article" else "events",
            e["label"] or "",
            f"/articles/{e['id']}" if e["kind"] == "article" else f"#{e['id']}",
            f"m-{e['kind']}",
        )
        for e in timeline
    ]


def event_points(entries: list[dict[str, Any]], names: dict[str, str]) -> list[Point]:
    """The timeline page's events, one lane per kind, coloured by status,
    each linking to its story."""
    return [
        Point(
            e["date"],
            e["kind"],
            f"{e['kind']} ({e['status']}): "
            + ", ".join(names.get(p, p) for p in e["participants"])
            + (f" in {e['place']}" if e["place"] else ""),
            f"/stories/{e['story_id']}" if e["story_id"] else None,
            f"m-event st-{e['status']}",
        )
        for e in entries
    ]
