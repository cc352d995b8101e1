"""newsweave/cli.py in-process: commands, their output, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from newsweave.export import SCHEMA_PATH, SECTIONS
from samples import BRIDGE, FERRY


ARTICLE_KEYS = {
    "id",
    "source",
    "outlet",
    "title",
    "byline",
    "dateline",
    "published",
    "published_source",
    "language",
    "text",
    "removed",
}


def flat(text: str) -> str:
    """Output with Rich's line wrapping undone, for phrase checks."""
    return " ".join(text.split())


@pytest.fixture
def corpus(write_file, tmp_path) -> Path:
    write_file("bridge.txt", BRIDGE)
    write_file("ferry.json", json.dumps({"text": FERRY, "title": "Ferry strike ends"}))
    return tmp_path / "in"


@pytest.fixture
def analyzed(run_cli, corpus):
    """A store holding the two corpus articles; returns their ids."""
    result = run_cli("analyze", corpus)
    assert result.exit_code == 0, result.output
    listing = run_cli("articles", "--json")
    return [row["id"] for row in json_objects(listing.stdout)]


def json_objects(text: str) -> list[dict]:
    """Each JSON value in ``text``, however it is laid out."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (at := _skip_space(text, at)) < len(text):
        value, at = decoder.raw_decode(text, at)
        found.append(value)
    return found


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


# --- analyze ----------------------------------------------------------------------------


def test_analyze_prints_summary(run_cli, corpus):
    result = run_cli("analyze", corpus)
    assert result.exit_code == 0
    assert "Read 2 items: 2 stored, 0 duplicates" in flat(result.stdout)


def test_analyze_again_reports_unchanged(run_cli, corpus):
    run_cli("analyze", corpus)
    result = run_cli("analyze", corpus)
    assert "0 stored" in flat(result.stdout) and "2 unchanged" in flat(result.stdout)


def test_analyze_lists_skipped_files_with_reason(run_cli, corpus, write_file):
    junk = write_file("junk.bin", bytes(range(256)) * 4)
    result = run_cli("analyze", corpus)
    assert result.exit_code == 0
    assert f"skipped {junk}: binary data" in flat(result.stdout)
    assert "1 skipped" in flat(result.stdout)


def test_analyze_reads_stdin(run_cli):
    result = run_cli("analyze", "-", input=BRIDGE.encode())
    assert result.exit_code == 0 and "1 stored" in flat(result.stdout)
    listing = json_objects(run_cli("articles", "--json").stdout)
    assert [row["source"] for row in listing] == ["<stdin>"]


@pytest.mark.parametrize(
    ("flag", "value", "words"),
    [
        ("--published", "2023-13-45", ["published", "YYYY-MM-DD", "2023-13-45"]),
        ("--published", "yesterday", ["published", "YYYY-MM-DD", "yesterday"]),
        ("--reference-date", "2023-02-30", ["reference_date", "YYYY-MM-DD"]),
    ],
)
def test_analyze_bad_date_flag_fails_clearly(run_cli, corpus, db_path, flag, value, words):
    result = run_cli("analyze", flag, value, corpus)
    assert result.exit_code != 0
    assert result.stderr.startswith("Error:")
    for word in words:
        assert word in result.stderr
    assert not Path(db_path).exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--executor", "threads"], ["executor", "processes, dask", "threads"]),
        (["--workers", "0"], ["workers", "positive whole number"]),
        (["--scheduler", "tcp://127.0.0.1:8786"], ["--scheduler", "--executor dask"]),
    ],
)
def test_analyze_bad_executor_settings_fail_clearly(run_cli, corpus, args, words):
    result = run_cli("analyze", *args, corpus)
    assert result.exit_code != 0 and result.stderr.startswith("Error:")
    for word in words:
        assert word in flat(result.stderr)


def test_analyze_workers_flag_runs(run_cli, corpus):
    result = run_cli("analyze", "--workers", "2", corpus)
    assert result.exit_code == 0 and "Read 2 items: 2 stored" in flat(result.stdout)


def test_analyze_outlet_and_published_flags_override_text(run_cli, corpus):
    run_cli("analyze", "--outlet", "Flag Outlet", "--published", "2020-01-02", corpus)
    rows = json_objects(run_cli("articles", "--json").stdout)
    assert {(r["outlet"], r["published"]) for r in rows} == {("Flag Outlet", "2020-01-02")}


def test_analyze_store_error_is_one_line(run_cli, corpus, tmp_path):
    deep = tmp_path / ("long-folder-name-" * 4) / "missing" / "store.db"
    result = run_cli("analyze", "--db", deep, corpus, with_db=False)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot open store" in result.stderr


def test_analyze_store_error_fails_cleanly(run_cli, corpus, tmp_path):
    result = run_cli("analyze", "--db", tmp_path / "no" / "s.db", corpus, with_db=False)
    assert result.exit_code == 1
    assert flat(result.stderr).startswith("Error: cannot open store")


# --- articles and show ----------------------------------------------------------------


def test_articles_lists_stored_articles(run_cli, analyzed):
    result = run_cli("articles")
    assert result.exit_code == 0
    for article_id in analyzed:
        assert article_id in result.stdout


def test_articles_json_gives_summaries(run_cli, analyzed):
    rows = json_objects(run_cli("articles", "--json").stdout)
    assert len(rows) == 2
    assert {r["published"] for r in rows} == {"2023-03-03", "2023-04-12"}
    assert [r["published"] for r in rows] == ["2023-04-12", "2023-03-03"]  # newest first
    assert set(rows[0]) == {"id", "source", "outlet", "published", "title", "words"}


def test_articles_json_is_one_object_per_line(run_cli, analyzed):
    lines = run_cli("articles", "--json").stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["id"] for line in lines)


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (["--limit", "1"], 1),
        (["--offset", "1"], 1),
        (["--offset", "2"], 0),
    ],
)
def test_articles_limit_and_offset(run_cli, analyzed, args, count):
    assert len(json_objects(run_cli("articles", "--json", *args).stdout)) == count


@pytest.mark.parametrize(
    ("length", "case"), [(4, str.lower), (8, str.lower), (16, str.lower), (6, str.upper)]
)
def test_show_finds_article_by_id_prefix(run_cli, analyzed, length, case):
    article_id = analyzed[0]
    result = run_cli("show", case(article_id[:length]))
    assert result.exit_code == 0
    assert article_id in result.stdout
    assert "Ferry strike ends" in result.stdout


def test_show_ambiguous_prefix_lists_matches(run_cli, analyzed):
    result = run_cli("show", " ")
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr
    assert all(article_id in flat(result.stderr) for article_id in analyzed)


def test_show_json_gives_export_record(run_cli, analyzed):
    [record] = json_objects(run_cli("show", "--json", analyzed[1][:6]).stdout)
    assert record["id"] == analyzed[1]
    assert record["published"] == "2023-03-03" and record["byline"] == "Jane Doe"
    assert record["provenance"]["published"]["rule"] == "published.byline.v1"


@pytest.mark.parametrize("unknown", ["zzzz", "ffffffffffffffff", "%", "_"])
def test_show_unknown_id_fails_with_one_line(run_cli, analyzed, unknown):
    result = run_cli("show", unknown)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: no article with id")


# --- export ---------------------------------------------------------------------------


def export(run_cli, tmp_path, fmt: str) -> str:
    target = tmp_path / f"out.{fmt}"
    result = run_cli("export", "--format", fmt, "-o", target)
    assert result.exit_code == 0, result.output
    assert "Wrote 2 articles" in flat(result.stderr)
    return target.read_text(encoding="utf-8")


def test_export_json_validates_against_schema(run_cli, analyzed, tmp_path):
    document = json.loads(export(run_cli, tmp_path, "json"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(document)
    assert set(document) == set(SECTIONS)
    assert set(SECTIONS) >= {
        "articles",
        "entities",
        "quotes",
        "quote_groups",
        "events",
        "derivations",
        "stories",
    }


def test_export_json_articles_carry_contract_fields(run_cli, analyzed, tmp_path):
    articles = json.loads(export(run_cli, tmp_path, "json"))["articles"]
    assert sorted(a["id"] for a in articles) == sorted(analyzed)
    for article in articles:
        assert ARTICLE_KEYS <= set(article)
        for cut in article["removed"]:
            assert set(cut) == {"text", "start", "end", "reason"}
            assert article["raw_text"][cut["start"] : cut["end"]] == cut["text"]
    bridge = next(a for a in articles if a["title"] == "Harbour bridge reopens after repairs")
    assert (
        bridge["outlet"],
        bridge["byline"],
        bridge["dateline"],
        bridge["published"],
        bridge["published_source"],
    ) == ("Coastal Wire", "Jane Doe", "PORTVILLE", "2023-03-03", "published.byline.v1")
    assert bridge["removed"], "the byline line is removed from the text"


def test_export_empty_store_validates(run_cli, tmp_path):
    target = tmp_path / "empty.json"
    assert run_cli("export", "-o", target).exit_code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    graph = document.pop("graph")
    assert document == {name: [] for name in SECTIONS if name != "graph"}
    assert (graph["nodes"], graph["edges"]) == ([], [])


def test_export_jsonl_has_one_object_per_line(run_cli, analyzed, tmp_path):
    lines = export(run_cli, tmp_path, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["record"] for r in records} <= {
        "article",
        "mention",
        "timex",
        "quote",
        "event",
        "entity",
        "derivation",
        "quote_group",
        "story",
        "claim",
        "event_group",
        "graph",
    }
    assert {r["record"] for r in records} >= {"article", "story"}
    records = [r for r in records if r["record"] == "article"]
    assert sorted(r["id"] for r in records) == sorted(analyzed)
    assert all(ARTICLE_KEYS <= set(r) for r in records)


def test_export_csv_has_header_and_row_per_article(run_cli, analyzed, tmp_path):
    rows = list(csv.reader(io.StringIO(export(run_cli, tmp_path, "csv"), newline="")))
    header, body = rows[0], rows[1:]
    assert ARTICLE_KEYS <= set(header)
    assert len(body) == 2
    records = [dict(zip(header, row)) for row in body]
    assert sorted(r["id"] for r in records) == sorted(analyzed)
    for record in records:
        assert all(
            {"text", "start", "end", "reason"} == set(c) for c in json.loads(record["removed"])
        )
        assert "\n" in record["text"]  # multi-line text survives CSV quoting


def test_export_to_stdout(run_cli, analyzed):
    result = run_cli("export", "--format", "jsonl", "-o", "-")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len([r for r in records if r["record"] == "article"]) == 2


@pytest.mark.parametrize("fmt", ["xml", "JSONL", ""])
def test_export_unknown_format_fails_clearly(run_cli, analyzed, tmp_path, fmt):
    target = tmp_path / "out.any"
    result = run_cli("export", "--format", fmt, "-o", target)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown export format")
    assert "json, jsonl, csv" in result.stderr
    assert not target.exists()


def test_export_to_missing_folder_fails_cleanly(run_cli, analyzed, tmp_path):
    result = run_cli("export", "-o", tmp_path / "no" / "out.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error:")


def test_export_failure_keeps_existing_file(run_cli, analyzed, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("previous export", encoding="utf-8")
    run_cli("export", "--format", "nope", "-o", target)
    assert target.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


# --- settings through the CLI ---------------------------------------------------------


def test_cli_reads_db_from_config_file(run_cli, corpus, tmp_path):
    db = tmp_path / "from-file.db"
    settings = tmp_path / "settings.toml"
    settings.write_text(f'db = "{db}"\n', encoding="utf-8")
    result = run_cli("analyze", "--config", settings, corpus, with_db=False)
    assert result.exit_code == 0 and db.exists()


def test_cli_reads_db_from_environment(run_cli, corpus, tmp_path, monkeypatch):
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("NEWSWEAVE_DB", str(db))
    result = run_cli("analyze", corpus, with_db=False)
    assert result.exit_code == 0 and db.exists()


def test_cli_unknown_setting_in_file_fails_clearly(run_cli, corpus, tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text("colour = 'red'\n", encoding="utf-8")
    result = run_cli("analyze", "--config", settings, corpus)
    assert result.exit_code == 1
    assert "unknown setting 'colour'" in flat(result.stderr)
