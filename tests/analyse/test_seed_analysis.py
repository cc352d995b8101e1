"""The seed articles through clean and analyse, as `newsweave analyze` runs them:
the meetings the issue names, with canonical participants, place, date, status,
and the quotes of 001-003 with their canonical speakers."""

from datetime import date
from pathlib import Path

import pytest

from newsweave.analyse import EntityIndex, analyse
from newsweave.clean import clean
from newsweave.ingest import read_paths
from samples import seed_files

pytestmark = pytest.mark.model

PUTIN, XI = "person:vladimir-putin", "person:xi-jinping"
WANG, PATRUSHEV = "person:wang-yi", "person:nikolai-patrushev"


@pytest.fixture(scope="module")
def analyses():
    articles = [
        clean(doc, reference=date(2026, 11, 23))
        for doc in read_paths([str(p) for p in seed_files()])
    ]
    found, _ = analyse(articles, EntityIndex())
    return {Path(a.source).name[:3]: analysis for a, analysis in zip(articles, found)}


@pytest.fixture(scope="module")
def events(analyses):
    return {seed: analysis.events for seed, analysis in analyses.items()}


@pytest.mark.parametrize(
    "seed, people, place, day, status",
    [
        ("002", {PATRUSHEV, WANG}, "Moscow", "2023-09-19", "happened"),
        ("001", {PUTIN, WANG}, "St Petersburg", "2023-09-20", "happened"),
        ("001", {PUTIN, XI}, "Beijing", "2023-10", "planned"),
        ("004", {PUTIN, XI}, "Astana", None, "happened"),
    ],
)
def test_seed_meeting_found(events, seed, people, place, day, status):
    meetings = [e for e in events[seed] if e.kind == "meeting" and people <= set(e.participants)]
    assert any((e.place, e.date, e.status) == (place, day, status) for e in meetings), meetings


@pytest.mark.parametrize(
    "seed, fragment, speaker",
    [
        ("001", "We believe in merging our vision", PUTIN),
        ("001", "This relates to international affairs", PUTIN),
        ("001", "We look forward to strengthening planning", PUTIN),
        ("001", "fully meets and coincides", PUTIN),
        ("001", "should strengthen multilateral strategic cooperation", WANG),
        ("002", "In the context of the campaign launched by the collective West", PATRUSHEV),
        ("002", "fundamental issues of modern world order are close", PATRUSHEV),
        ("002", "In October, we look forward to detailed bilateral negotiations", PATRUSHEV),
        ("003", "that Beijing was a top priority for Russian foreign policy", PATRUSHEV),
        ("003", "In the context of a campaign that is being waged", PATRUSHEV),
        ("003", "I want to confirm our continued support", PATRUSHEV),
    ],
)
def test_seed_quote_speaker(analyses, seed, fragment, speaker):
    found = [q for q in analyses[seed].quotes if fragment in q.text]
    assert found, fragment
    # The shortest quote holding the words is the one they belong to ("that
    # Beijing ..." is Patrushev's, inside an agency's report of the sentence).
    assert min(found, key=lambda q: len(q.text)).speaker == speaker


def test_seed_headline_quote_found_once(analyses):
    assert len([q for q in analyses["001"].quotes if "fully meets and coincides" in q.text]) == 1
