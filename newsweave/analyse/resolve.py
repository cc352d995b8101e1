"""Resolution: one article's mentions grouped into its entities, with roles.

The rules are named in the comment below; ``canon`` then makes the article's
entities canonical across articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
import dataclasses
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc

from ..model import Entity, Mention, Role, label_family, name_key
from .ner.lexicon import DETERMINERS, POSSESSIVES, ROLE_WORDS

# =============================================================== resolution
#
# ``resolve_article`` groups one article's mentions into local entities; roles
# are read where the article states them next to a name:
#
# - ``role.before.v1``: a title written before the name ("Russian President
#   Vladimir Putin", "China's top diplomat Wang Yi");
# - ``role.apposition.v1``: a description set off by commas after the name
#   ("Nikolai Patrushev, the secretary of the Russian Security Council,"; "Wang,
#   who is also a Politburo member and director of ..."), or before it
#   ("China's top diplomat, Wang Yi");
# - ``description.v2``: a description standing alone ("the Russian leader", "the
#   mayor") is a mention of the one person in the article whose stated role fits
#   it: a head of ``DESCRIPTION_HEADS`` fits the roles listed for it, any other
#   role word (``ROLE_WORDS``) a role with that word (v1: the eight heads only).

ROLE_MODIFIERS = frozenset(
    """
top paramount foreign former deputy vice acting first supreme senior chief defence
defense interior finance national security presidential general prime executive
""".split()
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "'s", "’s", "-"})
DESCRIPTION_HEADS = {
    "president": {"president", "head of state"},
    "leader": {"president", "leader", "premier", "prime minister", "chancellor", "king"},
    "head of state": {"president", "head of state", "king", "queen"},
    "diplomat": {"diplomat", "foreign minister"},
    "foreign minister": {"foreign minister", "diplomat"},
    "premier": {"premier", "prime minister"},
    "prime minister": {"premier", "prime minister"},
    "chancellor": {"chancellor"},
}
RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})
DESCRIPTION_RULE = "description.v2"


def nation_key(word: str) -> str:
    """ "Russian", "Russia's" and "Russia" share a key: the first four letters
    of the name key (the one nationality key of the analysis)."""
    return name_key(word)[:4]


def nations_fit(words: Iterable[str], roles: Iterable[str]) -> bool:
    """Every nationality among a description's ``words`` ("chinese", "russia")
    is one the person's stated ``roles`` name: "the Chinese leader" is not
    "Russian President Vladimir Putin". Role modifiers ("top") are no nationality."""
    nations = {nation_key(w) for w in words if w[:1].isalpha() and w not in ROLE_MODIFIERS}
    named = {nation_key(w) for w in re.findall(r"\w+", " ".join(roles).lower())}
    return nations <= named


@dataclass
class _Local:
    """One entity of one article while it is being built."""

    key: str
    label: str
    names: list[str]
    roles: list[str]
    last_mention: int = -1

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def resolve_article(
    doc: Doc, mentions: list[Mention], *, article_id: str, published: str | None = None
) -> tuple[list[Mention], list[Entity]]:
    """Mentions with ``entity`` set to a local key, and the article's entities.

    Descriptions that resolve ("the Russian leader") are added as PERSON
    mentions; the keys are ``{article_id}#{n}``, to be replaced by canonical
    ids in ``EntityIndex.add``.
    """
    locals_: list[_Local] = []
    keyed: list[tuple[Mention, _Local | None]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        local = _local_for(m, locals_, article_id) if m.label in RESOLVED_LABELS else None
        if local is not None:
            local.last_mention = m.start
            if m.text not in local.names:
                local.names.append(m.text)
        keyed.append((m, local))
    people = [(m, l) for m, l in keyed if l is not None and l.label == "PERSON"]
    for m, local in people:
        for role in _stated_roles(doc, m):
            if role not in local.roles:
                local.roles.append(role)
    keyed.extend(_descriptions(doc, keyed, [l for l in locals_ if l.label == "PERSON"]))
    out = [
        dataclasses.replace(m, entity=l.key if l else None)
        for m, l in sorted(keyed, key=lambda p: p[0].start)
    ]
    entities = [
        Entity(
            l.key,
            l.name,
            l.label,
            tuple(n for n in l.names if n != l.name),
            tuple(Role(r, article_id, published) for r in l.roles),
        )
        for l in locals_
    ]
    return out, entities


def _local_for(m: Mention, locals_: list[_Local], article_id: str) -> _Local:
    key = name_key(m.text)
    family = label_family(m.label)
    same = [l for l in locals_ if label_family(l.label) == family]
    for local in same:
        if key in {name_key(n) for n in local.names}:
            return local
    if m.label == "PERSON" and len(key.split()) == 1:
        # "Xi" after "Xi Jinping", "Putin" after "Vladimir Putin": the latest
        # person whose full name has this word
        holders = [l for l in same if any(key in name_key(n).split() for n in l.names)]
        if holders:
            return max(holders, key=lambda l: l.last_mention)
    if m.label == "PERSON" and len(key.split()) > 1:
        # "Xi Jinping" after "Xi": a one-word entity takes the full name
        for local in same:
            if (
                all(len(name_key(n).split()) == 1 for n in local.names)
                and name_key(local.names[0]) in key.split()
            ):
                return local
    local = _Local(f"{article_id}#{len(locals_)}", m.label, [], [])
    locals_.append(local)
    return local


# --------------------------------------------------------------- roles


def _stated_roles(doc: Doc, m: Mention) -> list[str]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    roles = [_role_before(doc, span.start)]
    if span.start >= 2 and doc[span.start - 1].text == ",":
        roles.append(_role_before(doc, span.start - 1))
    roles.extend(_roles_after(doc, span.end))
    return [r for r in roles if r]


def _role_word(tok) -> bool:
    return tok.lower_ in ROLE_WORDS or tok.lower_ in ROLE_MODIFIERS


def _role_before(doc: Doc, end: int) -> str | None:
    """``role.before.v1``: the title words directly before a name."""
    start = end
    while start > 0 and end - start < 12:
        tok = doc[start - 1]
        if (
            "\n" in tok.whitespace_
            or tok.is_space
            or tok.ent_type_ == "PERSON"
            or tok.pos_ in ("PRON", "VERB", "AUX", "NUM")
            and not _role_word(tok)
        ):
            break
        if not (tok.is_title or tok.is_upper or _role_word(tok) or tok.lower_ in _CONNECTORS):
            break
        start -= 1
    while start < end and (doc[start].lower_ in _CONNECTORS or doc[start].is_punct):
        start += 1
    words = doc[start:end]
    if not any(t.lower_ in ROLE_WORDS for t in words):
        return None
    return words.text


def _roles_after(doc: Doc, start: int) -> list[str]:
    """``role.apposition.v1``: ", the secretary of ...," after a name; several
    joined by "and" are several roles."""
    if start >= len(doc) or doc[start].text != ",":
        return []
    i = start + 1
    while i < len(doc) and doc[i].lower_ in ("who", "is", "was", "also", "now"):
        i += 1
    end = i
    while end < len(doc) and end - i < 25:
        tok = doc[end]
        if (
            tok.text in (",", ".", ";", ")", "(", ":")
            or tok.is_space
            or tok.pos_ in ("VERB", "AUX")
        ):
            break
        end += 1
        if "\n" in tok.whitespace_:
            break
    roles, part = [], []
    for tok in [*doc[i:end], None]:
        if tok is None or (tok.lower_ == "and" and part):
            role = _appositive_role(part)
            if role:
                roles.append(role)
            part = []
        else:
            part.append(tok)
    return roles


def _appositive_role(tokens: list) -> str | None:
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    if not tokens or not any(t.lower_ in ROLE_WORDS for t in tokens[:3]):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


# --------------------------------------------------------------- descriptions


def _descriptions(doc: Doc, keyed: list, persons: list[_Local]) -> list[tuple[Mention, _Local]]:
    """``description.v2``: "the Russian leader" is the article's one person
    whose stated role fits ("Russian President"); ties go to the person named
    most recently before it."""
    taken = {i for m, local in keyed if local is not None for i in range(m.start, m.end)}
    seen = defaultdict(list)
    for m, local in keyed:
        if local is not None:
            seen[local.key].append(m.start)
    found = []
    for start, end, head, words in _description_spans(doc):
        span = doc[start:end]
        if taken.intersection(range(span.start_char, span.end_char)):
            continue
        local = _best_holder(head, words, span.start_char, persons, seen)
        if local is not None:
            found.append(
                (
                    Mention(
                        span.start_char, span.end_char, span.text, "PERSON", rule=DESCRIPTION_RULE
                    ),
                    local,
                )
            )
    return found


def _description_spans(doc: Doc):
    """(start, end, head, description words) of lower-case role phrases with a
    determiner or a nationality ("the paramount leader", "Russian president")."""
    for tok in doc:
        head, end = _description_head(doc, tok.i)
        if head is None:
            continue
        start, words, nation = tok.i, [], False
        while start > 0:
            prev = doc[start - 1]
            if prev.lower_ in ROLE_MODIFIERS or prev.ent_type_ in ("NORP", "GPE"):
                nation = nation or prev.ent_type_ in ("NORP", "GPE")
            elif prev.text in POSSESSIVES and start > 1 and doc[start - 2].ent_type_ == "GPE":
                pass
            else:
                break
            words.append(prev.lower_)
            start -= 1
        det = start > 0 and doc[start - 1].lower_ == "the"
        nxt = doc[end] if end < len(doc) else None
        if (det or nation) and not (nxt is not None and nxt.ent_type_ == "PERSON"):
            yield (start - 1 if det else start), end, head, words


def _description_head(doc: Doc, i: int) -> tuple[str | None, int]:
    tok = doc[i]
    if tok.text != tok.lower_:
        return None, i
    if tok.lower_ == "head" and doc[i + 1 : i + 3].text.lower() == "of state":
        return "head of state", i + 3
    if tok.lower_ == "minister" and i > 0 and doc[i - 1].lower_ == "foreign":
        return "foreign minister", i + 1
    if tok.lower_ in DESCRIPTION_HEADS or _role_noun(tok):
        return tok.lower_, i + 1
    return None, i


def _role_noun(tok) -> bool:
    """Any other role word that ends its phrase, singular: "the senator", "the
    mayor"; not "the general election", "the senators", "the head-of-household
    status" nor "the secretary of the Security Council" (a description cut at its
    head would name any secretary)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.lower_ in ROLE_WORDS
        and tok.tag_ == "NN"
        and tok.dep_ not in ("compound", "amod")
        and not (nxt is not None and nxt.lower_ in ("of", "for"))
        and not (nxt is not None and nxt.text == "-" and not tok.whitespace_)
    )


def _best_holder(
    head: str, words: list[str], at: int, persons: list[_Local], seen: dict
) -> _Local | None:
    best, best_rank = None, None
    for local in persons:
        text = " ".join(local.roles).lower()
        if not local.roles or not any(
            re.search(rf"\b{h}\b", text) for h in DESCRIPTION_HEADS.get(head, {head})
        ):
            continue
        if not nations_fit(words, local.roles):
            continue
        before = [s for s in seen[local.key] if s < at]
        rank = (sum(w in text.split() for w in [head, *words]), max(before, default=-1))
        if best_rank is None or rank > best_rank:
            best, best_rank = local, rank
    return best
