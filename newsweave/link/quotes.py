"""Quotes across articles: every rendering of one quotation in one group.

Two quotes by the same speaker are renderings of one quotation when their
words match closely (``similarity`` at least ``SAME`` of 100): the ratio of
the two normalised texts, or, for a truncated rendering or one quoted inside
a longer passage, the best match of the shorter inside the longer (rapidfuzz
``partial_ratio``; only from ``PARTIAL_WORDS`` words, as short phrases match
anywhere). Rewording ("to contain both Russia and China" / "to double
contain Russia and China") and indirect speech that keeps the words still
match; a paraphrase that keeps none does not.

A quotation belongs to one occasion: renderings that match but come from
articles of different stories (``occasion``) are not merged; their groups
are linked as a ``QuoteRepeat`` ("the same words, another day"). Candidate
groups come from an index of each group's hashed word trigrams (the store's
``quote_keys``), never a scan. ``diff`` gives the word-level edits between
two renderings (rapidfuzz's Levenshtein opcodes over words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Protocol, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..model import Analysis, Article, QuoteGroup, QuoteRendering, QuoteRepeat
from . import candidates

RULE = "quotes.fuzzy_renderings.v1"
SAME = 80.0  # similarity (0-100) from which two renderings are one quotation
PARTIAL_WORDS = 5  # the shorter rendering needs this many words to match inside the longer
MIN_WORDS = 4  # shorter quotes ("a new cold war") are not grouped
CANDIDATES = 10
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def similarity(a: str, b: str) -> float:
    """How closely two renderings' words match, 0-100."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    na, nb = " ".join(wa), " ".join(wb)
    score = fuzz.ratio(na, nb)
    if min(len(wa), len(wb)) >= PARTIAL_WORDS:
        score = max(score, fuzz.partial_ratio(na, nb))
    return round(float(score), 1)


def diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """Word-level edits from rendering ``a`` to ``b``: ``(tag, words of a,
    words of b)`` with tag ``equal``, ``replace``, ``delete`` or ``insert``."""
    wa, wb = words(a), words(b)
    return [
        (op.tag, " ".join(wa[op.src_start : op.src_end]), " ".join(wb[op.dest_start : op.dest_end]))
        for op in Levenshtein.opcodes(wa, wb)
    ]


def keys(text: str) -> set[int]:
    """Hashed word trigrams (words for a text under three): shared by a
    rendering and its truncations."""
    found = words(text)
    grams = [" ".join(found[i : i + 3]) for i in range(len(found) - 2)] or found
    return {candidates.key(f"q:{g}") for g in grams}


def earliest(renderings: Sequence[QuoteRendering]) -> str:
    """The article that carried the quotation first: the earliest date, then
    the first read (undated articles after dated ones)."""
    order = sorted(
        range(len(renderings)),
        key=lambda i: (renderings[i].published is None, renderings[i].published or "", i),
    )
    return renderings[order[0]].article_id


class QuoteView(Protocol):
    """What quote grouping reads from the store (``Store`` provides it)."""

    def quote_candidates(self, keys: Iterable[int]) -> dict[str, int]: ...

    def quote_groups(self, ids: Sequence[str]) -> list[QuoteGroup]: ...


@dataclass
class Quoting:
    """Quote groups for one batch: groups read from the store as needed, the
    groups the batch changed, repeats found and the keys to index."""

    view: QuoteView
    limit: int = CANDIDATES
    groups: dict[str, QuoteGroup] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    repeats: dict[tuple[str, str], float] = field(default_factory=dict)
    new_keys: dict[str, set[int]] = field(default_factory=dict)

    def add_article(self, article: Article, analysis: Analysis, occasion: str | None) -> None:
        published = article.meta.value("published")
        for seq, quote in enumerate(analysis.quotes):
            if quote.speaker is None or len(words(quote.text)) < MIN_WORDS:
                continue
            rendering = QuoteRendering("", article.id, seq, quote.text, 0.0, published)
            self._place(rendering, quote.speaker, occasion)

    def _candidates(self, found: set[int]) -> list[str]:
        ranked = candidates.rank_shared(
            self.view.quote_candidates(found), self.new_keys.items(), found, limit=self.limit
        )
        for group in self.view.quote_groups([g for g in ranked if g not in self.groups]):
            self.groups[group.id] = group
        return [g for g in ranked if g in self.groups]

    def _place(self, rendering: QuoteRendering, speaker: str, occasion: str | None) -> None:
        found = keys(rendering.text)
        matches = []
        for group_id in self._candidates(found):
            group = self.groups[group_id]
            if group.speaker != speaker:
                continue
            score = max(similarity(rendering.text, r.text) for r in group.renderings)
            if score >= SAME:
                matches.append((score, group_id))
        matches.sort(key=lambda m: (-m[0], m[1]))
        same = [
            (s, g)
            for s, g in matches
            if occasion is None or self.groups[g].occasion in (None, occasion)
        ]
        if same:
            score, group_id = same[0]
            group = self.groups[group_id]
            renderings = group.renderings + (replace(rendering, group_id=group_id, score=score),)
            self.groups[group_id] = replace(
                group,
                renderings=renderings,
                earliest=earliest(renderings),
                occasion=group.occasion or occasion,
            )
        else:
            group_id = f"quote:{rendering.article_id}:{rendering.seq}"
            first = replace(rendering, group_id=group_id, score=100.0)
            self.groups[group_id] = QuoteGroup(
                group_id, speaker, occasion, rendering.article_id, (first,), RULE
            )
        if group_id not in self.changed:
            self.changed.append(group_id)
        self.new_keys.setdefault(group_id, set()).update(found)
        for score, other in matches:
            if other != group_id and self.groups[other].occasion != self.groups[group_id].occasion:
                pair = tuple(sorted((group_id, other)))
                self.repeats[pair] = max(score, self.repeats.get(pair, 0.0))

    def results(
        self,
    ) -> tuple[tuple[QuoteGroup, ...], tuple[QuoteRepeat, ...], tuple[tuple[str, int], ...]]:
        groups = tuple(self.groups[g] for g in self.changed)
        repeats = tuple(QuoteRepeat(a, b, s) for (a, b), s in sorted(self.repeats.items()))
        index = tuple((g, k) for g in self.changed for k in sorted(self.new_keys.get(g, ())))
        return groups, repeats, index
