"""Stories: the listing (filters, search, paging) and one story's page."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..export import (
    claim_record,
    derivation_record,
    event_group_record,
    quote_group_records,
    story_records,
)
from ..model import Claim
from ..store import Store
from ..store.views import StoryFilter
from . import day, names_of, page, story_key, summary_record

SEARCH_DEPTH = 1000  # articles a text query may select stories by


def until_bound(value: str | None) -> str | None:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD filter admits, for string
    comparison with stored days."""
    if value is None:
        return None
    return value + "-99" * (2 - value.count("-"))


def entity_ids(store: Store, name: str | None) -> tuple[str, ...] | None:
    """Every id of the entities a name refers to, merged ones included."""
    if not name:
        return None
    found = store.entities_named(name)
    if not found:
        raise NotFound(f"no entity named {name!r}; `newsweave entity` lists close names")
    return tuple(i for e in found for i in store.entity_aliases(e))


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
) -> dict[str, Any]:
    """Stories overlapping a date range, with an article from ``outlet``,
    naming ``entity``, or with an article matching the text ``query``;
    latest first. Each with its articles, outlets and independent origins
    (its articles less those derived from another of its articles)."""
    limit, offset = page(limit, offset)
    since, until = day(since, "since"), day(until, "until")
    hits = store.search(query, limit=SEARCH_DEPTH)[0] if query else None
    where = StoryFilter(
        since=since,
        until=until_bound(until),
        outlet=outlet or None,
        entity_ids=entity_ids(store, entity),
        article_ids=tuple(h.article_id for h in hits) if hits is not None else None,
    )
    ids, total = store.story_ids(where, limit=limit, offset=offset)
    found = {s.id: s for s in store.stories(ids)}
    outlets, derived = store.story_outlets(ids), store.story_derived(ids)
    rows = []
    for story_id in ids:
        story, per_outlet = found[story_id], outlets.get(story_id, {})
        count = sum(per_outlet.values())
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "first": story.first,
                "last": story.last,
                "articles": count,
                "origins": count - derived.get(story_id, 0),
                "outlets": {
                    (o or "unknown"): n
                    for o, n in sorted(per_outlet.items(), key=lambda kv: (-kv[1], kv[0] or ""))
                },
            }
        )
    return {
        "stories": rows,
        "total": total,
        "limit": limit,
        "offset": offset,
        "filters": {
            "since": since,
            "until": until,
            "outlet": outlet,
            "entity": entity,
            "query": query,
        },
        "outlets": [{"outlet": o, "articles": n} for o, n in store.outlets()],
    }


def claims_matrix(claims: list[Claim], outlet_of: dict[str, str]) -> dict[str, Any]:
    """Claims by outlets: per claim, per outlet, the sentences stating it
    there (article and offsets), with the claim's status."""
    columns = sorted({outlet_of.get(e.article_id, "unknown") for c in claims for e in c.evidence})
    rows = []
    for claim in claims:
        cells: dict[str, list[dict[str, Any]]] = {}
        for e in claim.evidence:
            cells.setdefault(outlet_of.get(e.article_id, "unknown"), []).append(
                {
                    "article_id": e.article_id,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                    "origin": e.origin,
                }
            )
        rows.append(
            {
                "claim_id": claim.id,
                "status": claim.status,
                "text": claim.evidence[0].text if claim.evidence else "",
                "origins": len(claim.origins),
                "cells": cells,
                "conflicts": [
                    {"field": name, "values": list(values)} for name, values in claim.conflicts
                ],
            }
        )
    return {"outlets": columns, "rows": rows}


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """One story: its record (outlets, timeline), its articles by outlet,
    events, claims and their matrix, quotations, and which article copied
    which. The id may leave out its ``story:`` prefix."""
    found = store.stories([story_key(story_id) or ""])
    if not found:
        raise NotFound(f"no story with id {story_id!r}; `newsweave stories` lists them")
    story = found[0]
    story_id = story.id
    members = store.story_members(story_id)
    ids = [m.article_id for m in members]
    summaries = store.summaries_of(ids)
    events = store.event_groups(occasion=story_id)
    claims = store.claims(story_id)
    group_ids, _ = store.quote_group_ids(occasion=story_id)
    groups = store.quote_groups(group_ids)
    repeats = store.quote_repeats(group_ids)
    derivations = store.derivations_among(ids)
    record = story_records([story], members, events, summaries)[0]
    outlet_of = {i: (s.outlet or "unknown") for i, s in summaries.items()}
    articles = sorted(
        (summary_record(summaries.get(i), i) for i in ids),
        key=lambda a: (a["published"] is None, a["published"] or "", a["id"]),
    )
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        by_outlet.setdefault(a["outlet"] or "unknown", []).append(a)
    derived_ids = {d.article_id for d in derivations}
    names = names_of(
        store,
        [
            *{p for g in events for p in g.participants},
            *{e for c in claims for e in c.entities},
            *{g.speaker for g in groups},
        ],
    )
    return {
        "story": record,
        "articles": articles,
        "by_outlet": by_outlet,
        "origins": len(ids) - len(derived_ids),
        "events": [event_group_record(g) for g in events],
        "claims": [claim_record(c) for c in claims],
        "matrix": claims_matrix(claims, outlet_of),
        "quote_groups": list(quote_group_records(groups, repeats)),
        "derivations": [
            {k: v for k, v in derivation_record(d).items() if k != "sentences"} for d in derivations
        ],
        "names": names,
    }
