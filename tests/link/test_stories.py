"""Story clustering: short hand-written articles (entities given by hand, no
spaCy), hand-built profiles for the arithmetic, and the five seed articles
through clean and analyse."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from newsweave.clean import clean
from newsweave.model import Analysis, Hints, Mention, RawDoc, StoryMerge
from newsweave.link import stories
from newsweave.link.stories import Clusterer, Mix, Profile
from samples import seed_files


BRIDGE = """Harbour bridge reopens after repairs
PORTVILLE (Coastal Wire) - The harbour bridge in Portville reopened on Friday after six months of repairs, the city council said.
Engineers replaced the cables and repainted the deck. Mayor Ellen Strand cut a ribbon and traffic was flowing normally by the evening."""

BRIDGE_AGAIN = """Portville's harbour bridge open to traffic again
The harbour bridge reopened to cars on Friday, ending six months of cable repairs, Portville city council said.
Mayor Ellen Strand opened the bridge with a ribbon; by the evening traffic was back to normal, officials said."""

FERRY = """Ferry strike ends after two weeks
NORTHPORT (Island Herald) - Ferry crews returned to work on Wednesday after the union accepted a new pay offer.
Passengers queued from early morning as the first boats left the harbour, union leader Tom Reed said."""

TALKS = """{lead} foreign ministers meet in Vellmar
Norland's foreign minister Anna Berg met Sudria's foreign minister Karl Osk in Vellmar on Tuesday to discuss {topic}.
Berg said the talks with Osk were frank and that Norland and Sudria would keep working on a border treaty."""

NAMES = {
    "Portville": "place:portville",
    "Ellen Strand": "person:ellen-strand",
    "Northport": "place:northport",
    "NORTHPORT": "place:northport",
    "Tom Reed": "person:tom-reed",
    "Anna Berg": "person:anna-berg",
    "Berg": "person:anna-berg",
    "Karl Osk": "person:karl-osk",
    "Osk": "person:karl-osk",
    "Vellmar": "place:vellmar",
    "Norland": "place:norland",
    "Sudria": "place:sudria",
}
LABELS = {"person": "PERSON", "place": "GPE"}


def analysis_of(article) -> Analysis:
    """Mentions of the ``NAMES`` found in the text, longest names first."""
    taken, mentions = set(), []
    for name in sorted(NAMES, key=len, reverse=True):
        for found in re.finditer(rf"\b{re.escape(name)}\b", article.text):
            if not taken & set(range(found.start(), found.end())):
                taken |= set(range(found.start(), found.end()))
                entity = NAMES[name]
                mentions.append(
                    Mention(found.start(), found.end(), name, LABELS[entity.split(":")[0]], entity)
                )
    return Analysis(article.id, mentions=tuple(sorted(mentions, key=lambda m: m.start)))


def profile_of(text: str, published: str | None) -> Profile:
    article = clean(RawDoc("test", text, "text"), overrides=Hints(published=published))
    return stories.profile(article, analysis_of(article))


ARTICLES = {
    "bridge": (BRIDGE, "2023-03-03"),
    "bridge-again": (BRIDGE_AGAIN, "2023-03-04"),
    "ferry": (FERRY, "2023-03-04"),
    "talks-march": (
        TALKS.format(lead="Norland and Sudria", topic="the river border and fishing rights"),
        "2023-03-07",
    ),
    "talks-october": (
        TALKS.format(lead="Norland, Sudria", topic="the river border and a new dam"),
        "2023-10-10",
    ),
    "bridge-undated": (BRIDGE_AGAIN, None),
}


@pytest.fixture(scope="module")
def profiles() -> dict[str, Profile]:
    return {name: profile_of(text, day) for name, (text, day) in ARTICLES.items()}


def partition(members: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article_id, story in members.items():
        groups.setdefault(story, set()).add(article_id)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize(
    "names, expected",
    [
        (["bridge", "bridge-again"], [{"bridge", "bridge-again"}]),  # one event, two outlets
        (["talks-march", "talks-october"], [{"talks-march"}, {"talks-october"}]),  # months apart
        (["bridge", "ferry", "bridge-again"], [{"bridge", "bridge-again"}, {"ferry"}]),  # unrelated
        (["bridge", "bridge-undated"], [{"bridge", "bridge-undated"}]),  # no date, no penalty
        (
            ["talks-march", "bridge", "talks-october", "ferry"],
            [{"talks-march"}, {"bridge"}, {"talks-october"}, {"ferry"}],
        ),
    ],
)
def test_stories_partition(profiles, names, expected):
    members = stories.cluster((name, profiles[name]) for name in names)
    assert partition(members) == {frozenset(e) for e in expected}


def test_stories_ids_deterministic(profiles):
    order = ["bridge", "ferry", "bridge-again", "talks-march", "talks-october"]
    runs = [[Clusterer().add(n, profiles[n]) for n in order] for _ in range(2)]
    assert runs[0] == runs[1]
    first = Clusterer()
    members = [first.add(n, profiles[n]) for n in order]
    assert [m.story_id for m in members] == [
        "story:bridge",
        "story:ferry",
        "story:bridge",
        "story:talks-march",
        "story:talks-october",
    ]
    assert [m.opened for m in members] == [True, True, False, True, True]


@pytest.mark.parametrize(
    "a, b",
    [
        ("bridge", "bridge-again"),
        ("bridge", "ferry"),
        ("talks-march", "talks-october"),
        ("bridge-undated", "talks-october"),
        ("ferry", "ferry"),
    ],
)
def test_stories_similarity_symmetric_in_unit_range(profiles, a, b):
    forward = stories.similarity(profiles[a], profiles[b])
    assert forward == pytest.approx(stories.similarity(profiles[b], profiles[a]))
    assert 0.0 <= forward <= 1.0


def test_stories_similarity_of_itself_is_one(profiles):
    assert stories.similarity(profiles["bridge"], profiles["bridge"]) == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["bridge", "bridge-undated"])
def test_stories_profile_round_trip(profiles, name):
    record = json.loads(json.dumps(profiles[name].to_record()))
    back = Profile.from_record(record)
    assert back.to_record() == record
    assert back.vector.dtype == np.float32
    assert stories.similarity(back, profiles["bridge-again"]) == pytest.approx(
        stories.similarity(profiles[name], profiles["bridge-again"]), abs=1e-4
    )


def test_stories_merge_widens_and_counts(profiles):
    story = stories.merge(profiles["talks-march"], profiles["bridge"])
    assert (story.first, story.last, story.count) == ("2023-03-03", "2023-03-07", 2)
    assert story.entities["place:vellmar"] == pytest.approx(
        profiles["talks-march"].entities["place:vellmar"]
    )
    assert set(story.entities) >= {"place:vellmar", "place:portville"}


def bare(
    terms: dict[str, float], *, language: str | None = "en", day: str | None = None
) -> Profile:
    return Profile(
        vector=np.zeros(4, dtype=np.float32),
        terms=stories.unit(terms),
        entities={},
        first=day,
        last=day,
        language=language,
    )


TERMS_ONLY = Mix(vector=0.0, terms=1.0, entities=0.0)


@pytest.mark.parametrize("gap, factor", [(None, 1.0), (0, 1.0), (14, 1.0), (28, np.exp(-1))])
def test_stories_time_factor(gap, factor):
    a = bare({"x": 1}, day="2023-01-01")
    b = bare(
        {"x": 1},
        day=None
        if gap is None
        else date.fromordinal(date(2023, 1, 1).toordinal() + gap).isoformat(),
    )
    assert stories.time_factor(a, b) == pytest.approx(factor)


def test_stories_assign_ties_go_to_smallest_id():
    article = bare({"x": 1})
    found = stories.assign(
        article, {"story:b": bare({"x": 1}), "story:a": bare({"x": 1})}, mix=TERMS_ONLY
    )
    assert found == ("story:a", pytest.approx(1.0))


def test_stories_assign_below_join_is_none():
    assert stories.assign(bare({"x": 1}), {"story:a": bare({"y": 1})}) == (None, 0.0)


def test_stories_models_count_only_between_english_profiles():
    shared = {"person:anna-berg": 1.0}
    ones = np.ones(4, dtype=np.float32)
    a = Profile(vector=ones, terms={"x": 1.0}, entities=shared, language="de")
    b = Profile(vector=ones, terms={"y": 1.0}, entities=shared, language="de")
    assert stories.similarity(a, b) == 0.0
    english = [Profile(p.vector, p.terms, p.entities, language="en") for p in (a, b)]
    assert stories.similarity(*english) > 0.5


def test_stories_clusterer_merges_stories_that_grow_together():
    clusterer = Clusterer(join=0.6, merge_at=0.35, mix=TERMS_ONLY)
    clusterer.add("1", bare({"a": 1}))
    clusterer.add("2", bare({"b": 1}))
    joined = clusterer.add("3", bare({"a": 1, "b": 1}))
    assert joined.story_id == "story:1" and not joined.opened
    assert clusterer.merges == [
        StoryMerge("story:2", "story:1", pytest.approx(0.3827, abs=1e-3), stories.MERGE_RULE)
    ]
    assert clusterer.members == {"1": "story:1", "2": "story:1", "3": "story:1"}
    assert list(clusterer.stories) == ["story:1"] and clusterer.stories["story:1"].count == 3


# --- The seed articles (they must be beside the checkout: a missing folder fails) ---


def seed_profiles(published: dict[str, str]) -> dict[str, Profile]:
    from newsweave.analyse import EntityIndex, analyse
    from newsweave.ingest import read_paths

    docs = sorted(read_paths([str(p) for p in seed_files()]), key=lambda d: d.source)
    articles = [
        clean(
            doc,
            reference=date(2026, 11, 23),
            overrides=Hints(published=published.get(Path(doc.source).name[:3])),
        )
        for doc in docs
    ]
    analyses, _ = analyse(articles, EntityIndex())
    found = stories.profiles(articles, analyses)
    return {Path(a.source).name[:3]: p for a, p in zip(articles, found)}


def seed_stories(published: dict[str, str]) -> set[frozenset[str]]:
    return partition(stories.cluster(sorted(seed_profiles(published).items())))


SEED_STORIES = {frozenset({"000", "001", "002"}), frozenset({"003"}), frozenset({"004"})}


@pytest.mark.model
def test_stories_seeds_with_the_february_meeting_dated():
    # 003's text names no day ("on Tuesday"); given its date, as --published would,
    # the February Patrushev-Wang meeting is not the September one.
    assert seed_stories({"003": "2023-02-21"}) == SEED_STORIES


@pytest.mark.model
@pytest.mark.xfail(
    strict=True,
    reason="003 is undated and its text is as close to the "
    "September meeting as 000-002 are to each other; only a date separates them",
)
def test_stories_seeds_undated():
    assert seed_stories({}) == SEED_STORIES


def test_stop_words_are_spacys_without_importing_spacy():
    """Profiles leave out spaCy's stop words of the article's language, read
    from spaCy's files; every language spaCy has gives spaCy's own set, and
    a code spaCy lacks (or a hostile one) gives English."""
    import spacy.util

    from newsweave.link.stories import _SPACY_LANG, stop_words

    codes = sorted(p.name for p in _SPACY_LANG.iterdir() if (p / "__init__.py").is_file())
    assert len(codes) > 50
    for code in codes:
        theirs = spacy.util.get_lang_class(code).Defaults.stop_words
        assert stop_words(code) == frozenset(w.casefold() for w in theirs), code
    english = stop_words("en")
    assert "the" in english
    assert stop_words(None) == stop_words("qq") == stop_words("../en") == english
