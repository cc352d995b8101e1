"""Claims: statements of fact per story, with their evidence sentences.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(96), primary_key=True),
        sa.Column(
            "story_id",
            sa.String(64),
            sa.ForeignKey("stories.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("origins", sa.Text, nullable=False),
        sa.Column("entities", sa.Text, nullable=False),
        sa.Column("conflicts", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_index("ix_claims_story_id", "claims", ["story_id"])
    op.create_table(
        "claim_evidence",
        sa.Column(
            "claim_id",
            sa.String(96),
            sa.ForeignKey("claims.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE")),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(96), nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("claim_evidence", "claims"):
        op.drop_table(table)
