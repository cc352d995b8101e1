"""Anchoring: reading a relative time expression against the reference date.

``Context`` carries the text, the reference (the article's publication date)
and the spaCy parse. ``direction`` says whether an expression points back or
forward: from a lead word ("until", "since", "no later than"), else the
governing verb's tense in the parse, else cue words in the sentence
(``tense``). The helpers then place a bare weekday, month or month-day near the
reference in that direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc

from ..tense import FUTURE, LEAD_FUTURE, PAST, doc_direction, past_perfect, text_direction
from .calendar_math import safe_date


@dataclass(frozen=True)
class Context:
    """What every normaliser may read: the text, the anchor and the parse."""

    text: str
    reference: date | None
    doc: Doc | None = None


def direction(ctx: Context, start: int, end: int) -> str | None:
    """PAST, FUTURE or None for the expression at ``start:end``."""
    lead = ctx.text[max(0, start - 25) : start]
    if LEAD_FUTURE.search(lead):
        # "Until Thursday, they had not called him a suspect": a past perfect looks back.
        until = lead.rstrip().lower().endswith("until")
        return (
            PAST if until and ctx.doc is not None and past_perfect(ctx.doc, start, end) else FUTURE
        )
    if lead.rstrip().lower().endswith("since"):
        return PAST
    if ctx.doc is not None:
        found = doc_direction(ctx.doc, start, end)
        if found is not None:
            return found
    return text_direction(ctx.text, start, end)


def possessive_direction(m: re.Match) -> str | None:
    """ "Wednesday's ruling" names something already done, whatever the verb."""
    return PAST if m.group(0).endswith("'s") else None


def weekday_date(ref: date, weekday: int, direction: str | None) -> date:
    """The weekday nearest ``ref`` in ``direction``; the reference day itself
    when it is that weekday (news says "Friday" for the day it is published)."""
    delta = weekday - ref.weekday()
    if delta == 0:
        return ref
    if direction == FUTURE:
        return ref + timedelta(days=delta % 7)
    return ref - timedelta(days=(-delta) % 7)


def month_year(ref: date, month: int, direction: str | None) -> int:
    """The year of a bare month name: back or forward by tense, else nearest."""
    if direction == PAST:
        return ref.year if month <= ref.month else ref.year - 1
    if direction == FUTURE:
        return ref.year if month >= ref.month else ref.year + 1
    return min(
        (ref.year - 1, ref.year, ref.year + 1),
        key=lambda y: (abs((y * 12 + month) - (ref.year * 12 + ref.month)), y != ref.year),
    )


def day_year(ref: date, month: int, day: int, direction: str | None) -> date | None:
    """A month-day with no year: the year by tense, else the nearest such day."""
    options = [d for d in (safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if d]

    def cost(d: date) -> int:
        # A deadline just passed is still "by Jan. 14": tense only outweighs ~2 months.
        against = (direction == PAST and d > ref) or (direction == FUTURE and d < ref)
        return abs((d - ref).days) + (60 if against else 0)

    return min(options, key=cost) if options else None
