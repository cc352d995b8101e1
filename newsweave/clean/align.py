"""Offsets for text another extractor produced: find its lines in the raw text.

trafilatura gives main text without offsets; each of its lines is looked up in
the page's rendered text, in order, ignoring differences of whitespace. A line
that cannot be found keeps no mapping rather than a wrong one.
"""

from __future__ import annotations

import re

from ..model import OffsetMap, Segment
from .lines import split_lines

_SPACE = re.compile(r"\s+")


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


def align(raw: str, clean: str) -> tuple[OffsetMap, list[tuple[int, int]]]:
    """The offset map, and every raw span a clean line was found at (a span
    whose whitespace differs is found, but copied by no exact segment)."""
    squeezed, where = _squeezed(raw)
    segments, covered, cursor = [], [], 0
    for line in split_lines(clean):
        needle = _SPACE.sub(" ", line.text)
        found = squeezed.find(needle, cursor)
        if found < 0:
            found = squeezed.find(needle)
        if found < 0:
            continue
        raw_start, raw_end = where[found], where[found + len(needle) - 1] + 1
        covered.append((raw_start, raw_end))
        if raw[raw_start:raw_end] == line.text:
            segments.append(Segment(line.start, raw_start, raw_end - raw_start))
        cursor = found + len(needle)
    return OffsetMap(tuple(segments)), covered


def uncovered(raw: str, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Raw lines that no covered span touches: what the extractor left out."""
    spans = []
    for line in split_lines(raw):
        if not any(start < line.end and line.start < end for start, end in covered):
            spans.append((line.start, line.end))
    return spans
