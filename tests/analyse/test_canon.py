"""Canonical entities across articles (``analyse/canon.py``): the index on
records, and on the seeds through the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.analyse.entities import EntityIndex, entity_id, mentions_of, resolve_article
from newsweave.model import Entity, Role

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def person(name: str, *aliases: str, roles: tuple[str, ...] = (), article: str = "a1") -> Entity:
    return Entity(
        f"{article}#{name}",
        name,
        "PERSON",
        aliases,
        tuple(Role(r, article, "2023-09-19") for r in roles),
    )


def test_index_joins_surname_to_the_one_full_name():
    index = EntityIndex()
    index.add([person("Vladimir Putin", "Putin")])
    mapping = index.add([person("Putin", article="a2")])
    assert mapping == {"a2#Putin": "person:vladimir-putin"}


def test_index_one_word_entity_absorbed_by_later_full_name():
    index = EntityIndex()
    index.add([person("Putin")])
    index.add([person("Vladimir Putin", article="a2")])
    assert index.get("person:putin").id == "person:vladimir-putin"
    assert [e.id for e in index.records()] == ["person:vladimir-putin"]


def test_index_never_merges_different_given_names():
    index = EntityIndex()
    a = index.add([person("Wang Yi", roles=("Chinese Foreign Minister",))])
    b = index.add([person("Wang Donghai", article="a2")])
    c = index.add([person("Wang", article="a3")])
    assert a["a1#Wang Yi"] != b["a2#Wang Donghai"]
    assert c["a3#Wang"] == "person:wang"  # two holders: left on its own


@pytest.mark.parametrize(
    "roles_a, roles_b, same",
    [
        (("Russian Foreign Minister",), ("Russian Foreign Minister",), True),
        (("Russian Foreign Minister",), (), False),
        (("Russian Foreign Minister",), ("Chinese Foreign Minister",), False),
    ],
)
def test_index_spelling_variants_need_a_shared_role(roles_a, roles_b, same):
    index = EntityIndex()
    a = index.add([person("Sergey Lavrov", roles=roles_a)])["a1#Sergey Lavrov"]
    b = index.add([person("Sergei Lavrov", roles=roles_b, article="a2")])["a2#Sergei Lavrov"]
    assert (a == b) is same


def test_index_different_given_names_with_a_shared_role_stay_apart():
    index = EntityIndex()
    a = index.add([person("Sergei Lavrov", roles=("Minister",))])["a1#Sergei Lavrov"]
    b = index.add([person("Dmitry Lavrov", roles=("Minister",), article="a2")])["a2#Dmitry Lavrov"]
    assert a != b


def test_index_round_trips_through_records():
    index = EntityIndex()
    index.add([person("Putin")])
    index.add(
        [
            person("Vladimir Putin", roles=("Russian President",), article="a2"),
            Entity("a2#SCO", "Shanghai Cooperation Organization", "ORG", ("SCO",)),
        ]
    )
    again = EntityIndex.from_records(index.records(), index.take_absorbed())
    assert again.records() == index.records()
    assert again.get("person:putin").id == "person:vladimir-putin"
    assert entity_id("ORG", "SCO") != again.add([Entity("a3#SCO", "SCO", "ORG")])["a3#SCO"]


@pytest.fixture(scope="module")
def seed_index():
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.fail(f"no seeds at {SEEDS}")
    from newsweave.analyse import nlp

    index = EntityIndex()
    for path, doc in zip(files, nlp.parse([f.read_text("utf-8") for f in files])):
        _, entities = resolve_article(doc, mentions_of(doc), article_id=path.stem, published=None)
        index.add(entities)
    return index


@pytest.mark.model
@pytest.mark.parametrize(
    "name, surname, role",
    [
        ("Vladimir Putin", "Putin", "Russian President"),
        ("Wang Yi", "Wang", "Chinese Foreign Minister"),
        ("Nikolai Patrushev", "Patrushev", "secretary of the Russian Security Council"),
        ("Xi Jinping", "Xi", "Chinese President"),
    ],
)
def test_seeds_one_canonical_person_with_roles(seed_index, name, surname, role):
    people = [
        e
        for e in seed_index.records()
        if e.label == "PERSON" and surname in (e.name, *e.aliases, *e.name.split())
    ]
    assert [e.name for e in people] == [name]
    assert role in {r.title for r in people[0].roles}
    assert len({r.article_id for r in people[0].roles}) >= 3


@pytest.mark.model
def test_seeds_lavrov_spellings_one_person_by_shared_role(seed_index):
    lavrovs = [e for e in seed_index.records() if "Lavrov" in e.name]
    assert len(lavrovs) == 1
    assert {"Sergey Lavrov", "Sergei Lavrov"} == {lavrovs[0].name, *lavrovs[0].aliases}
    assert "Russian Foreign Minister" in {r.title for r in lavrovs[0].roles}


def test_a_long_name_gets_an_id_the_store_can_hold():
    """PostgreSQL enforces the id columns' 64 characters (a seed article names
    the "Communist Party's Office of the Central Foreign Affairs Commission")."""
    from newsweave.analyse.canon import MAX_ID

    name = "Communist Party's Office of the Central Foreign Affairs Commission"
    found = entity_id("ORG", name)
    assert len(found) == MAX_ID and found.startswith("org:communist-party-s-office")
    assert found == entity_id("ORG", name)  # stable
    assert found != entity_id("ORG", name + " Secretariat")  # two long names stay two
    assert entity_id("PERSON", "Vladimir Putin") == "person:vladimir-putin"
