"""Analysis records through the store: what goes in comes out equal."""

import pytest

from newsweave.clean import clean
from newsweave.model import (
    Analysis,
    BatchResult,
    Entity,
    Event,
    Mention,
    Quote,
    RawDoc,
    Role,
    Timex,
)
from samples import batch

TEXT = "MOSCOW (Sputnik) - Putin met Wang Yi on Tuesday, officials said in a statement."
PUTIN = "person:vladimir-putin"


@pytest.fixture
def article():
    return clean(RawDoc("talks.txt", TEXT, "text"))


def analysis_of(article_id: str) -> Analysis:
    return Analysis(
        article_id,
        mentions=(
            Mention(19, 24, "Putin", "PERSON", PUTIN, rule="consistency.v1"),
            Mention(29, 36, "Wang Yi", "PERSON", rule="spacy.ner"),
        ),
        timexes=(Timex(40, 47, "Tuesday", "DATE", None, "day", "timex.weekday.v1"),),
        quotes=(
            Quote(
                0,
                5,
                "MOSCO",
                "indirect",
                speaker=PUTIN,
                speaker_start=19,
                speaker_end=24,
                cue="said",
                cue_start=59,
                cue_end=63,
            ),
        ),
        events=(
            Event(
                "meeting",
                25,
                28,
                "met",
                (PUTIN, "person:wang-yi"),
                "Moscow",
                "2023-09-19",
                "happened",
            ),
        ),
    )


def test_store_analysis_round_trip(store, article):
    found = analysis_of(article.id)
    store.commit(batch([(article, "h")], {article.id}, analyses=(found,)))
    assert store.analysis(article.id) == found


def test_store_analysis_missing_is_none(store, article):
    store.commit(batch([(article, "h")], {article.id}))
    assert store.analysis(article.id) is None


def test_store_entities_merge_aliases_and_roles(store, article):
    store.commit(batch([(article, "h")], {article.id}))
    first = Entity(
        PUTIN,
        "Vladimir Putin",
        "PERSON",
        ("Putin",),
        (Role("Russian President", article.id, "2023-09-19"),),
    )
    again = Entity(
        PUTIN,
        "Vladimir Putin",
        "PERSON",
        ("Putin", "the Russian leader"),
        (Role("Russian President", article.id, "2023-09-19"),),
    )
    store.commit(BatchResult(entities=(first,)))
    store.commit(BatchResult(entities=(again,)))
    assert store.entities() == [again]


def test_store_merge_is_a_redirect_resolved_when_read(store, article):
    """An absorbed entity keeps its row and every reference to it; reads give
    the entity that absorbed it, and a later merge of that one points past it."""
    from sqlalchemy import func, select

    from newsweave.store.schema import entities, mentions

    putin = Entity("person:putin", "Putin", "PERSON")
    found = Analysis(
        article.id,
        mentions=(Mention(19, 24, "Putin", "PERSON", "person:putin"),),
        quotes=(Quote(0, 5, "MOSCO", "indirect", speaker="person:putin"),),
        events=(Event("meeting", 25, 28, "met", ("person:putin", "person:wang-yi")),),
    )
    store.commit(batch([(article, "h")], {article.id}, analyses=(found,), entities=(putin,)))
    store.commit(
        BatchResult(
            entities=(Entity(PUTIN, "Vladimir Putin", "PERSON"),), moved=(("person:putin", PUTIN),)
        )
    )
    read = store.analysis(article.id)
    assert read.mentions[0].entity == PUTIN and read.quotes[0].speaker == PUTIN
    assert read.events[0].participants == (PUTIN, "person:wang-yi")
    assert [e.id for e in store.entities()] == [PUTIN]
    assert store.entity_redirects() == {"person:putin": PUTIN}
    with store.engine.connect() as connection:  # nothing was rewritten or deleted
        assert connection.execute(select(mentions.c.entity)).scalar_one() == "person:putin"
        assert connection.execute(select(func.count()).select_from(entities)).scalar_one() == 2
    store.commit(
        BatchResult(
            entities=(Entity("person:v-putin", "V. Putin", "PERSON"),),
            moved=((PUTIN, "person:v-putin"),),
        )
    )
    assert store.entity_redirects() == {"person:putin": "person:v-putin", PUTIN: "person:v-putin"}
    assert store.analysis(article.id).mentions[0].entity == "person:v-putin"
