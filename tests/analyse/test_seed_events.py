"""The seed articles through clean and analyse, as `newsweave analyze` runs them:
the meetings the issue names, with canonical participants, place, date, status."""

from datetime import date
from pathlib import Path

import pytest

from newsweave.analyse import EntityIndex, analyse
from newsweave.clean import clean
from newsweave.ingest import read_paths

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")]

PUTIN, XI = "person:vladimir-putin", "person:xi-jinping"
WANG, PATRUSHEV = "person:wang-yi", "person:nikolai-patrushev"


@pytest.fixture(scope="module")
def events():
    articles = [clean(doc, reference=date(2026, 11, 23)) for doc in read_paths([str(SEEDS)])]
    analyses, _ = analyse(articles, EntityIndex())
    return {Path(a.source).name[:3]: found.events for a, found in zip(articles, analyses)}


@pytest.mark.parametrize("seed, people, place, day, status", [
    ("002", {PATRUSHEV, WANG}, "Moscow", "2023-09-19", "happened"),
    ("001", {PUTIN, WANG}, "St Petersburg", "2023-09-20", "happened"),
    ("001", {PUTIN, XI}, "Beijing", "2023-10", "planned"),
    ("004", {PUTIN, XI}, "Astana", None, "happened"),
])
def test_seed_meeting_found(events, seed, people, place, day, status):
    meetings = [e for e in events[seed] if e.kind == "meeting" and people <= set(e.participants)]
    assert any((e.place, e.date, e.status) == (place, day, status) for e in meetings), meetings
