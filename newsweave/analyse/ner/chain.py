"""The mention rules as one ordered chain over candidate spans.

Each rule registers itself with ``@rule(name, reads=..., sets=...)``, spaCy's
factory contract for a rule that is a function: ``reads`` names the Doc and
token attributes it looks at (besides the candidate spans), ``sets`` what it
may do to the spans: ``adds``, ``drops``, ``bounds`` (moves a span's ends) or
``labels``. Each step records on each span the rule that made or last changed
it (``spacy.ner`` when no rule did). Registering happens on import: the
product's rules are imported by this package; an adapter beside a scorer
(``bench/conll_adapter.py``) registers its own.

The pipeline runs the chain as spaCy components, one per rule (``components``);
``find_mentions`` runs the same steps on any Doc the model parsed.
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
CANDIDATES = "mention_candidates"  # the first mention component, and its doc.spans key


@dataclass(frozen=True)
class Rule:
    """One registered mention rule and its contract."""

    name: str
    apply: Callable[..., list[Span]]
    reads: tuple[str, ...]
    sets: tuple[str, ...]
    needs_nlp: bool = False  # re-parses text with the model (the adapter's ``caps.v2``)


REGISTRY: dict[str, Rule] = {}


def rule(name: str, *, reads: tuple[str, ...], sets: tuple[str, ...], needs_nlp: bool = False):
    """Register ``fn(doc, spans) -> spans`` (``fn(doc, spans, model)`` with
    ``needs_nlp``, ``model`` a ``ModelPipe``) as the rule ``name``."""
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
    """Named mentions in any ``doc`` the model parsed, with character offsets
    into ``doc.text``: the rules named (default: the product's ``RULES``), in
    order, on the model's names. The pipeline runs the same steps as its
    components (``components``); this runs them on a Doc parsed without them.

    ``nlp`` is the pipeline whose model re-reads lines in capitals (default:
    the one ``analyse.nlp.load()`` holds).
    """
    if rules is None:
        from . import RULES

        rules = RULES
    spans = model_ents(doc)
    model = None
    for name in rules:
        step = registered(name)
        if step.needs_nlp and model is None:
            model = ModelPipe(nlp)
        spans = attributed(spans, run_step(step, doc, spans, model), name)
    return to_mentions(doc, spans)


def model_ents(doc: Doc) -> list[Span]:
    """The model's names in ``doc.ents``, as candidates."""
    return [Span(e.start, e.end, e.label_, MODEL_RULE) for e in doc.ents if e.label_ in NAME_LABELS]


def registered(name: str) -> Rule:
    """The rule registered as ``name``."""
    found = REGISTRY.get(name)
    if found is None:
        raise ValueError(f"no mention rule {name!r}; registered: {', '.join(sorted(REGISTRY))}")
    return found


class ModelPipe:
    """The model's own components of ``nlp`` (those before the mention
    components; default: ``analyse.nlp.load()``'s), as a ``pipe`` over Docs:
    what a rule re-parses text with."""

    def __init__(self, nlp: Language | None = None):
        if nlp is None:
            from ..nlp import load

            nlp = load()
        self.vocab = nlp.vocab
        self.procs = []
        for name, proc in nlp.pipeline:
            if name == CANDIDATES:
                break
            self.procs.append(proc)

    def pipe(self, docs):
        for proc in self.procs:
            docs = proc.pipe(docs) if hasattr(proc, "pipe") else map(proc, docs)
        yield from docs


def run_step(step: Rule, doc: Doc, spans: list[Span], model: ModelPipe | None) -> list[Span]:
    """``step`` on the candidates; ``model`` re-parses for the rules that need it
    (``needs_nlp``; their callers build it once per chain)."""
    if not step.needs_nlp:
        return step.apply(doc, spans)
    return step.apply(doc, spans, model)


def attributed(before: list[Span], after: list[Span], name: str) -> list[Span]:
    """``after`` with each span that ``before`` had (same tokens, same label)
    keeping its rule, and every new or changed one credited to ``name``."""
    known = {}
    for s in before:
        known.setdefault((s.start, s.end, s.label), s.rule)
    return [
        Span(s.start, s.end, s.label, known.get((s.start, s.end, s.label), name)) for s in after
    ]


def chosen(spans: list[Span]) -> list[Span]:
    """The spans that become mentions: longest first where they overlap, in
    text order; empty ones dropped."""
    covered: set[int] = set()
    found = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.end <= s.start or covered.intersection(range(s.start, s.end)):
            continue
        covered.update(range(s.start, s.end))
        found.append(s)
    return found


def to_mentions(doc: Doc, spans: list[Span]) -> list[Mention]:
    """Mentions of the chosen spans, with character offsets into ``doc.text``."""
    found = []
    for s in chosen(spans):
        span = doc[s.start : s.end]
        found.append(Mention(span.start_char, span.end_char, span.text, s.label, rule=s.rule))
    return found
