"""The migrations build exactly the schema that ``store/schema.py`` declares."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from newsweave.store import schema


def test_migrated_store_matches_declared_schema(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts=schema.comparison_options())
        differences = compare_metadata(context, schema.metadata)
    assert differences == []


def test_link_tables_exist(store):
    assert {"link_keys", "derivations", "aligned_sentences"} <= set(schema.metadata.tables)
    with store.engine.connect() as connection:
        names = set(store.engine.dialect.get_table_names(connection))
    assert {"link_keys", "derivations", "aligned_sentences"} <= names
