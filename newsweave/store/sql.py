"""Statements both dialects share."""

from __future__ import annotations

from typing import Iterator, Sequence

from sqlalchemy import Table
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
