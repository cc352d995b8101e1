"""Quotations: the listing of quote groups (by speaker) and one group's page."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..export import quote_group_records
from ..store import Store
from . import names_of, page, story_key, summary_record
from .stories import entity_ids


def quotes_page(
    store: Store,
    *,
    speaker: str | None = None,
    story: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Quote groups, the most rendered first: each quotation with every
    rendering, its word diff from the earliest, and repeats on other
    occasions; only ``speaker``'s, or one story's, when given."""
    limit, offset = page(limit, offset)
    story = story_key(story)
    ids, total = store.quote_group_ids(
        speakers=entity_ids(store, speaker), occasion=story, limit=limit, offset=offset
    )
    groups = {g.id: g for g in store.quote_groups(ids)}
    records = list(quote_group_records([groups[i] for i in ids], store.quote_repeats(ids)))
    articles = store.summaries_of(
        sorted({r["article_id"] for g in records for r in g["renderings"]})
    )
    return {
        "quote_groups": records,
        "total": total,
        "limit": limit,
        "offset": offset,
        "filters": {"speaker": speaker, "story": story},
        "articles": {i: summary_record(s) for i, s in articles.items()},
        "names": names_of(store, [g["speaker"] for g in records]),
    }


def quote_page(store: Store, group_id: str) -> dict[str, Any]:
    """One quotation: every rendering (outlet, date, word diff), the earliest
    source, and the groups that repeat it on other occasions."""
    found = store.quote_groups([group_id])
    if not found:
        raise NotFound(f"no quote group with id {group_id!r}; `newsweave quotes` lists them")
    repeats = store.quote_repeats([group_id])
    others = sorted({i for r in repeats for i in (r.group_id, r.other_id)} - {group_id})
    records = list(quote_group_records(found + store.quote_groups(others), repeats))
    group, repeated = records[0], records[1:]
    articles = store.summaries_of(
        sorted({r["article_id"] for g in records for r in g["renderings"]})
    )
    return {
        "quote_group": group,
        "repeats": repeated,
        "articles": {i: summary_record(s) for i, s in articles.items()},
        "names": names_of(store, [g["speaker"] for g in records]),
    }
