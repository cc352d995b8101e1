"""Event participants as rows, so an entity's events are one indexed query
(``events.participants`` keeps the ordered list as JSON).

Revision ID: 0010
Revises: 0009
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "event_participants",
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(64), primary_key=True),
        sa.ForeignKeyConstraint(
            ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_participants_entity", "event_participants", ["entity"])
    rows = op.get_bind().execute(sa.text("SELECT article_id, seq, participants FROM events"))
    found = [
        dict(article_id=r.article_id, seq=r.seq, entity=e)
        for r in rows
        for e in dict.fromkeys(json.loads(r.participants))
    ]
    if found:
        op.bulk_insert(table, found)


def downgrade() -> None:
    op.drop_table("event_participants")
