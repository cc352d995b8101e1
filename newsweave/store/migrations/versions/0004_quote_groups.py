"""Quote groups: renderings of one quotation across articles, repeats, search keys.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _group_ref(name: str, **options) -> sa.Column:
    return sa.Column(
        name, sa.String(64), sa.ForeignKey("quote_groups.id", ondelete="CASCADE"), **options
    )


def upgrade() -> None:
    op.create_table(
        "quote_groups",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("speaker", sa.String(64)),
        sa.Column("occasion", sa.String(64)),
        sa.Column("earliest", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE")),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_index("ix_quote_groups_speaker", "quote_groups", ["speaker"])
    op.create_table(
        "quote_renderings",
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        _group_ref("group_id", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "seq"], ["quotes.article_id", "quotes.seq"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_quote_renderings_group_id", "quote_renderings", ["group_id"])
    op.create_table(
        "quote_repeats",
        _group_ref("group_id", primary_key=True),
        _group_ref("other_id", primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_table(
        "quote_keys",
        sa.Column("key", sa.BigInteger, primary_key=True),
        _group_ref("group_id", primary_key=True),
    )


def downgrade() -> None:
    for table in ("quote_keys", "quote_repeats", "quote_renderings", "quote_groups"):
        op.drop_table(table)
