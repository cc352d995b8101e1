"""Candidate search keys: which stored articles are worth aligning with a new one.

Linking never compares a new article with every stored one. Each article
gets a set of integer keys, the bands of MinHash signatures (rensa, 64
permutations), kept in the store's ``link_keys`` table with an index; the
candidates of a new article are the stored articles sharing the most keys.

- ``s`` keys: per sentence of at least ``MIN_WORDS`` words, ``SENTENCE_BANDS``
  bands of ``SENTENCE_ROWS`` over its word trigrams. A sentence copied with
  small edits (Jaccard 0.5) shares a key with its source two times in three;
  a verbatim copy always.
- ``d`` keys: per article, ``DOC_BANDS`` bands of ``DOC_ROWS`` over its set of
  content words (no stop words). Articles on the same story (Jaccard 0.2)
  share a key nine times in ten, and rewrites that keep few trigrams are
  found this way.
- ``n`` keys: per article, ``NAME_BANDS`` bands of one row over the names it
  uses (capitalised words not opening a line or sentence): reports of one
  event name the same people and places even when they share few other
  words (on ECB+ dev, an earlier article of the same event is among the ten
  best candidates for 0.994 of articles with ``d`` and ``n`` keys, 0.972
  with ``d`` keys alone; on the seeds, SCMP's report shares no ``d`` key
  with Sputnik's).

The store counts the articles holding each key and leaves out of a query
the keys held by more than ``store.links.MAX_POSTING`` articles (as passim
keeps only n-grams of bounded document frequency), so the cost of a query
does not grow with the store.

On reuse-meter dev (all of it; 386 derived articles against 419 PA texts) a
story's PA text is among an article's ten best candidates for 0.896 of the
articles with 32 doc bands, 0.951 with 48 and 0.959 with 64 (0.969 with 96,
at three times the longest posting list).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable, Mapping

import rensa

from .derive import Text, trigrams
from .stopwords import ENGLISH_STOP_WORDS

RULE = "candidates.minhash_bands.v2"
SEED = 1
MIN_WORDS = 6
SENTENCE_BANDS, SENTENCE_ROWS = 8, 3
DOC_BANDS, DOC_ROWS = 64, 2
NAME_BANDS = 24
_NAME = re.compile(r"(?<=[^\W\d_][,;:]\s)[A-Z][\w'’-]+|(?<=[^\W\d_]\s)[A-Z][\w'’-]+")


def _signature(tokens: Iterable[str], num_perm: int) -> list[int]:
    minhash = rensa.RMinHash(num_perm=num_perm, seed=SEED)
    minhash.update(list(tokens))
    return minhash.digest()


def key(text: str) -> int:
    """A signed 64-bit key for ``text`` (PostgreSQL's BIGINT holds it): the
    one hash every search index of linking uses."""
    return int.from_bytes(
        hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True
    )


def _band_keys(kind: str, signature: list[int], rows: int) -> set[int]:
    """One key per band."""
    return {
        key(f"{kind}{band}:{signature[band * rows : (band + 1) * rows]}")
        for band in range(len(signature) // rows)
    }


def sentence_keys(text: Text) -> set[int]:
    keys: set[int] = set()
    for tokens in text.tokens:
        if len(tokens) >= MIN_WORDS:
            shingles = [" ".join(g) for g in trigrams(tokens)]
            keys |= _band_keys(
                "s", _signature(shingles, SENTENCE_BANDS * SENTENCE_ROWS), SENTENCE_ROWS
            )
    return keys


def doc_keys(text: Text) -> set[int]:
    content = {w for w in text.vocabulary if w not in ENGLISH_STOP_WORDS and len(w) > 2}
    if not content:
        return set()
    return _band_keys("d", _signature(sorted(content), DOC_BANDS * DOC_ROWS), DOC_ROWS)


def names(text: str) -> set[str]:
    """Capitalised words inside a sentence, casefolded: mostly names."""
    return {m.group().casefold() for m in _NAME.finditer(text)}


def name_keys(text: Text) -> set[int]:
    found = names(text.text)
    if not found:
        return set()
    return _band_keys("n", _signature(sorted(found), NAME_BANDS), 1)


def keys(text: Text) -> set[int]:
    """Every candidate-search key of one article."""
    return sentence_keys(text) | doc_keys(text) | name_keys(text)


def rank_shared(
    stored: Mapping[str, int],
    pending: Iterable[tuple[str, set[int]]],
    found: set[int],
    *,
    limit: int,
    exclude: str | None = None,
) -> list[str]:
    """The ``limit`` ids sharing most of the keys ``found``: ``stored`` counts
    them in the store, ``pending`` gives the keys of what is not stored yet
    (earlier articles or groups of the batch); ``exclude`` is never one."""
    shared = Counter(stored)
    for owner, owned in pending:
        if owner != exclude and (common := len(found & owned)):
            shared[owner] += common
    shared.pop(exclude, None)
    return rank(dict(shared), limit=limit)


def rank(shared: dict[str, int], *, limit: int) -> list[str]:
    """The ``limit`` candidates sharing most keys, ties by id (deterministic)."""
    return [c for c, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
