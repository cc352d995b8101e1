"""Entities: mentions of people, organisations and places, resolved per article
and across articles.

Three steps, each a plain function or a small class over ``model.py`` records:

- ``find_mentions(doc)``: spaCy NER plus rules where it fails (titles glued to
  names, possessives, determiners, all-caps lines, names repeated alone, URLs).
- ``resolve_article(doc, mentions, ...)``: one local entity per person or
  organisation in one article, with the roles and aliases the article states.
- ``EntityIndex``: canonical entities across articles, with stable ids.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Mention

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT",
                         "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def find_mentions(doc: Doc) -> list[Mention]:
    """Named mentions in ``doc`` with character offsets into ``doc.text``."""
    return [Mention(e.start_char, e.end_char, e.text, e.label_)
            for e in doc.ents if e.label_ in NAME_LABELS]
