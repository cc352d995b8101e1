"""The entity index over the store (``EntityIndex(store)``): it holds only what
a batch needs, and merges exactly as an index holding every entity would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from newsweave import pipeline
from newsweave.analyse import EntityIndex
from newsweave.clean import clean
from newsweave.config import Config
from newsweave.model import BatchResult, Entity, RawDoc, Role, entity_keys
from newsweave.store import Store, schema
from samples import dump
from newsweave.store.store import migrate

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
ENTITY_TABLES = ("entities", "aliases", "roles", "entity_keys", "entity_redirects", "mentions")


def person(name: str, article: str, roles=()) -> Entity:
    return Entity(f"{article}#{name}", name, "PERSON", (), tuple(Role(r, article) for r in roles))


def stored_article(store: Store, text_: str) -> str:
    """A stored article's id (a role names the article that states it)."""
    article = clean(RawDoc(f"{len(text_)}.txt", text_, "text"))
    store.commit(BatchResult(items=((article, text_),), new_ids=frozenset({article.id})))
    return article.id


def commit(store: Store, index: EntityIndex, mapping: dict[str, str]) -> None:
    """What a batch's commit does with the index: its entities, their order
    and the merges, then ``forget``."""
    named = [index.get(i) for i in sorted(set(mapping.values()))]
    store.commit(
        BatchResult(
            entities=tuple(named),
            entity_seq=tuple((e.id, index.seq(e.id)) for e in named),
            moved=tuple(sorted(index.take_absorbed().items())),
        )
    )
    index.forget()


def test_index_over_store_holds_nothing_between_batches_and_finds_what_is_stored(store):
    index = EntityIndex(store)
    first = index.add([person("Putin", "a1"), Entity("a1#SCO", "SCO", "ORG")])
    commit(store, index, first)
    assert index.records() == []  # nothing held once the store has it
    second = index.add(
        [
            person("Vladimir Putin", "a2"),
            Entity("a2#SCO", "Shanghai Cooperation Organization", "ORG", ("SCO",)),
        ]
    )
    assert second["a2#SCO"] == first["a1#SCO"] == "org:sco"
    assert index.get("person:putin").id == "person:vladimir-putin"  # absorbed
    commit(store, index, second)
    assert store.entity_redirects() == {"person:putin": "person:vladimir-putin"}
    with store.engine.connect() as connection:
        keyed = connection.execute(select(schema.entity_keys.c.entity_id).distinct()).scalars()
        assert set(keyed) == {"person:vladimir-putin", "org:sco"}  # the absorbed one's keys go
    third = index.add([person("Putin", "a3")])
    assert third == {"a3#Putin": "person:vladimir-putin"}


def test_variant_match_reads_role_titles_from_the_store(store):
    a1 = stored_article(store, "Foreign Minister Sergey Lavrov spoke.")
    index = EntityIndex(store)
    commit(store, index, index.add([person("Sergey Lavrov", a1, ("Foreign Minister",))]))
    assert index.records() == []
    other = index.add([person("Sergej Lavrov", "a3", ("Mayor",))])
    assert other == {"a3#Sergej Lavrov": "person:sergej-lavrov"}  # no shared role
    found = index.add([person("Sergei Lavrov", "a2", ("foreign minister",))])
    assert found == {"a2#Sergei Lavrov": "person:sergey-lavrov"}  # met first


@pytest.fixture
def corpus(tmp_path):
    if not SEEDS.is_dir():
        pytest.fail(f"the seed articles are missing: {SEEDS}")
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "corpus", folder / "a-examples")
    shutil.copytree(SEEDS, folder / "b-seeds")
    return folder


def analysed(tmp_path, name: str, *paths, batch_size: int = 4) -> Store:
    store = Store(str(tmp_path / f"{name}.db"))
    config = Config(db=store.db, reference_date="2024-06-01", batch_size=batch_size, workers=1)
    for path in paths:
        pipeline.run([str(path)], store, config)
    return store


@pytest.mark.model
def test_store_backed_index_stores_what_an_index_of_every_entity_stores(
    tmp_path, corpus, monkeypatch
):
    looked_up = analysed(tmp_path, "store", corpus)
    one_batch = analysed(tmp_path, "one-batch", corpus, batch_size=1)
    monkeypatch.setattr(pipeline, "EntityIndex", lambda _store: EntityIndex())  # holds all
    held = analysed(tmp_path, "held", corpus)
    found, batched = dump(looked_up), dump(one_batch)
    assert found == dump(held)
    assert len(found["entities"]) > 50 and found["entity_redirects"]
    assert len(found["entity_keys"]) > len(found["entities"])
    # Batches of one commit (and forget) after every article; the merges are
    # the same. (Story profiles and claims depend on the batch size.)
    for table in ENTITY_TABLES:
        assert found[table] == batched[table], table


@pytest.mark.model
def test_two_runs_into_one_store_merge_as_one_run(tmp_path, corpus):
    once = analysed(tmp_path, "once", corpus)
    twice = analysed(tmp_path, "twice", corpus / "a-examples", corpus / "b-seeds")
    first, second = dump(once), dump(twice)
    for table in ENTITY_TABLES:
        assert first[table] == second[table], table


def test_migration_keys_the_stored_entities_in_name_order(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        migrate(connection, "0011")
        connection.execute(
            text("INSERT INTO entities (id, name, label) VALUES (:id, :name, :label)"),
            [
                {"id": "person:putin", "name": "Putin", "label": "PERSON"},
                {"id": "person:vladimir-putin", "name": "Vladimir Putin", "label": "PERSON"},
                {"id": "org:sco", "name": "SCO", "label": "ORG"},
            ],
        )
        connection.execute(
            text("INSERT INTO aliases VALUES ('org:sco', 'Shanghai Cooperation Organisation')")
        )
        connection.execute(
            text(
                "INSERT INTO entity_redirects VALUES"
                " ('person:putin', 'person:vladimir-putin', 'canon.absorbed.v1', '2024-01-01')"
            )
        )
    engine.dispose()
    store = Store(str(tmp_path / "old.db"))
    found = {s.entity.id: s for s in store.stored_entities(["org:sco", "person:vladimir-putin"])}
    assert [found["org:sco"].seq, found["person:vladimir-putin"].seq] == [0, 1]  # by name
    assert store.stored_entities(["person:putin"]) == []  # absorbed
    sco = store.entities(["org:sco"])[0]
    keys = store.entity_key_ids(entity_keys(sco) | {("one", "putin")})
    assert keys == {key: {"org:sco"} for key in entity_keys(sco)}
    assert store.next_entity_seq() == 2
    index = EntityIndex(store)
    assert index.add([person("Putin", "a9")]) == {"a9#Putin": "person:vladimir-putin"}
