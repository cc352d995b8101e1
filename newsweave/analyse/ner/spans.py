"""Candidate mentions as token spans, and the helpers every mention rule shares:
lines of a Doc, runs of tokens, capitals, and replacing overlapped spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ...datelines import find_dateline

NUMBER = re.compile(r"^(?=.*\d)[\d.,:/+-]+$")
SCORE = re.compile(r"^\d{1,3}(-\d{1,3})?$")  # a score or a tally, not a date
MODEL_RULE = "spacy.ner"  # the provenance of a span the rules left as the model found it


@dataclass
class Span:
    """A candidate mention as token indices [start, end), a label, and the rule
    that made or last changed it (set by the chain, not by the rules)."""

    start: int
    end: int
    label: str
    rule: str = ""


def key(doc: Doc, s: Span) -> str:
    """The span's text, which a name's repeats share."""
    return doc[s.start : s.end].text


def taken(spans: list[Span]) -> set[int]:
    """The token indices the spans cover."""
    return {i for s in spans for i in range(s.start, s.end)}


def replace(spans: list[Span], found: list[Span]) -> list[Span]:
    """``found`` spans, and the spans that overlap none of them."""
    covered = taken(found)
    return [s for s in spans if not covered.intersection(range(s.start, s.end))] + found


def runs(doc: Doc, extends):
    """Token ranges [i, j) from each start ``i`` past the last run, as far as
    ``extends(i, j)`` holds for token ``j``; empty where it fails at once."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and extends(i, j):
            j += 1
        yield i, j
        i = max(j, i + 1)


def is_caps(word: str) -> bool:
    """Two letters or more, all capitals ("MOSCOW", "U.S.")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines of ``doc`` (whitespace tokens left out)."""
    found, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            found.append((start, tok.i))
            start = tok.i + 1
        elif "\n" in tok.whitespace_:
            found.append((start, tok.i + 1))
            start = tok.i + 1
    found.append((start, len(doc)))
    return [(a, b) for a, b in found if b > a]


def same_line(doc: Doc, i: int, j: int) -> bool:
    return j == i or not any("\n" in t.whitespace_ or t.is_space for t in doc[i:j])


def opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def dateline_city(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The tokens of the place in capitals opening the dateline that opens the
    line ``doc[a:b]`` ("MOSCOW" in "MOSCOW ( Sputnik ) -"), if it opens with
    one (``newsweave.datelines``)."""
    found = find_dateline(doc.text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    city = found and found.city and doc.char_span(*found.city, alignment_mode="contract")
    return (city.start, city.end) if city else None
