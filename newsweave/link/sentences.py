"""Sentences of a clean text, as character offsets: the unit that linking aligns.

A line break always ends a sentence (the cleaner keeps one paragraph or
headline per line). Inside a line a sentence ends after ``.``, ``!`` or ``?``
(and any closing quotes or brackets) when space and then a capital letter, a
digit or an opening quote follow, unless the word before the stop is a single
letter or a listed abbreviation ("Mr.", "U.S.", "Gen."). The same rule as the
METER corpus's reference splitter, so its sentence labels can be scored. An
ellipsis inside an open quotation marks words left out of it ("between ...
Putin and ... Xi in Beijing"), not the end of a sentence.
"""

from __future__ import annotations

import re

SPLITTER_RULE = "sentences.stops.v2"
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no prof gen col lt sgt capt rev sen rep gov jr sr vs co inc ltd corp "
    "jan feb mar apr aug sept sep oct nov dec fig vol mt ft approx est".split()
)
_STOP = re.compile(r"""(?:[.!?]+|\u2026)["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _in_quotation(line: str, position: int) -> bool:
    before = line[:position]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _is_boundary(line: str, stop_start: int) -> bool:
    """False after a single letter ("J. Smith") or a listed abbreviation, and
    at an ellipsis inside an open quotation."""
    if line.startswith("...", stop_start) or line.startswith("\u2026", stop_start):
        return not _in_quotation(line, stop_start)
    found = _WORD_BEFORE.search(line, 0, stop_start)
    if found is None or line[stop_start] != ".":
        return True
    word = found.group(1).rstrip(".").casefold()
    return not (len(word) == 1 or word in ABBREVIATIONS or "." in word)


def _line_sentences(line: str, offset: int) -> list[tuple[int, int]]:
    spans, start = [], 0
    for stop in _STOP.finditer(line):
        if _is_boundary(line, stop.start()):
            spans.append((start, stop.end()))
            start = stop.end()
    spans.append((start, len(line)))
    return [
        (offset + a + _lead(line[a:b]), offset + b - _trail(line[a:b]))
        for a, b in spans
        if line[a:b].strip()
    ]


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trail(text: str) -> int:
    return len(text) - len(text.rstrip())


def split(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of each sentence of ``text``, in order, trimmed of space."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend(_line_sentences(line, offset))
        offset += len(line) + 1
    return tuple(spans)
