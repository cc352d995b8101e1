"""Entities: the names in each article and the real-world entities they name.

Three jobs, one place each: ``ner`` finds the names (spaCy NER plus a chain of
registered rules), ``resolve`` groups one article's mentions and descriptions
into its entities with their stated roles, ``canon`` merges those into
canonical entities across articles. This module is their public face.
"""

from .canon import EntityIndex, entity_id
from .ner import NAME_LABELS, RULES, find_mentions
from .ner.components import mentions_of
from .resolve import resolve_article

__all__ = [
    "EntityIndex",
    "NAME_LABELS",
    "RULES",
    "entity_id",
    "find_mentions",
    "mentions_of",
    "resolve_article",
]
