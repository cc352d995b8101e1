"""CSV tables, GraphML and GEXF on examples/corpus: the same records as the JSON export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsweave import api, export
from newsweave.cli import app
from newsweave.config import Config
from newsweave.errors import ConfigError
from newsweave.export_graph import graph_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Each child table: the JSON section and the list in each of its records.
CHILDREN = {
    "aligned_sentences": ("derivations", "sentences"),
    "quote_renderings": ("quote_groups", "renderings"),
    "story_members": ("stories", "articles"),
    "event_reports": ("event_groups", "reports"),
    "claim_evidence": ("claims", "evidence"),
    "graph_nodes": ("graph", "nodes"),
    "graph_edges": ("graph", "edges"),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = api.open_store(Config(db=str(tmp_path_factory.mktemp("examples") / "ex.db")))
    api.analyze(opened, [str(EXAMPLES / "corpus")], Config(db=opened.db))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def doc(store, tmp_path_factory) -> dict:
    target = tmp_path_factory.mktemp("json") / "ex.json"
    api.export(store, "json", target)
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tables(store, tmp_path_factory) -> dict[str, tuple[list[str], list[dict]]]:
    """Each CSV file of a folder export: its header and its rows."""
    folder = tmp_path_factory.mktemp("csv") / "tables"
    assert api.export(store, "csv", folder) == 10
    found = {}
    for path in folder.iterdir():
        with path.open(encoding="utf-8", newline="") as stream:
            reader = csv.DictReader(stream)
            found[path.stem] = (list(reader.fieldnames or ()), list(reader))
    return found


def expected_count(doc: dict, table: str) -> int:
    if table in CHILDREN:
        section, key = CHILDREN[table]
        records = [doc["graph"]] if section == "graph" else doc[section]
        return sum(len(r[key]) for r in records)
    return len(doc[table])


def test_csv_folder_has_every_table(tables):
    assert set(tables) == set(export.CSV_TABLES)
    for table, (header, _) in tables.items():
        assert tuple(header) == export.CSV_TABLES[table], table


@pytest.mark.parametrize("table", sorted(export.CSV_TABLES))
def test_csv_table_has_a_row_per_json_record(tables, doc, table):
    header, rows = tables[table]
    assert expected_count(doc, table) > 0, f"the example corpus has no {table}"
    assert len(rows) == expected_count(doc, table)


def test_csv_rows_carry_their_parent_ids(tables, doc):
    ids = {
        table: {r["id"] for r in tables[table][1]}
        for table in ("quote_groups", "stories", "event_groups", "claims", "graph_nodes")
    }
    assert all(r["group_id"] in ids["quote_groups"] for r in tables["quote_renderings"][1])
    assert all(r["story_id"] in ids["stories"] for r in tables["story_members"][1])
    assert all(r["group_id"] in ids["event_groups"] for r in tables["event_reports"][1])
    assert all(r["claim_id"] in ids["claims"] for r in tables["claim_evidence"][1])
    pairs = {(r["article_id"], r["source_id"]) for r in tables["derivations"][1]}
    assert {(r["article_id"], r["source_id"]) for r in tables["aligned_sentences"][1]} == pairs
    assert {r[end] for r in tables["graph_edges"][1] for end in ("source", "target")} == ids[
        "graph_nodes"
    ]
    assert sorted(r["id"] for r in tables["articles"][1]) == sorted(
        a["id"] for a in doc["articles"]
    )


def test_csv_nested_values_are_json(tables, doc):
    events = tables["events"][1]
    assert [json.loads(r["participants"]) for r in events] == [
        e["participants"] for e in doc["events"]
    ]
    renderings = [r for g in doc["quote_groups"] for r in g["renderings"]]
    assert [json.loads(r["diff"]) for r in tables["quote_renderings"][1]] == [
        r["diff"] for r in renderings
    ]
    stories = {r["id"]: r for r in tables["stories"][1]}
    for story in doc["stories"]:
        assert json.loads(stories[story["id"]]["timeline"]) == story["timeline"]
        assert int(stories[story["id"]]["count"]) == story["count"]


def test_csv_columns_hold_every_field(doc):
    """No field of a record is dropped on the way to its table (the article
    table keeps its columns of old)."""
    for section, records in doc.items():
        for record in [records] if section == "graph" else records:
            for table, row in export.csv_rows(section, record):
                if table != "articles":
                    assert set(row) <= set(export.CSV_TABLES[table]), (table, set(row))


def test_csv_file_name_keeps_articles_alone(store, tmp_path, tables):
    target = tmp_path / "articles.CSV"
    assert api.export(store, "csv", target) == 10
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows == tables["articles"][1]


def test_csv_folder_over_a_file_fails_and_keeps_it(store, tmp_path):
    target = tmp_path / "tables"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a folder"):
        api.export(store, "csv", target)
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_csv_folder_failure_leaves_the_folder_as_it_was(store, tmp_path, monkeypatch):
    target = tmp_path / "tables"
    target.mkdir()
    (target / "articles.csv").write_text("previous", encoding="utf-8")
    (target / "notes.txt").write_text("mine", encoding="utf-8")

    def failing(section, record):
        if section == "claims":
            raise RuntimeError("disk full")
        return real(section, record)

    real = export.csv_rows
    monkeypatch.setattr(export, "csv_rows", failing)
    with pytest.raises(RuntimeError):
        api.export(store, "csv", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]  # no temporary folder
    assert (target / "articles.csv").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in target.iterdir()) == ["articles.csv", "notes.txt"]


def test_csv_folder_keeps_other_files(store, tmp_path):
    target = tmp_path / "tables"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    api.export(store, "csv", target)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert {p.name for p in target.iterdir()} == {"notes.txt"} | {
        f"{t}.csv" for t in export.CSV_TABLES
    }


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_parse_back_to_the_json_graph(store, doc, tmp_path, fmt, read):
    target = tmp_path / f"graph.{fmt}"
    assert api.export(store, fmt, target) == len(doc["graph"]["edges"])
    graph = read(target)
    assert graph.is_directed()
    nodes, edges = doc["graph"]["nodes"], doc["graph"]["edges"]
    assert edges, "the example corpus has a graph"
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(nodes), len(edges))
    for node in nodes:
        found = graph.nodes[node["id"]]
        assert found["name"] == node["name"]
        assert found["label" if fmt == "graphml" else "entity_label"] == node["label"]
        if fmt == "gexf":
            assert found["label"] == node["name"]  # what a viewer shows
    read_edges = sorted(
        (u, v, d["relation"], d.get("date"), d.get("event_group"))
        for u, v, d in graph.edges(data=True)
    )
    assert read_edges == sorted(
        (e["source"], e["target"], e["relation"], e.get("date"), e.get("event_group"))
        for e in edges
    )


def test_graph_of_keeps_parallel_edges_and_leaves_out_nulls(tmp_path):
    payload = {
        "rule": "graph.events_quotes.v1",
        "nodes": [
            {"id": "person:a", "name": "A", "label": "PERSON"},
            {"id": "person:b", "name": "B", "label": None},
        ],
        "edges": [
            {
                "source": "person:a",
                "target": "person:b",
                "relation": "met",
                "kind": "talks",
                "date": None,
                "place": "Lentisse",
                "status": "happened",
                "event_group": "event:x:0",
                "articles": 2,
            },
            {
                "source": "person:a",
                "target": "person:b",
                "relation": "addressed",
                "date": "2023-09-19",
                "article_id": "x",
            },
        ],
    }
    graph = graph_of(payload)
    assert isinstance(graph, nx.MultiDiGraph) and graph.graph["rule"] == payload["rule"]
    assert graph.nodes["person:b"] == {"name": "B"}
    met, addressed = (d for _, _, d in graph.edges(data=True))
    assert "date" not in met and met["articles"] == 2
    assert addressed == {"relation": "addressed", "date": "2023-09-19", "article_id": "x"}
    for name, write, read in (
        ("g.graphml", nx.write_graphml, nx.read_graphml),
        ("g.gexf", nx.write_gexf, nx.read_gexf),
    ):
        write(graph_of(payload, gexf=name.endswith("gexf")), tmp_path / name)
        assert read(tmp_path / name).number_of_edges() == 2


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_empty_store_exports(tmp_path, fmt):
    opened = api.open_store(Config(db=str(tmp_path / "empty.db")))
    try:
        target = tmp_path / ("tables" if fmt == "csv" else f"g.{fmt}")
        assert api.export(opened, fmt, target) == 0
    finally:
        opened.close()
    if fmt == "csv":
        for table, columns in export.CSV_TABLES.items():
            lines = (target / f"{table}.csv").read_text(encoding="utf-8").splitlines()
            assert lines == [",".join(columns)]
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (0, 0)


# --- through the CLI ---


def cli(store, *args: str):
    return CliRunner().invoke(app, ["export", "--db", store.db, *args], catch_exceptions=False)


def test_cli_graphml_to_stdout_and_file(store, doc, tmp_path):
    result = cli(store, "--format", "graphml", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")
    result = cli(store, "-f", "gexf", "-o", str(tmp_path / "g.gexf"))
    assert result.exit_code == 0
    assert f"Wrote the entity graph ({len(doc['graph']['edges'])} edges)" in result.stderr


def test_cli_csv_folder(store, tmp_path):
    result = cli(store, "-f", "csv", "-o", str(tmp_path / "tables"))
    assert result.exit_code == 0
    assert "Wrote 10 articles" in result.stderr and "one file per table" in result.stderr
    assert (tmp_path / "tables" / "graph_edges.csv").is_file()


def test_cli_unknown_format_names_every_format(store, tmp_path):
    result = cli(store, "-f", "dot", "-o", str(tmp_path / "g.dot"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown export format 'dot'")
    assert "json, jsonl, csv, graphml, gexf" in result.stderr
    assert list(tmp_path.iterdir()) == []
