"""Event groups: one record per real-world event, its reports, search keys.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _group_ref(name: str, **options) -> sa.Column:
    return sa.Column(
        name, sa.String(64), sa.ForeignKey("event_groups.id", ondelete="CASCADE"), **options
    )


def upgrade() -> None:
    op.create_table(
        "event_groups",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("participants", sa.Text, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("date", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("occasion", sa.String(64)),
        sa.Column("disagreements", sa.Text, nullable=False),
        sa.Column("status_history", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_index("ix_event_groups_occasion", "event_groups", ["occasion"])
    op.create_table(
        "event_reports",
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        _group_ref("group_id", nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_reports_group_id", "event_reports", ["group_id"])
    op.create_table(
        "event_keys",
        sa.Column("key", sa.BigInteger, primary_key=True),
        _group_ref("group_id", primary_key=True),
    )


def downgrade() -> None:
    for table in ("event_keys", "event_reports", "event_groups"):
        op.drop_table(table)
