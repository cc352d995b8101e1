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

from ..model import AlignedSentence, Article, ArticleDerivation, Derivation
from . import sentences as _sentences
from .embed import embed

RULE = "derive.lexical_paraphrase.v1"
# Chosen on reuse-meter dev, tune half (grid in bench/reuse_meter.py --sweep): 3-class
# macro-F1 0.632, sentence F1 0.781 there; on the check half 0.610 and 0.889, against
# 0.423 and 0.766 (tune) for the first guess (0.4, 0.3, 0.8, 0.35).
LEXICAL_WEIGHT = 0.6  # weight of trigram containment against the paraphrase cosine
DERIVED = 0.25  # a sentence whose mixed score reaches this comes from the source
WHOLLY, PARTIALLY = 0.9, 0.3  # class thresholds on the borrowed share
VERBATIM = 0.8  # trigram containment from which a derived sentence is a copy
STRONG = 0.4  # a derived sentence scoring this is evidence that the pair is linked at all
GATE = 0.15  # a source lending less of the article's reporting (unquoted sentences) is none
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def trigrams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


@dataclass(frozen=True)
class Text:
    """An article's text prepared for alignment: its sentences, their words,
    the trigrams of the whole and the sentence vectors (computed once)."""

    id: str
    text: str
    published: str | None = None
    spans: tuple[tuple[int, int], ...] | None = None
    outlet: str | None = None  # the origin the text credits itself to, if any

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        found = self.spans if self.spans is not None else _sentences.split(self.text)
        return tuple(span for span in found if words(self.text[span[0] : span[1]]))

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
    def sentence_words(self) -> tuple[set[str], ...]:
        return tuple(set(toks) for toks in self.tokens)

    @cached_property
    def gram_sentences(self) -> dict[tuple[str, ...], list[int]]:
        """Each trigram -> the sentences that have it (an inverted index)."""
        found: dict[tuple[str, ...], list[int]] = {}
        for i, toks in enumerate(self.tokens):
            for gram in trigrams(toks):
                found.setdefault(gram, []).append(i)
        return found

    @cached_property
    def vectors(self) -> np.ndarray:
        return embed([self.text[a:b] for a, b in self.sentences])

    @cached_property
    def quoted(self) -> tuple[bool, ...]:
        """Whether each sentence is mostly inside quotation marks."""
        inside = _quoted_mask(self.text)
        return tuple(sum(inside[a:b]) * 2 > b - a for a, b in self.sentences)

    @cached_property
    def chars(self) -> tuple[int, ...]:
        """Non-space characters of each sentence: the weight of its share."""
        return tuple(len("".join(self.text[a:b].split())) for a, b in self.sentences)


def _quoted_mask(text: str) -> list[bool]:
    """Per character: inside a quotation ("..." or “...”), each line on its
    own (a quotation running over paragraphs reopens on each)."""
    mask, inside = [], False
    for char in text:
        if char == "\n":
            inside = False
        elif char == "\u201c":
            inside = True
        elif char == "\u201d":
            inside = False
        elif char == '"':
            inside = not inside
        mask.append(inside or char in '"\u201c\u201d')
    return mask


def text_of(article: Article) -> Text:
    return Text(
        article.id,
        article.text,
        article.meta.value("published"),
        outlet=article.meta.value("outlet"),
    )


def containment(tokens: Sequence[str], grams: set, vocabulary: set[str]) -> float:
    """The share of the sentence's trigrams in ``grams`` (of its words in
    ``vocabulary`` when it has fewer than three)."""
    if len(tokens) < 3:
        return sum(t in vocabulary for t in tokens) / len(tokens) if tokens else 0.0
    own = trigrams(tokens)
    return len(own & grams) / len(own)


@dataclass(frozen=True)
class SentenceScore:
    """One sentence of an article against a source: its trigram containment
    in the whole source, its best cosine with one source sentence, and the
    source sentence that scores best on the mix of both (index)."""

    lexical: float
    cosine: float
    best: int | None


def sentence_containments(tokens: Sequence[str], source: Text) -> np.ndarray:
    """``containment`` of the sentence in each of ``source``'s sentences,
    counted through the source's trigram index rather than sentence by
    sentence (the same figures)."""
    if not tokens:
        return np.zeros(len(source.tokens))
    if len(tokens) < 3:
        return np.array(
            [
                sum(t in vocabulary for t in tokens) / len(tokens)
                for vocabulary in source.sentence_words
            ]
        )
    own = trigrams(tokens)
    shared = [0] * len(source.tokens)
    for gram in own:
        for i in source.gram_sentences.get(gram, ()):
            shared[i] += 1
    return np.array([n / len(own) for n in shared])


def _best_sentence(tokens: tuple[str, ...], cosines: np.ndarray, source: Text) -> int:
    """The source sentence that scores best on the mix."""
    return int(np.argmax(mixed(sentence_containments(tokens, source), cosines)))


def scores(article: Text, source: Text) -> list[SentenceScore]:
    """A ``SentenceScore`` for each sentence of ``article`` against ``source``."""
    if not source.sentences or not article.sentences:
        return [SentenceScore(0.0, 0.0, None)] * len(article.sentences)
    cosines = article.vectors @ source.vectors.T
    return [
        SentenceScore(
            containment(tokens, source.grams, source.vocabulary),
            float(row.max()),
            _best_sentence(tokens, row, source),
        )
        for tokens, row in zip(article.tokens, cosines)
    ]


def mixed(lexical: float, cosine: float, *, weight: float = LEXICAL_WEIGHT) -> float:
    return weight * lexical + (1 - weight) * cosine


def align(article: Text, source: Text) -> tuple[AlignedSentence, ...]:
    """Every sentence of ``article`` with its source sentence in ``source``,
    or ``own``; in the article's order."""
    aligned = []
    for (start, end), found in zip(article.sentences, scores(article, source)):
        score = round(mixed(found.lexical, found.cosine), 4)
        if score < DERIVED or found.best is None:
            aligned.append(AlignedSentence(start, end, "own", score=score))
            continue
        kind = "verbatim" if found.lexical >= VERBATIM else "rewritten"
        s_start, s_end = source.sentences[found.best]
        aligned.append(AlignedSentence(start, end, kind, s_start, s_end, score))
    return tuple(aligned)


def share(article: Text, aligned: Sequence[AlignedSentence]) -> float:
    """Non-space characters of the derived sentences over all the article's."""
    total = sum(article.chars)
    borrowed = sum(n for n, s in zip(article.chars, aligned) if s.kind != "own")
    return borrowed / total if total else 0.0


def reporting_share(article: Text, aligned: Sequence[AlignedSentence]) -> float:
    """The share of the article's unquoted sentences (by characters) aligned
    with a score of at least ``STRONG``: the evidence that it was written
    from the source at all. Quotations are left out, as outlets reporting
    the same speaker share them independently; so are weak alignments, as
    reports of one event share its facts and names. (Leaving out sentences
    aligned to a quoted source sentence too loses rewrites that turn a
    quotation into reported speech, as seed 000 does with 002.)"""
    pairs = [
        (n, s.score >= STRONG) for n, s, q in zip(article.chars, aligned, article.quoted) if not q
    ]
    total = sum(n for n, _ in pairs)
    return sum(n for n, derived in pairs if derived) / total if total else 0.0


def classify(borrowed: float) -> str:
    """METER's three classes, by the borrowed share."""
    if borrowed >= WHOLLY:
        return "wholly-derived"
    return "partially-derived" if borrowed >= PARTIALLY else "non-derived"


def _source_first(a: Text, b: Text) -> tuple[str, str] | None:
    """The id of the likelier source and why, before containment: the one
    published first (``dates``), or, when a date is missing or they tie, the
    only one of the two that credits an origin ("MOSCOW (Sputnik) -",
    "(Reuters)"; ``credit``): an uncredited text sharing its reporting is the
    copy."""
    if a.published and b.published and a.published != b.published:
        return (a.id if a.published < b.published else b.id), "dates"
    if bool(a.outlet) != bool(b.outlet):
        return (a.id if a.outlet else b.id), "credit"
    return None


def derive_pair(new: Text, old: Text) -> Derivation | None:
    """How ``new`` and ``old`` relate: which is derived from which, by the
    sentence alignment in both directions. The earlier publication is the
    source; where dates tie or are missing, the one that credits an origin
    when the other does not, else the article more contained in the other is
    derived (the new one on a tie). None if the source lends less
    than ``GATE`` of the derived article's reporting."""
    forward, backward = align(new, old), align(old, new)
    new_share, old_share = share(new, forward), share(old, backward)
    decided = _source_first(new, old)
    if decided is not None:
        derived_is_new, direction = decided[0] == old.id, decided[1]
    else:
        derived_is_new, direction = new_share >= old_share, "containment"
    article, source, aligned, borrowed = (
        (new, old, forward, new_share) if derived_is_new else (old, new, backward, old_share)
    )
    if reporting_share(article, aligned) < GATE:
        return None
    return Derivation(article.id, source.id, round(borrowed, 4), direction, aligned, RULE)


def combined_share(
    article: Text,
    derivations: Sequence[Derivation],
    kinds: tuple[str, ...] = ("verbatim", "rewritten"),
) -> float:
    """The share of ``article`` borrowed from any of its sources (a sentence
    derived from two sources counts once); ``kinds`` counts only sentences
    aligned so (``("verbatim",)``: the share copied word for word)."""
    derived = {(s.start, s.end) for d in derivations for s in d.sentences if s.kind in kinds}
    total = sum(article.chars)
    borrowed = sum(n for n, span in zip(article.chars, article.sentences) if span in derived)
    return borrowed / total if total else 0.0


def summarise(article: Text, derivations: Sequence[Derivation]) -> ArticleDerivation:
    """What ``article`` owes to all its stored sources together: its class by
    the combined share, and the sources, largest share first."""
    mine = sorted(
        (d for d in derivations if d.article_id == article.id),
        key=lambda d: (-d.share, d.source_id),
    )
    borrowed = round(combined_share(article, mine), 4)
    verbatim = round(combined_share(article, mine, ("verbatim",)), 4)
    return ArticleDerivation(article.id, classify(borrowed), borrowed, tuple(mine), verbatim)
