"""Statements both dialects share."""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterator, Sequence

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


CHUNK = 500  # values per IN (...) list, well under every engine's parameter limit


def chunked(values: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    """``values`` in consecutive slices of at most ``size``."""
    return (values[i : i + size] for i in range(0, len(values), size))


def insert_ignore(connection: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows, leaving any whose key is already stored as it is."""
    if not rows:
        return
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(connection.dialect.name)
    if dialect is None:
        raise NotImplementedError(f"no insert-or-ignore for {connection.dialect.name}")
    connection.execute(dialect.insert(table).on_conflict_do_nothing(), rows)


def by_article(
    connection: Connection, table: Table, ids: Sequence[str], record: Callable
) -> dict[str, list]:
    """``record(...)`` of each row of ``table`` of ``ids``, by article, in
    ``seq`` order. A dataclass record is built from its columns in field
    order (twice as fast as from a mapping); any other from the row's
    columns by name."""
    positional = dataclasses.is_dataclass(record)
    names = (
        [f.name for f in dataclasses.fields(record)]
        if positional
        else [c.name for c in table.columns if c.name not in ("article_id", "seq")]
    )
    query = (
        select(table.c.article_id, *(table.c[name] for name in names))
        .where(table.c.article_id.in_(list(ids)))
        .order_by(table.c.article_id, table.c.seq)
    )
    found: dict[str, list] = {}
    for article_id, *values in connection.execute(query):
        made = record(*values) if positional else record(zip(names, values))
        found.setdefault(article_id, []).append(made)
    return found
