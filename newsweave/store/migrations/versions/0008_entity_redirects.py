"""Entity merges kept as redirects: references are resolved when read.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_redirects",
        sa.Column("old", sa.String(64), primary_key=True),
        sa.Column("new", sa.String(64), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_entity_redirects_new", "entity_redirects", ["new"])


def downgrade() -> None:
    op.drop_table("entity_redirects")
