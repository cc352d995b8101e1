"""Canonical entities in the store: saved with their lookup keys, merged as
redirects, and found by key (an index of entities looks them up here rather
than holding every one)."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Mapping, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ..model import Entity, Role, StoredEntity, entity_keys, name_key
from .schema import aliases, entities, entity_keys as keys_table, entity_redirects, roles
from .sql import chunked, insert_ignore


def save_entities(
    connection: Connection, found: list[Entity], seq: Mapping[str, int] | None = None
) -> None:
    """New entities, and for known ones their current name, new aliases and
    roles; each with its lookup keys. ``seq`` gives a new entity its place in
    the order entities were met; a stored one keeps its own."""
    seq = seq or {}
    rows = [dict(id=e.id, name=e.name, label=e.label, seq=seq.get(e.id)) for e in found]
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[connection.dialect.name]
    if rows:
        statement = dialect.insert(entities)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["id"],
                set_={"name": statement.excluded.name, "label": statement.excluded.label},
            ),
            rows,
        )
    insert_ignore(
        connection, aliases, [dict(entity_id=e.id, alias=a) for e in found for a in e.aliases]
    )
    insert_ignore(
        connection,
        roles,
        [
            dict(entity_id=e.id, title=r.title, article_id=r.article_id, date=r.date)
            for e in found
            for r in e.roles
        ],
    )
    insert_ignore(
        connection,
        keys_table,
        [dict(kind=k, key=v, entity_id=e.id) for e in found for k, v in sorted(entity_keys(e))],
    )


MERGE_RULE = "canon.absorbed.v1"


def record_redirects(connection: Connection, moved: dict[str, str], now: datetime) -> None:
    """Each absorbed entity (old id -> the id that absorbed it) becomes a
    redirect; redirects that pointed at an absorbed id now point past it. The
    absorbing entity gets the absorbed one's roles, and the absorbed one's
    lookup keys go. Nothing that refers to the old id is rewritten: reads
    resolve it."""
    for old, new in sorted(moved.items()):
        if old == new:
            continue
        connection.execute(
            update(entity_redirects).where(entity_redirects.c.new == old).values(new=new)
        )
        insert_ignore(
            connection, entity_redirects, [dict(old=old, new=new, rule=MERGE_RULE, at=now)]
        )
        carried = connection.execute(
            select(roles.c.title, roles.c.article_id, roles.c.date).where(roles.c.entity_id == old)
        ).all()
        insert_ignore(
            connection,
            roles,
            [dict(entity_id=new, title=t, article_id=a, date=d) for t, a, d in carried],
        )
        connection.execute(keys_table.delete().where(keys_table.c.entity_id == old))


def redirects(connection: Connection, ids=None) -> dict[str, str]:
    """old id -> id now, for ``ids`` (every redirect when None)."""
    query = select(entity_redirects.c.old, entity_redirects.c.new)
    if ids is None:
        return dict(connection.execute(query).all())
    found: dict[str, str] = {}
    for part in chunked(sorted({i for i in ids if i})):
        found.update(connection.execute(query.where(entity_redirects.c.old.in_(part))).all())
    return found


def key_ids(connection: Connection, wanted: Iterable[tuple[str, str]]) -> dict[tuple, set[str]]:
    """(kind, key) -> the current entities found by it, for each of ``wanted``
    that any entity has."""
    by_kind: dict[str, set[str]] = {}
    for kind, key in wanted:
        by_kind.setdefault(kind, set()).add(key)
    found: dict[tuple, set[str]] = {}
    for kind, keys in sorted(by_kind.items()):
        for part in chunked(sorted(keys)):
            query = select(keys_table.c.key, keys_table.c.entity_id).where(
                keys_table.c.kind == kind, keys_table.c.key.in_(part)
            )
            for key, entity_id in connection.execute(query):
                found.setdefault((kind, key), set()).add(entity_id)
    return found


def stored_entities(connection: Connection, ids: Iterable[str]) -> list[StoredEntity]:
    """The current entities among ``ids``, each with its aliases, the keys of
    its role titles and its place in the order met; without its roles."""
    found = []
    current = entities.c.id.not_in(select(entity_redirects.c.old))
    for part in chunked(sorted(set(ids))):
        names: dict[str, list[str]] = {}
        alias_query = select(aliases).where(aliases.c.entity_id.in_(part))
        for row in connection.execute(alias_query.order_by(aliases.c.alias)):
            names.setdefault(row.entity_id, []).append(row.alias)
        titles: dict[str, set[str]] = {}
        title_query = select(roles.c.entity_id, roles.c.title).where(roles.c.entity_id.in_(part))
        for entity_id, title in connection.execute(title_query.distinct()):
            titles.setdefault(entity_id, set()).add(name_key(title))
        query = select(entities).where(entities.c.id.in_(part), current)
        for row in connection.execute(query.order_by(entities.c.id)):
            entity = Entity(row.id, row.name, row.label, tuple(names.get(row.id, ())))
            found.append(StoredEntity(entity, frozenset(titles.get(row.id, ())), row.seq or 0))
    return found


def next_seq(connection: Connection) -> int:
    """The place in the order met of the next new entity."""
    highest = connection.execute(select(func.max(entities.c.seq))).scalar()
    return 0 if highest is None else highest + 1


def load_entities(connection: Connection, ids: Sequence[str] | None = None) -> list[Entity]:
    """The current entities (not merged into another), by name; only ``ids``
    when given."""
    alias_query = select(aliases).order_by(aliases.c.alias)
    role_query = select(roles).order_by(roles.c.date, roles.c.title)
    entity_query = (
        select(entities)
        .where(entities.c.id.not_in(select(entity_redirects.c.old)))
        .order_by(entities.c.name)
    )
    if ids is not None:
        wanted = sorted(set(ids))
        alias_query = alias_query.where(aliases.c.entity_id.in_(wanted))
        role_query = role_query.where(roles.c.entity_id.in_(wanted))
        entity_query = entity_query.where(entities.c.id.in_(wanted))
    names: dict[str, list[str]] = {}
    for row in connection.execute(alias_query):
        names.setdefault(row.entity_id, []).append(row.alias)
    titles: dict[str, list[Role]] = {}
    for row in connection.execute(role_query):
        titles.setdefault(row.entity_id, []).append(Role(row.title, row.article_id, row.date))
    return [
        Entity(
            id=row.id,
            name=row.name,
            label=row.label,
            aliases=tuple(names.get(row.id, ())),
            roles=tuple(titles.get(row.id, ())),
        )
        for row in connection.execute(entity_query)
    ]
