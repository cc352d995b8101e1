"""Analysis: entities with aliases and roles, mentions, time expressions, quotes, events.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article_key() -> sa.Column:
    return sa.Column(
        "article_id",
        sa.String(16),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _entity_key() -> sa.Column:
    return sa.Column(
        "entity_id",
        sa.String(64),
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
    )


def _span() -> list[sa.Column]:
    return [
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "analyses",
        _article_key(),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
    )
    op.create_table("aliases", _entity_key(), sa.Column("alias", sa.Text, primary_key=True))
    op.create_table(
        "roles",
        _entity_key(),
        sa.Column("title", sa.Text, primary_key=True),
        sa.Column(
            "article_id",
            sa.String(16),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("date", sa.String(10)),
    )
    op.create_table(
        "mentions",
        _article_key(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("entity", sa.String(64)),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity"])
    op.create_table(
        "timexes",
        _article_key(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.String(64)),
        sa.Column("precision", sa.String(16)),
        sa.Column("rule", sa.String(64), nullable=False),
    )
    op.create_table(
        "quotes",
        _article_key(),
        *_span(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        *[
            sa.Column(name, sa.Integer)
            for name in (
                "speaker_start",
                "speaker_end",
                "cue_start",
                "cue_end",
                "addressee_start",
                "addressee_end",
            )
        ],
        sa.Column("speaker", sa.String(64)),
        sa.Column("cue", sa.Text),
        sa.Column("addressee", sa.String(64)),
        sa.Column("rule", sa.String(64)),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "events",
        _article_key(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("participants", sa.Text, nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("date", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "events",
        "quotes",
        "timexes",
        "mentions",
        "roles",
        "aliases",
        "entities",
        "analyses",
    ):
        op.drop_table(table)
