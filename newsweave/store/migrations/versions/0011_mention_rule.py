"""Each mention keeps the rule that made or last changed it (``Mention.rule``);
mentions stored before this revision have none (NULL).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("rule", sa.String(64)))


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("rule")
