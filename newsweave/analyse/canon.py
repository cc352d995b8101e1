"""Canonical entities across articles: stable ids, merged names and roles."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Iterable, Protocol, Sequence

from ..model import (
    Analysis,
    Article,
    Entity,
    LocalAnalysis,
    Mention,
    Skipped,
    StoredEntity,
    entity_keys,
    label_family,
    name_key,
)

# =============================================================== across articles


MAX_ID = 64  # the store's id columns hold 64 characters (PostgreSQL enforces it)


def entity_id(label: str, name: str) -> str:
    """A stable id from a label family and a name: ``person:vladimir-putin``.
    A longer one keeps its first characters and ends in a hash of the whole
    ("org:communist-party-s-office-...-4f1c2a9e")."""
    found = f"{label_family(label)}:{name_key(name).replace(' ', '-')}"
    if len(found) <= MAX_ID:
        return found
    digest = hashlib.sha1(found.encode("utf-8")).hexdigest()[:8]
    return f"{found[: MAX_ID - len(digest) - 1]}-{digest}"


def _tokens(name: str) -> list[str]:
    return name_key(name).split()


def _spelling_variant(a: str, b: str) -> bool:
    """ "Sergey"/"Sergei": one transliteration apart (same first letter, one
    edit). Different given names ("Sergei"/"Sergo" aside) are not variants."""
    if a == b:
        return True
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 1


def _role_keys(roles) -> set[str]:
    return {name_key(r.title) for r in roles}


Key = tuple[str, str]  # (kind, key), as ``model.entity_keys`` makes them


class EntitySource(Protocol):
    """Where an index finds the entities it does not hold (the ``Store``)."""

    def entity_key_ids(self, keys: Iterable[Key]) -> dict[Key, set[str]]: ...

    def stored_entities(self, ids: Iterable[str]) -> list[StoredEntity]: ...

    def entity_redirects(self, ids: Iterable[str] | None = None) -> dict[str, str]: ...

    def next_entity_seq(self) -> int: ...


class EntityIndex:
    """Canonical entities across articles, built incrementally.

    ``add`` takes one article's entities (from ``resolve_article``) and returns
    their local keys mapped to canonical ids. Rules (``canon.v2``):

    - same label family and a shared full name or alias (case, accents and
      hyphens aside) are one entity;
    - a one-word person ("Putin") joins the one known person whose full name
      has that word; with none or several it stays a one-word entity, which a
      later full name absorbs when it is the only holder;
    - two full names with the same surname are one person only when the given
      names are spelling variants *and* the two share a stated role ("Russian
      Foreign Minister Sergey/Sergei Lavrov"); otherwise they stay apart;
    - where several entities fit, the one met first wins.

    Ids are ``entity_id(label, first full name)`` and never change; an absorbed
    one-word entity's id redirects to the absorbing one (``get``).

    With a ``source`` (the store) the index holds only what the current batch
    needs: it looks entities up by their keys (``model.entity_keys``) and drops
    them in ``forget`` once the store holds the batch, so memory does not grow
    with the corpus. Without one it holds everything it is given
    (``from_records``). v1 also took an alias's id as a redirect when it
    reloaded a store, and ordered reloaded entities by name; a store now gives
    the same merges whether it was filled in one run or several.
    """

    def __init__(self, source: EntitySource | None = None) -> None:
        self._source = source
        self._reset()

    def _reset(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._titles: dict[str, set[str]] = {}  # id -> role title keys
        self._order: dict[str, int] = {}  # id -> place in the order entities were met
        self._keyed: dict[Key, set[str]] = {}  # (kind, key) -> ids, store's and added
        self._redirects: dict[str, str | None] = {}  # None: known not to redirect
        self._absorbed: dict[str, str] = {}  # since the last take_absorbed()
        self._next: int | None = None

    @classmethod
    def from_records(cls, records, redirects: dict[str, str] | None = None) -> "EntityIndex":
        """The index of ``records`` held in memory; ``redirects`` (absorbed id
        -> id now) resolve ids absorbed earlier."""
        index = cls()
        for e in records:
            index._put(e)
            index._titles[e.id] = _role_keys(e.roles)
        index._redirects.update(redirects or {})
        return index

    def records(self) -> list[Entity]:
        """The entities held (with a source, only those the batch needed)."""
        return sorted(self._entities.values(), key=lambda e: e.id)

    def forget(self) -> None:
        """Drop what was looked up and added, once the source holds it (after
        a commit); an index without a source keeps everything."""
        if self._source is not None:
            self._reset()

    def take_absorbed(self) -> dict[str, str]:
        """Entities absorbed into another since the last call, old id -> id now
        ("Putin" stored first, "Vladimir Putin" met later): what a store must
        re-point. The map is emptied."""
        found = {old: self.get(old).id for old in self._absorbed if self.get(old) is not None}
        self._absorbed = {}
        return found

    def seq(self, entity_id_: str) -> int:
        """An entity's place in the order entities were met (held ones only)."""
        return self._order[entity_id_]

    def get(self, entity_id_: str) -> Entity | None:
        return self._entity(self._resolve(entity_id_))

    def add(self, entities: list[Entity]) -> dict[str, str]:
        """Merge one article's entities; returns local key -> canonical id."""
        self.prefetch(entities)
        ordered = sorted(entities, key=lambda e: -len(_tokens(e.name)))  # full names first
        return {e.id: self._add_one(e) for e in ordered}

    def prefetch(self, entities: Iterable[Entity]) -> None:
        """Look up at once, in the source, the keys that merging ``entities``
        reads and the entities found under them (many articles' entities
        together: fewer round trips to the store)."""
        if self._source is None:
            return
        wanted = set()
        for e in entities:
            keys = entity_keys(e)
            wanted |= keys | {("holder", k) for kind, k in keys if kind == "one"}
            wanted |= {("one", k) for kind, k in keys if kind == "holder"}
        self._lookup(wanted)
        found = set()
        for key in wanted:
            ids = self._keyed[key]
            if key[0] != "holder" or len(ids) == 1:  # a holder set of several is only counted
                found |= ids
        self._load(found)

    def relink(self, mentions: list[Mention], mapping: dict[str, str]) -> list[Mention]:
        """Mentions with local keys replaced by canonical ids."""
        return [dataclasses.replace(m, entity=mapping.get(m.entity, m.entity)) for m in mentions]

    # ------------------------------------------------------------ lookups

    def _lookup(self, keys: Iterable[Key]) -> None:
        missing = [k for k in keys if k not in self._keyed]
        if not missing:
            return
        found = self._source.entity_key_ids(missing) if self._source is not None else {}
        for key in missing:
            self._keyed[key] = set(found.get(key, ()))

    def _ids(self, kind: str, key: str) -> set[str]:
        self._lookup([(kind, key)])
        return self._keyed[(kind, key)]

    def _load(self, ids: Iterable[str]) -> None:
        missing = sorted(i for i in ids if i not in self._entities)
        if missing and self._source is not None:
            for stored in self._source.stored_entities(missing):
                e = stored.entity
                self._entities[e.id] = e
                self._titles[e.id] = set(stored.titles)
                self._order[e.id] = stored.seq

    def _entity(self, entity_id_: str) -> Entity | None:
        self._load([entity_id_])
        return self._entities.get(entity_id_)

    def _resolve(self, entity_id_: str) -> str:
        """The id an id stands for now, through redirects."""
        while True:
            if entity_id_ not in self._redirects:
                found = self._source.entity_redirects([entity_id_]) if self._source else {}
                self._redirects[entity_id_] = found.get(entity_id_)
            if self._redirects[entity_id_] is None:
                return entity_id_
            entity_id_ = self._redirects[entity_id_]

    def _seq(self) -> int:
        if self._next is None:
            self._next = self._source.next_entity_seq() if self._source is not None else 0
        self._next += 1
        return self._next - 1

    # ------------------------------------------------------------ merging

    def _add_one(self, e: Entity) -> str:
        found = self._match(e)
        if found is None:
            found = self._resolve(entity_id(e.label, e.name))
        self._merge(found, e)
        if e.label == "PERSON" and len(_tokens(self._entities[found].name)) > 1:
            self._absorb_one_word(found)
        return found

    def _first(self, ids) -> str | None:
        self._load(ids)
        return min(ids, key=self._order.__getitem__, default=None)

    def _match(self, e: Entity) -> str | None:
        family = label_family(e.label)
        names = {name_key(n) for n in (e.name, *e.aliases)}
        if e.label != "PERSON":
            return self._first(set().union(*(self._ids("name", f"{family}:{n}") for n in names)))
        full = {n for n in names if len(n.split()) > 1}
        if not full:
            holders = self._ids("holder", name_key(e.name))
            return next(iter(holders)) if len(holders) == 1 else None
        found = self._first(set().union(*(self._ids("name", f"{family}:{n}") for n in full)))
        return found if found is not None else self._variant_match(e, full)

    def _variant_match(self, e: Entity, full: set[str]) -> str | None:
        roles = _role_keys(e.roles)
        family = label_family(e.label)
        candidates = set().union(*(self._ids("surname", f"{family}:{n.split()[-1]}") for n in full))
        if not roles or not candidates:
            return None
        self._load(candidates)
        for key in sorted(candidates, key=self._order.__getitem__):
            k = self._entities[key]
            if not roles & self._titles[key]:
                continue
            for mine in full:
                for theirs in (name_key(n) for n in (k.name, *k.aliases) if len(_tokens(n)) > 1):
                    a, b = mine.split(), theirs.split()
                    if (
                        len(a) == len(b)
                        and a[-1] == b[-1]
                        and all(_spelling_variant(x, y) for x, y in zip(a[:-1], b[:-1]))
                    ):
                        return k.id
        return None

    def _merge(self, key: str, e: Entity) -> None:
        """``e``'s names and roles join entity ``key`` (new if not known).
        A stored entity comes without its roles: the merged record carries
        only the roles met since it was looked up, all a store must add."""
        old = self._entity(key)
        self._titles.setdefault(key, set()).update(_role_keys(e.roles))
        if old is None:
            self._put(Entity(key, e.name, e.label, tuple(dict.fromkeys(e.aliases)), e.roles))
            return
        names = [n for n in (*old.aliases, e.name, *e.aliases) if n != old.name]
        roles = tuple(dict.fromkeys((*old.roles, *e.roles)))
        self._put(Entity(key, old.name, old.label, tuple(dict.fromkeys(names)), roles))

    def _put(self, e: Entity) -> None:
        """Hold ``e`` and index its keys (they only grow: a name stays)."""
        self._entities[e.id] = e
        if e.id not in self._order:
            self._order[e.id] = self._seq()
        keys = entity_keys(e)
        self._lookup(keys)
        for key in keys:
            self._keyed[key].add(e.id)

    def _drop(self, e: Entity) -> None:
        del self._entities[e.id]
        for key in entity_keys(e):
            self._ids(*key).discard(e.id)

    def _absorb_one_word(self, key: str) -> None:
        """A one-word person whose word only this full name holds joins it."""
        ones = {
            one
            for word in _tokens(self._entities[key].name)
            if self._ids("holder", word) == {key}
            for one in self._ids("one", word)
        }
        self._load(ones)
        for one_id in sorted(ones, key=self._order.__getitem__):
            one = self._entities[one_id]
            self._drop(one)
            self._redirects[one.id] = key
            self._absorbed[one.id] = key
            self._titles[key] |= self._titles.pop(one.id, set())
            self._merge(key, Entity(key, one.name, "PERSON", one.aliases, one.roles))


# =============================================================== one article's analysis


def canonicalise(local: LocalAnalysis, index: EntityIndex) -> tuple[Analysis, set[str]]:
    """``local`` with its entities merged into ``index``'s canonical ones and
    every entity key (mentions, speakers, addressees, participants) replaced
    by the canonical id; also the ids it names. Runs in one place, in input
    order: the index is the corpus's."""
    mapping = index.add(list(local.entities))

    def canonical(key: str | None) -> str | None:
        return mapping.get(key, key) if key is not None else None

    analysis = local.analysis
    return dataclasses.replace(
        analysis,
        mentions=tuple(index.relink(list(analysis.mentions), mapping)),
        quotes=tuple(
            dataclasses.replace(q, speaker=canonical(q.speaker), addressee=canonical(q.addressee))
            for q in analysis.quotes
        ),
        events=tuple(
            dataclasses.replace(
                e, participants=tuple(dict.fromkeys(map(canonical, e.participants)))
            )
            for e in analysis.events
        ),
    ), set(mapping.values())


def canonicalise_all(
    articles: Sequence[Article],
    locals_: Sequence[LocalAnalysis | Skipped],
    index: EntityIndex,
    *,
    failed: list[Skipped] | None = None,
) -> tuple[list[Analysis], list[Entity]]:
    """``canonicalise`` for each article's local analysis, in order; a
    ``Skipped`` gives an empty analysis and goes to ``failed``. Also the
    canonical entities they name as ``index`` now knows them."""
    analyses, named = [], set()
    index.prefetch(e for local in locals_ if not isinstance(local, Skipped) for e in local.entities)
    for article, local in zip(articles, locals_):
        if isinstance(local, Skipped):
            analysis, ids = Analysis(article.id), set()
            if failed is not None:
                failed.append(local)
        else:
            analysis, ids = canonicalise(local, index)
        analyses.append(analysis)
        named |= ids
    return analyses, [
        entity for entity_id in sorted(named) if (entity := index.get(entity_id)) is not None
    ]
