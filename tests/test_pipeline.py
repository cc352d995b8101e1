"""newsweave/pipeline.py through ``api.analyze``: what a run stores, counts and skips."""

from __future__ import annotations

import dataclasses
import gzip
import json

import pytest
from sqlalchemy import func, select

from newsweave import api
from newsweave.config import Config
from newsweave.store.schema import sources, versions
from samples import BRIDGE, FERRY

MUSEUM = """Museum wing opens to visitors

By Ann Lee, May 20, 2022

EASTBY (Valley News) - The new museum wing opened on Saturday with a collection of local maps and paintings.

Volunteers guided the first visitors through the rooms, and the director thanked the donors.
"""


@pytest.fixture
def config(db_path):
    return Config(db=db_path)


def versions_of(store, locator: str) -> list[tuple[int, str]]:
    query = (
        select(versions.c.version, versions.c.article_id)
        .join(sources, sources.c.id == versions.c.source_id)
        .where(sources.c.locator == locator)
        .order_by(versions.c.version)
    )
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(query)]


def version_count(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(versions)).scalar_one()


def counts(summary) -> tuple[int, int, int, int, int, int]:
    return (
        summary.read,
        summary.stored,
        summary.duplicates,
        summary.unchanged,
        summary.new_versions,
        len(summary.skipped),
    )


@pytest.mark.parametrize("batch_size", [1, 64])
def test_analyze_rerun_stores_nothing_new(store, config, write_file, tmp_path, batch_size):
    config = dataclasses.replace(config, batch_size=batch_size)
    write_file("a.txt", BRIDGE)
    write_file("sub/b.txt", FERRY)
    write_file("c.jsonl", json.dumps({"text": MUSEUM}) + "\n")
    folder = str(tmp_path / "in")
    first = api.analyze(store, [folder], config)
    assert counts(first) == (3, 3, 0, 0, 0, 0)
    stored_versions = version_count(store)
    second = api.analyze(store, [folder], config)
    assert counts(second) == (3, 0, 0, 3, 0, 0)
    assert store.count() == 3 and version_count(store) == stored_versions


@pytest.mark.parametrize("batch_size", [1, 64])
def test_analyze_same_path_twice_in_one_run_is_unchanged(store, config, write_file, batch_size):
    path = str(write_file("a.txt", BRIDGE))
    summary = api.analyze(store, [path, path], dataclasses.replace(config, batch_size=batch_size))
    assert counts(summary) == (2, 1, 0, 1, 0, 0)


@pytest.mark.parametrize("batch_size", [1, 64])
@pytest.mark.parametrize(
    ("copy_name", "copy_content"),
    [
        ("copy.txt", BRIDGE),
        ("copy.txt.gz", gzip.compress(BRIDGE.encode())),
        ("copy.json", json.dumps({"text": BRIDGE})),
        ("copy.txt", BRIDGE.replace("\n", "\r\n")),
    ],
)
def test_analyze_duplicate_under_other_name_adds_no_article(
    store, config, write_file, tmp_path, batch_size, copy_name, copy_content
):
    write_file("a.txt", BRIDGE)
    write_file(copy_name, copy_content)
    summary = api.analyze(
        store, [str(tmp_path / "in")], dataclasses.replace(config, batch_size=batch_size)
    )
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert store.count() == 1


def test_analyze_duplicate_in_later_run_adds_no_article(store, config, write_file):
    api.analyze(store, [str(write_file("a.txt", BRIDGE))], config)
    summary = api.analyze(store, [str(write_file("later/copy.txt", BRIDGE))], config)
    assert counts(summary) == (1, 0, 1, 0, 0, 0)
    assert store.count() == 1


def test_analyze_changed_file_is_new_version(store, config, write_file):
    path = write_file("a.txt", BRIDGE)
    api.analyze(store, [str(path)], config)
    [first_id] = store.article_ids()
    path.write_text(BRIDGE.replace("six months", "seven months"), encoding="utf-8")
    summary = api.analyze(store, [str(path)], config)
    assert counts(summary) == (1, 1, 0, 0, 1, 0)
    rows = versions_of(store, str(path))
    assert [v for v, _ in rows] == [1, 2]
    assert rows[0][1] == first_id and rows[1][1] != first_id
    assert store.count() == 2


def test_analyze_changed_record_is_new_version_of_that_record(store, config, write_file):
    path = write_file(
        "feed.jsonl", json.dumps({"text": BRIDGE}) + "\n" + json.dumps({"text": FERRY})
    )
    api.analyze(store, [str(path)], config)
    path.write_text(
        json.dumps({"text": BRIDGE}) + "\n" + json.dumps({"text": MUSEUM}), encoding="utf-8"
    )
    summary = api.analyze(store, [str(path)], config)
    assert counts(summary) == (2, 1, 0, 1, 1, 0)
    assert len(versions_of(store, f"{path}#1")) == 1
    assert len(versions_of(store, f"{path}#2")) == 2


def test_analyze_change_back_to_stored_text_is_duplicate_version(store, config, write_file):
    path = write_file("a.txt", BRIDGE)
    api.analyze(store, [str(path)], config)
    path.write_text(FERRY, encoding="utf-8")
    api.analyze(store, [str(path)], config)
    path.write_text(BRIDGE, encoding="utf-8")
    summary = api.analyze(store, [str(path)], config)
    assert (summary.new_versions, summary.duplicates, summary.stored) == (1, 1, 0)
    assert [v for v, _ in versions_of(store, str(path))] == [1, 2, 3]


@pytest.mark.parametrize(
    ("bad_name", "bad_content", "locator_suffix", "reason"),
    [
        ("junk.bin", bytes(range(256)) * 4, "", "binary data"),
        ("broken.json", '{"text": "unterminated', "", "not valid JSON"),
        ("empty.json", '{"title": "no body"}', "#1", "no text"),
        ("broken.txt.gz", gzip.compress(BRIDGE.encode())[:30], "", "broken gzip"),
        ("blank.txt", "   \n\n  \n", "", "no article text"),
        ("fake.warc", "just words, no WARC header\n", "", "WARC"),
    ],
)
def test_analyze_skips_bad_file_and_stores_good_ones(
    store, config, write_file, tmp_path, bad_name, bad_content, locator_suffix, reason
):
    write_file("a.txt", BRIDGE)
    bad = write_file(bad_name, bad_content)
    write_file("z.txt", FERRY)
    summary = api.analyze(store, [str(tmp_path / "in")], config)
    [skipped] = summary.skipped
    assert skipped.locator == f"{bad}{locator_suffix}"
    assert reason in skipped.reason
    assert summary.stored == 2 and store.count() == 2


def test_analyze_skips_missing_path_and_goes_on(store, config, write_file, tmp_path):
    missing = str(tmp_path / "nowhere.txt")
    summary = api.analyze(store, [missing, str(write_file("a.txt", BRIDGE))], config)
    assert [(s.locator, s.reason) for s in summary.skipped] == [(missing, "no such file or folder")]
    assert summary.stored == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", BRIDGE),
        (
            "a.json",
            json.dumps({"text": BRIDGE, "outlet": "Record Outlet", "published": "2019-09-09"}),
        ),
        (
            "a.html",
            f"<html><head><title>Bridge</title><meta property='og:site_name' content='Page Outlet'>"
            f"</head><body><article><p>{BRIDGE.replace(chr(10) * 2, '</p><p>')}</p>"
            f"</article></body></html>",
        ),
    ],
)
def test_analyze_config_outlet_and_published_override_text(
    store, config, write_file, name, content
):
    config = dataclasses.replace(config, outlet="Flag Outlet", published="2020-01-02")
    api.analyze(store, [str(write_file(name, content))], config)
    [article] = store.iter_articles()
    assert article.meta.value("outlet") == "Flag Outlet"
    assert article.meta.value("published") == "2020-01-02"
    assert article.meta.published.rule == "user.option.v1"


def test_analyze_text_gives_outlet_and_published_without_overrides(store, config, write_file):
    api.analyze(store, [str(write_file("a.txt", BRIDGE))], config)
    [article] = store.iter_articles()
    assert (article.meta.value("outlet"), article.meta.value("published")) == (
        "Coastal Wire",
        "2023-03-03",
    )


@pytest.mark.parametrize(
    ("record", "outlet", "published"),
    [
        ({"outlet": "Record Outlet", "published": "2019-09-09"}, "Record Outlet", "2019-09-09"),
        (
            {"source": "Record Source", "date": "2019-09-09T10:00:00Z"},
            "Record Source",
            "2019-09-09",
        ),
        (
            {"publisher": {"name": "Publisher"}, "datePublished": "9 September 2019"},
            "Publisher",
            "2019-09-09",
        ),
        # an unreadable date is dropped and the text's own date is used
        ({"outlet": "Record Outlet", "published": "soon"}, "Record Outlet", "2023-03-03"),
    ],
)
def test_analyze_json_record_fields_win_over_text(
    store, config, write_file, record, outlet, published
):
    path = write_file("a.json", json.dumps({"text": BRIDGE, **record}))
    api.analyze(store, [str(path)], config)
    [article] = store.iter_articles()
    assert article.source == f"{path}#1"
    assert (article.meta.value("outlet"), article.meta.value("published")) == (outlet, published)
    assert article.meta.outlet.rule == "container.field.v1"
    assert article.meta.value("byline") == "Jane Doe"  # what the record lacks, the text gives


def test_analyze_feed_title_becomes_outlet(store, config, write_file):
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Daily Planet</title>"
        "<item><title>Bridge reopens</title><link>https://planet.example/b</link>"
        "<pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate>"
        "<description>The harbour bridge reopened on Monday after six months of repairs, "
        "the city council said, and traffic was flowing normally.</description></item>"
        "</channel></rss>"
    )
    api.analyze(store, [str(write_file("planet.rss", feed))], config)
    [article] = store.iter_articles()
    assert article.meta.value("outlet") == "Daily Planet"
    assert article.meta.value("published") == "2023-03-06"
    assert article.url == "https://planet.example/b"


def test_analyze_reports_progress_per_item(store, config, write_file, tmp_path):
    write_file("a.txt", BRIDGE)
    write_file("b.jsonl", json.dumps({"text": FERRY}) + "\n" + json.dumps({"text": MUSEUM}))
    seen: list[str] = []
    api.analyze(store, [str(tmp_path / "in")], config, progress=seen.append)
    root = tmp_path / "in"
    assert seen == [str(root / "a.txt"), f"{root / 'b.jsonl'}#1", f"{root / 'b.jsonl'}#2"]


def test_analyze_stores_article_when_analysis_fails(store, write_file, monkeypatch):
    import newsweave.analyse.run as analysis_stage

    def broken(*_args, **_kwargs):
        raise ValueError("component bug")

    monkeypatch.setattr(analysis_stage, "find_timexes", broken)
    write_file("bridge.txt", BRIDGE)
    summary = api.analyze(store, [str(write_file("ferry.txt", FERRY).parent)], Config())
    assert summary.stored == 2
    assert (
        all(s.reason.startswith("not analysed: ValueError: component bug") for s in summary.skipped)
        and len(summary.skipped) == 2
    )
    assert store.count() == 2


def test_analyze_lets_a_programming_error_fail(store, write_file, monkeypatch):
    """A bug in a component (here an AttributeError) stops the run rather than
    becoming a "not analysed" row; only input errors are skipped per item."""
    import newsweave.analyse.run as analysis_stage

    def buggy(*_args, **_kwargs):
        return None.value

    monkeypatch.setattr(analysis_stage, "find_timexes", buggy)
    with pytest.raises(AttributeError):
        api.analyze(store, [str(write_file("bridge.txt", BRIDGE))], Config())


@pytest.mark.model
def test_analyze_repoints_a_one_word_entity_absorbed_later(store, write_file):
    first = write_file("a.txt", "Putin said on Monday that talks with the visitors had gone well.")
    api.analyze(store, [str(first)], Config())
    second = write_file(
        "b.txt",
        "Russian President Vladimir Putin met the delegation in Moscow on Tuesday, officials said.",
    )
    api.analyze(store, [str(second)], Config())
    ids = {e.id for e in store.entities()}
    assert "person:vladimir-putin" in ids and "person:putin" not in ids
    mentions = [
        m for aid in store.article_ids() for m in store.analysis(aid).mentions if m.text == "Putin"
    ]
    assert mentions and {m.entity for m in mentions} == {"person:vladimir-putin"}


def test_analyze_stores_an_article_linking_fails_on_unlinked(store, write_file, monkeypatch):
    """A linking failure on one article skips its links, not the batch."""
    from newsweave import pipeline
    from newsweave.link import batch as link_batch_module

    real = link_batch_module.link_batch

    def failing(articles, analyses, view, **options):
        if any("ferry" in a.text.casefold() for a in articles):
            raise ValueError("no alignment for this text")
        return real(articles, analyses, view, **options)

    monkeypatch.setattr(pipeline, "link_batch", failing)
    summary = api.analyze(
        store,
        [str(write_file("a.txt", BRIDGE)), str(write_file("b.txt", FERRY))],
        Config(db=store.db),
    )
    assert summary.stored == 2 and store.count() == 2
    [skipped] = summary.skipped
    assert skipped.locator.endswith("b.txt") and "not linked: ValueError" in skipped.reason
    assert len(store.story_members()) == 1
