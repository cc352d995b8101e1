"""Stories (each article's story, the stories' profiles, merges) and key counts.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _story_ref(name: str, **options) -> sa.Column:
    return sa.Column(
        name, sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"), **options
    )


def upgrade() -> None:
    op.create_table(
        "link_key_counts",
        sa.Column("key", sa.BigInteger, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
    )
    op.execute(
        "INSERT INTO link_key_counts (key, articles) "
        "SELECT key, count(*) FROM link_keys GROUP BY key"
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first", sa.String(10)),
        sa.Column("last", sa.String(10)),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("profile", sa.Text, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_table(
        "story_members",
        sa.Column(
            "article_id",
            sa.String(16),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        _story_ref("story_id", nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("opened", sa.Boolean, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_index("ix_story_members_story_id", "story_members", ["story_id"])
    op.create_table(
        "story_merges",
        sa.Column("absorbed", sa.String(64), primary_key=True),
        _story_ref("into", nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
    )


def downgrade() -> None:
    for table in ("story_merges", "story_members", "stories", "link_key_counts"):
        op.drop_table(table)
