"""Canonical entities across articles: stable ids, merged names and roles."""

from __future__ import annotations

import hashlib

import dataclasses
from collections import defaultdict

from ..model import Entity, Mention, name_key
from .resolve import label_family

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


def _role_keys(entity: Entity) -> set[str]:
    return {name_key(r.title) for r in entity.roles}


class EntityIndex:
    """Canonical entities across articles, built incrementally.

    ``add`` takes one article's entities (from ``resolve_article``) and returns
    their local keys mapped to canonical ids. Rules (``canon.v1``):

    - same label family and a shared full name or alias (case, accents and
      hyphens aside) are one entity;
    - a one-word person ("Putin") joins the one known person whose full name
      has that word; with none or several it stays a one-word entity, which a
      later full name absorbs when it is the only holder;
    - two full names with the same surname are one person only when the given
      names are spelling variants *and* the two share a stated role ("Russian
      Foreign Minister Sergey/Sergei Lavrov"); otherwise they stay apart.

    Ids are ``entity_id(label, first full name)`` and never change; an absorbed
    one-word entity's id redirects to the absorbing one (``get``). ``records()``
    and ``from_records`` round-trip through plain ``Entity`` records.
    """

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._redirects: dict[str, str] = {}
        self._absorbed: dict[str, str] = {}  # since the last take_absorbed()
        # Lookups that keep each add independent of the index's size; every
        # candidate set is resolved in insertion order (``_order``), as a scan
        # over the entities would.
        self._order: dict[str, int] = {}
        self._by_name: dict[tuple[str, str], set[str]] = defaultdict(set)  # (family, name key)
        self._by_surname: dict[tuple[str, str], set[str]] = defaultdict(set)  # full names only
        self._holders: dict[str, set[str]] = defaultdict(set)  # word -> full-named people
        self._one_word: dict[str, set[str]] = defaultdict(set)  # word -> one-word people

    @classmethod
    def from_records(cls, records, redirects: dict[str, str] | None = None) -> "EntityIndex":
        """The index of stored entities; ``redirects`` (absorbed id -> id now,
        as the store keeps them) resolve ids that analyses stored earlier."""
        index = cls()
        for e in records:
            index._put(e)
        index._redirects.update(redirects or {})
        for e in records:
            for alias in (e.name, *e.aliases):
                old = entity_id(e.label, alias)
                if old != e.id and old not in index._entities:
                    index._redirects[old] = e.id
        return index

    def records(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: e.id)

    def take_absorbed(self) -> dict[str, str]:
        """Entities absorbed into another since the last call, old id -> id now
        ("Putin" stored first, "Vladimir Putin" met later): what a store must
        re-point. The map is emptied."""
        found = {old: self.get(old).id for old in self._absorbed if self.get(old) is not None}
        self._absorbed = {}
        return found

    def get(self, entity_id_: str) -> Entity | None:
        while entity_id_ in self._redirects:
            entity_id_ = self._redirects[entity_id_]
        return self._entities.get(entity_id_)

    def add(self, entities: list[Entity]) -> dict[str, str]:
        """Merge one article's entities; returns local key -> canonical id."""
        ordered = sorted(entities, key=lambda e: -len(_tokens(e.name)))  # full names first
        return {e.id: self._add_one(e) for e in ordered}

    def relink(self, mentions: list[Mention], mapping: dict[str, str]) -> list[Mention]:
        """Mentions with local keys replaced by canonical ids."""
        return [dataclasses.replace(m, entity=mapping.get(m.entity, m.entity)) for m in mentions]

    def _add_one(self, e: Entity) -> str:
        found = self._match(e)
        if found is None:
            found = entity_id(e.label, e.name)
            while found in self._redirects:
                found = self._redirects[found]
        self._merge(found, e)
        if e.label == "PERSON" and len(_tokens(self._entities[found].name)) > 1:
            self._absorb_one_word(found)
        return found

    def _first(self, ids) -> str | None:
        return min(ids, key=self._order.__getitem__, default=None)

    def _match(self, e: Entity) -> str | None:
        family = label_family(e.label)
        names = {name_key(n) for n in (e.name, *e.aliases)}
        if e.label != "PERSON":
            return self._first(set().union(*(self._by_name[(family, n)] for n in names)))
        full = {n for n in names if len(n.split()) > 1}
        if not full:
            holders = self._holders[name_key(e.name)]
            return next(iter(holders)) if len(holders) == 1 else None
        found = self._first(set().union(*(self._by_name[(family, n)] for n in full)))
        return found if found is not None else self._variant_match(e, full)

    def _variant_match(self, e: Entity, full: set[str]) -> str | None:
        roles = _role_keys(e)
        family = label_family(e.label)
        candidates = set().union(*(self._by_surname[(family, n.split()[-1])] for n in full))
        for key in sorted(candidates, key=self._order.__getitem__):
            k = self._entities[key]
            if not roles & _role_keys(k):
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
        old = self._entities.get(key)
        if old is None:
            self._put(Entity(key, e.name, e.label, tuple(dict.fromkeys(e.aliases)), e.roles))
            return
        names = [n for n in (*old.aliases, e.name, *e.aliases) if n != old.name]
        roles = tuple(dict.fromkeys((*old.roles, *e.roles)))
        self._put(Entity(key, old.name, old.label, tuple(dict.fromkeys(names)), roles))

    def _put(self, e: Entity) -> None:
        """Store ``e`` and index its names (they only grow: a name stays)."""
        self._entities[e.id] = e
        self._order.setdefault(e.id, len(self._order))
        family = label_family(e.label)
        for n in (e.name, *e.aliases):
            key = name_key(n)
            self._by_name[(family, key)].add(e.id)
            if len(key.split()) > 1:
                self._by_surname[(family, key.split()[-1])].add(e.id)
        if e.label == "PERSON":
            words = _tokens(e.name)
            for word in words if len(words) > 1 else ():
                self._holders[word].add(e.id)
            if len(words) == 1:
                self._one_word[words[0]].add(e.id)

    def _drop(self, e: Entity) -> None:
        del self._entities[e.id]
        family = label_family(e.label)
        for n in (e.name, *e.aliases):
            key = name_key(n)
            self._by_name[(family, key)].discard(e.id)
            if len(key.split()) > 1:
                self._by_surname[(family, key.split()[-1])].discard(e.id)
        for word in _tokens(e.name):
            self._holders[word].discard(e.id)
            self._one_word[word].discard(e.id)

    def _absorb_one_word(self, key: str) -> None:
        """A one-word person whose word only this full name holds joins it."""
        ones = {
            one
            for word in _tokens(self._entities[key].name)
            if self._holders[word] == {key}
            for one in self._one_word[word]
        }
        for one_id in sorted(ones, key=self._order.__getitem__):
            one = self._entities[one_id]
            self._drop(one)
            self._redirects[one.id] = key
            self._absorbed[one.id] = key
            self._merge(key, Entity(key, one.name, "PERSON", one.aliases, one.roles))
