"""Analyse: ``Article`` to ``Analysis``.

Each batch of clean texts goes through spaCy's ``nlp.pipe`` once (``nlp``),
whose mention components leave the corrected names in ``doc.ents``; then, per
article, the components read the parsed Doc: names, resolved within
the article and then to canonical entities across articles (``entities``),
time expressions resolved against the publication date (``timex``),
quotations whose speakers and addressees are linked to those entities
(``quotes``), and events, which use all three (``events``).

Merging into canonical entities (``canon``) and the lead (``lead``) need no
parser: the main process of a run with workers uses only them, so importing
this package does not import spaCy; the parser's functions are imported on
first use.
"""

from .canon import EntityIndex, canonicalise, canonicalise_all
from .lead import lead_day, lead_end

_PARSED = frozenset({"analyse", "analyse_doc", "analyse_local", "analyse_local_all", "link_quote"})

__all__ = ["EntityIndex", "canonicalise", "canonicalise_all", "lead_day", "lead_end", *_PARSED]


def __getattr__(name: str):
    if name in _PARSED:
        from . import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
