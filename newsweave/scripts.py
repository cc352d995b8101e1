"""Writing systems of characters: which script a text is mostly written in."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """A coarse script name: the first word of the character's Unicode name."""
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def dominant_script(text: str) -> str | None:
    """The script most of ``text``'s letters are written in (each distinct
    letter named once: a page has thousands of letters and few distinct ones)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        if char.isalpha():
            counts[script_of(char)] += n
    return max(counts, key=counts.__getitem__) if counts else None
