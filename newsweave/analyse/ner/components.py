"""The mention rules as spaCy pipeline components, after the model's ``ner``.

``add_to(nlp, rules)`` appends, in order:

- ``mention_candidates``: the model's names (``doc.ents`` with a name label)
  become the candidate spans, in ``doc.spans["mention_candidates"]``, each
  span's ``id_`` the rule that made or last changed it (``spacy.ner``);
- one component per rule, named as the rule (``split.v1``) and made by the
  factory ``mention_split_v1``, which reads and rewrites the candidates; its
  spaCy contract (``requires``) names the model's attributes the rule reads;
- ``mention_ents``: the candidates, longest first where they overlap, become
  ``doc.ents``, with the model's other entities (dates, numbers) that overlap
  none of them. This corrected view is the one that quotes, resolution and
  events read (``doc.ents``, ``token.ent_type_``); ``mentions_of`` reads the
  mentions, with their rules, from it.

A rule that re-parses text (the CoNLL adapter's ``caps.v2``) runs only the
model's components, never these. ``nlp.select_pipes(disable=["split.v1"])``
runs the chain without a rule.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup
from spacy.tokens import Span as SpacySpan

from ...model import Mention
from .chain import (
    CANDIDATES,
    NAME_LABELS,
    REGISTRY,
    ModelPipe,
    Rule,
    attributed,
    chosen,
    model_ents,
    registered,
    run_step,
)
from .spans import Span, taken

ENTS = "mention_ents"
# Attributes the model's components set (spaCy's ``analyze_pipes`` vocabulary);
# lexical ones (text, lower_, is_title) come with the tokens and are not declared.
_ASSIGNED = {
    "pos": "token.tag",  # the attribute_ruler maps the tagger's tag to pos, declaring neither
    "tag": "token.tag",
    "dep": "token.dep",
    "head": "token.head",
    "lemma": "token.lemma",
    "is_sent_start": "token.is_sent_start",
    "ent_type": "token.ent_type",
}


def factory_name(rule_name: str) -> str:
    """The spaCy factory of a rule: ``split.v1`` -> ``mention_split_v1``
    (factory names cannot hold dots; pipe names, the rule names, can)."""
    return "mention_" + rule_name.replace(".", "_").replace("-", "_")


def requires(step: Rule) -> list[str]:
    """The spaCy attributes a rule needs set before it runs."""
    needed = ["doc.spans"]
    for attr in step.reads:
        kind, _, name = attr.partition(".")
        declared = _ASSIGNED.get(name.rstrip("_"))
        if kind == "token" and declared and declared not in needed:
            needed.append(declared)
    return needed


def _require_candidates(doc: Doc) -> None:
    if CANDIDATES not in doc.spans:
        raise ValueError(
            "this Doc was not parsed by a pipeline with the mention components "
            "(analyse.nlp.load builds one; analyse.ner.find_mentions runs the rules on any Doc)"
        )


def _read(doc: Doc) -> list[Span]:
    _require_candidates(doc)
    return [Span(s.start, s.end, s.label_, s.id_) for s in doc.spans[CANDIDATES]]


def _write(doc: Doc, spans: list[Span]) -> None:
    doc.spans[CANDIDATES] = SpanGroup(
        doc,
        name=CANDIDATES,
        spans=[
            SpacySpan(doc, s.start, max(s.start, s.end), s.label, span_id=s.rule) for s in spans
        ],
    )


class MentionRule:
    """One registered rule as a pipeline component."""

    def __init__(self, nlp: Language, rule_name: str):
        self.step = registered(rule_name)
        self.model = ModelPipe(nlp) if self.step.needs_nlp else None

    def __call__(self, doc: Doc) -> Doc:
        before = _read(doc)
        _write(
            doc, attributed(before, run_step(self.step, doc, before, self.model), self.step.name)
        )
        return doc


def _register(step: Rule) -> None:
    """The spaCy factory for ``step``, once."""
    name = factory_name(step.name)
    if Language.has_factory(name):
        return
    Language.factory(name, requires=requires(step), assigns=["doc.spans"])(
        lambda nlp, name, _rule=step.name: MentionRule(nlp, _rule)
    )


@Language.component(CANDIDATES, requires=["doc.ents"], assigns=["doc.spans"])
def mention_candidates(doc: Doc) -> Doc:
    """The model's names as the candidates the rules work on."""
    _write(doc, model_ents(doc))
    return doc


@Language.component(
    ENTS, requires=["doc.spans"], assigns=["doc.ents", "token.ent_iob", "token.ent_type"]
)
def mention_ents(doc: Doc) -> Doc:
    """The candidates as ``doc.ents``: longest first where they overlap; the
    model's other entities stay where they overlap no name."""
    names = [SpacySpan(doc, s.start, s.end, s.label, span_id=s.rule) for s in chosen(_read(doc))]
    covered = taken(names)
    others = [
        e
        for e in doc.ents
        if e.label_ not in NAME_LABELS and not covered.intersection(range(e.start, e.end))
    ]
    doc.ents = sorted(names + others, key=lambda s: s.start)
    return doc


def add_to(nlp: Language, rules: tuple[str, ...]) -> Language:
    """``nlp`` with the candidates, one component per rule in ``rules`` (in
    order) and the corrected ``doc.ents``, after its last component."""
    nlp.add_pipe(CANDIDATES)
    for n, name in enumerate(rules):
        _register(registered(name))
        again = rules[:n].count(name)  # a rule that runs twice: "slugs.v1", "slugs.v1#2"
        nlp.add_pipe(factory_name(name), name=f"{name}#{again + 1}" if again else name)
    nlp.add_pipe(ENTS)
    return nlp


def mentions_of(doc: Doc) -> list[Mention]:
    """The mentions in a Doc the pipeline parsed, from its corrected
    ``doc.ents``, each with the rule that made it (the span's ``id_``)."""
    _require_candidates(doc)
    return [
        Mention(e.start_char, e.end_char, e.text, e.label_, rule=e.id_)
        for e in doc.ents
        if e.label_ in NAME_LABELS
    ]


__all__ = ["CANDIDATES", "ENTS", "REGISTRY", "add_to", "factory_name", "mentions_of", "requires"]
