"""Character spans: ``(start, end)`` offsets into one text, shared by every stage.

The clean stage joins the spans it cuts out of a line (``clean.trim``); the
quotation steps join the fragments of one quote and ask whether a character is
inside a quotation (``analyse.quotes``, ``analyse.speakers``).
"""

from __future__ import annotations


def merge_spans(spans: list[tuple[int, int]], text: str | None = None) -> list[tuple[int, int]]:
    """``spans`` in order, overlapping and touching ones joined; given the
    ``text`` they point into, also those that only whitespace separates."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        last = merged[-1][1] if merged else None
        if last is not None and (
            start <= last or (text is not None and not text[last:start].strip())
        ):
            merged[-1] = (merged[-1][0], max(end, last))
        else:
            merged.append((start, end))
    return merged


def inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether character ``i`` lies in one of ``spans``."""
    return any(start <= i < end for start, end in spans)
