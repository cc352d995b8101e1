"""The reading commands on the seeds: each prints its page payload as tables,
or as ``--json`` exactly the payload ``api`` returns; bad values fail in one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave import api
from newsweave.cli import app, out

PATRUSHEV, WANG = "person:nikolai-patrushev", "person:wang-yi"


@pytest.fixture
def cli(seeds_store, monkeypatch):
    """Run ``newsweave ARGS --db SEEDS`` in-process on a terminal wide enough
    that no table cell is cut; NEWSWEAVE_* variables are cleared."""
    for name in [n for n in os.environ if n.startswith("NEWSWEAVE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(out, "_width", 250)  # rich reads the width once; under CliRunner it is 80
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, [*args, "--db", seeds_store.db], catch_exceptions=False)

    return run


def seed_id(store, prefix: str) -> str:
    return next(i for i in store.article_ids() if Path(store.get(i).source).name.startswith(prefix))


def september(store) -> dict:
    return next(s for s in api.stories_page(store)["stories"] if s["first"] == "2023-09-19")


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


# --- --json is the payload ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, call",
    [
        (["stories"], lambda s: api.stories_page(s)),
        (
            ["stories", "--entity", "Wang Yi", "--since", "2023-09"],
            lambda s: api.stories_page(s, entity="Wang Yi", since="2023-09"),
        ),
        (["quotes", "--speaker", "Patrushev"], lambda s: api.quotes_page(s, speaker="Patrushev")),
        (["entity", "Wang Yi"], lambda s: api.entity_page(s, "Wang Yi")),
        (["timeline"], lambda s: api.timeline_page(s)),
        (["search", "contain"], lambda s: api.search_page(s, "contain")),
        (["claims", "--limit", "5"], lambda s: api.claims_page(s, limit=5)),
    ],
)
def test_json_prints_the_page_payload(cli, seeds_store, args, call):
    assert json.loads(ok(cli(*args, "--json"))) == call(seeds_store)


def test_json_keeps_non_ascii_text(cli, seeds_store):
    printed = ok(cli("entity", "Wang Yi", "--json"))
    assert "China’s top diplomat" in printed and "\\u2019" not in printed


# --- stories and a story --------------------------------------------------------------------


def test_stories_table_lists_the_three_seed_stories(cli, seeds_store):
    printed = ok(cli("stories"))
    ids = [s["id"] for s in api.stories_page(seeds_store)["stories"]]
    assert len(ids) == 3 and all(len(lines_with(printed, i)) == 1 for i in ids)
    [row] = lines_with(printed, september(seeds_store)["id"])
    assert "2023-09-19–20" in row and "Sputnik 1" in row
    assert [c.strip() for c in row.split("│")][3:5] == ["3", "1"]  # 3 articles, 1 origin
    assert "1-3 of 3 stories" in printed


@pytest.mark.parametrize(
    "args, total",
    [
        (["--entity", "Wang Yi"], 2),
        (["--since", "2024"], 1),
        (["--until", "2023-02"], 1),
        (["--outlet", "Reuters"], 1),
        (["--search", "contain"], 2),
        (["--limit", "1"], 3),
    ],
)
def test_stories_filters(cli, args, total):
    payload = json.loads(ok(cli("stories", *args, "--json")))
    assert payload["total"] == total


@pytest.mark.parametrize("prefix", ["story:", ""])
def test_story_accepts_its_id_with_or_without_prefix(cli, seeds_store, prefix):
    story_id = september(seeds_store)["id"]
    payload = json.loads(ok(cli("story", prefix + story_id.removeprefix("story:"), "--json")))
    assert payload == api.story_page(seeds_store, story_id)
    assert payload["story"]["count"] == 3


def test_story_table_shows_articles_timeline_claims_quotes_and_copies(cli, seeds_store):
    printed = ok(cli("story", september(seeds_store)["id"]))
    sputnik, rewrite = seed_id(seeds_store, "002"), seed_id(seeds_store, "000")
    assert "3 articles from 2 outlets, 1 independent origin" in printed
    for title in (
        "articles by outlet",
        "timeline",
        "claims matrix",
        "quotations",
        "copies and rewrites",
    ):
        assert title in printed
    assert any("Sputnik" in line and "335" in line for line in lines_with(printed, sputnik))
    assert lines_with(printed, "meeting Wang Yi, Nikolai Patrushev in Moscow (happened; 3 reports)")
    [copy] = [line for line in lines_with(printed, rewrite) if "credit" in line]
    assert sputnik in copy and "59%" in copy
    assert "[-double contain-] {+contain both+}" in printed


def test_story_unknown_id_fails_in_one_line(cli):
    result = cli("story", "story:0000000000000000")
    assert result.exit_code == 1 and result.stdout == ""
    assert (
        result.stderr == "Error: no story with id 'story:0000000000000000'; "
        "`newsweave stories` lists them\n"
    )


# --- quotes, entity, timeline ---------------------------------------------------------------


def test_quotes_by_patrushev_show_the_group_of_two_renderings_with_its_diff(cli, seeds_store):
    payload = json.loads(ok(cli("quotes", "--speaker", "Patrushev", "--json")))
    assert {g["speaker"] for g in payload["quote_groups"]} == {PATRUSHEV}
    sputnik, rewrite = seed_id(seeds_store, "002"), seed_id(seeds_store, "000")
    [group] = [
        g
        for g in payload["quote_groups"]
        if {r["article_id"] for r in g["renderings"]} == {sputnik, rewrite}
    ]
    assert group["earliest"] == sputnik and len(group["renderings"]) == 2
    printed = ok(cli("quotes", "--speaker", "Patrushev"))
    [row] = [
        line
        for line in lines_with(printed, "In the context of the campaign launched")
        if line.startswith("│")
    ]
    assert [c.strip() for c in row.split("│")][2:5] == ["2", "2", sputnik]  # renderings, repeats
    assert f"{group['id']} Nikolai Patrushev, 2 renderings; earliest {sputnik}" in printed
    assert "[-double contain-] {+contain both+}" in printed
    assert "the same words on another occasion" in printed


def test_quotes_of_one_story_accept_its_id_without_prefix(cli, seeds_store):
    story_id = september(seeds_store)["id"]
    payload = json.loads(ok(cli("quotes", "--story", story_id.removeprefix("story:"), "--json")))
    assert payload["total"] > 0 and {g["occasion"] for g in payload["quote_groups"]} == {story_id}


def test_entity_wang_yi_shows_roles_articles_quotes_and_events(cli, seeds_store):
    printed = ok(cli("entity", "Wang Yi"))
    assert f"{WANG}; PERSON; also called Wang; named in 4 articles" in printed
    assert any("2023-09-19" in line for line in lines_with(printed, "Chinese Foreign Minister"))
    assert any("Sputnik" in line for line in lines_with(printed, seed_id(seeds_store, "002")))
    assert lines_with(printed, "should strengthen multilateral strategic cooperation")
    [meeting] = [
        line
        for line in lines_with(printed, "Wang Yi, Nikolai Patrushev in Moscow")
        if "2023-09-19" in line
    ]
    assert "happened" in meeting and " 3 " in meeting


def test_timeline_lists_events_by_date_with_their_story(cli, seeds_store):
    printed = ok(cli("timeline"))
    events = api.timeline_page(seeds_store)["timeline"]
    assert f"{len(events)} events" in printed
    dated = [
        line.split("│")[1].strip()
        for line in printed.splitlines()
        if line.startswith("│") and line.split("│")[1].strip()[:1].isdigit()
    ]
    assert dated == sorted(dated) and len(dated) == sum(e["date"] is not None for e in events)
    [row] = [
        line
        for line in lines_with(printed, "Wang Yi, Nikolai Patrushev in Moscow")
        if "2023-09-19" in line
    ]
    assert "Nikolai Patrushev, the secretary" in row  # the story's title


def test_timeline_of_one_story_has_only_its_events(cli, seeds_store):
    story_id = september(seeds_store)["id"]
    payload = json.loads(ok(cli("timeline", "--story", story_id, "--json")))
    assert payload["timeline"] and {e["story_id"] for e in payload["timeline"]} == {story_id}


# --- search and claims ----------------------------------------------------------------------


def test_search_contain_finds_the_sputnik_article(cli, seeds_store):
    sputnik = seed_id(seeds_store, "002")
    printed = ok(cli("search", "contain"))
    [row] = lines_with(printed, sputnik)
    assert "Sputnik" in row and september(seeds_store)["id"] in row
    assert "Containment" in printed and "1-3 of 3 articles" in printed
    payload = json.loads(ok(cli("search", "contain", "--json")))
    hit = next(h for h in payload["hits"] if h["article_id"] == sputnik)
    assert {"text": "Containment", "match": True} in hit["snippet"]


def test_claims_table_shows_status_origins_outlets_and_sentence(cli, seeds_store):
    story_id = september(seeds_store)["id"]
    payload = api.claims_page(seeds_store, story=story_id)
    printed = ok(cli("claims", "--story", story_id))
    assert f"1-{payload['total']} of {payload['total']} claims" in printed
    claim = next(c for c in payload["claims"] if len(c["evidence"]) == 3)
    [row] = lines_with(printed, claim["evidence"][0]["text"][:60])
    assert "single-origin" in row and "Sputnik, unknown" in row and story_id in row


@pytest.mark.parametrize("status", ["conflict", "corroborated", "single-origin"])
def test_claims_status_filter(cli, seeds_store, status):
    payload = json.loads(ok(cli("claims", "--status", status, "--json")))
    assert {c["status"] for c in payload["claims"]} <= {status}
    assert payload["total"] == api.claims_page(seeds_store, status=status)["total"]


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["claims", "--status", "disputed"],
            "Error: status must be one of corroborated, single-origin, conflict, not 'disputed'",
        ),
        (["stories", "--limit", "0"], "Error: limit must be between 1 and 500, not 0"),
        (["stories", "--since", "September"], "Error: since must be a date as YYYY-MM-DD"),
        (["stories", "--entity", "Nobody Atall"], "Error: no entity named 'Nobody Atall'"),
        (["quotes", "--speaker", "Nobody Atall"], "Error: no entity named 'Nobody Atall'"),
        (["entity", "Nobody Atall"], "Error: no entity named 'Nobody Atall'"),
        (["search", "contain", "--offset", "-1"], "Error: offset must be 0 or more"),
    ],
)
def test_bad_values_fail_in_one_line(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
