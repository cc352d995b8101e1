"""Articles, their sources and versions, metadata provenance, removed blocks, offsets.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column(
        "article_id",
        sa.String(16),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("locator", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        *[sa.Column(name, sa.Text) for name in ("outlet", "title", "byline", "dateline")],
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(8)),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column(
            "article_id",
            sa.String(16),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source_id", "version"),
    )
    op.create_table(
        "fields",
        _article_fk(),
        sa.Column("name", sa.String(16), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("evidence", sa.Text),
    )
    op.create_table(
        "removed",
        _article_fk(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
    )
    op.create_table(
        "segments",
        _article_fk(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("clean_start", sa.Integer, nullable=False),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("segments", "removed", "fields", "versions", "articles", "sources"):
        op.drop_table(table)
