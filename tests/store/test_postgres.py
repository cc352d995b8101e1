"""The store on a real PostgreSQL server (started by the ``pg_server`` fixture):
migrations match the schema, and a linking run stores and reads back the same
records as on SQLite."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from newsweave.config import Config
from newsweave.pipeline import run
from newsweave.store import schema

from samples import BRIDGE

COPY = BRIDGE.replace("the city council said", "the council said") + (
    "\nLocal shops said they hoped the reopening would bring back weekend visitors.\n"
)


def test_postgres_migrations_match_declared_schema(pg_store):
    with pg_store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=schema.comparison_options())
        assert compare_metadata(context, schema.metadata) == []


def test_postgres_link_stage_round_trip(pg_store, store, write_file):
    """The same input on PostgreSQL and SQLite gives the same links."""
    paths = [str(write_file("wire.txt", BRIDGE)), str(write_file("copy.txt", COPY))]
    found = []
    for target in (pg_store, store):
        summary = run(paths, target, Config(db=target.db))
        ids = sorted(target.article_ids())
        found.append(
            (
                summary.stored,
                [target.get(i) for i in ids],
                [target.analysis(i) for i in ids],
                target.get_many([*ids, "unknown"]),
                target.analyses_of(ids),
                target.derivations(article_ids=ids),
                target.derivations(),
                target.stories(),
                [m.story_id for m in target.story_members()],
                target.quote_groups(),
                target.claims(),
                target.event_groups(),
            )
        )
    assert found[0] == found[1]
    stored, one_by_one, analyses, many, analyses_of, derived, derivations = found[0][:7]
    assert stored == 2 and len(derivations) == 1
    # the loaders of many ids give what the loaders of one give
    ids = [a.id for a in one_by_one]
    assert many == dict(zip(ids, one_by_one)) and analyses_of == dict(zip(ids, analyses))
    assert all(a.mentions for a in analyses)
    assert derived == derivations and derivations[0].sentences


def test_postgres_pages_match_sqlite(pg_store, store, write_file):
    """The view payloads read the same from both engines; full-text search
    finds the same articles (its ranks differ: bm25 against ts_rank)."""
    from newsweave import api

    paths = [str(write_file("wire.txt", BRIDGE)), str(write_file("copy.txt", COPY))]
    pages = []
    for target in (pg_store, store):
        run(paths, target, Config(db=target.db))
        stories = api.stories_page(target)
        story = api.story_page(target, stories["stories"][0]["id"])
        search = api.search_page(target, "bridge reopening")
        pages.append(
            (
                stories["stories"],
                stories["total"],
                story["story"],
                story["derivations"],
                story["matrix"],
                sorted(h["article_id"] for h in search["hits"]),
                search["total"],
                api.timeline_page(target)["timeline"],
                api.stories_page(target, query="bridges", since="2000")["total"],
                api.claims_page(target, limit=3, offset=1),
                api.quotes_page(target)["quote_groups"],
                api.timeline_page(target, limit=1, offset=1),
            )
        )
    assert pages[0] == pages[1]
    assert pages[0][6] == 2 and pages[0][8] == 1
