"""Copies and rewrites: which sentences of an article come from which source.

Each sentence of the article is scored against a candidate source by two
channels and kept as derived when their mix reaches ``DERIVED``:

- lexical: the share of the sentence's word trigrams found anywhere in the
  source (its unigrams for a sentence under three words). It survives
  reordering, merged and split sentences;
- paraphrase: the best cosine between the sentence and one source sentence,
  from wordllama's static vectors (``embed``), which catches rewording.

A derived sentence is ``verbatim`` when its lexical share reaches
``VERBATIM``, else ``rewritten``; it points at the source sentence that scores
best on the same mix. The weights and thresholds were chosen on the tune half
of reuse-meter dev and checked on its other half (BENCHMARKS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

import numpy as np

from ..model import AlignedSentence, Article, Derivation
from . import sentences as _sentences
from .embed import embed

RULE = "derive.lexical_paraphrase.v1"
# Chosen on reuse-meter dev, tune half (grid in bench/reuse_meter.py --sweep): 3-class
# macro-F1 0.632, sentence F1 0.781 there; on the check half 0.610 and 0.889, against
# 0.423 and 0.766 (tune) for the first guess (0.4, 0.3, 0.8, 0.35).
LEXICAL_WEIGHT = 0.6  # weight of trigram containment against the paraphrase cosine
DERIVED = 0.25  # a sentence whose mixed score reaches this comes from the source
WHOLLY, PARTIALLY = 0.95, 0.5  # class thresholds on the borrowed share
VERBATIM = 0.8  # trigram containment from which a derived sentence is a copy
MIN_SHARE = 0.1  # a source lending less than this share is not recorded
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def trigrams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


@dataclass(frozen=True)
class Text:
    """An article's text prepared for alignment: its sentences, their words,
    the trigrams of the whole and the sentence vectors (computed once)."""

    id: str
    text: str
    published: str | None = None
    spans: tuple[tuple[int, int], ...] | None = None

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        found = self.spans if self.spans is not None else _sentences.split(self.text)
        return tuple(span for span in found if words(self.text[span[0]:span[1]]))

    @cached_property
    def tokens(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(words(self.text[a:b])) for a, b in self.sentences)

    @cached_property
    def grams(self) -> set[tuple[str, ...]]:
        return trigrams(words(self.text))

    @cached_property
    def vocabulary(self) -> set[str]:
        return {w for toks in self.tokens for w in toks}

    @cached_property
    def vectors(self) -> np.ndarray:
        return embed([self.text[a:b] for a, b in self.sentences])

    @cached_property
    def chars(self) -> tuple[int, ...]:
        """Non-space characters of each sentence: the weight of its share."""
        return tuple(len("".join(self.text[a:b].split())) for a, b in self.sentences)


def text_of(article: Article) -> Text:
    return Text(article.id, article.text, article.meta.value("published"))


def containment(tokens: Sequence[str], grams: set, vocabulary: set[str]) -> float:
    """The share of the sentence's trigrams in ``grams`` (of its words in
    ``vocabulary`` when it has fewer than three)."""
    if len(tokens) < 3:
        return sum(t in vocabulary for t in tokens) / len(tokens) if tokens else 0.0
    own = trigrams(tokens)
    return len(own & grams) / len(own)


def _best_sentence(tokens: tuple[str, ...], cosines: np.ndarray, source: Text) -> tuple[int, float]:
    """The source sentence that scores best on the mix, and its lexical share."""
    lexical = np.array([containment(tokens, trigrams(s), set(s)) for s in source.tokens])
    best = int(np.argmax(mixed(lexical, cosines)))
    return best, float(lexical[best])


def scores(article: Text, source: Text) -> list[tuple[float, float]]:
    """For each sentence of ``article``: its trigram containment in ``source``
    and its best cosine with one sentence of ``source``."""
    if not source.sentences:
        return [(0.0, 0.0)] * len(article.sentences)
    cosines = (article.vectors @ source.vectors.T).max(axis=1) if article.sentences else []
    return [(containment(tokens, source.grams, source.vocabulary), float(cosine))
            for tokens, cosine in zip(article.tokens, cosines)]


def mixed(lexical: float, cosine: float, *, weight: float = LEXICAL_WEIGHT) -> float:
    return weight * lexical + (1 - weight) * cosine


def align(article: Text, source: Text) -> tuple[AlignedSentence, ...]:
    """Every sentence of ``article`` with its source sentence in ``source``,
    or ``own``; in the article's order."""
    aligned = []
    for k, (lexical, cosine) in enumerate(scores(article, source)):
        start, end = article.sentences[k]
        score = round(mixed(lexical, cosine), 4)
        if score < DERIVED:
            aligned.append(AlignedSentence(start, end, "own", score=score))
            continue
        cosines = article.vectors[k] @ source.vectors.T
        best, _ = _best_sentence(article.tokens[k], cosines, source)
        kind = "verbatim" if lexical >= VERBATIM else "rewritten"
        s_start, s_end = source.sentences[best]
        aligned.append(AlignedSentence(start, end, kind, s_start, s_end, score))
    return tuple(aligned)


def share(article: Text, aligned: Sequence[AlignedSentence]) -> float:
    """Non-space characters of the derived sentences over all the article's."""
    total = sum(article.chars)
    borrowed = sum(n for n, s in zip(article.chars, aligned) if s.kind != "own")
    return borrowed / total if total else 0.0


def classify(borrowed: float) -> str:
    """METER's three classes, by the borrowed share."""
    if borrowed >= WHOLLY:
        return "wholly-derived"
    return "partially-derived" if borrowed >= PARTIALLY else "non-derived"


def _earlier(a: Text, b: Text) -> str | None:
    """The id published first, or None when a date is missing or they tie."""
    if a.published and b.published and a.published != b.published:
        return a.id if a.published < b.published else b.id
    return None


def derive_pair(new: Text, old: Text) -> Derivation | None:
    """How ``new`` and ``old`` relate: which is derived from which, by the
    sentence alignment in both directions. The earlier publication is the
    source; where dates tie or are missing, the article more contained in the
    other is derived (the new one on a tie). None if neither lends
    ``MIN_SHARE`` to the other."""
    forward, backward = align(new, old), align(old, new)
    new_share, old_share = share(new, forward), share(old, backward)
    earlier = _earlier(new, old)
    if earlier is not None:
        derived_is_new, direction = earlier == old.id, "dates"
    else:
        derived_is_new, direction = new_share >= old_share, "containment"
    article, source, aligned, borrowed = (
        (new, old, forward, new_share) if derived_is_new else (old, new, backward, old_share))
    if borrowed < MIN_SHARE:
        return None
    return Derivation(article.id, source.id, round(borrowed, 4), direction, aligned, RULE)


def combined_share(article: Text, derivations: Sequence[Derivation]) -> float:
    """The share of ``article`` borrowed from any of its sources (a sentence
    derived from two sources counts once)."""
    derived = {(s.start, s.end) for d in derivations for s in d.sentences if s.kind != "own"}
    total = sum(article.chars)
    borrowed = sum(n for n, span in zip(article.chars, article.sentences) if span in derived)
    return borrowed / total if total else 0.0
