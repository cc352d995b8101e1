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


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (zeros for a text with no known token)."""
    if not texts:
        return np.zeros((0, 256), dtype=np.float32)
    vectors = np.asarray(_model().embed(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
