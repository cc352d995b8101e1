"""Entities and the entity graph: one entity's page (roles over time, quotes,
events, the entities named beside it, its neighbourhood in the graph) and the
whole graph."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..errors import NotFound
from ..export import entity_record, event_group_record
from ..link.graph import GraphBuilder
from ..store import Store
from . import names_of, summary_record

ARTICLES_SHOWN = 100
QUOTES_SHOWN = 100


def graph_payload(store: Store, around: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The entity graph (``met`` from event groups, ``addressed`` from
    quotations), as the export writes it; only the edges touching one of
    ``around`` when given."""
    builder = GraphBuilder()
    if around is None:
        groups = store.event_groups()
        spoken = store.quotes_of(addressed=True)
    else:
        groups = store.event_groups(store.entity_event_groups(around))
        spoken = store.quotes_of(speakers=around, addressed=True) + store.quotes_of(
            addressees=around
        )
    builder.add_event_groups(groups)
    for q in spoken:
        builder.add_addressed(q.speaker, q.addressee, q.published, q.article_id)
    if around is not None:  # an event group's other participants may meet each other
        wanted = set(around)
        builder.edges = [e for e in builder.edges if {e["source"], e["target"]} & wanted]
    used = {e[end] for e in builder.edges for end in ("source", "target")}
    return builder.payload(store.entities(sorted(used)))


def entity_page(store: Store, name_or_id: str) -> dict[str, Any]:
    """One entity: its record (aliases, roles with their dates), the articles
    naming it, its quotations and those addressed to it, its events, the
    entities named beside it, and its edges in the graph. Other entities the
    name could mean are listed in ``others``."""
    found = store.entities_named(name_or_id)
    if not found:
        raise NotFound(f"no entity named {name_or_id!r}")
    [entity] = store.entities([found[0]])
    ids = store.entity_aliases(entity.id)
    articles, article_count = store.entity_articles(ids, limit=ARTICLES_SHOWN)
    summaries = store.summaries_of([a for a, _ in articles])
    spoken = store.quotes_of(speakers=ids, limit=QUOTES_SHOWN)
    events = store.event_groups(store.entity_event_groups(ids))
    near = store.cooccurring(ids)
    graph = graph_payload(store, ids)
    roles = sorted(entity.roles, key=lambda r: (r.date is None, r.date or "", r.title))
    names = names_of(
        store,
        [
            *{p for g in events for p in g.participants},
            *{e for e, _ in near},
            *{q.addressee for q in spoken},
        ],
    )
    return {
        "entity": {**entity_record(entity), "roles": [dataclasses.asdict(r) for r in roles]},
        "articles": [{**summary_record(summaries.get(a), a), "mentions": n} for a, n in articles],
        "article_count": article_count,
        "quotes": [dataclasses.asdict(q) for q in spoken],
        "events": [event_group_record(g) for g in events],
        "cooccurring": [{"id": e, "name": names.get(e, e), "articles": n} for e, n in near],
        "graph": graph,
        "others": found[1:],
        "names": {**names, entity.id: entity.name},
    }


def graph_page(store: Store, entity: str | None = None) -> dict[str, Any]:
    """The whole entity graph, or one entity's neighbourhood."""
    if entity is None:
        return {"graph": graph_payload(store), "entity": None}
    found = store.entities_named(entity)
    if not found:
        raise NotFound(f"no entity named {entity!r}")
    return {"graph": graph_payload(store, store.entity_aliases(found[0])), "entity": found[0]}
