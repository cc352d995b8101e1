"""Full-text search over articles' titles and texts.

SQLite: an FTS5 table (``article_search``) over ``articles`` as external
content, Porter-stemmed, filled as articles are stored. PostgreSQL: a GIN
index on the English ``tsvector`` of title and text, which the search query
uses as written in ``store/views.py``. Neither is declared in ``schema.py``
(``schema.UNMANAGED`` names them for the schema comparison).

Revision ID: 0009
Revises: 0008
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || text)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5(title, text, "
            "content='articles', content_rowid='rowid', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "INSERT INTO article_search(rowid, title, text) SELECT rowid, title, text FROM articles"
        )
    else:
        op.execute(f"CREATE INDEX article_search ON articles USING gin (({PG_DOCUMENT}))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_search")
    else:
        op.execute("DROP INDEX article_search")
