"""Events across articles: one record per real-world event, with every report of it.

Each article's events (``analyse/events.py``) are reports. A report joins the
group of the real-world event it describes when the conditions of ``mismatch``
all hold, in this order:

``kind``
    the kinds are of one family (``FAMILIES``): a meeting, talks and a call
    are one kind of contact ("met", "held talks", "in a phone call" describe
    one conversation); a visit (a trip, days long, that holds meetings), a
    summit (many parties), a signing and an issued statement are each their
    own.
``occasion``
    the story the articles belong to is the same, when both are known.
``participants``
    at least two entities are shared with the group. A report naming one
    participant joins only a group that has it and where both the place and
    the date are stated on each side and agree; it never opens a group, and
    one naming none is left out ("the meeting" alone says nothing of who met).
``date``
    with every report of the group: two stated dates agree when one lies
    inside the other ("2023-10" holds "2023-10-18"). A report that states no
    date still says roughly when (``when``): an event that happened, in the
    ``RECENT_DAYS`` before the article was published; a planned one, in the
    ``AHEAD_DAYS`` after. So "Putin met Xi" in 2022 and in 2024 stay apart.
``place``
    the same as the group's, or one of them missing; or a different place when
    both name the same day (two people hold one meeting a day: one report has
    the place wrong, and the group keeps the disagreement). Places are the
    text the articles give (``Event.place``), compared by their name key
    (``model.name_key``: without case, accents and punctuation); with no
    gazetteer, a palace and its city are two places.

Of several groups that fit, the one sharing most participants, then the same
place and date, wins. Groups are never merged afterwards.

``reconcile`` turns the reports into the group's values: participants in the
order of how many reports name them; the most reported place (ties: the
first); the most precise date consistent with every other ("2023-10" over
"2023-10-18" and "2023-10-19", which both stay as disagreements; with none
consistent with all, the one consistent with most); the status of the latest
report by publication date (same day: happened or cancelled after planned;
undated reports decide only when none is dated), with the statuses as the
reports gave them in ``status_history``. ``disagreements`` keeps each place,
date or status a report gives that differs from the reconciled one and is not
just less precise (a month around the day) or an earlier stage (planned,
before it happened). Participants never disagree: a report naming fewer is
less precise.

Candidate groups come from an index (the store's event keys, never a scan):
each report's participant pairs, alone and with each month it may fall in,
and each participant with the place, hashed to signed 64-bit integers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import combinations
from typing import Iterable, Protocol, Sequence

from ..model import Analysis, Article, EventGroup, EventReport, name_key
from . import candidates

RULE = "event_groups.match.v2"
FAMILIES = {
    "meeting": "contact",
    "talks": "contact",
    "call": "contact",
    "visit": "visit",
    "summit": "summit",
    "signing": "signing",
    "statement": "statement",
}
MIN_PARTICIPANTS = 2  # a report opens a group, or joins one by participants alone, from this many
# Set by reading news, not tuned (no labelled cross-article event set here):
# what happened is reported within days; plans are announced up to a year ahead.
RECENT_DAYS = 14  # an undated report of what happened: the event this many days before publication
AHEAD_DAYS = 366  # an undated planned event: within a year after publication
MONTH_KEYS = 13  # months of a report's time indexed with its pairs; a longer span gets none
CANDIDATES = 10
STAGE = {"planned": 0, "happened": 1, "cancelled": 1}
FIELDS = ("place", "date", "status")

# --- Dates: a Timex value as the days it covers ---

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")
SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    return _month_start(year, first), _month_start(year, last + 1) - timedelta(days=1)


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a Timex value covers ("2023-10" -> 1 to 31
    October; "2023-09-18/2023-09-21" its two ends; a time its day); None for
    what is no calendar date (durations, "PAST_REF")."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = interval(first), interval(last)
        return (a[0], b[1]) if a and b and a[0] <= b[1] else None
    try:
        return _calendar(value)
    except ValueError:
        return None  # a value no calendar has ("2023-02-30")


def _calendar(value: str) -> tuple[date, date] | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := _QUARTER.match(value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))
    if m := _SEASON.match(value):
        return _months(int(m[1]), *SEASONS[m[2]])
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _YEAR.match(value):
        return _months(int(m[1]), 1, 12)
    if m := _DECADE.match(value):
        return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    return None


def _inside(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def nested(a: str | None, b: str | None) -> bool:
    """Two stated dates agree: one lies inside the other (or one is no date)."""
    ia, ib = interval(a), interval(b)
    return ia is None or ib is None or _inside(ia, ib) or _inside(ib, ia)


def when(report: EventReport) -> tuple[date, date] | None:
    """The days the report's event may fall in: its date, else what its
    publication date and status imply, else anything (None)."""
    stated = interval(report.date)
    if stated is not None or not report.published:
        return stated
    published = date.fromisoformat(report.published[:10])
    if report.status == "planned":
        return published, published + timedelta(days=AHEAD_DAYS)
    after = AHEAD_DAYS if report.status == "cancelled" else 0
    return published - timedelta(days=RECENT_DAYS), published + timedelta(days=after)


def near_in_time(a: EventReport, b: EventReport) -> bool:
    """The ``date`` condition between two reports."""
    if interval(a.date) is not None and interval(b.date) is not None:
        return nested(a.date, b.date)
    wa, wb = when(a), when(b)
    return wa is None or wb is None or (wa[0] <= wb[1] and wb[0] <= wa[1])


def _same_day(a: str | None, b: str | None) -> bool:
    ia, ib = interval(a), interval(b)
    return ia is not None and ia == ib and ia[0] == ia[1]


def place_key(place: str | None) -> str | None:
    """The form in which two spellings of a place compare: the name key
    (``model.name_key``: "St. Petersburg" and "ST PETERSBURG", "São Paulo"
    and "Sao Paulo"), or None where there is no place or no word in it."""
    return (name_key(place) or None) if place else None


# --- The match rule ---


def mismatch(group: EventGroup, report: EventReport, occasion: str | None = None) -> str | None:
    """The first condition (module docstring) under which ``report`` is not a
    report of ``group``'s event, or None when it is."""
    if FAMILIES.get(report.kind, report.kind) != FAMILIES.get(group.kind, group.kind):
        return "kind"
    if occasion is not None and group.occasion is not None and occasion != group.occasion:
        return "occasion"
    if not _enough_participants(group, report):
        return "participants"
    if not all(near_in_time(report, other) for other in group.reports):
        return "date"
    if not _place_fits(group, report):
        return "place"
    return None


def _enough_participants(group: EventGroup, report: EventReport) -> bool:
    shared = set(report.participants) & set(group.participants)
    if len(shared) >= MIN_PARTICIPANTS:
        return True
    anchored = (
        place_key(report.place) is not None
        and place_key(report.place) == place_key(group.place)
        and interval(report.date) is not None
        and interval(group.date) is not None
        and nested(report.date, group.date)
    )
    return bool(shared) and len(set(report.participants)) == 1 and anchored


def _place_fits(group: EventGroup, report: EventReport) -> bool:
    mine, theirs = place_key(report.place), place_key(group.place)
    return mine is None or theirs is None or mine == theirs or _same_day(report.date, group.date)


def closeness(group: EventGroup, report: EventReport) -> tuple[int, int, int]:
    """How well a fitting group fits: shared participants, same place, same date."""
    shared = len(set(report.participants) & set(group.participants))
    where = place_key(report.place)
    same_place = where is not None and where == place_key(group.place)
    same_date = interval(report.date) is not None and interval(report.date) == interval(group.date)
    return shared, int(same_place), int(same_date)


# --- Reconciling the reports ---


def _ranked(values: Iterable[str]) -> list[str]:
    """Distinct values, most frequent first, ties in order of first appearance."""
    counts = Counter(values)
    first = {v: i for i, v in reversed(list(enumerate(counts)))}
    return sorted(counts, key=lambda v: (-counts[v], first[v]))


def _place(reports: Sequence[EventReport]) -> str | None:
    spelled = {}
    for report in reports:
        if (key := place_key(report.place)) is not None:
            spelled.setdefault(key, report.place)
    ranked = _ranked(k for r in reports if (k := place_key(r.place)) is not None)
    return spelled[ranked[0]] if ranked else None


def _date(reports: Sequence[EventReport]) -> str | None:
    """The most precise stated date consistent with every other; with none
    consistent with all, the one consistent with most."""
    stated = [r.date for r in reports if interval(r.date) is not None]
    if not stated:
        return None
    ranked = _ranked(stated)

    def rank(value: str) -> tuple[int, int, int]:
        agree = sum(nested(value, other) for other in stated)
        first, last = interval(value)
        return -agree, (last - first).days, ranked.index(value)

    return min(ranked, key=rank)


def _order(reports: Sequence[EventReport]) -> list[EventReport]:
    """Reports by publication date, a later stage after an earlier one on the
    same day, undated last, then as read."""
    return [
        r
        for _, r in sorted(
            enumerate(reports),
            key=lambda ir: (
                ir[1].published is None,
                ir[1].published or "",
                STAGE.get(ir[1].status, 1),
                ir[0],
            ),
        )
    ]


def _status(reports: Sequence[EventReport]) -> str:
    dated = [r for r in _order(reports) if r.published is not None]
    return (dated or list(reports))[-1].status


def _history(reports: Sequence[EventReport]) -> tuple[tuple[str | None, str, str], ...]:
    return tuple(dict.fromkeys((r.published, r.status, r.article_id) for r in _order(reports)))


def _differs(name: str, value: str, reconciled: str | None) -> bool:
    """A report's value disagrees: not the reconciled one, not less precise
    than it, not an earlier stage of it."""
    if name == "place":
        return place_key(value) != place_key(reconciled)
    if name == "date":
        mine, theirs = interval(value), interval(reconciled)
        return mine is not None and theirs is not None and not _inside(theirs, mine)
    return value != reconciled and STAGE.get(value, 1) >= STAGE.get(reconciled, 1)


def _disagreements(reports: Sequence[EventReport], values: dict[str, str | None]):
    """``(field, value, article ids)`` for each value some reports give that
    disagrees with the reconciled one, in field order, then as first given."""
    found: dict[tuple[str, str], tuple[str, list[str]]] = {}
    for name in FIELDS:
        for report in reports:
            value = getattr(report, name)
            if value is None or not _differs(name, value, values[name]):
                continue
            _, ids = found.setdefault(
                (name, place_key(value) if name == "place" else value), (value, [])
            )
            if report.article_id not in ids:
                ids.append(report.article_id)
    return tuple((name, value, tuple(ids)) for (name, _), (value, ids) in found.items())


def reconcile(
    group_id: str, reports: Sequence[EventReport], *, occasion: str | None = None, rule: str = RULE
) -> EventGroup:
    """The group of ``reports`` with its reconciled values: a pure function
    of the reports, so a stored group is rebuilt from its reports."""
    reports = tuple(replace(r, group_id=group_id) for r in reports)
    values = {"place": _place(reports), "date": _date(reports), "status": _status(reports)}
    return EventGroup(
        id=group_id,
        kind=_ranked(r.kind for r in reports)[0],
        participants=tuple(_ranked(p for r in reports for p in dict.fromkeys(r.participants))),
        place=values["place"],
        date=values["date"],
        status=values["status"],
        occasion=occasion,
        reports=reports,
        disagreements=_disagreements(reports, values),
        status_history=_history(reports),
        rule=rule,
    )


# --- Candidate keys ---


def _hash(text: str) -> int:
    return candidates.key(f"e:{text}")


def _month_names(span: tuple[date, date] | None) -> list[str]:
    if span is None:
        return []
    first, last = span[0].year * 12 + span[0].month - 1, span[1].year * 12 + span[1].month - 1
    if last - first + 1 > MONTH_KEYS:
        return []
    return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(first, last + 1)]


def keys(report: EventReport) -> set[int]:
    """Where a report's group is found: each pair of its participants, alone
    and with each month the event may fall in (so the groups nearest in time
    rank first), and each participant with the place."""
    people = sorted(set(report.participants))
    pairs = [f"{a}|{b}" for a, b in combinations(people, 2)]
    found = {f"pair:{p}" for p in pairs}
    found |= {f"pair:{p}|{m}" for p in pairs for m in _month_names(when(report))}
    if (where := place_key(report.place)) is not None:
        found |= {f"at:{p}|{where}" for p in people}
    return {_hash(k) for k in found}


# --- Streaming ---


class EventView(Protocol):
    """What event grouping reads from the store (``Store`` provides it)."""

    def event_candidates(self, keys: Iterable[int]) -> dict[str, int]: ...

    def event_groups(self, ids: Sequence[str]) -> list[EventGroup]: ...


@dataclass
class EventGrouping:
    """Event groups for one batch: groups read from the store as needed, the
    groups the batch changed and the keys to index. Reports are taken in the
    order given, so the same input in the same order gives the same groups."""

    view: EventView
    limit: int = CANDIDATES
    groups: dict[str, EventGroup] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    new_keys: dict[str, set[int]] = field(default_factory=dict)

    def add_article(self, article: Article, analysis: Analysis, occasion: str | None) -> None:
        published = article.meta.value("published")
        for seq, event in enumerate(analysis.events):
            self._place(
                EventReport(
                    "",
                    article.id,
                    seq,
                    event.kind,
                    event.participants,
                    event.place,
                    event.date,
                    event.status,
                    published,
                ),
                occasion,
            )

    def _candidates(self, found: set[int]) -> list[str]:
        ranked = candidates.rank_shared(
            self.view.event_candidates(found), self.new_keys.items(), found, limit=self.limit
        )
        for group in self.view.event_groups([g for g in ranked if g not in self.groups]):
            self.groups[group.id] = group
        return [g for g in ranked if g in self.groups]

    def _place(self, report: EventReport, occasion: str | None) -> None:
        found = keys(report)
        if not found:
            return
        candidates = [self.groups[g] for g in self._candidates(found)]
        if any(
            (r.article_id, r.seq) == (report.article_id, report.seq)
            for group in candidates
            for r in group.reports
        ):
            return  # already grouped (the article was linked before)
        fitting = [g for g in candidates if mismatch(g, report, occasion) is None]
        if fitting:
            group = max(fitting, key=lambda g: closeness(g, report))  # first of equals
            grouped = reconcile(
                group.id,
                group.reports + (report,),
                occasion=group.occasion or occasion,
                rule=group.rule,
            )
        elif len(set(report.participants)) >= MIN_PARTICIPANTS:
            grouped = reconcile(
                f"event:{report.article_id}:{report.seq}", (report,), occasion=occasion
            )
        else:
            return
        self.groups[grouped.id] = grouped
        if grouped.id not in self.changed:
            self.changed.append(grouped.id)
        self.new_keys.setdefault(grouped.id, set()).update(found)

    def results(self) -> tuple[tuple[EventGroup, ...], tuple[tuple[str, int], ...]]:
        groups = tuple(self.groups[g] for g in self.changed)
        index = tuple((g, k) for g in self.changed for k in sorted(self.new_keys.get(g, ())))
        return groups, index
