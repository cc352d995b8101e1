"""Offsets for text another extractor produced: find its lines in the raw text.

trafilatura gives main text without offsets; each of its lines is looked up in
the page's rendered text, in order, ignoring differences of whitespace. A line
that cannot be found keeps no mapping rather than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import OffsetMap, Segment
from .lines import Line, split_lines

_SPACE = re.compile(r"\s+")
Span = tuple[int, int]  # raw start and end
Located = list[tuple[Line, Span | None]]  # each clean line and where it was found


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` with each whitespace run made one space, and for each character
    of the result its offset in ``text``."""
    out, where = [], []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group()[0].isspace():
            out.append(" ")
            where.append(m.start())
        else:
            out.append(m.group())
            where.extend(range(m.start(), m.end()))
    return "".join(out), where


def locate(raw: str, clean: str) -> Located:
    """Each line of ``clean`` and the raw span it was found at (None: nowhere)."""
    squeezed, where = _squeezed(raw)
    located: Located = []
    cursor = 0
    for line in split_lines(clean):
        needle = _SPACE.sub(" ", line.text)
        found = squeezed.find(needle, cursor)
        if found < 0:
            found = squeezed.find(needle)
        if found < 0:
            located.append((line, None))
            continue
        located.append((line, (where[found], where[found + len(needle) - 1] + 1)))
        cursor = found + len(needle)
    return located


def mapped(raw: str, located: Located) -> tuple[OffsetMap, list[Span]]:
    """The offset map of located lines, and every raw span one was found at (a
    span whose whitespace differs is found, but copied by no exact segment)."""
    segments, covered = [], []
    for line, span in located:
        if span is None:
            continue
        covered.append(span)
        if raw[span[0] : span[1]] == line.text:
            segments.append(Segment(line.start, span[0], span[1] - span[0]))
    return OffsetMap(tuple(segments)), covered


def align(raw: str, clean: str) -> tuple[OffsetMap, list[Span]]:
    """The offset map, and every raw span a clean line was found at."""
    return mapped(raw, locate(raw, clean))


def uncovered(raw: str, covered: list[Span]) -> list[Span]:
    """Raw lines that no covered span touches: what the extractor left out."""
    spans = []
    for line in split_lines(raw):
        if not any(start < line.end and line.start < end for start, end in covered):
            spans.append((line.start, line.end))
    return spans


def page_lines(raw: str, located: Located) -> tuple[int | None, ...]:
    """For each located line, the 1-based raw line its span starts on (None: not found)."""
    lines = split_lines(raw)
    starts = [line.start for line in lines]
    return tuple(
        lines[bisect_right(starts, span[0]) - 1].number if span else None for _, span in located
    )


# ------------------------------------------------ what the extractor's rules dropped
# The extractor's own rules drop some of its lines (``html.LINE_RULES``); those
# lines are looked for among the raw lines left out, between the raw spans of
# the kept lines around them, so each left-out block can name the rule that
# dropped it. A dropped line is matched to whole raw lines only, ignoring
# whitespace: "Business" the kicker is not the "Business" inside a byline.

Dropped = tuple[str, str | None]  # an extracted line and the rule that dropped it (None: kept)


def _key(text: str) -> str:
    return "".join(text.removeprefix("- ").split())  # trafilatura writes list items "- item"


def _run(raw: str, spans: list[Span], first: int, needle: str, free: set[int]) -> int | None:
    """The end index of the adjacent left-out lines from ``first`` whose text
    together is ``needle``, or None."""
    joined, i = "", first
    while i < len(spans) and i in free and needle.startswith(joined + _key(raw[slice(*spans[i])])):
        joined += _key(raw[slice(*spans[i])])
        i += 1
        if joined == needle:
            return i
        if i < len(spans) and raw[spans[i - 1][1] : spans[i][0]].strip():
            return None  # a kept line sits between: not one block
    return None


def dropped_reasons(
    raw: str,
    left_out: list[Span],
    lines: list[Dropped],
    kept_spans: list[Span | None],
) -> dict[int, str]:
    """For the raw lines left out (keyed by start offset), the rule of the
    dropped extracted line found there. ``kept_spans`` are the raw spans of the
    kept ``lines``, in order."""
    anchors = iter(kept_spans)
    where = [next(anchors, None) if rule is None else None for _, rule in lines]
    free, reasons = set(range(len(left_out))), {}
    seen_kept = next((k for k, span in enumerate(where) if span), len(lines))
    # lines above the first kept one are found upwards from it, the rest downwards
    order = [*range(seen_kept - 1, -1, -1), *range(seen_kept + 1, len(lines))]
    for k in order:
        text, rule = lines[k]
        if rule is None:
            continue
        low = max((s[1] for s in where[:k] if s), default=0)
        high = min((s[0] for s in where[k + 1 :] if s), default=len(raw))
        _claim(raw, left_out, free, reasons, text, rule, (low, high), upwards=k < seen_kept)
    return reasons


def _claim(
    raw: str,
    left_out: list[Span],
    free: set[int],
    reasons: dict[int, str],
    text: str,
    rule: str,
    window: Span,
    *,
    upwards: bool,
) -> None:
    """Mark the nearest free left-out block in ``window`` that reads ``text``."""
    needle = _key(text)
    inside = [
        i for i in sorted(free) if window[0] <= left_out[i][0] and left_out[i][1] <= window[1]
    ]
    for first in reversed(inside) if upwards else inside:
        end = _run(raw, left_out, first, needle, free) if needle else None
        if end is not None:
            for i in range(first, end):
                free.discard(i)
                reasons[left_out[i][0]] = rule
            return
