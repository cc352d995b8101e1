"""Speakers: the person a quotation's source names (the ``quotes.speaker.v4`` rule).

``analyse.quotes`` finds each source as written ("he", "the Russian leader",
"Wang"); ``name_speaker`` gives the span that names the speaker: through pronouns
(the last speaker, unless another person became a subject since), descriptions
(``resolve``'s ``description.v2``, the resolver the mentions use, so a quotation and a
mention take a description for the same person; "the official" is the last speaker
or nobody) and names (the fullest earlier form).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..model import Entity, Mention
from ..spans import inside
from .ner.lexicon import ROLE_WORDS
from .resolve import DESCRIPTION_RULE, nations_fit, resolve_article

PERSONAL_PRONOUNS = frozenset("he she him her".split())  # a person, named before
# Heads of descriptions that fit any titled person ("the official", "the veteran
# diplomat"). One that no stated role resolves (``resolve``'s ``description.v2``)
# refers back to the last speaker and to nobody else, unless it names a nationality
# that speaker's stated roles do not; "he" looks further (``_antecedent``).
VAGUE_HEADS = frozenset("official leader diplomat politician source figure veteran".split())


@dataclass(frozen=True)
class Scene:
    """What naming a speaker reads of one document, gathered once: the parse,
    its quotations and its names as ``resolve`` grouped them into entities."""

    doc: Doc
    marks: list[tuple[int, int]]  # the quotations, as character spans
    people: tuple[Mention, ...]  # ``entity`` set; a description's ``rule`` is description.v2
    roles: dict[str, tuple[str, ...]]  # each entity's stated roles, by its key


def scene_of(
    doc: Doc,
    marks: list[tuple[int, int]],
    names: tuple[list[Mention], list[Entity]] | None = None,
) -> Scene:
    """The scene of ``doc``; ``names`` is ``resolve_article``'s result for it
    when the caller has one (``analyse_local``), else the names in ``doc.ents``
    are grouped here."""
    if names is None:
        ents = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
        names = resolve_article(doc, ents, article_id="quotes")
    mentions, entities = names
    roles = {e.id: tuple(r.title for r in e.roles) for e in entities}
    return Scene(doc, marks, tuple(mentions), roles)


def _persons_before(scene: Scene, pos: int) -> list[Span]:
    """PERSON names before ``pos`` (a token index), outside quotations, nearest first."""
    return [
        e
        for e in reversed(scene.doc.ents)
        if e.label_ == "PERSON" and e.end <= pos and not inside(e.start_char, scene.marks)
    ]


def _fullest(doc: Doc, name: Span) -> Span:
    """ "Patrushev" is best named by the nearest earlier "Nikolai Patrushev"."""
    last = name[-1].lower_
    fuller = [
        e for e in doc.ents if e.label_ == "PERSON" and len(e) > len(name) and e[-1].lower_ == last
    ]
    if not fuller and len(name) == 1:  # "Wang" for "Wang Yi": family name first
        fuller = [
            e for e in doc.ents if e.label_ == "PERSON" and len(e) == 2 and e[0].lower_ == last
        ]
    earlier = [e for e in fuller if e.start < name.start]
    return (earlier[-1] if earlier else fuller[0]) if fuller else name


def _named(src: Span) -> Span | None:
    """The name inside a source phrase: the one its head is part of, else a
    person named in apposition ("Scott's niece, Del. Marcia Price")."""
    ents = [e for e in src.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    for e in ents:
        if e.start <= src.root.i < e.end:
            return e
    persons = [
        e
        for e in ents
        if e.label_ == "PERSON" and e.root.dep_ != "poss" and e.root.head.lower_ != "of"
    ]
    if persons:
        return persons[0]
    if src.root.pos_ == "PROPN":  # a name the recogniser missed: its compound run
        names = [t for t in src if t.pos_ == "PROPN" and t.head.i in (src.root.i, t.i)]
        start = min([src.root.i] + [t.i for t in names if t.i < src.root.i])
        return src.doc[start : src.root.i + 1]
    return None


@dataclass(frozen=True)
class Said:
    """An attribution already resolved: where its cue is, who its speaker is."""

    cue: int  # token index
    speaker: Span


def _as_subject(name: Span) -> bool:
    """A sentence's subject, or a name in apposition to it ("Her counterpart,
    Piet Ravensar, was less effusive")."""
    root = name.root
    subject = ("nsubj", "nsubjpass")
    return root.dep_ in subject or (root.dep_ == "appos" and root.head.dep_ in subject)


def _last_said(said: list[Said], pos: int) -> Said | None:
    """The last attribution to a named person with its cue before token ``pos``."""
    return next((s for s in reversed(said) if s.cue < pos and s.speaker.label_ == "PERSON"), None)


def _antecedent(scene: Scene, src: Span, said: list[Said]) -> Span | None:
    """ "he"/"she": the last speaker, unless a person became the subject of a
    sentence since; else the nearest person in subject position, else nearest."""
    persons = _persons_before(scene, src.start)
    last = _last_said(said, src.start)
    subjects = [e for e in persons if _as_subject(e)]
    if last is not None:
        since = [
            e for e in subjects if e.start > last.cue and e[-1].lower_ != last.speaker[-1].lower_
        ]
        return since[0] if since else last.speaker
    return (subjects or persons or [None])[0]


def _described(scene: Scene, src: Span) -> Span | None:
    """ "the Russian leader": the person ``resolve`` takes the description for
    (one resolver, so a quotation and a mention name the same person), by the
    name of theirs nearest before it."""
    held = [
        m for m in scene.people if m.rule == DESCRIPTION_RULE and m.start <= src.root.idx < m.end
    ]
    names = [
        m
        for m in scene.people
        if held and m.entity == held[0].entity and m.rule != DESCRIPTION_RULE
    ]
    if not names:
        return None
    before = [m for m in names if m.end <= src.start_char]
    found = before[-1] if before else names[0]
    return scene.doc.char_span(found.start, found.end, alignment_mode="expand")


def _roles_of(scene: Scene, name: Span) -> list[str]:
    """The roles the article states for the person ``name`` names."""
    keys = {m.entity for m in scene.people if m.entity and m.start <= name.start_char < m.end}
    return [role for key in sorted(keys) for role in scene.roles.get(key, ())]


def _referred(scene: Scene, src: Span, said: list[Said]) -> Span | None:
    """ "the official said": the last speaker, and nobody else; not when the
    description names a nationality that speaker's stated roles do not ("the
    Chinese leader" after "Russian President Vladimir Putin said")."""
    last = _last_said(said, src.start)
    if last is None:
        return None
    nations = [t.lower_ for t in src if t.ent_type_ in ("NORP", "GPE")]
    return last.speaker if nations_fit(nations, _roles_of(scene, last.speaker)) else None


def _refers_back(src: Span) -> bool:
    """ "the official", "the veteran diplomat": one person, named before, whose
    description fits anyone titled (not "an official", not "officials")."""
    root = src.root
    return src[0].lower_ == "the" and root.lemma_.lower() in VAGUE_HEADS and root.tag_ == "NN"


def _named_next(doc: Doc, src: Span) -> Span | None:
    """A lead that describes before it names ("The secretary of Russia's
    Security Council told ... . Nikolai Patrushev, a close ally of ..., also
    told ..."): the person who is the subject of the next sentence, when the
    description is a role ("secretary", "minister") that names nobody met before."""
    if src.root.lemma_.lower() not in ROLE_WORDS:
        return None
    following = [sent for sent in doc.sents if sent.start >= src.sent.end][:1]
    for sent in following:
        for ent in sent.ents:
            if ent.label_ == "PERSON" and ent.root.dep_ == "nsubj":
                return ent
    return None


def name_speaker(scene: Scene, src: Span, said: list[Said]) -> Span:
    """The naming span for the source ``src`` as written, or ``src`` itself;
    ``said`` holds the attributions resolved before it."""
    doc, root = scene.doc, src.root
    named = _named(src)
    if named is not None:
        return _fullest(doc, named) if named.label_ == "PERSON" or len(named) == 1 else named
    if root.lower_ in PERSONAL_PRONOUNS:
        found = _antecedent(scene, src, said)
    elif root.pos_ == "NOUN":
        found = (
            _described(scene, src)
            or (_referred(scene, src, said) if _refers_back(src) else None)
            or _named_next(doc, src)
        )
    else:
        found = None
    return src if found is None else _fullest(doc, found)
