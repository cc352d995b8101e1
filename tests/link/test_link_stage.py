"""The link stage inside ``newsweave analyze``: what is stored, incrementally,
and on the seeds (which must be beside the checkout: missing seeds fail)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from newsweave import api
from newsweave.config import Config
from newsweave.link import quotes
from newsweave.link.batch import link_batch
from newsweave.link import stories
from newsweave.model import Analysis, RawDoc, Story, StoredText
from newsweave.clean import clean
from newsweave.export import SCHEMA_PATH

from test_derive import OWN, SOURCE, UNRELATED

WIRE = "PORTVILLE (Coastal Wire) - " + SOURCE
REWRITE = SOURCE.replace("the city council said", "the council said") + "\n" + OWN


@pytest.fixture
def config(db_path):
    return Config(db=db_path, batch_size=8)


def run(store, config, paths):
    return api.analyze(store, [str(p) for p in paths], config)


def by_source(store):
    return {Path(store.get(i).source).name: i for i in store.article_ids()}


def test_copy_in_one_batch_links_to_its_credited_source(store, config, write_file):
    paths = [
        write_file("wire.txt", WIRE),
        write_file("copy.txt", REWRITE),
        write_file("sport.txt", UNRELATED),
    ]
    summary = run(store, config, paths)
    ids = by_source(store)
    [found] = store.derivations()
    assert (found.article_id, found.source_id, found.direction) == (
        ids["copy.txt"],
        ids["wire.txt"],
        "credit",
    )
    assert summary.derivations == 1
    assert [s.kind for s in found.sentences][-1] == "own"


def test_later_batch_links_to_stored_articles_without_relinking(store, config, write_file):
    run(store, config, [write_file("wire.txt", WIRE), write_file("sport.txt", UNRELATED)])
    assert store.derivations() == []
    second = run(store, config, [write_file("later/copy.txt", REWRITE)])
    ids = by_source(store)
    assert [(d.article_id, d.source_id) for d in store.derivations()] == [
        (ids["copy.txt"], ids["wire.txt"])
    ]
    again = run(store, config, [write_file("later/copy.txt", REWRITE)])
    assert (second.derivations, again.derivations, again.unchanged) == (1, 0, 1)
    assert len(store.derivations()) == 1


class CountingView:
    """A store of two articles, each its own story, that records what is read."""

    TEXTS = {"stored-copy": SOURCE, "stranger": UNRELATED}

    def __init__(self):
        self.asked: list[str] = []
        self.profiles = {
            f"story:{i}": stories.profile(
                clean(RawDoc(i, text, "text"), reference=date(2023, 3, 1)), None
            ).to_record()
            for i, text in self.TEXTS.items()
        }

    def shared_keys(self, keys):
        return {"stored-copy": len(keys), "stranger": 1}

    def quote_candidates(self, keys):
        return {}

    def quote_groups(self, ids):
        return []

    def stories_of(self, ids):
        return {i: f"story:{i}" for i in ids}

    def stories(self, ids):
        return [Story(i, i, "2023-03-01", "2023-03-01", 1, self.profiles[i]) for i in ids]

    def story_members(self, story_id):
        return []  # claims are then matched over the new article alone

    def event_candidates(self, keys):
        return {}

    def event_groups(self, ids):
        return []

    def get_many(self, ids):
        return {}

    def analyses_of(self, ids):
        return {}

    def derivations(self, *, article_ids):
        return []

    def published_of(self, ids):
        return {i: "2023-03-01" for i in ids}

    def stored_texts(self, ids):
        self.asked.extend(ids)
        return [StoredText(i, self.TEXTS[i], "2023-03-01", "Coastal Wire") for i in ids]


def test_link_batch_reads_only_candidates():
    """The stage reads the texts of the best candidates (sharing most keys)
    in its story, never all; it joins their story."""
    view = CountingView()
    article = clean(RawDoc("new.txt", REWRITE, "text"), reference=date(2023, 3, 5))
    links = link_batch([article], [Analysis(article.id)], view, limit=1)
    assert view.asked == ["stored-copy"]
    assert [(d.article_id, d.source_id) for d in links.derivations] == [(article.id, "stored-copy")]
    assert [(m.story_id, m.opened) for m in links.story_members] == [("story:stored-copy", False)]
    assert {a for a, _ in links.link_keys} == {article.id} and len(links.link_keys) > 10


def test_link_batch_claims_read_only_the_latest_members():
    """A story of 250 stored articles: claims load the latest 100, not all."""
    from newsweave.link.batch import CLAIM_ARTICLES
    from newsweave.model import StoryMember

    view, loaded = CountingView(), []
    members = [StoryMember(f"a{i:03d}", "story:stored-copy", 1.0, False, "r") for i in range(250)]
    view.story_members = lambda story_id: members
    view.published_of = lambda ids: {i: f"2023-01-{int(i[1:]) % 28 + 1:02d}" for i in ids}
    view.get_many = lambda ids: loaded.extend(ids) or {}
    article = clean(RawDoc("new.txt", REWRITE, "text"), reference=date(2023, 3, 5))
    link_batch([article], [Analysis(article.id)], view, limit=1)
    days = view.published_of([m.article_id for m in members])
    assert len(loaded) == CLAIM_ARTICLES
    assert min(days[i] for i in loaded) >= max(d for i, d in days.items() if i not in loaded)


def test_link_batch_opens_a_story_when_no_candidate_is_close():
    view = CountingView()
    view.shared_keys = lambda keys: {"stranger": 3}
    article = clean(RawDoc("new.txt", REWRITE, "text"), reference=date(2023, 3, 5))
    links = link_batch([article], [Analysis(article.id)], view, limit=1)
    assert [(m.story_id, m.opened) for m in links.story_members] == [(f"story:{article.id}", True)]
    assert links.derivations == () and view.asked == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_carries_derivations_by_sentence(store, config, write_file, tmp_path, fmt):
    run(store, config, [write_file("wire.txt", WIRE), write_file("copy.txt", REWRITE)])
    target = tmp_path / f"out.{fmt}"
    api.export(store, fmt, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    if fmt == "json":
        doc = json.loads("\n".join(lines))
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(doc)
        articles, [derivation] = doc["articles"], doc["derivations"]
    else:
        records = [json.loads(line) for line in lines]
        articles = [r for r in records if r["record"] == "article"]
        [derivation] = [r for r in records if r["record"] == "derivation"]
    ids = by_source(store)
    classes = {a["id"]: a["derivation"]["class"] for a in articles}
    assert classes == {ids["wire.txt"]: "non-derived", ids["copy.txt"]: "partially-derived"}
    copy = store.get(ids["copy.txt"]).text
    first = derivation["sentences"][0]
    assert first["kind"] == "verbatim" and copy[first["start"] : first["end"]].startswith(
        "The harbour"
    )
    assert derivation["sentences"][-1]["kind"] == "own"


@pytest.fixture(scope="module")
def seeds(seeds_store):
    """The seeds as a user would read them (tests/conftest.py ``seeds_store``)."""
    return seeds_store


def seed_names(store, ids):
    return sorted(Path(store.get(i).source).name[:3] for i in ids)


def test_seed_three_stories(seeds):
    """The same people meeting months apart are two stories; Astana a third."""
    found = [
        seed_names(seeds, [m.article_id for m in seeds.story_members(s.id)])
        for s in seeds.stories()
    ]
    assert sorted(found) == [["000", "001", "002"], ["003"], ["004"]]
    september = next(s for s in seeds.stories() if s.count == 3)
    assert (september.first, september.last) == ("2023-09-19", "2023-09-20")


def test_seed_quote_group_with_diff_earliest_and_repeat(seeds):
    """Patrushev's sentence: 002 and 000 render it on 19 September (000 in
    003's wording, "contain both"), 003 in February: a repeat, not a merge."""
    rewrite, sputnik, reuters = (seed_id(seeds, n) for n in ("000", "002", "003"))
    [group] = [
        g
        for g in seeds.quote_groups()
        if {r.article_id for r in g.renderings} == {rewrite, sputnik}
    ]
    assert group.earliest == sputnik and group.speaker == "person:nikolai-patrushev"
    first = next(r for r in group.renderings if r.article_id == sputnik)
    mine = next(r for r in group.renderings if r.article_id == rewrite)
    changes = [op for op in quotes.diff(first.text, mine.text) if op[0] != "equal"]
    assert ("replace", "double contain", "contain both") in changes
    repeated = {
        r.other_id if r.group_id == group.id else r.group_id
        for r in seeds.quote_repeats([group.id])
    }
    assert repeated and all(g.startswith(f"quote:{reuters}:") for g in repeated)


def test_seed_reuters_february_is_no_copy_of_september(seeds):
    reuters = seed_id(seeds, "003")
    assert seeds.derivations(article_id=reuters) == [] == seeds.derivations(source_id=reuters)


def seed_id(store, prefix):
    return next(i for i in store.article_ids() if Path(store.get(i).source).name.startswith(prefix))


def test_seed_000_is_a_rewrite_of_002_with_its_own_claim(seeds):
    rewrite, sputnik = seed_id(seeds, "000"), seed_id(seeds, "002")
    [found] = [d for d in seeds.derivations(article_id=rewrite) if d.source_id == sputnik]
    assert found.direction == "credit"  # 000 names no outlet or date; 002 credits Sputnik
    text = seeds.get(rewrite).text

    def kind(prefix):
        return next(s.kind for s in found.sentences if text[s.start : s.end].startswith(prefix))

    assert kind("China had previously confirmed the attendance of approximately 90") == "own"
    assert kind("Nikolai Patrushev, the secretary") == "rewritten"
    source = seeds.get(sputnik).text
    lead = next(s for s in found.sentences if text[s.start : s.end].startswith("Nikolai"))
    assert "Putin" in source[lead.source_start : lead.source_end]


def test_seed_astana_article_is_nobody_s_copy(seeds):
    astana = seed_id(seeds, "004")
    assert seeds.derivations(article_id=astana) == [] == seeds.derivations(source_id=astana)


def test_seed_five_real_world_events(seeds):
    """One event group per real-world event, with the articles reporting it."""
    wanted = {  # (participants, place, date, status): reporting seeds
        (("nikolai-patrushev", "wang-yi"), "Moscow", "2023-09-19", "happened"): [
            "000",
            "001",
            "002",
        ],
        (("vladimir-putin", "wang-yi"), "St Petersburg", "2023-09-20", "happened"): ["001"],
        (("vladimir-putin", "xi-jinping"), "Beijing", "2023-10", "planned"): ["000", "001", "002"],
        (("nikolai-patrushev", "wang-yi"), "Moscow", "2023-02-21", "happened"): ["003"],
        (("vladimir-putin", "xi-jinping"), "Astana", None, "happened"): ["004"],
    }
    found = {}
    for g in seeds.event_groups():
        people = tuple(sorted(p.removeprefix("person:") for p in g.participants))
        found[(people, g.place, g.date, g.status)] = seed_names(
            seeds, {r.article_id for r in g.reports}
        )
    for key, reporters in wanted.items():
        assert found.get(key) == reporters, key


def test_seed_claims_single_origin_of_the_rewrite(seeds):
    """000's claim about 90 countries at the forum is its own: single-origin."""
    rewrite = seed_id(seeds, "000")
    [claim] = [
        c
        for c in seeds.claims()
        if any(e.article_id == rewrite and "90 countries" in e.text for e in c.evidence)
    ]
    assert claim.status == "single-origin" and claim.origins == (f"article:{rewrite}",)
    assert "90" in claim.evidence[0].numbers


def test_seed_copied_sentences_count_their_source_as_origin(seeds):
    """000's sentences rewritten from 002 have Sputnik's origin: a claim that
    only 000 and 002 state is not corroborated."""
    rewrite = seed_id(seeds, "000")
    for claim in seeds.claims():
        names = {e.article_id for e in claim.evidence}
        if names == {rewrite, seed_id(seeds, "002")}:
            assert claim.origins == ("outlet:sputnik",) and claim.status != "corroborated"


def test_seed_graph_who_met_whom(seeds, tmp_path):
    target = tmp_path / "seeds.json"
    api.export(seeds, "json", target)
    doc = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))).validate(
        doc
    )
    met = {
        (e["source"], e["target"], e["date"])
        for e in doc["graph"]["edges"]
        if e["relation"] == "met"
    }
    assert ("person:nikolai-patrushev", "person:wang-yi", "2023-09-19") in met
    assert ("person:nikolai-patrushev", "person:wang-yi", "2023-02-21") in met
    assert ("person:vladimir-putin", "person:xi-jinping", "2023-10") in met
    september = next(s for s in doc["stories"] if s["count"] == 3)
    assert len(september["events"]) >= 2 and september["timeline"][0]["date"] <= "2023-09-19"


def test_seed_show_prints_the_rewrite_and_the_wording_it_shares_with_reuters(seeds):
    """``show 000``: its sources sentence by sentence, its own claim, and its
    quote beside 002's and, on another occasion, 003's wording."""
    from typer.testing import CliRunner

    from newsweave.cli import app

    result = CliRunner().invoke(
        app,
        ["show", seed_id(seeds, "000"), "--db", seeds.db],
        catch_exceptions=False,
        env={"COLUMNS": "300"},
    )
    assert result.exit_code == 0
    text = result.stdout
    assert f"from {seed_id(seeds, '002')} Sputnik" in text
    assert "own       China had previously confirmed the attendance of approximately 90" in text
    assert "[-double contain-] {+contain both+}" in text  # 002's wording against 000's
    repeat = next(
        line for line in text.splitlines() if "the same words on another occasion" in line
    )
    assert seed_id(seeds, "003") in repeat and "contain both" in repeat
    assert "{+contain both+}" not in repeat  # 000 has 003's words there
