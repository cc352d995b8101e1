"""Sentences inside a kept paragraph that are not the story: inline promos.

Some sites glue their promos into the last paragraph ("Head over to ... for more
stories", "(Related: ...)"); the cleaner may cut inside a line, so these go
while the paragraph stays.
"""

from __future__ import annotations

import re

from ..spans import merge_spans
from .promos import ASIDE_RELATED, SENTENCE_CALLS, any_of

PROMO_SENTENCE = "promo.sentence.v1"

_SENTENCE = re.compile(r"""\S.*?(?:[.!?…]["'”’)\]]*(?=\s|$)|$)\s*""", re.S)
# The phrases are ``promos.ASIDE_RELATED`` and ``promos.SENTENCE_CALLS``.
_RELATED = re.compile(r"\s*\(" + any_of(*ASIDE_RELATED) + r"\s*:[^()]{0,300}\)\.?", re.I)
_PROMO_START = re.compile(r"^" + any_of(*SENTENCE_CALLS), re.I)


def promo_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` (a kept line) that are inline promos, in order."""
    spans = [m.span() for m in _RELATED.finditer(text)]
    for found in _SENTENCE.finditer(text):
        if _PROMO_START.match(found.group()) and found.start() > 0:
            spans.append(found.span())
    return merge_spans(spans)
