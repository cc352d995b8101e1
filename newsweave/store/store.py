"""The store: ``Store`` over SQLite or PostgreSQL, its migrations, and the commit of one batch in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, func, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import (
    Analysis,
    Article,
    ArticleSummary,
    BatchResult,
    Claim,
    Derivation,
    Entity,
    EventGroup,
    Field,
    Metadata,
    OffsetMap,
    QuoteGroup,
    QuoteRepeat,
    Removed,
    SearchHit,
    Segment,
    Story,
    StoredEntity,
    StoredText,
    StoryMember,
)
from . import analyses, links, views
from . import entities as entity_rows
from .schema import articles, fields, removed, segments, sources, versions
from .sql import by_article, chunked

MIGRATIONS = Path(__file__).parent / "migrations"


def engine_for(db: str) -> Engine:
    """A SQLAlchemy URL is used as given; anything else is a SQLite file path."""
    url = db if "://" in db else f"sqlite:///{Path(db).expanduser()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(connection: Connection, revision: str = "head") -> None:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


@dataclass(frozen=True)
class SourceState:
    """What the store knows of one input item: its newest version."""

    source_id: int
    version: int
    content_hash: str


class Store:
    def __init__(self, db: str):
        try:
            self.engine = engine_for(db)
            with self.engine.begin() as connection:
                migrate(connection)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {db!r}: {_reason(exc)}") from None
        except CommandError as exc:  # a revision this version does not know
            raise StoreError(
                f"cannot open store {db!r}: it was made by a newer newsweave ({exc})"
            ) from None
        self.db = db

    def close(self) -> None:
        self.engine.dispose()

    def source_state(self, locator: str) -> SourceState | None:
        query = (
            select(sources.c.id, versions.c.version, versions.c.content_hash)
            .join(versions, versions.c.source_id == sources.c.id)
            .where(sources.c.locator == locator)
            .order_by(versions.c.version.desc())
            .limit(1)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return SourceState(*row) if row else None

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as connection:
            return (
                connection.execute(select(articles.c.id).where(articles.c.id == article_id)).first()
                is not None
            )

    def commit(self, result: BatchResult) -> None:
        """Store one batch in one transaction: each article (if its id is in
        ``result.new_ids``), a new version of its source, the analyses of the
        new articles, the entities they name, their links; entities that were
        absorbed by others are kept as redirects, resolved when read."""
        now = datetime.now(timezone.utc)
        pending = set(result.new_ids)
        try:
            with self.engine.begin() as connection:
                for article, content_hash in result.items:
                    if article.id in pending:
                        _insert_article(connection, article, now)
                        pending.discard(article.id)
                    _insert_version(connection, article, content_hash, now)
                entity_rows.save_entities(
                    connection, list(result.entities), dict(result.entity_seq)
                )
                for analysis in result.analyses:
                    analyses.save_analysis(connection, analysis, now)
                links.save_links(connection, result.links)
                entity_rows.record_redirects(connection, dict(result.moved), now)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to store {self.db!r}: {_reason(exc)}") from None

    def shared_keys(self, keys: Iterable[int]) -> dict[str, int]:
        """Stored articles sharing candidate-search keys with ``keys``, and how many."""
        with self.engine.connect() as connection:
            return links.shared_keys(connection, keys)

    def stored_texts(self, ids: Sequence[str]) -> list[StoredText]:
        with self.engine.connect() as connection:
            return links.stored_texts(connection, ids)

    def derivations(
        self,
        *,
        article_id: str | None = None,
        source_id: str | None = None,
        article_ids: Sequence[str] | None = None,
    ) -> list[Derivation]:
        with self.engine.connect() as connection:
            return links.load_derivations(
                connection, article_id=article_id, source_id=source_id, article_ids=article_ids
            )

    def quote_candidates(self, keys: Iterable[int]) -> dict[str, int]:
        """Stored quote groups sharing search keys with ``keys``, and how many."""
        with self.engine.connect() as connection:
            return links.quote_candidates(connection, keys)

    def quote_groups(
        self, ids: Sequence[str] | None = None, *, article_id: str | None = None
    ) -> list[QuoteGroup]:
        with self.engine.connect() as connection:
            return links.load_quote_groups(connection, ids, article_id=article_id)

    def quote_repeats(self, ids: Sequence[str] | None = None) -> list[QuoteRepeat]:
        with self.engine.connect() as connection:
            return links.load_quote_repeats(connection, ids)

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The story of each of ``article_ids`` that has one."""
        with self.engine.connect() as connection:
            return links.stories_of(connection, article_ids)

    def stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        with self.engine.connect() as connection:
            return links.load_stories(connection, ids)

    def story_members(self, story_id: str | None = None) -> list[StoryMember]:
        with self.engine.connect() as connection:
            return links.load_story_members(connection, story_id)

    def event_candidates(self, keys: Iterable[int]) -> dict[str, int]:
        """Stored event groups sharing search keys with ``keys``, and how many."""
        with self.engine.connect() as connection:
            return links.event_candidates(connection, keys)

    def event_groups(
        self,
        ids: Sequence[str] | None = None,
        *,
        occasion: str | None = None,
        article_id: str | None = None,
    ) -> list[EventGroup]:
        with self.engine.connect() as connection:
            return links.load_event_groups(
                connection, ids, occasion=occasion, article_id=article_id
            )

    def claims(
        self, story_id: str | None = None, *, ids: Sequence[str] | None = None
    ) -> list[Claim]:
        with self.engine.connect() as connection:
            return links.load_claims(connection, story_id, ids=ids)

    def claim_ids(
        self,
        *,
        story_id: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[list[str], int]:
        with self.engine.connect() as connection:
            return views.claim_ids(
                connection, story_id=story_id, status=status, limit=limit, offset=offset
            )

    def event_group_ids(
        self, *, story_id: str | None = None, limit: int | None = None, offset: int = 0
    ) -> tuple[list[str], int]:
        with self.engine.connect() as connection:
            return views.event_group_ids(connection, story_id=story_id, limit=limit, offset=offset)

    # --- Reads for the views (store/views.py) ---

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> tuple[list[SearchHit], int]:
        """Articles matching every word of ``query``, best first, and how many."""
        with self.engine.connect() as connection:
            return views.search(connection, query, limit=limit, offset=offset)

    def story_ids(
        self, where: views.StoryFilter, *, limit: int | None = None, offset: int = 0
    ) -> tuple[list[str], int]:
        with self.engine.connect() as connection:
            return views.story_ids(connection, where, limit=limit, offset=offset)

    def story_outlets(self, ids: Sequence[str]) -> dict[str, dict[str, int]]:
        with self.engine.connect() as connection:
            return views.story_outlets(connection, ids)

    def story_derived(self, ids: Sequence[str]) -> dict[str, int]:
        with self.engine.connect() as connection:
            return views.story_derived(connection, ids)

    def derivations_among(self, ids: Sequence[str]) -> list[Derivation]:
        with self.engine.connect() as connection:
            return views.derivations_among(connection, ids)

    def entities_named(self, name: str) -> list[str]:
        with self.engine.connect() as connection:
            return views.entities_named(connection, name)

    def entity_aliases(self, entity_id: str) -> tuple[str, ...]:
        with self.engine.connect() as connection:
            return views.entity_aliases(connection, entity_id)

    def entity_articles(
        self, ids: Sequence[str], *, limit: int | None = None
    ) -> tuple[list[tuple[str, int]], int]:
        with self.engine.connect() as connection:
            return views.entity_articles(connection, ids, limit=limit)

    def cooccurring(self, ids: Sequence[str], *, limit: int = 20) -> list[tuple[str, int]]:
        with self.engine.connect() as connection:
            return views.cooccurring(connection, ids, limit=limit)

    def quotes_of(
        self,
        *,
        speakers: Iterable[str] | None = None,
        addressees: Iterable[str] | None = None,
        addressed: bool = False,
        limit: int | None = None,
    ) -> list[views.SpokenQuote]:
        with self.engine.connect() as connection:
            return views.quotes_of(
                connection,
                speakers=speakers,
                addressees=addressees,
                addressed=addressed,
                limit=limit,
            )

    def entity_event_groups(self, ids: Sequence[str]) -> list[str]:
        with self.engine.connect() as connection:
            return views.entity_event_groups(connection, ids)

    def quote_group_ids(
        self,
        *,
        speakers: Sequence[str] | None = None,
        occasion: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[list[str], int]:
        with self.engine.connect() as connection:
            return views.quote_group_ids(
                connection, speakers=speakers, occasion=occasion, limit=limit, offset=offset
            )

    def outlets(self) -> list[tuple[str, int]]:
        with self.engine.connect() as connection:
            return views.outlets(connection)

    def published_of(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The publication day of each of ``ids`` (None when undated)."""
        query = select(articles.c.id, articles.c.published).where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return dict(connection.execute(query).all()) if ids else {}

    def summaries_of(self, ids: Sequence[str]) -> dict[str, ArticleSummary]:
        """The listing line of each of ``ids``, by id."""
        query = select(
            articles.c.id,
            articles.c.source,
            articles.c.outlet,
            articles.c.published,
            articles.c.title,
            articles.c.text,
        ).where(articles.c.id.in_(list(ids)))
        with self.engine.connect() as connection:
            return {
                r.id: ArticleSummary(
                    r.id, r.source, r.outlet, r.published, r.title, len(r.text.split())
                )
                for r in connection.execute(query)
            }

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()

    def article_ids(self, *, limit: int | None = None, offset: int = 0) -> list[str]:
        query = (
            select(articles.c.id)
            .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def summaries(self, *, limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        query = (
            select(
                articles.c.id,
                articles.c.source,
                articles.c.outlet,
                articles.c.published,
                articles.c.title,
                articles.c.text,
            )
            .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [
                ArticleSummary(r.id, r.source, r.outlet, r.published, r.title, len(r.text.split()))
                for r in connection.execute(query)
            ]

    def resolve_id(self, prefix: str) -> list[str]:
        """Ids that start with ``prefix`` (users type a few characters)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (
            select(articles.c.id).where(articles.c.id.like(escaped + "%", escape="\\")).limit(10)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).scalars())

    def analysis(self, article_id: str) -> Analysis | None:
        with self.engine.connect() as connection:
            return analyses.load_analysis(connection, article_id)

    def analyses_of(self, ids: Sequence[str]) -> dict[str, Analysis]:
        """The analysis of each of ``ids`` that has one, by id."""
        with self.engine.connect() as connection:
            return analyses.load_analyses(connection, ids)

    def entity_redirects(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Every absorbed entity id (or those among ``ids``) -> the id that absorbed it."""
        with self.engine.connect() as connection:
            return entity_rows.redirects(connection, ids)

    def entities(self, ids: Sequence[str] | None = None) -> list[Entity]:
        """Every current entity, or those of ``ids``."""
        with self.engine.connect() as connection:
            return entity_rows.load_entities(connection, ids)

    # what an ``EntityIndex`` looks up (``analyse.canon.EntitySource``)

    def entity_key_ids(self, keys: Iterable[tuple[str, str]]) -> dict[tuple, set[str]]:
        with self.engine.connect() as connection:
            return entity_rows.key_ids(connection, keys)

    def stored_entities(self, ids: Iterable[str]) -> list[StoredEntity]:
        with self.engine.connect() as connection:
            return entity_rows.stored_entities(connection, ids)

    def next_entity_seq(self) -> int:
        with self.engine.connect() as connection:
            return entity_rows.next_seq(connection)

    def get(self, article_id: str) -> Article | None:
        with self.engine.connect() as connection:
            return _load_article(connection, article_id)

    def get_many(self, ids: Sequence[str]) -> dict[str, Article]:
        """Each of ``ids`` that is stored, by id."""
        with self.engine.connect() as connection:
            return _load_articles(connection, ids)

    def iter_articles(self) -> Iterator[Article]:
        for article_id in self.article_ids():
            found = self.get(article_id)
            if found is not None:
                yield found


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, without the SQL and parameters SQLAlchemy adds."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]


def _insert_article(connection: Connection, article: Article, now: datetime) -> None:
    values = {name: article.meta.value(name) for name in Metadata.NAMES}
    connection.execute(
        insert(articles).values(
            id=article.id,
            source=article.source,
            kind=article.kind,
            url=article.url,
            raw_text=article.raw_text,
            text=article.text,
            stored_at=now,
            **values,
        )
    )
    rows = [
        dict(
            article_id=article.id,
            name=name,
            value=f.value,
            rule=f.rule,
            line=f.line,
            evidence=f.evidence,
        )
        for name in Metadata.NAMES
        if (f := getattr(article.meta, name)) is not None
    ]
    views.index_article(connection, article.id)
    _insert_many(connection, fields, rows)
    _insert_many(
        connection,
        removed,
        [
            dict(
                article_id=article.id, seq=i, start=r.start, end=r.end, text=r.text, reason=r.reason
            )
            for i, r in enumerate(article.removed)
        ],
    )
    _insert_many(
        connection,
        segments,
        [
            dict(
                article_id=article.id,
                seq=i,
                clean_start=s.clean_start,
                raw_start=s.raw_start,
                length=s.length,
            )
            for i, s in enumerate(article.offsets.segments)
        ],
    )


def _insert_many(connection: Connection, table, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def _insert_version(
    connection: Connection, article: Article, content_hash: str, now: datetime
) -> None:
    source_id = connection.execute(
        select(sources.c.id).where(sources.c.locator == article.source)
    ).scalar()
    if source_id is None:
        source_id = connection.execute(
            insert(sources).values(locator=article.source, kind=article.kind)
        ).inserted_primary_key[0]
    latest = (
        connection.execute(
            select(func.max(versions.c.version)).where(versions.c.source_id == source_id)
        ).scalar()
        or 0
    )
    connection.execute(
        insert(versions).values(
            source_id=source_id,
            version=latest + 1,
            content_hash=content_hash,
            article_id=article.id,
            stored_at=now,
        )
    )


def _load_article(connection: Connection, article_id: str) -> Article | None:
    return _load_articles(connection, [article_id]).get(article_id)


def _load_articles(connection: Connection, ids: Iterable[str]) -> dict[str, Article]:
    """Each of ``ids`` that is stored, with its metadata, removed text and
    offsets; four queries per ``sql.CHUNK`` ids."""
    found: dict[str, Article] = {}
    for part in chunked(sorted(set(ids))):
        rows = connection.execute(select(articles).where(articles.c.id.in_(part))).mappings().all()
        meta: dict[str, dict[str, Field]] = {}
        for r in connection.execute(select(fields).where(fields.c.article_id.in_(part))):
            meta.setdefault(r.article_id, {})[r.name] = Field(
                value=r.value, rule=r.rule, line=r.line, evidence=r.evidence
            )
        cuts = by_article(connection, removed, part, Removed)
        spans = by_article(connection, segments, part, Segment)
        for row in rows:
            key = row["id"]
            found[key] = Article(
                id=key,
                source=row["source"],
                kind=row["kind"],
                url=row["url"],
                raw_text=row["raw_text"],
                text=row["text"],
                meta=Metadata(**meta.get(key, {})),
                removed=tuple(cuts.get(key, ())),
                offsets=OffsetMap(tuple(spans.get(key, ()))),
            )
    return found
