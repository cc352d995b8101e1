"""Links: candidate-search keys, derivations and their aligned sentences.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _article_ref(name: str) -> sa.Column:
    return sa.Column(
        name, sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


def upgrade() -> None:
    op.create_table(
        "link_keys", sa.Column("key", sa.BigInteger, primary_key=True), _article_ref("article_id")
    )
    op.create_table(
        "derivations",
        _article_ref("article_id"),
        _article_ref("source_id"),
        sa.Column("share", sa.Float, nullable=False),
        sa.Column("direction", sa.String(16), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_index("ix_derivations_source", "derivations", ["source_id"])
    op.create_table(
        "aligned_sentences",
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("source_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("score", sa.Float, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "source_id"],
            ["derivations.article_id", "derivations.source_id"],
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    for table in ("aligned_sentences", "derivations", "link_keys"):
        op.drop_table(table)
