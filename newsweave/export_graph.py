"""The entity graph of an export as GraphML or GEXF, through networkx.

The graph is the export's ``graph`` payload (``link.graph.GraphBuilder``),
read as a ``networkx.MultiDiGraph``: one node per payload node, keyed by the
entity id, and one edge per payload edge (its key: its place in the payload's
edges), so two people who met twice have two ``met`` edges. A ``met`` edge is undirected in meaning; it runs from the
first entity id to the second in sorted order, as in the payload. Values
that are null in the payload are left out (GraphML has no null).

Node attributes are ``name`` and ``label`` (PERSON, ORG, GPE, ...). GEXF gives
every node a label of its own, the text a viewer such as Gephi shows: there it
is the entity's name, and the entity's label is the attribute
``entity_label``. Edge attributes are ``relation``, ``date``, ``kind``,
``place``, ``status``, ``event_group``, ``articles`` and ``article_id``, where
set; the graph's ``rule`` is a graph attribute.
"""

from __future__ import annotations

from typing import IO, Any, Callable

import networkx as nx

EDGE_FIELDS = (
    "relation",
    "date",
    "kind",
    "place",
    "status",
    "event_group",
    "articles",
    "article_id",
)


def graph_of(payload: dict[str, Any], *, gexf: bool = False) -> nx.MultiDiGraph:
    """The payload as a MultiDiGraph; ``gexf`` names the node attributes as
    GEXF wants them (its ``label`` is the name)."""
    graph = nx.MultiDiGraph(rule=payload["rule"])
    for node in payload["nodes"]:
        if gexf:
            attributes = {
                "label": node["name"],
                "name": node["name"],
                "entity_label": node["label"],
            }
        else:
            attributes = {"name": node["name"], "label": node["label"]}
        graph.add_node(node["id"], **{k: v for k, v in attributes.items() if v is not None})
    for number, edge in enumerate(payload["edges"]):  # the key: a unique GraphML edge id
        graph.add_edge(
            edge["source"],
            edge["target"],
            key=number,
            **{k: edge[k] for k in EDGE_FIELDS if edge.get(k) is not None},
        )
    return graph


def write_graphml(payload: dict[str, Any], out: IO[bytes]) -> None:
    nx.write_graphml(graph_of(payload), out, encoding="utf-8")


def write_gexf(payload: dict[str, Any], out: IO[bytes]) -> None:
    nx.write_gexf(graph_of(payload, gexf=True), out, encoding="utf-8")


WRITERS: dict[str, Callable[[dict[str, Any], IO[bytes]], None]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
}
