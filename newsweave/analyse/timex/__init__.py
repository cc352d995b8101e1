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

One module per job; this one runs the rules and keeps the matches that win:

- ``vocab``: the words and regex fragments the patterns are built of;
- ``rules``: ``RULES``, the named, versioned patterns in the order they are tried;
- ``normalise``: one normaliser per rule, match to type, value and precision;
- ``anchor``: the reference date and whether an expression points back or forward;
- ``calendar_math``: dates, weeks, seasons, durations and holidays as TIMEX3 values.
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.tokens import Doc

from ...model import Timex
from .anchor import Context
from .rules import RULES


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


__all__ = ["find_timexes"]
