"""newsweave/store/: articles saved and loaded unchanged; migrations; id prefixes."""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.errors import StoreError
from newsweave.model import Article, Field, Metadata, OffsetMap, Removed, Segment, article_id
from newsweave.store import Store
from samples import batch

TABLES = {"alembic_version", "sources", "articles", "versions", "fields", "removed", "segments"}

short_text = st.text(max_size=40)
offset = st.integers(min_value=0, max_value=10_000)
rule = st.from_regex(r"[a-z_]{1,12}\.[a-z_]{1,12}\.v[0-9]", fullmatch=True)
fields = st.builds(
    Field,
    value=st.text(min_size=1, max_size=30),
    rule=rule,
    line=st.none() | st.integers(min_value=1, max_value=500),
    evidence=st.none() | short_text,
)
metadata = st.builds(Metadata, **{name: st.none() | fields for name in Metadata.NAMES})
articles = st.builds(
    Article,
    id=st.just("0" * 16),
    source=st.text(min_size=1, max_size=30),
    kind=st.sampled_from(["text", "html"]),
    raw_text=st.text(max_size=120),
    text=st.text(max_size=80),
    offsets=st.builds(
        OffsetMap, st.lists(st.builds(Segment, offset, offset, offset), max_size=5).map(tuple)
    ),
    removed=st.lists(st.builds(Removed, short_text, offset, offset, rule), max_size=5).map(tuple),
    meta=metadata,
    url=st.none() | st.text(min_size=1, max_size=30),
)


def sample_article(text: str = "The bridge reopened on Friday.", source: str = "a.txt") -> Article:
    return Article(
        id=article_id(text),
        source=source,
        kind="text",
        raw_text=f"Bridge\n\n{text}\n",
        text=text,
        offsets=OffsetMap((Segment(0, 8, len(text)),)),
        removed=(Removed("Bridge", 0, 6, "metadata.title.v1"),),
        meta=Metadata(
            title=Field("Bridge", "title.headline_line.v1", 1, "Bridge"),
            published=Field("2023-03-03", "user.option.v1"),
        ),
    )


def table_names(path: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }


def schema_sql(path: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute("SELECT type, name, sql FROM sqlite_master"))


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article=articles)
def test_store_round_trip_keeps_article_equal(store, article):
    article = dataclasses.replace(article, id=uuid.uuid4().hex[:16])
    store.commit(batch([(article, "hash")], {article.id}))
    assert store.get(article.id) == article


def test_store_round_trip_keeps_provenance(store):
    article = sample_article()
    store.commit(batch([(article, "h1")], {article.id}))
    loaded = store.get(article.id)
    assert loaded.meta.title == Field("Bridge", "title.headline_line.v1", 1, "Bridge")
    assert loaded.meta.published == Field("2023-03-03", "user.option.v1", None, None)
    assert loaded.removed == article.removed and loaded.offsets == article.offsets
    assert loaded.published_date.isoformat() == "2023-03-03"


def test_store_save_records_versions_without_duplicating_article(store):
    article = sample_article()
    store.commit(batch([(article, "h1")], {article.id}))
    store.commit(batch([(article, "h2")]))
    assert store.count() == 1
    state = store.source_state("a.txt")
    assert (state.version, state.content_hash) == (2, "h2")
    assert store.source_state("other.txt") is None


def test_store_migrations_create_all_tables(db_path):
    Store(db_path).close()
    assert TABLES <= table_names(db_path)


def test_store_reopening_is_a_no_op(db_path):
    first = Store(db_path)
    article = sample_article()
    first.commit(batch([(article, "h1")], {article.id}))
    first.close()
    before = schema_sql(db_path)
    second = Store(db_path)
    assert schema_sql(db_path) == before
    assert second.count() == 1 and second.get(article.id) == article
    second.close()


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("abc", ["abc0000000000001", "abc0000000000002"]),
        ("abc0000000000001", ["abc0000000000001"]),
        ("abd", ["abd0000000000000"]),
        ("ab", ["abc0000000000001", "abc0000000000002", "abd0000000000000"]),
        ("", ["abc0000000000001", "abc0000000000002", "abd0000000000000", "ff_0000000000000"]),
        ("zzz", []),
        ("%", []),
        ("_", []),
        ("ff_", ["ff_0000000000000"]),
        ("ab%", []),
    ],
)
def test_store_resolve_id_matches_prefix(store, prefix, expected):
    for number, fake_id in enumerate(
        ["abc0000000000001", "abc0000000000002", "abd0000000000000", "ff_0000000000000"]
    ):
        article = dataclasses.replace(sample_article(), id=fake_id, source=f"{number}.txt")
        store.commit(batch([(article, "h")], {fake_id}))
    assert sorted(store.resolve_id(prefix)) == expected


@pytest.mark.parametrize("where", ["missing/store.db", "missing/deeper/store.db"])
def test_store_in_missing_folder_raises_store_error(tmp_path, where):
    path = str(tmp_path / where)
    with pytest.raises(StoreError, match="store.db"):
        Store(path)


def test_store_accepts_sqlalchemy_url(tmp_path):
    opened = Store(f"sqlite:///{tmp_path / 'url.db'}")
    assert opened.count() == 0 and TABLES <= table_names(str(tmp_path / "url.db"))
    opened.close()


def test_store_file_that_is_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database, just words " * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="notes.db"):
        Store(str(path))


def test_store_from_newer_version_raises_store_error(db_path):
    Store(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError):
        Store(db_path)


def test_store_save_failure_raises_store_error_and_writes_nothing(store):
    article = sample_article()
    store.commit(batch([(article, "h1")], {article.id}))
    other = sample_article("Another story entirely.", source="b.txt")
    with pytest.raises(StoreError):
        store.commit(batch([(other, "h2"), (article, "h3")], {other.id, article.id}))
    assert store.count() == 1 and store.source_state("b.txt") is None
