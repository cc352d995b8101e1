"""Sentences inside a kept paragraph that are not the story: inline promos.

Some sites glue their promos into the last paragraph ("Head over to ... for more
stories", "(Related: ...)"); the cleaner may cut inside a line, so these go
while the paragraph stays.
"""

from __future__ import annotations

import re

from .lines import merge_spans

PROMO_SENTENCE = "promo.sentence.v1"

_SENTENCE = re.compile(r"""\S.*?(?:[.!?…]["'”’)\]]*(?=\s|$)|$)\s*""", re.S)
_RELATED = re.compile(r"\s*\((?:related|read more|see also|recommended)\s*:[^()]{0,300}\)\.?", re.I)
# Openings of sentences that send the reader elsewhere; a line that is only
# one is a promo too (``rules``).
PROMO_OPENINGS = (
    r"head over to|watch (?:this|the) (?:clip|video)|this video is from|"
    r"visit \S+\.\w+ for more"
)
_PROMO_START = re.compile(
    r"^(?:" + PROMO_OPENINGS + r"|click here|"
    r"read more\s*:|follow us\b|sign up\b|subscribe to\b|"
    r"for more (?:stories|news) (?:about|on)\b|listen to (?:this|the) (?:podcast|episode))",
    re.I,
)


def promo_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (a kept line) that are inline promos, in order."""
    spans = [m.span() for m in _RELATED.finditer(text)]
    for found in _SENTENCE.finditer(text):
        if _PROMO_START.match(found.group()) and found.start() > 0:
            spans.append(found.span())
    return merge_spans(sorted(spans))
