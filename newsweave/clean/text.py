"""Clean scraped text: the ordered steps, and the clean text they leave.

Steps: split into lines; line rules (``rules``) mark known leftovers; the story
region (``region``) is found among what is left; inline promos are trimmed
(``trim``). The clean text is the kept pieces of raw text joined by newlines,
so every character maps back to the raw text (``OffsetMap``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import OffsetMap, Removed, Segment
from .lines import Line, split_lines
from .region import story_reasons
from .rules import Context, apply_rules
from .trim import PROMO_SENTENCE, promo_spans


@dataclass(frozen=True)
class TextCleaning:
    """The result of cleaning one text: clean ``text``, its map to the raw text,
    what was removed, every line read with its verdict, and the title line.

    For scraped text ``lines`` are the raw lines. For an HTML page they are the
    lines of the extracted main text, and ``page_lines`` gives, for each, the
    raw (rendered page) line it was found at, None where it was not found.
    """

    text: str
    offsets: OffsetMap
    removed: tuple[Removed, ...]
    lines: tuple[Line, ...]
    reasons: tuple[str | None, ...]
    title: Line | None
    page_lines: tuple[int | None, ...] | None = None

    def raw_line(self, line: Line) -> int | None:
        """The 1-based raw line ``line`` (one of ``lines``) was read from."""
        return line.number if self.page_lines is None else self.page_lines[self.lines.index(line)]


def _kept_pieces(line: Line) -> tuple[list[tuple[int, int]], list[Removed]]:
    """Raw spans kept from ``line`` and the inline promos cut out of it."""
    pieces, removed, cursor = [], [], 0
    for start, end in promo_spans(line.text):
        if start > cursor:
            pieces.append((line.start + cursor, line.start + start))
        removed.append(
            Removed(
                line.text[start:end].strip(), line.start + start, line.start + end, PROMO_SENTENCE
            )
        )
        cursor = end
    if cursor < len(line.text):
        pieces.append((line.start + cursor, line.end))
    return pieces, removed


def assemble(
    raw: str, lines: list[Line], reasons: list[str | None]
) -> tuple[str, OffsetMap, list[Removed]]:
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[Removed] = []
    position = 0
    for line, reason in zip(lines, reasons):
        if reason is not None:
            removed.append(Removed(line.text, line.start, line.end, reason))
            continue
        pieces, cut = _kept_pieces(line)
        removed.extend(cut)
        if not pieces:
            continue
        if parts:
            parts.append("\n")
            position += 1
        for start, end in pieces:
            end = start + len(raw[start:end].rstrip()) if (start, end) == pieces[-1] else end
            segments.append(Segment(position, start, end - start))
            parts.append(raw[start:end])
            position += end - start
    return "".join(parts), OffsetMap(tuple(segments)), removed


def clean_text(raw: str) -> TextCleaning:
    lines = split_lines(raw)
    reasons, title = story_reasons(lines, apply_rules(lines, Context.of(lines)))
    text, offsets, removed = assemble(raw, lines, reasons)
    return TextCleaning(
        text,
        offsets,
        tuple(sorted(removed, key=lambda r: r.start)),
        tuple(lines),
        tuple(reasons),
        lines[title] if title is not None else None,
    )
