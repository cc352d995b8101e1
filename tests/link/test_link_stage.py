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
from newsweave.link import derive
from newsweave.link.batch import link_batch
from newsweave.model import Analysis, RawDoc
from newsweave.clean import clean
from newsweave.export import SCHEMA_PATH

from test_derive import OWN, SOURCE, UNRELATED

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
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
    paths = [write_file("wire.txt", WIRE), write_file("copy.txt", REWRITE),
             write_file("sport.txt", UNRELATED)]
    summary = run(store, config, paths)
    ids = by_source(store)
    [found] = store.derivations()
    assert (found.article_id, found.source_id, found.direction) == (
        ids["copy.txt"], ids["wire.txt"], "credit")
    assert summary.derivations == 1
    assert [s.kind for s in found.sentences][-1] == "own"


def test_later_batch_links_to_stored_articles_without_relinking(store, config, write_file):
    run(store, config, [write_file("wire.txt", WIRE), write_file("sport.txt", UNRELATED)])
    assert store.derivations() == []
    second = run(store, config, [write_file("later/copy.txt", REWRITE)])
    ids = by_source(store)
    assert [(d.article_id, d.source_id) for d in store.derivations()] == [
        (ids["copy.txt"], ids["wire.txt"])]
    again = run(store, config, [write_file("later/copy.txt", REWRITE)])
    assert (second.derivations, again.derivations, again.unchanged) == (1, 0, 1)
    assert len(store.derivations()) == 1


def test_link_batch_reads_only_candidates(store):
    """The stage asks the store for texts of candidates sharing keys, never all."""
    class View:
        def __init__(self):
            self.asked: list[str] = []

        def shared_keys(self, keys):
            return {"stored-copy": len(keys), "stranger": 1}

        def quote_candidates(self, keys):
            return {}

        def quote_groups(self, ids):
            return []

        def stored_texts(self, ids):
            self.asked.extend(ids)
            texts = {"stored-copy": SOURCE, "stranger": UNRELATED}
            from newsweave.model import StoredText
            return [StoredText(i, texts[i], "2023-03-01", "Coastal Wire") for i in ids]

    view = View()
    article = clean(RawDoc("new.txt", REWRITE, "text"), reference=date(2023, 3, 5))
    links = link_batch([article], [Analysis(article.id)], view, limit=1)
    assert view.asked == ["stored-copy"]
    assert [(d.article_id, d.source_id) for d in links.derivations] == [(article.id, "stored-copy")]
    assert {a for a, _ in links.link_keys} == {article.id} and len(links.link_keys) > 10


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
    assert first["kind"] == "verbatim" and copy[first["start"]:first["end"]].startswith("The harbour")
    assert derivation["sentences"][-1]["kind"] == "own"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    assert SEEDS.is_dir(), f"the seed articles are missing: {SEEDS}"
    store = api.open_store(Config(db=str(tmp_path_factory.mktemp("seeds") / "seeds.db")))
    api.analyze(store, [str(SEEDS)], Config(db=store.db, reference_date="2026-11-23"))
    yield store
    store.close()


def seed_id(store, prefix):
    return next(i for i in store.article_ids() if Path(store.get(i).source).name.startswith(prefix))


def test_seed_000_is_a_rewrite_of_002_with_its_own_claim(seeds):
    rewrite, sputnik = seed_id(seeds, "000"), seed_id(seeds, "002")
    [found] = [d for d in seeds.derivations(article_id=rewrite) if d.source_id == sputnik]
    assert found.direction == "credit"  # 000 names no outlet or date; 002 credits Sputnik
    text = seeds.get(rewrite).text
    def kind(prefix):
        return next(s.kind for s in found.sentences if text[s.start:s.end].startswith(prefix))
    assert kind("China had previously confirmed the attendance of approximately 90") == "own"
    assert kind("Nikolai Patrushev, the secretary") == "rewritten"
    source = seeds.get(sputnik).text
    lead = next(s for s in found.sentences if text[s.start:s.end].startswith("Nikolai"))
    assert "Putin" in source[lead.source_start:lead.source_end]


def test_seed_astana_article_is_nobody_s_copy(seeds):
    astana = seed_id(seeds, "004")
    assert seeds.derivations(article_id=astana) == [] == seeds.derivations(source_id=astana)
