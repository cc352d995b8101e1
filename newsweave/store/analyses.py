"""Analysis records in the store: rows in, records out, one function per table."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Iterable

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from ..model import Analysis, Event, Mention, Quote, Timex
from .entities import redirects
from .sql import by_article, chunked
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
    return load_analyses(connection, [article_id]).get(article_id)


def load_analyses(connection: Connection, ids: Iterable[str]) -> dict[str, Analysis]:
    """The stored analysis of each of ``ids`` that has one, with every entity
    id as it is now; a few queries per ``sql.CHUNK`` ids, not per article."""
    found: dict[str, Analysis] = {}
    for part in chunked(sorted(set(ids))):
        query = select(analyses.c.article_id).where(analyses.c.article_id.in_(part))
        present = list(connection.execute(query).scalars())
        if not present:
            continue
        spans = {
            name: by_article(connection, table, present, record)
            for table, record, name in SPAN_TABLES
        }
        event_rows = by_article(connection, events, present, dict)
        for article_id in present:
            records = {name: tuple(spans[name].get(article_id, ())) for name in spans}
            records["events"] = tuple(
                Event(**{**row, "participants": tuple(json.loads(row["participants"]))})
                for row in event_rows.get(article_id, ())
            )
            found[article_id] = Analysis(article_id=article_id, **records)
    named = {
        name
        for analysis in found.values()
        for name in (
            {m.entity for m in analysis.mentions}
            | {q.speaker for q in analysis.quotes}
            | {q.addressee for q in analysis.quotes}
            | {p for e in analysis.events for p in e.participants}
        )
    }
    moved = redirects(connection, named)
    return {article_id: _resolved(analysis, moved) for article_id, analysis in found.items()}
