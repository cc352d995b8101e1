"""The entity graph: who met whom, who addressed whom, and when, as data.

Nodes are canonical entities; edges come from what linking and analysis
stored, never from co-occurrence alone:

- ``met``: two participants of one real-world event (an event group of a
  contact kind: meeting, talks, call, summit, visit, signing), with its date,
  place, status, the group's id and how many articles report it;
- ``addressed``: a quotation whose speaker spoke to an addressee ("Putin told
  Wang"), with the article's date and the article's id.

An edge is directed for ``addressed`` (speaker to addressee) and undirected
for ``met`` (its ends sorted). The views (a drawing to pan and click through,
GraphML, GEXF) come with the interfaces; this module gives them one payload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Iterable

from ..model import Analysis, Entity, EventGroup

RULE = "graph.events_quotes.v1"
CONTACT_KINDS = frozenset({"meeting", "talks", "call", "summit", "visit", "signing"})


@dataclass
class GraphBuilder:
    """Edges collected from event groups and quotations, then one payload."""

    edges: list[dict[str, Any]] = field(default_factory=list)

    def add_event_groups(self, groups: Iterable[EventGroup]) -> None:
        for group in groups:
            if group.kind not in CONTACT_KINDS:
                continue
            for a, b in combinations(sorted(set(group.participants)), 2):
                self.edges.append(
                    {
                        "source": a,
                        "target": b,
                        "relation": "met",
                        "kind": group.kind,
                        "date": group.date,
                        "place": group.place,
                        "status": group.status,
                        "event_group": group.id,
                        "articles": len({r.article_id for r in group.reports}),
                    }
                )

    def add_analysis(self, analysis: Analysis, published: str | None) -> None:
        for quote in analysis.quotes:
            self.add_addressed(quote.speaker, quote.addressee, published, analysis.article_id)

    def add_addressed(
        self, speaker: str | None, addressee: str | None, published: str | None, article_id: str
    ) -> None:
        """One quotation of ``speaker`` to ``addressee`` (nothing if either is missing)."""
        if speaker and addressee and speaker != addressee:
            self.edges.append(
                {
                    "source": speaker,
                    "target": addressee,
                    "relation": "addressed",
                    "date": published,
                    "article_id": article_id,
                }
            )

    def payload(self, entities: Iterable[Entity]) -> dict[str, Any]:
        """Nodes (every entity an edge touches) and edges, in a stable order."""
        known = {e.id: e for e in entities}
        used = sorted({e[end] for e in self.edges for end in ("source", "target")})
        nodes = [
            {
                "id": i,
                "name": known[i].name if i in known else i,
                "label": known[i].label if i in known else None,
            }
            for i in used
        ]
        edges = sorted(
            self.edges,
            key=lambda e: (
                e["relation"],
                e["source"],
                e["target"],
                e.get("date") or "",
                e.get("event_group", ""),
                e.get("article_id", ""),
            ),
        )
        return {"rule": RULE, "nodes": nodes, "edges": edges}
