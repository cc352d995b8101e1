"""The store: articles and their provenance in SQLite (default) or PostgreSQL.

Only this package talks to the database. Opening a store brings its schema up
to date with the Alembic migrations shipped in ``migrations/``.
"""

from . import schema
from .store import SourceState, Store, engine_for, migrate

__all__ = ["schema", "SourceState", "Store", "engine_for", "migrate"]
