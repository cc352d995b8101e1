"""Short articles written for the tests, shared by the modules that store them,
and the five real seed articles beside the checkout (``../shared/seeds``)."""

from pathlib import Path

import pytest

from sqlalchemy import select

from newsweave.model import BatchResult
from newsweave.store import Store, schema

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def seed_files(prefix: str = "") -> list[Path]:
    """The seed files whose names start with ``prefix`` (all by default). A test
    that needs them fails, never skips, when they are missing: the most
    realistic tests must not pass silently in a checkout without them."""
    found = sorted(SEEDS.glob(f"{prefix}*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.fail(
            f"no seed article {prefix}*.txt in {SEEDS.resolve()}: the tests need "
            "../shared/seeds beside the checkout",
            pytrace=False,
        )
    return found


def batch(items, new_ids=(), **more) -> BatchResult:
    """A ``BatchResult`` of ``(article, content hash)`` pairs, for ``Store.commit``."""
    return BatchResult(items=tuple(items), new_ids=frozenset(new_ids), **more)


BRIDGE = """Harbour bridge reopens after repairs

By Jane Doe, March 3, 2023

PORTVILLE (Coastal Wire) - The harbour bridge reopened on Friday after six months of repairs, the city council said.

Engineers replaced the cables and repainted the deck. Traffic was flowing normally by the evening, officials said.
"""

FERRY = """Ferry strike ends after two weeks

By Tom Reed, April 12, 2023

NORTHPORT (Island Herald) - Ferry crews returned to work on Wednesday after the union accepted a new pay offer.

Passengers queued from early morning as the first boats left the harbour, the operator said.
"""


# A council story in four paragraphs, for tests that assemble pages line by line.
BUS_TITLE = "Lentisse approves three new bus routes"
P1 = (
    "The city council of Lentisse voted on Tuesday to add three bus routes to the eastern "
    "districts, where many residents say they have waited years for a reliable service."
)
P2 = (
    "Officials said the new routes would cut commuting times for thousands of residents "
    "and take hundreds of cars off the old river bridge every morning."
)
P3 = (
    "Construction of the new bus stops is expected to begin in the spring and last about "
    "a year, the council's transport office said in a statement."
)
P4 = (
    "Opposition members argued that the money for the bus routes should have gone to road "
    "repairs instead, and said they would raise it again at the budget debate."
)


TIMES = {"stored_at", "analysed_at", "at"}  # when a row was stored, not what


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the times of storing: two stores
    that hold the same are equal."""
    found = {}
    with store.engine.connect() as connection:
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in TIMES]
            rows = connection.execute(select(*columns)).all()
            found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found
