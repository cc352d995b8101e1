"""The view payloads (``api.*_page``) on the seeds: what every interface shows."""

from pathlib import Path

import pytest

from newsweave import api
from newsweave.errors import BadRequest, NotFound

PATRUSHEV, WANG = "person:nikolai-patrushev", "person:wang-yi"


@pytest.fixture
def seeds(seeds_store):
    """The session's seed store (tests/conftest.py), read only."""
    return seeds_store


def seed_id(store, prefix):
    return next(i for i in store.article_ids() if Path(store.get(i).source).name.startswith(prefix))


def september(store):
    return next(s for s in api.stories_page(store)["stories"] if s["first"] == "2023-09-19")


def test_stories_latest_first_with_outlets_and_origins(seeds):
    page = api.stories_page(seeds)
    assert page["total"] == 3 and [s["first"] for s in page["stories"]] == [
        "2024-07-10",
        "2023-09-19",
        "2023-02-21",
    ]
    story = september(seeds)
    assert story["articles"] == 3 and story["outlets"].get("Sputnik") == 1
    ids = [m.article_id for m in seeds.story_members(story["id"])]
    derived = {
        d.article_id for i in ids for d in seeds.derivations(article_id=i) if d.source_id in ids
    }
    assert story["origins"] == 3 - len(derived) >= 1


@pytest.mark.parametrize(
    "filters, firsts",
    [
        ({"since": "2024"}, ["2024-07-10"]),
        ({"until": "2023-02"}, ["2023-02-21"]),
        ({"since": "2023-09-20", "until": "2023-12-31"}, ["2023-09-19"]),
        ({"outlet": "reuters"}, ["2023-02-21"]),
        ({"entity": "Wang Yi"}, ["2023-09-19", "2023-02-21"]),
        ({"query": "Astana"}, ["2024-07-10"]),
        ({"query": "colour revolutions"}, ["2023-09-19"]),  # stemmed: "colour revolution"
        ({"query": "nuclear arms treaty"}, ["2023-02-21"]),
    ],
)
def test_story_filters(seeds, filters, firsts):
    page = api.stories_page(seeds, **filters)
    assert [s["first"] for s in page["stories"]] == firsts and page["total"] == len(firsts)
    assert page["filters"][next(iter(filters))] == next(iter(filters.values()))


@pytest.mark.parametrize(
    "call, error",
    [
        (lambda s: api.stories_page(s, since="19 Sept"), BadRequest),
        (lambda s: api.stories_page(s, limit=0), BadRequest),
        (lambda s: api.stories_page(s, offset=-1), BadRequest),
        (lambda s: api.stories_page(s, entity="Nobody Atall"), NotFound),
        (lambda s: api.story_page(s, "story:0000000000000000"), NotFound),
        (lambda s: api.quote_page(s, "quote:nothing"), NotFound),
        (lambda s: api.entity_page(s, "Nobody Atall"), NotFound),
        (lambda s: api.claims_page(s, status="true"), BadRequest),
    ],
)
def test_bad_requests_say_what_is_wrong(seeds, call, error):
    with pytest.raises(error):
        call(seeds)


def test_story_page_articles_events_claims_quotes_copies(seeds):
    page = api.story_page(seeds, september(seeds)["id"])
    rewrite, sputnik = seed_id(seeds, "000"), seed_id(seeds, "002")
    assert {a["id"] for a in page["articles"]} >= {rewrite, sputnik}
    assert [a["id"] for a in page["by_outlet"]["Sputnik"]] == [sputnik]
    meetings = [e for e in page["events"] if e["kind"] == "meeting" and e["date"] == "2023-09-19"]
    assert meetings and {PATRUSHEV, WANG} <= set(meetings[0]["participants"])
    assert {"article_id": rewrite, "source_id": sputnik} in [
        {k: d[k] for k in ("article_id", "source_id")} for d in page["derivations"]
    ]
    assert len(page["matrix"]["rows"]) == len(page["claims"]) > 0
    for row in page["matrix"]["rows"]:
        assert set(row["cells"]) <= set(page["matrix"]["outlets"])
        for cells in row["cells"].values():
            for cell in cells:
                assert (
                    seeds.get(cell["article_id"]).text[cell["start"] : cell["end"]] == cell["text"]
                )
    [group] = [
        g
        for g in page["quote_groups"]
        if {r["article_id"] for r in g["renderings"]} == {rewrite, sputnik}
    ]
    assert group["earliest"] == sputnik and page["names"][group["speaker"]] == "Nikolai Patrushev"
    assert page["story"]["timeline"] and page["origins"] <= len(page["articles"])


def test_quote_page_renderings_diff_and_repeat(seeds):
    rewrite, reuters = seed_id(seeds, "000"), seed_id(seeds, "003")
    listing = api.quotes_page(seeds, speaker="Patrushev")
    assert listing["total"] >= 1 and {g["speaker"] for g in listing["quote_groups"]} == {PATRUSHEV}
    group = listing["quote_groups"][0]  # the most rendered first
    assert len(group["renderings"]) == 2
    page = api.quote_page(seeds, group["id"])
    mine = next(r for r in page["quote_group"]["renderings"] if r["article_id"] == rewrite)
    assert ["replace", "double contain", "contain both"] in mine["diff"]
    assert page["repeats"] and all(
        r["article_id"] == reuters for g in page["repeats"] for r in g["renderings"]
    )
    assert page["articles"][reuters]["outlet"] == "Reuters"


def test_entity_page_roles_quotes_events_neighbours_graph(seeds):
    page = api.entity_page(seeds, "wang yi")
    assert page["entity"]["id"] == WANG and page["article_count"] >= 3
    dates = [r["date"] for r in page["entity"]["roles"]]
    assert page["entity"]["roles"] and dates == sorted(dates, key=lambda d: (d is None, d or ""))
    assert any(e["kind"] == "meeting" and PATRUSHEV in e["participants"] for e in page["events"])
    assert PATRUSHEV in [c["id"] for c in page["cooccurring"]]
    met = [e for e in page["graph"]["edges"] if e["relation"] == "met"]
    assert met and all(WANG in (e["source"], e["target"]) for e in met)
    assert {n["id"] for n in page["graph"]["nodes"]} >= {WANG, PATRUSHEV}
    quotes = api.entity_page(seeds, PATRUSHEV)["quotes"]
    assert quotes and {q["speaker"] for q in quotes} == {PATRUSHEV}


def test_graph_page_whole_and_around(seeds):
    whole = api.graph_page(seeds)["graph"]
    around = api.graph_page(seeds, entity="Patrushev")["graph"]
    assert 0 < len(around["edges"]) < len(whole["edges"])
    assert all(PATRUSHEV in (e["source"], e["target"]) for e in around["edges"])


def test_search_snippets_marked_and_with_story(seeds):
    page = api.search_page(seeds, "containment")
    sputnik = seed_id(seeds, "002")
    hit = next(h for h in page["hits"] if h["article_id"] == sputnik)
    assert hit["outlet"] == "Sputnik" and hit["story_id"] == september(seeds)["id"]
    assert any(p["match"] and p["text"].lower().startswith("contain") for p in hit["snippet"])
    assert not any(c in p["text"] for p in hit["snippet"] for c in "\x02\x03")
    assert api.search_page(seeds, "  ;:()  ")["total"] == 0
    assert api.search_page(seeds, 'Astana" NEAR(')["total"] == 0  # every word must match
    assert api.search_page(seeds, '"Astana (')["total"] == 1  # punctuation is no syntax


def test_timeline_by_date_with_story(seeds):
    entries = api.timeline_page(seeds)["timeline"]
    dated = [e["date"] for e in entries if e["date"]]
    assert dated == sorted(dated)
    assert any(
        e["date"] == "2023-09-19" and e["kind"] == "meeting" and e["story_id"] for e in entries
    )
    one = api.timeline_page(seeds, story=september(seeds)["id"])["timeline"]
    assert one and {e["story_id"] for e in one} == {september(seeds)["id"]}


def test_article_page_pieces_sources_and_provenance(seeds):
    rewrite, sputnik = seed_id(seeds, "000"), seed_id(seeds, "002")
    page = api.article_page(seeds, rewrite)
    text = seeds.get(rewrite).text
    assert "".join(p["text"] for p in page["pieces"]) == text
    named = [p for p in page["pieces"] if "entity" in p["kinds"]]
    assert any(p["entity"] == PATRUSHEV for p in named)
    assert any("quote" in p["kinds"] for p in page["pieces"])
    assert sputnik in page["sources"] and page["sources"][sputnik]["outlet"] == "Sputnik"
    assert [d["source_id"] for d in page["article"]["derived_from"]][0] == sputnik
    assert rewrite in [c["id"] for c in api.article_page(seeds, sputnik)["copied_by"]]


def test_claims_page_by_status(seeds):
    everything = api.claims_page(seeds)
    statuses = [c["status"] for c in everything["claims"]]
    order = {"conflict": 0, "corroborated": 1, "single-origin": 2}
    assert statuses == sorted(statuses, key=order.get)
    single = api.claims_page(seeds, status="single-origin", limit=5)
    assert len(single["claims"]) == 5 and single["total"] <= everything["total"]
    assert {c["status"] for c in single["claims"]} == {"single-origin"}
