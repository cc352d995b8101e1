"""The library calls every interface uses: CLI, HTTP, web, report.

Each function takes plain values and returns records from ``model``, or, for
the pages a person reads (``*_page``), one payload: a JSON-able dict shaped
like the export contract, which the CLI prints, the HTTP API returns and the
web page and the report render (``views``). None prints, exits or formats.
Errors are ``errors`` classes, which each interface turns into its own message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from . import export as _export
from . import pipeline
from .config import Config
from .errors import NotFound
from .ingest import iter_files
from .link.derive import summarise, text_of
from .model import (
    Analysis,
    Article,
    ArticleDerivation,
    ArticleSummary,
    ArticleView,
    Claim,
    EventGroup,
    QuoteGroup,
    QuoteRepeat,
    RunSummary,
    Skipped,
    Story,
    StoryMember,
)
from .store import Store
from .views import articles as _articles
from .views import entities as _entities
from .views import quotes as _quotes
from .views import stories as _stories


def open_store(config: Config) -> Store:
    return Store(config.db)


def analyze(
    store: Store, paths: Iterable[str], config: Config, *, progress: pipeline.Progress | None = None
) -> RunSummary:
    """Read, clean, analyse, link and store every item under ``paths`` (``-``
    is stdin)."""
    return pipeline.run(paths, store, config, progress=progress)


def count_files(paths: Iterable[str]) -> int:
    """How many files ``analyze`` will read under ``paths`` (stdin counts one)."""
    return sum(1 for item in iter_files(paths) if not isinstance(item, Skipped))


def list_articles(
    store: Store, *, limit: int | None = None, offset: int = 0
) -> list[ArticleSummary]:
    """Stored articles, newest publication date first, undated last."""
    return store.summaries(limit=limit, offset=offset)


def get_article(store: Store, id_or_prefix: str) -> Article:
    """One article by its id or an unambiguous prefix of it."""
    matches = store.resolve_id(id_or_prefix.strip().lower())
    if not matches:
        raise NotFound(f"no article with id {id_or_prefix!r}; `newsweave articles` lists them")
    exact = [m for m in matches if m == id_or_prefix]
    if len(matches) > 1 and not exact:
        raise NotFound(f"id prefix {id_or_prefix!r} is ambiguous: {', '.join(matches[:5])}")
    found = store.get(exact[0] if exact else matches[0])
    if found is None:
        raise NotFound(f"no article with id {id_or_prefix!r}")
    return found


def get_analysis(store: Store, article_id: str) -> Analysis | None:
    """What the analysis stage found in one article (None if not analysed)."""
    return store.analysis(article_id)


def get_derivation(store: Store, article: Article) -> ArticleDerivation:
    """What ``article`` owes to other stored articles: its class, the share
    borrowed, and each source with every sentence aligned."""
    return summarise(text_of(article), store.derivations(article_id=article.id))


def derived_from(store: Store, article_id: str) -> list[str]:
    """Ids of the stored articles built, at least in part, from this one."""
    return sorted({d.article_id for d in store.derivations(source_id=article_id)})


def quote_groups_of(store: Store, article_id: str) -> tuple[list[QuoteGroup], list[QuoteRepeat]]:
    """The quote groups an article's quotes belong to, then the groups they
    repeat (the same words on another occasion); and the repeats."""
    groups = store.quote_groups(article_id=article_id)
    repeats = store.quote_repeats([g.id for g in groups])
    mine = {g.id for g in groups}
    others = sorted({i for r in repeats for i in (r.group_id, r.other_id)} - mine)
    return groups + store.quote_groups(others), repeats


def story_of(store: Store, article_id: str) -> tuple[Story | None, list[StoryMember]]:
    """The story an article belongs to and its members (None, [] if none)."""
    found = store.stories_of([article_id]).get(article_id)
    if found is None:
        return None, []
    [story] = store.stories([found])
    return story, store.story_members(found)


def story_events(store: Store, story_id: str) -> list[EventGroup]:
    """The real-world events of one story, each with its reports."""
    return store.event_groups(occasion=story_id)


def story_claims(store: Store, story_id: str) -> list[Claim]:
    """The claims of one story: corroborated, single-origin or in conflict."""
    return store.claims(story_id)


def article_view(store: Store, id_or_prefix: str) -> ArticleView:
    """One article with everything linked to it (``show`` and the article page)."""
    article = get_article(store, id_or_prefix)
    analysis = get_analysis(store, article.id)
    derivation = get_derivation(store, article)
    groups, repeats = quote_groups_of(store, article.id)
    story, members = story_of(store, article.id)
    claims = story_claims(store, story.id) if story else []
    events = store.event_groups(article_id=article.id)
    names = entity_names(store, analysis, also={p for g in events for p in g.participants})
    return ArticleView(
        article=article,
        analysis=analysis,
        names=names,
        derivation=derivation,
        sources={d.source_id: store.get(d.source_id) for d in derivation.sources},
        copied_by=tuple(derived_from(store, article.id)),
        quote_groups=tuple(groups),
        quote_repeats=tuple(repeats),
        story=story,
        members=tuple(members),
        claims=tuple(c for c in claims if any(e.article_id == article.id for e in c.evidence)),
        events=tuple(events),
    )


def entity_names(
    store: Store, analysis: Analysis | None, also: Iterable[str] = ()
) -> dict[str, str]:
    """Canonical names of the entities an analysis refers to (and of the
    ids in ``also``), by id; the entities are read once."""
    wanted = set(also)
    if analysis is not None:
        wanted |= {m.entity for m in analysis.mentions} | {
            p for e in analysis.events for p in e.participants
        }
    return {e.id: e.name for e in store.entities() if e.id in wanted} if wanted else {}


def export(store: Store, fmt: str, out: Path) -> int:
    """Write everything stored to ``out`` as json, jsonl or csv (a folder of
    one file per table, or the articles alone to a name ending in ``.csv``),
    or the entity graph as graphml or gexf; returns the number of articles
    written (for graphml and gexf, the number of edges)."""
    contents = _export.Contents(
        store.iter_articles(),
        analyses=store.analysis,
        entities=store.entities(),
        derivations=store.derivations(),
        quote_groups=store.quote_groups(),
        quote_repeats=store.quote_repeats(),
        stories=store.stories(),
        story_members=store.story_members(),
        claims=store.claims(),
        event_groups=store.event_groups(),
        summaries=store.summaries(),
    )
    return _export.write(contents, fmt, out)


# --- Pages: one payload each (``views``) ---


def stories_page(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    query: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict:
    """Stories, latest first, filtered by dates, outlet, entity and text."""
    return _stories.stories_page(
        store,
        since=since,
        until=until,
        outlet=outlet,
        entity=entity,
        query=query,
        limit=limit,
        offset=offset,
    )


def story_page(store: Store, story_id: str) -> dict:
    """One story: timeline, articles by outlet, events, claims matrix, quotes, copies."""
    return _stories.story_page(store, story_id)


def article_page(store: Store, id_or_prefix: str) -> dict:
    """One article with its analysis, marked text, sources and links."""
    return _articles.article_page(store, article_view(store, id_or_prefix))


def quotes_page(
    store: Store,
    *,
    speaker: str | None = None,
    story: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict:
    """Quote groups, by speaker or story, with every rendering and its diff."""
    return _quotes.quotes_page(store, speaker=speaker, story=story, limit=limit, offset=offset)


def quote_page(store: Store, group_id: str) -> dict:
    """One quotation: renderings, diffs, earliest source, repeats."""
    return _quotes.quote_page(store, group_id)


def entity_page(store: Store, name_or_id: str) -> dict:
    """One entity: roles over time, articles, quotes, events, neighbours, graph."""
    return _entities.entity_page(store, name_or_id)


def graph_page(store: Store, *, entity: str | None = None) -> dict:
    """The entity graph, or one entity's edges."""
    return _entities.graph_page(store, entity)


def search_page(store: Store, query: str, *, limit: int | None = None, offset: int = 0) -> dict:
    """Full-text search over articles, with snippets and stories."""
    return _articles.search_page(store, query, limit=limit, offset=offset)


def timeline_page(
    store: Store, *, story: str | None = None, limit: int | None = None, offset: int = 0
) -> dict:
    """Real-world events by date, of one story or all."""
    return _articles.timeline_page(store, story=story, limit=limit, offset=offset)


def claims_page(
    store: Store,
    *,
    story: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict:
    """Claims with their evidence, of one story or all, by status."""
    return _articles.claims_page(store, story=story, status=status, limit=limit, offset=offset)


def articles_page(store: Store, *, limit: int | None = None, offset: int = 0) -> dict:
    """Stored articles, newest first, as a listing payload."""
    return _articles.articles_page(store, limit=limit, offset=offset)


def derivation_page(store: Store, id_or_prefix: str) -> dict:
    """What one article borrows (each source, sentence by sentence) and who copied it."""
    return _articles.derivation_page(article_page(store, id_or_prefix))
