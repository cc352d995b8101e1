"""The store's tables, one definition for SQLite and PostgreSQL.

Migrations under ``migrations/versions`` create and change these tables; this
module is what queries are written against. A change here needs a migration.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()
# Made by migrations and not declared here: full-text search (0009), an FTS5
# table and its shadow tables on SQLite, a GIN index on PostgreSQL.
UNMANAGED = ("article_search",)


def managed(name: str | None) -> bool:
    """Whether a table or index of this name is declared in this module."""
    return not (name or "").startswith(UNMANAGED)


def comparison_options() -> dict:
    """Alembic's options for comparing a migrated store with this module."""
    return {"compare_type": True, "include_name": lambda name, _kind, _parents: managed(name)}


def _text_span() -> list[Column]:
    """Position among an article's records, offsets and the text they hold."""
    return [
        Column("seq", Integer, primary_key=True),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("locator", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("source", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("url", Text),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("byline", Text),
    Column("dateline", Text),
    Column("published", String(10), index=True),
    Column("language", String(8)),
    Column("stored_at", DateTime(timezone=True), nullable=False),
)

versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("stored_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_id", "version"),
)

fields = Table(
    "fields",
    metadata,
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("name", String(16), primary_key=True),
    Column("value", Text, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("line", Integer),
    Column("evidence", Text),
)

removed = Table(
    "removed",
    metadata,
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    *_text_span(),
    Column("reason", String(64), nullable=False),
)

segments = Table(
    "segments",
    metadata,
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("seq", Integer, primary_key=True),
    Column("clean_start", Integer, nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("length", Integer, nullable=False),
)


# --- Analysis (migration 0002) ---


def _article_key() -> Column:
    return Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


analyses = Table(
    "analyses",
    metadata,
    _article_key(),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("label", String(16), nullable=False),
    # the order entities were met in, the tie-break of merging (0012)
    Column("seq", BigInteger),
)

aliases = Table(
    "aliases",
    metadata,
    Column(
        "entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("alias", Text, primary_key=True),
)

roles = Table(
    "roles",
    metadata,
    Column(
        "entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("title", Text, primary_key=True),
    Column(
        "article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("date", String(10)),
)

mentions = Table(
    "mentions",
    metadata,
    _article_key(),
    *_text_span(),
    Column("label", String(16), nullable=False),
    Column("entity", String(64), index=True),
    Column("rule", String(64)),  # migration 0011; NULL for mentions stored before it
)

timexes = Table(
    "timexes",
    metadata,
    _article_key(),
    *_text_span(),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("precision", String(16)),
    Column("rule", String(64), nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    _article_key(),
    *_text_span(),
    Column("kind", String(16), nullable=False),
    *[
        Column(name, Integer)
        for name in (
            "speaker_start",
            "speaker_end",
            "cue_start",
            "cue_end",
            "addressee_start",
            "addressee_end",
        )
    ],
    Column("speaker", String(64), index=True),
    Column("cue", Text),
    Column("addressee", String(64)),
    Column("rule", String(64)),
)

events = Table(
    "events",
    metadata,
    _article_key(),
    Column("seq", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("participants", Text, nullable=False),  # JSON list of entity ids
    Column("place", Text),
    Column("date", String(64)),
    Column("status", String(16), nullable=False),
)

event_participants = Table(  # migration 0010
    "event_participants",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("entity", String(64), primary_key=True, index=True),
    ForeignKeyConstraint(
        ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
)


# --- Links (migration 0003) ---


def _article_ref(name: str, *, primary: bool = True) -> Column:
    return Column(
        name, String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=primary
    )


# Candidate search: MinHash band keys of each article (link/candidates.py).
link_keys = Table(
    "link_keys",
    metadata,
    Column("key", BigInteger, primary_key=True),
    _article_ref("article_id"),
)

derivations = Table(
    "derivations",
    metadata,
    _article_ref("article_id"),
    _article_ref("source_id"),
    Column("share", Float, nullable=False),
    Column("direction", String(16), nullable=False),
    Column("rule", String(64), nullable=False),
    Index("ix_derivations_source", "source_id"),
)

aligned_sentences = Table(
    "aligned_sentences",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("source_id", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("score", Float, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "source_id"],
        ["derivations.article_id", "derivations.source_id"],
        ondelete="CASCADE",
    ),
)


# --- Quote groups (migration 0004; link/quotes.py) ---

quote_groups = Table(
    "quote_groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("speaker", String(64), index=True),
    Column("occasion", String(64)),
    _article_ref("earliest", primary=False),
    Column("rule", String(64), nullable=False),
)

quote_renderings = Table(
    "quote_renderings",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column(
        "group_id",
        String(64),
        ForeignKey("quote_groups.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),  # order of arrival in the group
    Column("score", Float, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "seq"], ["quotes.article_id", "quotes.seq"], ondelete="CASCADE"
    ),
)

quote_repeats = Table(
    "quote_repeats",
    metadata,
    Column(
        "group_id", String(64), ForeignKey("quote_groups.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "other_id", String(64), ForeignKey("quote_groups.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("score", Float, nullable=False),
)

quote_keys = Table(
    "quote_keys",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column(
        "group_id", String(64), ForeignKey("quote_groups.id", ondelete="CASCADE"), primary_key=True
    ),
)


# --- Stories and key counts (migration 0005; link/stories.py, link/candidates.py) ---

# How many articles hold each candidate-search key: keys held by too many are
# left out of queries, so a query's cost does not grow with the store.
link_key_counts = Table(
    "link_key_counts",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("articles", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", Text),
    Column("first", String(10)),
    Column("last", String(10)),
    Column("count", Integer, nullable=False),
    Column("profile", Text, nullable=False),  # JSON: stories.Profile.to_record()
    Column("rule", String(64), nullable=False),
)

story_members = Table(
    "story_members",
    metadata,
    _article_ref("article_id"),
    Column(
        "story_id",
        String(64),
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("score", Float, nullable=False),
    Column("opened", Boolean, nullable=False),
    Column("rule", String(64), nullable=False),
)

story_merges = Table(
    "story_merges",
    metadata,
    Column("absorbed", String(64), primary_key=True),
    Column("into", String(64), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("score", Float, nullable=False),
    Column("rule", String(64), nullable=False),
)


# --- Claims (migration 0006; link/claims.py) ---

claims = Table(
    "claims",
    metadata,
    Column("id", String(96), primary_key=True),
    Column(
        "story_id",
        String(64),
        ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("status", String(16), nullable=False),
    Column("origins", Text, nullable=False),  # JSON list
    Column("entities", Text, nullable=False),  # JSON list of entity ids
    Column("conflicts", Text, nullable=False),  # JSON list of [field, [values]]
    Column("rule", String(64), nullable=False),
)

claim_evidence = Table(
    "claim_evidence",
    metadata,
    Column("claim_id", String(96), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    _article_ref("article_id", primary=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("origin", String(96), nullable=False),
    Column("facts", Text, nullable=False),  # JSON: numbers, dates, places, speaker
)


# --- Event groups (migration 0007; link/events.py) ---

event_groups = Table(
    "event_groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("participants", Text, nullable=False),  # JSON list of entity ids
    Column("place", Text),
    Column("date", String(64)),
    Column("status", String(16), nullable=False),
    Column("occasion", String(64), index=True),
    Column("disagreements", Text, nullable=False),  # JSON [[field, value, [article ids]]]
    Column("status_history", Text, nullable=False),  # JSON [[published, status, article id]]
    Column("rule", String(64), nullable=False),
)

# A report is a per-article event (events.article_id, events.seq) in a group.
event_reports = Table(
    "event_reports",
    metadata,
    Column("article_id", String(16), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column(
        "group_id",
        String(64),
        ForeignKey("event_groups.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("position", Integer, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "seq"], ["events.article_id", "events.seq"], ondelete="CASCADE"
    ),
)

event_keys = Table(
    "event_keys",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column(
        "group_id", String(64), ForeignKey("event_groups.id", ondelete="CASCADE"), primary_key=True
    ),
)


# --- Entity merges (migration 0008) ---

# An entity absorbed by another ("Putin" stored first, "Vladimir Putin" met
# later) keeps its row; references to it are resolved through this table when
# read, never rewritten.
entity_redirects = Table(
    "entity_redirects",
    metadata,
    Column("old", String(64), primary_key=True),
    Column("new", String(64), nullable=False, index=True),
    Column("rule", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


# --- Entity lookup keys (migration 0012) ---

# The keys each current entity is found by when entities are merged
# (``model.entity_keys``): an index looks entities up here instead of holding
# them all. An absorbed entity's keys are removed with the merge.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("key", Text, primary_key=True),
    Column(
        "entity_id", String(64), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    ),
    Index("ix_entity_keys_entity_id", "entity_id"),
)
