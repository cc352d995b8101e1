"""A story's timeline as a chart: where each numbered mark goes in the SVG
the HTML report draws (a lane for articles, one for events, time across),
and the entries the chart and the Markdown list both number."""

from __future__ import annotations

from datetime import date
from typing import Any

WIDTH, LEFT, RIGHT, TOP = 760, 80, 45, 8
RADIUS, LEVEL, LANE_GAP, TICKS = 9, 20, 16, 5
LANES = (("article", "articles"), ("event", "events"))


def day_number(value: str | None) -> int | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as a day number (its first day);
    None for no date or one that is not a calendar day."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], *(parts[1:] + [1, 1])[:2]).toordinal()
    except (ValueError, TypeError):
        return None


def label(
    entry: dict[str, Any], events: dict[str, dict], articles: dict[str, dict], names: dict[str, str]
) -> str:
    """What an entry is, in words: an event's kind, participants, place and
    status; an article's outlet and title."""
    event = events.get(entry["id"])
    if entry["kind"] == "event" and event is not None:
        who = ", ".join(names.get(p, p) for p in event["participants"])
        where = f" in {event['place']}" if event["place"] else ""
        reports = len({r["article_id"] for r in event["reports"]})
        return (
            f"{event['kind']}: {who}{where} ({event['status']}; {reports} "
            f"report{'' if reports == 1 else 's'})"
        )
    article = articles.get(entry["id"]) or {}
    return f"{article.get('outlet') or 'unknown outlet'}: {entry['label']}"


def entries(story_page: dict[str, Any]) -> list[dict[str, Any]]:
    """The story's timeline, numbered from 1, each entry with its label."""
    events = {e["id"]: e for e in story_page["events"]}
    articles = {a["id"]: a for a in story_page["articles"]}
    return [
        {
            "n": n,
            "date": e["date"],
            "kind": e["kind"],
            "id": e["id"],
            "label": label(e, events, articles, story_page["names"]),
        }
        for n, e in enumerate(story_page["story"]["timeline"], start=1)
    ]


def _levels(xs: list[float]) -> list[int]:
    """A stack level per mark so that no two marks of a lane overlap: each
    goes on the lowest level whose last mark is far enough to its left."""
    last: list[float] = []
    found = []
    for x in xs:
        level = next((i for i, at in enumerate(last) if x - at >= 2 * RADIUS + 2), len(last))
        if level == len(last):
            last.append(x)
        else:
            last[level] = x
        found.append(level)
    return found


def _ticks(first: int, last: int, x_of) -> list[dict[str, Any]]:
    if first == last:
        return [{"x": x_of(first), "label": date.fromordinal(first).isoformat()}]
    step = (last - first) / (TICKS - 1)
    days = sorted({round(first + i * step) for i in range(TICKS)})
    return [{"x": x_of(d), "label": date.fromordinal(d).isoformat()} for d in days]


def chart(numbered: list[dict[str, Any]]) -> dict[str, Any]:
    """The SVG's geometry: size, lanes, date ticks, and a mark per dated
    entry (x by date, stacked where marks would touch); undated entries
    are left for the list below the chart."""
    dated = [(day_number(e["date"]), e) for e in numbered]
    dated = [(d, e) for d, e in dated if d is not None]
    if not dated:
        return {"marks": [], "width": WIDTH, "height": 0, "lanes": [], "ticks": []}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (WIDTH - LEFT - RIGHT) / (last - first) if last > first else 0

    def x_of(day: int) -> float:
        return round(LEFT + (day - first) * span if span else (WIDTH + LEFT - RIGHT) / 2, 1)

    marks, lanes, y = [], [], TOP
    for kind, name in LANES:
        mine = sorted(((x_of(d), e) for d, e in dated if e["kind"] == kind), key=lambda m: m[0])
        levels = _levels([x for x, _ in mine])
        height = (max(levels, default=0) + 1) * LEVEL
        lanes.append({"name": name, "y": y + LEVEL / 2, "top": y, "height": height})
        marks += [
            {**e, "x": x, "y": y + LEVEL / 2 + level * LEVEL} for (x, e), level in zip(mine, levels)
        ]
        y += height + LANE_GAP
    return {
        "marks": marks,
        "lanes": lanes,
        "ticks": _ticks(first, last, x_of),
        "width": WIDTH,
        "height": y + 18,
        "axis_y": y - LANE_GAP / 2,
        "radius": RADIUS,
        "left": LEFT,
        "right": WIDTH - RIGHT,
    }
