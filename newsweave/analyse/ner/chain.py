"""The mention rules as one ordered chain over candidate spans.

Each rule registers itself with ``@rule(name, reads=..., sets=...)``, spaCy's
factory contract for a rule that is a function: ``reads`` names the Doc and
token attributes it looks at (besides the candidate spans), ``sets`` what it
may do to the spans: ``adds``, ``drops``, ``bounds`` (moves a span's ends) or
``labels``. ``find_mentions`` runs the rules named, in order, and records on
each mention the rule that made or last changed it (``spacy.ner`` when no rule
did). Registering happens on import: the product's rules are imported by this
package; an adapter beside a scorer (``bench/conll_adapter.py``) registers its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Mention
from .spans import MODEL_RULE, Span

NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
SETS = frozenset({"adds", "drops", "bounds", "labels"})


@dataclass(frozen=True)
class Rule:
    """One registered mention rule and its contract."""

    name: str
    apply: Callable[..., list[Span]]
    reads: tuple[str, ...]
    sets: tuple[str, ...]
    needs_nlp: bool = False  # re-parses text with the pipeline (``caps.v1``)


REGISTRY: dict[str, Rule] = {}


def rule(name: str, *, reads: tuple[str, ...], sets: tuple[str, ...], needs_nlp: bool = False):
    """Register ``fn(doc, spans) -> spans`` (``fn(doc, spans, nlp)`` with
    ``needs_nlp``) as the rule ``name``."""
    unknown = set(sets) - SETS
    if unknown:
        raise ValueError(f"rule {name}: sets {sorted(unknown)}; valid: {', '.join(sorted(SETS))}")

    def register(fn):
        REGISTRY[name] = Rule(name, fn, reads, sets, needs_nlp)
        return fn

    return register


def find_mentions(
    doc: Doc, *, nlp: Language | None = None, rules: tuple[str, ...] | None = None
) -> list[Mention]:
    """Named mentions in ``doc``, with character offsets into ``doc.text``.

    ``nlp`` is the pipeline that re-reads lines in capitals (default: the one
    ``analyse.nlp.load()`` holds); ``rules`` names the steps to run, in order
    (default: the product's ``RULES``).
    """
    if rules is None:
        from . import RULES

        rules = RULES
    spans = [
        Span(e.start, e.end, e.label_, MODEL_RULE) for e in doc.ents if e.label_ in NAME_LABELS
    ]
    for name in rules:
        spans = _attributed(spans, _run(_registered(name), doc, spans, nlp), name)
    return _to_mentions(doc, spans)


def _registered(name: str) -> Rule:
    found = REGISTRY.get(name)
    if found is None:
        raise ValueError(f"no mention rule {name!r}; registered: {', '.join(sorted(REGISTRY))}")
    return found


def _run(step: Rule, doc: Doc, spans: list[Span], nlp: Language | None) -> list[Span]:
    if not step.needs_nlp:
        return step.apply(doc, spans)
    if nlp is None:
        from ..nlp import load

        nlp = load()
    return step.apply(doc, spans, nlp)


def _attributed(before: list[Span], after: list[Span], name: str) -> list[Span]:
    """``after`` with each span that ``before`` had (same tokens, same label)
    keeping its rule, and every new or changed one credited to ``name``."""
    known = {}
    for s in before:
        known.setdefault((s.start, s.end, s.label), s.rule)
    return [
        Span(s.start, s.end, s.label, known.get((s.start, s.end, s.label), name)) for s in after
    ]


def _to_mentions(doc: Doc, spans: list[Span]) -> list[Mention]:
    """Mentions of the spans, longest first where they overlap, in text order."""
    covered: set[int] = set()
    found = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.end <= s.start or covered.intersection(range(s.start, s.end)):
            continue
        covered.update(range(s.start, s.end))
        span = doc[s.start : s.end]
        found.append(Mention(span.start_char, span.end_char, span.text, s.label, rule=s.rule))
    return found
