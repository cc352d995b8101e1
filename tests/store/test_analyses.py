"""Analysis records through the store: what goes in comes out equal."""

import pytest

from newsweave.clean import clean
from newsweave.model import (Analysis, BatchResult, Entity, Event, Mention, Quote, RawDoc,
                             Role, Timex)
from samples import batch

TEXT = "MOSCOW (Sputnik) - Putin met Wang Yi on Tuesday, officials said in a statement."
PUTIN = "person:vladimir-putin"


@pytest.fixture
def article():
    return clean(RawDoc("talks.txt", TEXT, "text"))


def analysis_of(article_id: str) -> Analysis:
    return Analysis(
        article_id,
        mentions=(Mention(19, 24, "Putin", "PERSON", PUTIN), Mention(29, 36, "Wang Yi", "PERSON")),
        timexes=(Timex(40, 47, "Tuesday", "DATE", None, "day", "timex.weekday.v1"),),
        quotes=(Quote(0, 5, "MOSCO", "indirect", speaker=PUTIN, speaker_start=19, speaker_end=24,
                      cue="said", cue_start=59, cue_end=63),),
        events=(Event("meeting", 25, 28, "met", (PUTIN, "person:wang-yi"), "Moscow", "2023-09-19",
                      "happened"),))


def test_store_analysis_round_trip(store, article):
    found = analysis_of(article.id)
    store.commit(batch([(article, "h")], {article.id}, analyses=(found,)))
    assert store.analysis(article.id) == found


def test_store_analysis_missing_is_none(store, article):
    store.commit(batch([(article, "h")], {article.id}))
    assert store.analysis(article.id) is None


def test_store_entities_merge_aliases_and_roles(store, article):
    store.commit(batch([(article, "h")], {article.id}))
    first = Entity(PUTIN, "Vladimir Putin", "PERSON", ("Putin",),
                   (Role("Russian President", article.id, "2023-09-19"),))
    again = Entity(PUTIN, "Vladimir Putin", "PERSON", ("Putin", "the Russian leader"),
                   (Role("Russian President", article.id, "2023-09-19"),))
    store.commit(BatchResult(entities=(first,)))
    store.commit(BatchResult(entities=(again,)))
    assert store.entities() == [again]
