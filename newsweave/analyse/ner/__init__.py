"""Mentions: the names in one article, found by spaCy NER and an ordered chain
of small rules where the model fails on news text.

One module per job, each rule registered with its contract (``chain.rule``):

- ``caps``: a headline's words in capitals labelled from the names below
  (``headlines.v3``);
- ``hygiene``: where a name starts and ends, and what is none
  (``split.v1``, ``trim.v1``, ``initials.v1``,
  ``given_names.v1``, ``common_words.v1``, ``urls.v1``);
- ``gazetteers``: countries, peoples, organisation words, legal forms, firms
  and acronyms (``org_suffix.v1``, ``countries.v1``, ``firms.v1``,
  ``acronyms.v1``, ``nationalities.v1``), lists in ``patterns/*.jsonl``;
- ``context``: runs of proper nouns, competitions, places after "at" and a
  dateline's place (``name_runs.v1``, ``competitions.v2``, ``venues.v2``,
  ``datelines.v3``);
- ``consistency``: one name, one label through the article (``consistency.v1``).

``RULES`` is the product's chain, in the order it runs; ``components`` puts
it in the spaCy pipeline, one component per rule after the model's ``ner``,
and leaves the corrected names in ``doc.ents`` (``mentions_of`` reads them). Rules for the
typography of other corpora live outside the product path (the CoNLL-2003
adapter, ``bench/conll_adapter.py``, which only its scorer adds).
"""

from . import caps, consistency, context, gazetteers, hygiene  # noqa: F401  (registers the rules)
from .chain import NAME_LABELS, REGISTRY, Rule, find_mentions, rule

RULES = (
    "split.v1",
    "trim.v1",
    "initials.v1",
    "given_names.v1",
    "org_suffix.v1",
    "name_runs.v1",
    "countries.v1",
    "competitions.v2",
    "common_words.v1",
    "firms.v1",
    "acronyms.v1",
    "headlines.v3",
    "consistency.v1",
    "nationalities.v1",
    "venues.v2",
    "datelines.v3",
    "urls.v1",
)

__all__ = ["NAME_LABELS", "REGISTRY", "RULES", "Rule", "find_mentions", "rule"]
