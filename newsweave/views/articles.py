"""Articles, search, the timeline and claims: an article's page (its text in
pieces marked with entities, quotes and dates, its metadata with the rule and
line each field came from, what it borrows and from whom), full-text search,
and the listings of events by date and of claims."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterable

from ..errors import BadRequest
from ..export import analysis_records, article_view_record, claim_record
from ..link.sentences import split
from ..model import CLAIM_STATUSES, Analysis, ArticleView
from ..store import Store
from . import MAX_LIMIT, names_of, page, story_key, summary_record

_KINDS = ("entity", "quote", "timex")


def pieces(
    text: str, analysis: Analysis | None, sentences: Iterable[tuple[int, int]] = ()
) -> list[dict[str, Any]]:
    """``text`` cut at every edge of a mention, quote or time expression, and
    of each of ``sentences``; each piece with what covers it (``kinds``), the
    entity id, the quote's number and the date value where one does, and the
    start of the sentence it is in (``sentence``: the offset claims and
    derivations name a sentence by)."""
    sentences = sorted(s for s in sentences if 0 <= s[0] < s[1] <= len(text))
    spans: list[tuple[int, int, str, Any]] = []
    if analysis is not None:
        spans += [(m.start, m.end, "entity", m.entity) for m in analysis.mentions]
        spans += [(q.start, q.end, "quote", i) for i, q in enumerate(analysis.quotes)]
        spans += [(t.start, t.end, "timex", t.value) for t in analysis.timexes]
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    edges = sorted(
        {
            0,
            len(text),
            *(s[0] for s in spans),
            *(s[1] for s in spans),
            *(s[0] for s in sentences),
            *(s[1] for s in sentences),
        }
    )
    starts = [s[0] for s in sentences]
    out = []
    for start, end in zip(edges, edges[1:]):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece: dict[str, Any] = {
            "text": text[start:end],
            "start": start,
            "kinds": sorted({s[2] for s in covering}, key=_KINDS.index),
        }
        for _, _, kind, value in covering:
            piece.setdefault({"entity": "entity", "quote": "quote", "timex": "date"}[kind], value)
        inside = bisect_right(starts, start) - 1
        if inside >= 0 and start < sentences[inside][1]:
            piece["sentence"] = starts[inside]
        out.append(piece)
    return out


def article_page(store: Store, view: ArticleView) -> dict[str, Any]:
    """One article with everything linked to it (``show --json``), its
    analysis records, its text in marked pieces, and its sources' texts."""
    record = article_view_record(view)
    analysis: dict[str, list] = {"mentions": [], "timexes": [], "quotes": [], "events": []}
    for section, item in analysis_records(view.analysis) if view.analysis else ():
        analysis[section].append(item)
    sources = {
        i: {
            "id": i,
            "outlet": a.meta.value("outlet"),
            "title": a.meta.value("title"),
            "published": a.meta.value("published"),
            "text": a.text,
        }
        for i, a in view.sources.items()
        if a is not None
    }
    copied = store.summaries_of(view.copied_by)
    return {
        "article": record,
        "analysis": analysis,
        "pieces": pieces(view.article.text, view.analysis, split(view.article.text)),
        "sources": sources,
        "copied_by": [summary_record(copied.get(i), i) for i in view.copied_by],
        "names": view.names,
    }


def search_page(
    store: Store, query: str, *, limit: int | None = None, offset: int = 0
) -> dict[str, Any]:
    """Articles matching every word of ``query`` (stemmed), best first, each
    with a snippet as (text, matched) pieces and its story."""
    limit, offset = page(limit, offset)
    hits, total = store.search(query, limit=limit, offset=offset)
    story_of = store.stories_of([h.article_id for h in hits])
    return {
        "query": query,
        "total": total,
        "limit": limit,
        "offset": offset,
        "hits": [
            {
                "article_id": h.article_id,
                "title": h.title,
                "outlet": h.outlet,
                "published": h.published,
                "story_id": story_of.get(h.article_id),
                "snippet": [{"text": t, "match": m} for t, m in h.snippet],
            }
            for h in hits
        ],
    }


def timeline_page(
    store: Store, *, story: str | None = None, limit: int | None = None, offset: int = 0
) -> dict[str, Any]:
    """Real-world events by date (dated first), with their story, status and
    participants; one story's only when given. ``limit`` defaults to the
    most a page shows (``MAX_LIMIT``)."""
    story = story_key(story)
    limit, offset = page(MAX_LIMIT if limit is None else limit, offset)
    ids, total = store.event_group_ids(story_id=story, limit=limit, offset=offset)
    groups = store.event_groups(ids) if ids else []
    titles = {
        s.id: s.title for s in store.stories(sorted({g.occasion for g in groups if g.occasion}))
    }
    entries = [
        {
            "date": g.date,
            "id": g.id,
            "kind": g.kind,
            "status": g.status,
            "place": g.place,
            "participants": list(g.participants),
            "story_id": g.occasion,
            "story_title": titles.get(g.occasion),
            "reports": len({r.article_id for r in g.reports}),
            "history": [
                {"published": p, "status": s, "article_id": a} for p, s, a in g.status_history
            ],
        }
        for g in groups
    ]
    entries.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    return {
        "timeline": entries,
        "story": story,
        "total": total,
        "limit": limit,
        "offset": offset,
        "names": names_of(store, [p for e in entries for p in e["participants"]]),
    }


def claims_page(
    store: Store,
    *,
    story: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Claims (of one story when given), with their evidence; only those of
    one ``status`` when given. Conflicts first, then corroborated, then
    single-origin."""
    story = story_key(story)
    if status is not None and status not in CLAIM_STATUSES:
        raise BadRequest(f"status must be one of {', '.join(CLAIM_STATUSES)}, not {status!r}")
    limit, offset = page(limit, offset)
    ids, total = store.claim_ids(story_id=story, status=status, limit=limit, offset=offset)
    found = {c.id: c for c in store.claims(ids=ids)} if ids else {}
    shown = [found[i] for i in ids if i in found]
    articles = store.summaries_of(sorted({e.article_id for c in shown for e in c.evidence}))
    return {
        "claims": [claim_record(c) for c in shown],
        "total": total,
        "limit": limit,
        "offset": offset,
        "filters": {"story": story, "status": status},
        "articles": {i: summary_record(s) for i, s in articles.items()},
        "names": names_of(store, _entities(shown)),
    }


def _entities(claims: Iterable) -> list[str]:
    return [e for c in claims for e in c.entities]


def articles_page(store: Store, *, limit: int | None = None, offset: int = 0) -> dict[str, Any]:
    """Stored articles, newest publication first, undated last."""
    limit, offset = page(limit, offset)
    rows = store.summaries(limit=limit, offset=offset)
    return {"articles": [summary_record(r) for r in rows], "limit": limit, "offset": offset}


def derivation_page(article: dict[str, Any]) -> dict[str, Any]:
    """An article page's derivation part: its class and share, each source
    with every sentence aligned, and the articles built from it."""
    record = article["article"]
    return {
        "article_id": record["id"],
        "derivation": record["derivation"],
        "derived_from": record["derived_from"],
        "copied_by": article["copied_by"],
    }
