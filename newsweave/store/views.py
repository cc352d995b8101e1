"""Reads for the views (CLI, HTTP, web, report): stories filtered and paged,
full-text search, what the store holds about one entity, the graph's quote
edges and derivations among a set of articles. Every query is parameterised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from sqlalchemy import case, distinct, func, or_, select, text
from sqlalchemy.engine import Connection

from ..model import AlignedSentence, Derivation, SearchHit
from .analyses import redirects
from .schema import (
    aliases,
    aligned_sentences,
    articles,
    claims,
    derivations,
    entities,
    entity_redirects,
    event_groups,
    event_participants,
    event_reports,
    mentions,
    quote_groups,
    quote_renderings,
    quotes,
    stories,
    story_members,
)

START, STOP = "\x02", "\x03"  # marks around a matched word in a snippet
_WORD = re.compile(r"\w+")
PG_DOCUMENT = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"


def index_article(connection: Connection, article_id: str) -> None:
    """Add a stored article to the full-text index (SQLite; PostgreSQL's index
    is on the table itself)."""
    if connection.dialect.name == "sqlite":
        connection.execute(
            text(
                "INSERT INTO article_search(rowid, title, text) "
                "SELECT rowid, title, text FROM articles WHERE id = :id"
            ),
            {"id": article_id},
        )


def search_terms(query: str) -> list[str]:
    """The words of a user's query; operators and punctuation are not syntax."""
    return _WORD.findall(query)


def search(
    connection: Connection, query: str, *, limit: int = 20, offset: int = 0
) -> tuple[list[SearchHit], int]:
    """Articles matching every word of ``query`` (stemmed), best first, with a
    snippet; and how many match in all."""
    words = search_terms(query)
    if not words:
        return [], 0
    if connection.dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)
        total = connection.execute(
            text("SELECT count(*) FROM article_search WHERE article_search MATCH :q"), {"q": match}
        ).scalar_one()
        rows = connection.execute(
            text(
                "SELECT a.id, a.title, a.outlet, a.published, "
                "snippet(article_search, 1, :start, :stop, '…', 16) AS snippet, "
                "bm25(article_search) AS score FROM article_search "
                "JOIN articles a ON a.rowid = article_search.rowid "
                "WHERE article_search MATCH :q ORDER BY score, a.id LIMIT :limit OFFSET :offset"
            ),
            {"q": match, "start": START, "stop": STOP, "limit": limit, "offset": offset},
        )
    else:
        plain = " ".join(words)
        total = connection.execute(
            text(
                f"SELECT count(*) FROM articles a WHERE {PG_DOCUMENT} @@ plainto_tsquery('english', :q)"
            ),
            {"q": plain},
        ).scalar_one()
        rows = connection.execute(
            text(
                "SELECT a.id, a.title, a.outlet, a.published, "
                "ts_headline('english', a.text, plainto_tsquery('english', :q), :options) AS snippet, "
                f"-ts_rank({PG_DOCUMENT}, plainto_tsquery('english', :q)) AS score "
                f"FROM articles a WHERE {PG_DOCUMENT} @@ plainto_tsquery('english', :q) "
                "ORDER BY score, a.id LIMIT :limit OFFSET :offset"
            ),
            {
                "q": plain,
                "limit": limit,
                "offset": offset,
                "options": f"StartSel={START}, StopSel={STOP}, MaxWords=24, MinWords=12",
            },
        )
    return [
        SearchHit(r.id, r.title, r.outlet, r.published, marked(r.snippet), float(r.score))
        for r in rows
    ], int(total)


def marked(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet with match marks as (text, matched) pieces."""
    pieces, matched = [], False
    for part in re.split(f"([{START}{STOP}])", snippet or ""):
        if part == START:
            matched = True
        elif part == STOP:
            matched = False
        elif part:
            pieces.append((part, matched))
    return tuple(pieces)


@dataclass(frozen=True)
class StoryFilter:
    """Which stories a listing shows: overlapping a date range, with an
    article from an outlet, naming an entity, or holding one of some articles."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity_ids: tuple[str, ...] | None = None
    article_ids: tuple[str, ...] | None = None


def story_ids(
    connection: Connection, where: StoryFilter, *, limit: int | None = None, offset: int = 0
) -> tuple[list[str], int]:
    """Ids of the stories ``where`` selects, latest first, and how many in all."""
    query = select(stories.c.id)
    if where.since:
        query = query.where(stories.c.last >= where.since)
    if where.until:
        query = query.where(stories.c.first <= where.until)
    if where.outlet:
        query = query.where(
            stories.c.id.in_(
                select(story_members.c.story_id)
                .join(articles, articles.c.id == story_members.c.article_id)
                .where(func.lower(articles.c.outlet) == where.outlet.lower())
            )
        )
    if where.entity_ids is not None:
        query = query.where(
            stories.c.id.in_(
                select(story_members.c.story_id)
                .join(mentions, mentions.c.article_id == story_members.c.article_id)
                .where(mentions.c.entity.in_(list(where.entity_ids)))
            )
        )
    if where.article_ids is not None:
        query = query.where(
            stories.c.id.in_(
                select(story_members.c.story_id).where(
                    story_members.c.article_id.in_(list(where.article_ids))
                )
            )
        )
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    query = query.order_by(stories.c.last.desc().nulls_last(), stories.c.id)
    found = connection.execute(query.offset(offset).limit(limit)).scalars()
    return list(found), int(total)


def story_outlets(connection: Connection, ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per story, its articles per outlet (``None`` for an unknown outlet)."""
    rows = connection.execute(
        select(story_members.c.story_id, articles.c.outlet, func.count())
        .join(articles, articles.c.id == story_members.c.article_id)
        .where(story_members.c.story_id.in_(list(ids)))
        .group_by(story_members.c.story_id, articles.c.outlet)
    )
    found: dict[str, dict[str, int]] = {}
    for story_id, outlet, count in rows:
        found.setdefault(story_id, {})[outlet] = count
    return found


def story_derived(connection: Connection, ids: Sequence[str]) -> dict[str, int]:
    """Per story, how many of its articles derive from another of its articles."""
    source = story_members.alias("source")
    rows = connection.execute(
        select(story_members.c.story_id, func.count(distinct(story_members.c.article_id)))
        .join(derivations, derivations.c.article_id == story_members.c.article_id)
        .join(
            source,
            (source.c.article_id == derivations.c.source_id)
            & (source.c.story_id == story_members.c.story_id),
        )
        .where(story_members.c.story_id.in_(list(ids)))
        .group_by(story_members.c.story_id)
    )
    return dict(rows.all())


def derivations_among(connection: Connection, ids: Sequence[str]) -> list[Derivation]:
    """Derivations whose article and source are both among ``ids``, with their
    aligned sentences (two queries)."""
    wanted = list(ids)
    rows = list(
        connection.execute(
            select(derivations)
            .where(derivations.c.article_id.in_(wanted) & derivations.c.source_id.in_(wanted))
            .order_by(derivations.c.article_id, derivations.c.share.desc(), derivations.c.source_id)
        )
    )
    sentences: dict[tuple[str, str], list[AlignedSentence]] = {}
    for r in connection.execute(
        select(aligned_sentences)
        .where(
            aligned_sentences.c.article_id.in_(wanted) & aligned_sentences.c.source_id.in_(wanted)
        )
        .order_by(
            aligned_sentences.c.article_id, aligned_sentences.c.source_id, aligned_sentences.c.seq
        )
    ):
        sentences.setdefault((r.article_id, r.source_id), []).append(
            AlignedSentence(r.start, r.end, r.kind, r.source_start, r.source_end, r.score)
        )
    return [
        Derivation(
            r.article_id,
            r.source_id,
            r.share,
            r.direction,
            tuple(sentences.get((r.article_id, r.source_id), ())),
            r.rule,
        )
        for r in rows
    ]


def entity_aliases(connection: Connection, entity_id: str) -> tuple[str, ...]:
    """The entity's id and every id merged into it."""
    older = connection.execute(
        select(entity_redirects.c.old).where(entity_redirects.c.new == entity_id)
    ).scalars()
    return (entity_id, *sorted(older))


def entity_articles(
    connection: Connection, ids: Sequence[str], *, limit: int | None = None
) -> tuple[list[tuple[str, int]], int]:
    """(article id, mentions) of the articles naming any of ``ids``, most
    first (``limit`` of them), and how many such articles in all."""
    count = func.count().label("n")
    query = (
        select(mentions.c.article_id, count)
        .where(mentions.c.entity.in_(list(ids)))
        .group_by(mentions.c.article_id)
    )
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = connection.execute(query.order_by(count.desc(), mentions.c.article_id).limit(limit))
    return [(a, int(n)) for a, n in rows], int(total)


def cooccurring(
    connection: Connection, ids: Sequence[str], *, limit: int = 20
) -> list[tuple[str, int]]:
    """(entity id as it is now, articles) for the entities named in the same
    articles as ``ids``, most shared first; counted in the database, so an
    entity named in many articles costs one grouped query. (Two ids since
    merged into one are summed: an article naming both counts twice.)"""
    other = mentions.alias("other")
    mine = select(mentions.c.article_id).where(mentions.c.entity.in_(list(ids)))
    shared = func.count(distinct(other.c.article_id)).label("n")
    rows = list(
        connection.execute(
            select(other.c.entity, shared)
            .where(
                other.c.article_id.in_(mine),
                other.c.entity.is_not(None),
                other.c.entity.not_in(list(ids)),
            )
            .group_by(other.c.entity)
            .order_by(shared.desc(), other.c.entity)
            .limit(limit * 3)
        )
    )
    moved = redirects(connection, {e for e, _ in rows})
    counts: dict[str, int] = {}
    for entity, n in rows:
        now = moved.get(entity, entity)
        if now not in ids:
            counts[now] = counts.get(now, 0) + int(n)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


@dataclass(frozen=True)
class SpokenQuote:
    """A quotation as stored, with its article's date and its quote group."""

    article_id: str
    seq: int
    text: str
    cue: str | None
    speaker: str | None
    addressee: str | None
    published: str | None
    group_id: str | None


def quotes_of(
    connection: Connection,
    *,
    speakers: Iterable[str] | None = None,
    addressees: Iterable[str] | None = None,
    addressed: bool = False,
    limit: int | None = None,
) -> list[SpokenQuote]:
    """Quotations by any of ``speakers`` (every attributed one when None), or
    addressed to any of ``addressees``; with ``addressed``, only those with
    an addressee. Latest first."""
    query = (
        select(
            quotes.c.article_id,
            quotes.c.seq,
            quotes.c.text,
            quotes.c.cue,
            quotes.c.speaker,
            quotes.c.addressee,
            articles.c.published,
            quote_renderings.c.group_id,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(
            quote_renderings,
            (quote_renderings.c.article_id == quotes.c.article_id)
            & (quote_renderings.c.seq == quotes.c.seq),
        )
        .where(quotes.c.speaker.is_not(None))
        .order_by(articles.c.published.desc().nulls_last(), quotes.c.article_id, quotes.c.seq)
        .limit(limit)
    )
    if speakers is not None:
        query = query.where(quotes.c.speaker.in_(list(speakers)))
    if addressees is not None:
        query = query.where(quotes.c.addressee.in_(list(addressees)))
    if addressed:
        query = query.where(quotes.c.addressee.is_not(None))
    rows = list(connection.execute(query))
    moved = redirects(connection, {i for r in rows for i in (r.speaker, r.addressee) if i})
    return [
        SpokenQuote(
            r.article_id,
            r.seq,
            r.text,
            r.cue,
            moved.get(r.speaker, r.speaker),
            moved.get(r.addressee, r.addressee) if r.addressee else None,
            r.published,
            r.group_id,
        )
        for r in rows
    ]


def entity_event_groups(connection: Connection, ids: Sequence[str]) -> list[str]:
    """Ids of the event groups with a report naming any of ``ids`` as participant."""
    rows = connection.execute(
        select(event_reports.c.group_id)
        .distinct()
        .join(
            event_participants,
            (event_participants.c.article_id == event_reports.c.article_id)
            & (event_participants.c.seq == event_reports.c.seq),
        )
        .where(event_participants.c.entity.in_(list(ids)))
        .order_by(event_reports.c.group_id)
    )
    return list(rows.scalars())


def outlets(connection: Connection) -> list[tuple[str, int]]:
    """Every outlet named by a stored article, with its articles."""
    count = func.count().label("n")
    rows = connection.execute(
        select(articles.c.outlet, count)
        .where(articles.c.outlet.is_not(None))
        .group_by(articles.c.outlet)
        .order_by(count.desc(), articles.c.outlet)
    )
    return [(o, int(n)) for o, n in rows]


def entities_named(connection: Connection, name: str) -> list[str]:
    """Ids of the current entities whose name or an alias is ``name``
    (case-insensitive), exact matches before prefix ones."""
    lowered = name.strip().lower()
    escaped = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    current = entities.c.id.not_in(select(entity_redirects.c.old))
    exact = select(entities.c.id).where(
        current,
        or_(
            func.lower(entities.c.name) == lowered,
            entities.c.id == name,
            entities.c.id.in_(
                select(aliases.c.entity_id).where(func.lower(aliases.c.alias) == lowered)
            ),
        ),
    )
    found = list(connection.execute(exact.order_by(entities.c.id)).scalars())
    if found:
        return found
    prefix = select(entities.c.id).where(
        current,
        or_(
            func.lower(entities.c.name).like(escaped + "%", escape="\\"),
            func.lower(entities.c.name).like("% " + escaped + "%", escape="\\"),
        ),
    )
    return list(connection.execute(prefix.order_by(entities.c.name).limit(20)).scalars())


def quote_group_ids(
    connection: Connection,
    *,
    speakers: Sequence[str] | None = None,
    occasion: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[str], int]:
    """Ids of the quote groups by any of ``speakers`` or of one story, the
    most rendered first, and how many in all."""
    renderings = func.count(quote_renderings.c.article_id).label("n")
    query = (
        select(quote_groups.c.id, renderings)
        .join(quote_renderings, quote_renderings.c.group_id == quote_groups.c.id)
        .group_by(quote_groups.c.id)
    )
    if speakers is not None:
        query = query.where(quote_groups.c.speaker.in_(list(speakers)))
    if occasion is not None:
        query = query.where(quote_groups.c.occasion == occasion)
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = connection.execute(
        query.order_by(renderings.desc(), quote_groups.c.id).offset(offset).limit(limit)
    )
    return [r.id for r in rows], int(total)


STATUS_ORDER = ("conflict", "corroborated", "single-origin")  # how claim listings sort


def claim_ids(
    connection: Connection,
    *,
    story_id: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[str], int]:
    """Ids of the claims of one story (all when None) and one status (any
    when None): conflicts first, then corroborated, then single-origin; and
    how many in all."""
    query = select(claims.c.id)
    if story_id is not None:
        query = query.where(claims.c.story_id == story_id)
    if status is not None:
        query = query.where(claims.c.status == status)
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rank = case(
        {s: i for i, s in enumerate(STATUS_ORDER)}, value=claims.c.status, else_=len(STATUS_ORDER)
    )
    rows = connection.execute(
        query.order_by(rank, claims.c.story_id, claims.c.id).offset(offset).limit(limit)
    )
    return list(rows.scalars()), int(total)


def event_group_ids(
    connection: Connection,
    *,
    story_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[str], int]:
    """Ids of the event groups of one story (all when None), dated first by
    date, and how many in all."""
    query = select(event_groups.c.id)
    if story_id is not None:
        query = query.where(event_groups.c.occasion == story_id)
    total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    rows = connection.execute(
        query.order_by(event_groups.c.date.nulls_last(), event_groups.c.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows.scalars()), int(total)
