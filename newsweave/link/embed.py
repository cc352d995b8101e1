"""Sentence vectors from wordllama's static embeddings, loaded offline.

wordllama ships its weights inside its PyPI wheel; ``WordLlama.load`` with the
package folder as ``cache_dir`` and ``disable_download=True`` reads them from
there (0.1 s) and never touches the network. Vectors are L2-normalised, so a
dot product is the cosine.
"""

from __future__ import annotations

import os
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


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (zeros for a text with no known token)."""
    vectors = np.zeros((len(texts), 256), dtype=np.float32)
    for group in _similar_lengths(texts):
        found = _model().embed([texts[i] for i in group], batch_size=len(group))
        vectors[group] = np.asarray(found, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
