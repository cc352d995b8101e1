"""The store's tables, one definition for SQLite and PostgreSQL.

Migrations under ``migrations/versions`` create and change these tables; this
module is what queries are written against. A change here needs a migration.
"""

from __future__ import annotations

from sqlalchemy import (Column, DateTime, ForeignKey, Integer, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    Column("locator", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(16), primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("url", Text),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("byline", Text),
    Column("dateline", Text),
    Column("published", String(10), index=True),
    Column("language", String(8)),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_id", "version"),
)

fields = Table(
    "fields", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("name", String(16), primary_key=True),
    Column("value", Text, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("line", Integer),
    Column("evidence", Text),
)

removed = Table(
    "removed", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("reason", String(64), nullable=False),
)

segments = Table(
    "segments", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("clean_start", Integer, nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("length", Integer, nullable=False),
)
