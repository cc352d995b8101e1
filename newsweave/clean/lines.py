"""Lines of raw text with their offsets, and the shallow features rules read.

A scraper's output is a sequence of blocks, one per line; every cleaning rule
decides about whole lines (or, in ``trim``, sentences inside one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

WORD = re.compile(r"\w+")
# Closing marks that end a sentence, possibly behind quotes or brackets.
_SENTENCE_END = re.compile(r"""[.!?:;…](["'”’»)\]]*)$|["”’»]$""")


@dataclass(frozen=True)
class Line:
    """One non-blank line: 1-based ``number``, raw offsets of its stripped text."""

    number: int
    start: int
    end: int
    text: str

    @cached_property
    def words(self) -> int:
        return len(WORD.findall(self.text))

    @cached_property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @cached_property
    def capitalised_share(self) -> float:
        """Share of words that start with a capital: high in headlines and menus."""
        words = [w for w in WORD.findall(self.text) if w[0].isalpha()]
        return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw``, stripped, with their raw offsets."""
    lines = []
    offset = 0
    for number, text in enumerate(raw.splitlines(keepends=True), 1):
        stripped = text.strip()
        if stripped:
            start = offset + len(text) - len(text.lstrip())
            lines.append(Line(number, start, start + len(stripped), stripped))
        offset += len(text)
    return lines
