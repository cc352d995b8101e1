"""Analysis records in the store: rows in, records out, one function per table."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Sequence

from sqlalchemy import Table, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ..model import Analysis, Entity, Event, Mention, Quote, Role, Timex
from .schema import (
    aliases,
    analyses,
    entities,
    entity_redirects,
    event_participants,
    events,
    mentions,
    quotes,
    roles,
    timexes,
)

# Span records stored field for field; their order in each table is ``seq``.
SPAN_TABLES = (
    (mentions, Mention, "mentions"),
    (timexes, Timex, "timexes"),
    (quotes, Quote, "quotes"),
)


def insert_ignore(connection: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows, leaving any whose key is already stored as it is."""
    if not rows:
        return
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(connection.dialect.name)
    if dialect is None:
        raise NotImplementedError(f"no insert-or-ignore for {connection.dialect.name}")
    connection.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def save_entities(connection: Connection, found: list[Entity]) -> None:
    """New entities, and for known ones their current name, new aliases and roles."""
    rows = [dict(id=e.id, name=e.name, label=e.label) for e in found]
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


MERGE_RULE = "canon.absorbed.v1"


def record_redirects(connection: Connection, moved: dict[str, str], now: datetime) -> None:
    """Each absorbed entity (old id -> the id that absorbed it) becomes a
    redirect; redirects that pointed at an absorbed id now point past it.
    Nothing that refers to the old id is rewritten: reads resolve it."""
    for old, new in sorted(moved.items()):
        if old == new:
            continue
        connection.execute(
            update(entity_redirects).where(entity_redirects.c.new == old).values(new=new)
        )
        insert_ignore(
            connection, entity_redirects, [dict(old=old, new=new, rule=MERGE_RULE, at=now)]
        )


def redirects(connection: Connection, ids=None) -> dict[str, str]:
    """old id -> id now, for ``ids`` (every redirect when None)."""
    query = select(entity_redirects.c.old, entity_redirects.c.new)
    if ids is not None:
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        found: dict[str, str] = {}
        for i in range(0, len(wanted), 500):
            found.update(
                connection.execute(
                    query.where(entity_redirects.c.old.in_(wanted[i : i + 500]))
                ).all()
            )
        return found
    return dict(connection.execute(query).all())


def _resolved(analysis: Analysis, moved: dict[str, str]) -> Analysis:
    """The analysis with every entity id as it is now."""
    if not moved:
        return analysis

    def now(entity: str | None) -> str | None:
        return moved.get(entity, entity) if entity else entity

    return dataclasses.replace(
        analysis,
        mentions=tuple(dataclasses.replace(m, entity=now(m.entity)) for m in analysis.mentions),
        quotes=tuple(
            dataclasses.replace(q, speaker=now(q.speaker), addressee=now(q.addressee))
            for q in analysis.quotes
        ),
        events=tuple(
            dataclasses.replace(
                e, participants=tuple(dict.fromkeys(now(p) for p in e.participants))
            )
            for e in analysis.events
        ),
    )


def save_analysis(connection: Connection, analysis: Analysis, now: datetime) -> None:
    key = analysis.article_id
    connection.execute(insert(analyses).values(article_id=key, analysed_at=now))
    for table, _, name in SPAN_TABLES:
        rows = [
            dict(article_id=key, seq=i, **dataclasses.asdict(item))
            for i, item in enumerate(getattr(analysis, name))
        ]
        if rows:
            connection.execute(insert(table), rows)
    rows = [
        dict(
            article_id=key,
            seq=i,
            **{**dataclasses.asdict(e), "participants": json.dumps(list(e.participants))},
        )
        for i, e in enumerate(analysis.events)
    ]
    if rows:
        connection.execute(insert(events), rows)
    rows = [
        dict(article_id=key, seq=i, entity=p)
        for i, e in enumerate(analysis.events)
        for p in dict.fromkeys(e.participants)
        if p
    ]
    if rows:
        connection.execute(insert(event_participants), rows)


def load_analysis(connection: Connection, article_id: str) -> Analysis | None:
    if (
        connection.execute(
            select(analyses.c.article_id).where(analyses.c.article_id == article_id)
        ).first()
        is None
    ):
        return None
    found = {
        name: tuple(_records(connection, table, record, article_id))
        for table, record, name in SPAN_TABLES
    }
    event_rows = _rows(connection, events, article_id)
    found["events"] = tuple(
        Event(**{**row, "participants": tuple(json.loads(row["participants"]))})
        for row in event_rows
    )
    analysis = Analysis(article_id=article_id, **found)
    ids = (
        {m.entity for m in analysis.mentions}
        | {q.speaker for q in analysis.quotes}
        | {q.addressee for q in analysis.quotes}
        | {p for e in analysis.events for p in e.participants}
    )
    return _resolved(analysis, redirects(connection, ids))


def _rows(connection: Connection, table: Table, article_id: str) -> list[dict]:
    query = select(table).where(table.c.article_id == article_id).order_by(table.c.seq)
    return [
        {k: v for k, v in row.items() if k not in ("article_id", "seq")}
        for row in connection.execute(query).mappings()
    ]


def _records(connection: Connection, table: Table, record: type, article_id: str) -> list:
    return [record(**row) for row in _rows(connection, table, article_id)]


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
