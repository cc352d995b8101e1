"""Analyse: ``Article`` to ``Analysis``.

Each batch of clean texts goes through spaCy's ``nlp.pipe`` once (``nlp``),
whose mention components leave the corrected names in ``doc.ents``; then, per
article, the components read the parsed Doc: names, resolved within
the article and then to canonical entities across articles (``entities``),
time expressions resolved against the publication date (``timex``),
quotations whose speakers and addressees are linked to those entities
(``quotes``), and events, which use all three (``events``).
"""

from .run import EntityIndex, analyse, analyse_doc, lead_day, lead_end, link_quote

__all__ = ["EntityIndex", "analyse", "analyse_doc", "lead_day", "lead_end", "link_quote"]
