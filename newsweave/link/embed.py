"""Sentence vectors from wordllama's static embeddings, loaded offline.

wordllama ships its weights inside its PyPI wheel; ``WordLlama.load`` with the
package folder as ``cache_dir`` and ``disable_download=True`` reads them from
there (0.1 s) and never touches the network. Vectors are L2-normalised, so a
dot product is the cosine.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..errors import ConfigError


@lru_cache(maxsize=1)
def _model():
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:  # a broken install, not a user error
        raise ConfigError(f"cannot import wordllama: {exc}; pip install wordllama") from None
    return WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__), disable_download=True)


DIM = 256  # wordllama's default model
SPREAD = 1.5  # longest over shortest text in one call to the model
BATCH = 64


def _similar_lengths(texts: Sequence[str]) -> list[list[int]]:
    """Indices of ``texts`` in groups of similar length. wordllama pads a batch
    to its longest text: one 20,000-token article among 64 makes the batch 40
    times slower. The vectors do not depend on the grouping (the padding is
    masked out)."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    groups: list[list[int]] = []
    for i in order:
        group = groups[-1] if groups else None
        if group and len(group) < BATCH and len(texts[i]) <= SPREAD * max(1, len(texts[group[0]])):
            group.append(i)
        else:
            groups.append([i])
    return groups


def _compute(texts: Sequence[str]) -> np.ndarray:
    vectors = np.zeros((len(texts), DIM), dtype=np.float32)
    for group in _similar_lengths(texts):
        found = _model().embed([texts[i] for i in group], batch_size=len(group))
        vectors[group] = np.asarray(found, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


# The vectors of the texts embedded last, by text: linking embeds the same
# sentences again and again (a story's claims read its latest articles at every
# batch that touches the story, and a popular source is a candidate of many
# articles). A vector does not depend on the other texts of the call, so a kept
# one is the one the model would give. About 1.3 KB each: 16,384 hold ~21 MB.
KEPT = 16_384
_kept: OrderedDict[str, np.ndarray] = OrderedDict()
_lock = threading.Lock()  # a library user may link from several threads


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (zeros for a text with no known token)."""
    vectors = np.zeros((len(texts), DIM), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    with _lock:
        for i, text in enumerate(texts):
            row = _kept.get(text)
            if row is None:
                missing.setdefault(text, []).append(i)
            else:
                _kept.move_to_end(text)
                vectors[i] = row
    if missing:
        computed = _compute(list(missing))
        with _lock:
            for text, row in zip(missing, computed):
                vectors[missing[text]] = row
                _kept[text] = row.copy()  # not a view that keeps the whole call alive
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
    return vectors
