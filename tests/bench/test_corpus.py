"""bench/corpus.py: a seeded, streamed, date-sorted pile of stories made from the real
texts of bench/material.py (which must be beside the checkout, in ../shared/bench),
that newsweave's reader takes as it is."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import material  # noqa: E402

from newsweave.ingest import read_paths  # noqa: E402
from newsweave.link import sentences  # noqa: E402
from newsweave.model import RawDoc  # noqa: E402

SIZE = 400


@pytest.fixture(scope="module")
def pile() -> list[tuple[dict, dict]]:
    if not material.BENCH.is_dir():
        pytest.fail(f"the material is missing: {material.BENCH.resolve()}", pytrace=False)
    return list(corpus.pairs(SIZE, seed=3))


@pytest.fixture(scope="module")
def by_url(pile) -> dict[str, dict]:
    return {record["url"]: record for record, _ in pile}


def _of_kind(pile, kind: str) -> list[tuple[dict, dict]]:
    found = [(record, truth) for record, truth in pile if truth["kind"] == kind]
    assert found, f"no {kind} in {SIZE} articles"
    return found


def _sentences(text: str) -> set[str]:
    return {" ".join(text[a:b].split()) for a, b in sentences.split(text)}


def test_corpus_same_seed_same_pile_other_seed_other_pile(pile):
    assert list(corpus.pairs(SIZE, seed=3)) == pile
    assert [r for r, _ in pile][:50] != list(corpus.generate(50, seed=4))


@pytest.mark.parametrize("size", [0, 1, 2, 37, SIZE])
def test_corpus_gives_exactly_size_records(size):
    assert sum(1 for _ in corpus.generate(size, seed=3)) == size


def test_corpus_records_have_the_reader_fields_and_unique_urls(pile):
    assert all(set(r) == {"text", "title", "outlet", "published", "url"} for r, _ in pile)
    assert len({r["url"] for r, _ in pile}) == SIZE
    assert [r["url"] for r, _ in pile] == [t["url"] for _, t in pile]


def test_corpus_dates_sorted_within_the_span(pile):
    days = [dt.date.fromisoformat(r["published"]) for r, _ in pile]
    assert days == sorted(days)
    assert days[0] >= corpus.START
    last = corpus.START + dt.timedelta(days=corpus.DAYS + corpus.MAX_LAG)
    assert days[-1] <= last and days[-1] > corpus.START + dt.timedelta(days=corpus.DAYS - 30)


def test_corpus_has_every_kind_and_several_outlets(pile):
    kinds = Counter(t["kind"] for _, t in pile)
    assert set(kinds) == {"original", "singleton", "copy", "rewrite", "follow-up"}
    assert len({r["outlet"] for r, _ in pile}) >= 12
    outlets: dict[str, list[str]] = {}
    for record, truth in pile:
        outlets.setdefault(truth["story"], []).append(record["outlet"])
    assert all(len(set(o)) == len(o) for o in outlets.values())  # one article an outlet


def test_corpus_stories_mostly_small_some_large(pile):
    sizes = Counter(Counter(t["story"] for _, t in pile).values())
    stories = sum(sizes.values())
    assert sum(n for size, n in sizes.items() if size <= 3) >= 0.7 * stories
    assert sum(n for size, n in sizes.items() if size >= 5) >= 0.05 * stories


def test_corpus_copies_carry_the_original_body(pile, by_url):
    for record, truth in _of_kind(pile, "copy"):
        original = by_url[truth["source"]]
        assert original["text"] in record["text"]
        assert record["published"] >= original["published"]


def test_corpus_rewrites_share_some_but_not_all_sentences(pile, by_url):
    for record, truth in _of_kind(pile, "rewrite"):
        own, source = _sentences(record["text"]), _sentences(by_url[truth["source"]]["text"])
        assert own & source, truth["url"]
        assert source - own and own - source, truth["url"]


def test_corpus_follow_ups_quote_their_story_base(pile, by_url):
    for record, truth in _of_kind(pile, "follow-up"):
        assert truth["quotes"]
        original = by_url[truth["source"]]
        for quote in truth["quotes"]:
            assert quote in record["text"] and quote in original["text"]
            assert '"' in quote or "“" in quote or "‘" in quote
        assert record["published"] > original["published"]


def test_corpus_originals_and_singletons_have_no_source(pile):
    for _, truth in pile:
        assert (truth["source"] is None) == (truth["kind"] in ("original", "singleton"))


@pytest.mark.parametrize(
    "mix, kinds",
    [
        (corpus.Mix(singletons=1.0), {"singleton"}),
        (corpus.Mix(singletons=0, rewrites=0, follow_ups=0), {"original", "copy"}),
    ],
    ids=["singletons", "copies"],
)
def test_corpus_mix_sets_the_kinds(mix, kinds):
    assert {t["kind"] for _, t in corpus.pairs(60, mix=mix)} == kinds


def test_corpus_streams_a_large_pile(pile):
    stream = corpus.generate(100_000)
    assert inspect.isgenerator(stream)
    started = time.perf_counter()
    first = next(stream)
    assert time.perf_counter() - started < 2.0  # the first of 100,000 without the rest
    assert first["published"] == corpus.START.isoformat()


def test_corpus_file_reads_back_with_hints(pile, tmp_path):
    out, truth = tmp_path / "corpus.jsonl", tmp_path / "truth.jsonl"
    assert corpus.main(["--size", "30", "--out", str(out), "--truth", str(truth)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    facts = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in records] == [f["url"] for f in facts] and len(records) == 30
    docs = list(read_paths([str(out)]))
    assert all(isinstance(d, RawDoc) for d in docs) and len(docs) == 30
    for doc, record in zip(docs, records):
        assert doc.content == record["text"]
        assert (doc.hints.outlet, doc.hints.published) == (record["outlet"], record["published"])
        assert (doc.hints.title, doc.hints.url) == (record["title"], record["url"])


def test_material_texts_are_distinct_and_long_enough():
    texts = material.real_texts()
    assert len(texts) > 1000
    assert all(len(t.sentences) >= material.MIN_SENTENCES for t in texts)
    assert len({t.sentences for t in texts}) == len(texts)
    assert len({t.family for t in texts}) < len(texts)  # texts of one real story
