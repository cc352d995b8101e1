"""Analysis records in the store: rows in, records out, one function per table."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Connection

from ..model import Analysis, Event, Mention, Quote, Timex
from .entities import redirects
from .schema import (
    analyses,
    event_participants,
    events,
    mentions,
    quotes,
    timexes,
)

# Span records stored field for field; their order in each table is ``seq``.
SPAN_TABLES = (
    (mentions, Mention, "mentions"),
    (timexes, Timex, "timexes"),
    (quotes, Quote, "quotes"),
)


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
