"""link/quotes.py: renderings of one quotation grouped, repeats linked, diffs."""

from pathlib import Path

import pytest

from newsweave import api
from newsweave.config import Config
from newsweave.link import quotes
from newsweave.link.quotes import Quoting
from newsweave.model import Analysis, Article, Field, Metadata, OffsetMap, Quote

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEPTEMBER = (
    "In the context of the campaign launched by the collective West to double contain "
    "Russia and China, further deepening of Russian-Chinese coordination is important"
)
REWORDED = (
    "In the context of the campaign launched by the collective West to contain both "
    "Russia and China, the further deepening of Russian-Chinese coordination is important"
)
OTHER = "We will never accept sanctions imposed by anyone on our farmers and their families"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (SEPTEMBER, SEPTEMBER, True),
        (SEPTEMBER, REWORDED, True),  # reworded, translated differently
        (SEPTEMBER, SEPTEMBER[:70], True),  # truncated
        (
            "Our two countries have chosen the table over the fence, and we intend to stay",
            "that the two countries had chosen the table over the fence and that they intended to stay",
            True,
        ),  # indirect speech keeping the words
        (SEPTEMBER, OTHER, False),
        ("the hard part", "the easy part", False),  # short phrases never match inside others
    ],
)
def test_similarity(a, b, same):
    assert (quotes.similarity(a, b) >= quotes.SAME) is same
    assert quotes.similarity(a, b) == quotes.similarity(b, a)


def test_diff_is_word_level():
    ops = quotes.diff("to double contain Russia and China", "to contain both Russia and China")
    assert " ".join(old for tag, old, _ in ops if tag == "equal") == "to russia and china"
    assert " ".join(b for _, _, b in ops) == "to contain both russia and china"
    assert " ".join(a for _, a, _ in ops) == "to double contain russia and china"


class Memory:
    """A store with nothing in it: every group lives in the batch."""

    def quote_candidates(self, keys):
        return {}

    def quote_groups(self, ids):
        return []


def article(id_, published=None):
    meta = Metadata(published=Field(published, "test")) if published else Metadata()
    return Article(
        id=id_,
        source=id_,
        kind="text",
        url=None,
        raw_text="",
        text="",
        meta=meta,
        removed=(),
        offsets=OffsetMap(()),
    )


def said(*texts, speaker="person:nikolai-patrushev"):
    return tuple(Quote(0, len(t), t, "direct", speaker=speaker) for t in texts)


def test_renderings_join_one_group_with_the_earliest_article():
    quoting = Quoting(Memory())
    quoting.add_article(
        article("b" * 16, "2023-09-20"), Analysis("b" * 16, quotes=said(REWORDED)), occasion=None
    )
    quoting.add_article(
        article("a" * 16, "2023-09-19"), Analysis("a" * 16, quotes=said(SEPTEMBER)), occasion=None
    )
    [group], repeats, index = quoting.results()
    assert [r.article_id for r in group.renderings] == ["b" * 16, "a" * 16]
    assert group.earliest == "a" * 16 and repeats == ()
    assert {g for g, _ in index} == {group.id}


def test_other_speaker_or_other_words_open_their_own_group():
    quoting = Quoting(Memory())
    quoting.add_article(
        article("a" * 16), Analysis("a" * 16, quotes=said(SEPTEMBER, OTHER)), occasion=None
    )
    quoting.add_article(
        article("b" * 16),
        Analysis("b" * 16, quotes=said(SEPTEMBER, speaker="person:wang-yi")),
        occasion=None,
    )
    groups, _, _ = quoting.results()
    assert len(groups) == 3


def test_same_words_on_another_occasion_are_a_repeat_not_a_merge():
    quoting = Quoting(Memory())
    quoting.add_article(
        article("a" * 16), Analysis("a" * 16, quotes=said(SEPTEMBER)), occasion="story:february"
    )
    quoting.add_article(
        article("b" * 16), Analysis("b" * 16, quotes=said(REWORDED)), occasion="story:september"
    )
    groups, repeats, _ = quoting.results()
    assert [len(g.renderings) for g in groups] == [1, 1]
    [repeat] = repeats
    assert {repeat.group_id, repeat.other_id} == {g.id for g in groups}


def test_quotes_without_speaker_or_too_short_are_not_grouped():
    quoting = Quoting(Memory())
    quoting.add_article(
        article("a" * 16),
        Analysis("a" * 16, quotes=(Quote(0, 9, SEPTEMBER, "direct"), *said("new cold war"))),
        occasion=None,
    )
    assert quoting.results() == ((), (), ())


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    store = api.open_store(Config(db=str(tmp_path_factory.mktemp("ex") / "ex.db")))
    api.analyze(store, [str(EXAMPLES / "corpus")], Config(db=store.db))
    yield store
    store.close()


def test_examples_quote_q1_three_renderings_earliest_meridian(example_store):
    """corpus_key.json Q1: verbatim, reworded with an ellipsis, indirect."""

    def name(article_id):
        return Path(example_store.get(article_id).source).name

    [group] = [
        g for g in example_store.quote_groups() if "table over the fence" in g.renderings[0].text
    ]
    assert sorted(name(r.article_id) for r in group.renderings) == [
        "meridian_talks.txt",
        "northgate_observer.rss#1",
        "veldania_today_talks.txt",
    ]
    assert name(group.earliest) == "meridian_talks.txt"
    assert group.speaker == "person:irena-dovask"


def test_examples_quote_q2_carried_by_the_rewrite(example_store):
    [group] = [
        g
        for g in example_store.quote_groups()
        if g.renderings[0].text.startswith("“Nobody walks off a quay")
    ]
    names = sorted(Path(example_store.get(r.article_id).source).name for r in group.renderings)
    assert names == ["calvora_courier_strike.html", "harbourline_strike.txt.gz"]
