"""Writing systems of characters: which script a text is mostly written in."""

from __future__ import annotations

import unicodedata


def script_of(char: str) -> str:
    """A coarse script name: the first word of the character's Unicode name."""
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def dominant_script(text: str) -> str | None:
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            name = script_of(char)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
