"""The five real scraped seed articles: boilerplate goes, the story stays, and
the metadata the text states is found (and only that)."""

from datetime import date

import pytest

from newsweave.clean import clean
from newsweave.ingest import read_paths
from samples import seed_files

REFERENCE = date(2026, 11, 23)


def seed(prefix: str):
    [path] = seed_files(f"{prefix}_")
    [doc] = read_paths([str(path)])
    return clean(doc, reference=REFERENCE)


def lines_of(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


REMOVED = [
    ("001", "Advertisement"),
    ("001", "Diplomacy"),
    ("001", "Get more with myNEWS"),
    ("001", "A personalised news feed of stories that matter to you"),
    ("001", "Learn more"),
    ("001", "02:26"),
    ("001", "03:27"),
    ("001", "China and Russia hold call after Saudi peace talks over Ukraine exclude Moscow"),
    ("001", "At UN, Ukraine’s Zelensky says strip ‘criminal’ Russia of veto power"),
    ("001", "China and Russia strengthen cooperation as G7 pushes Beijing to rein in Moscow"),
    (
        "001",
        "Russian lawmaker meets Xi in Beijing, saying Moscow can count on China's 'friendly shoulder'",
    ),
    ("001", "40"),
    ("002", "- Sputnik International, 1920"),
    ("002", "World"),
    (
        "002",
        "Get the latest news from around the world, live coverage, off-beat stories, features and analysis.",
    ),
    ("002", "Subscribe"),
    ("002", "China, Russia Bear Special Responsibility for Global Strategic Stability - Wang Yi"),
    ("002", "Newsfeed"),
    ("002", "0"),
    ("002", "To participate in the discussion"),
    ("002", "log in or register"),
    ("002", "loader"),
    ("002", "Chats"),
    ("002", "Заголовок открываемого материала"),
    ("003", "(Reporting by Jake Cordell; editing by Guy Faulconbridge)"),
    ("004", "By richardbrown // 2024-07-10"),
    ("004", "More related stories:"),
]


@pytest.mark.parametrize("prefix, line", REMOVED)
def test_seed_boilerplate_line_removed(prefix, line):
    article = seed(prefix)
    assert line not in lines_of(article.text)
    assert any(r.text == line for r in article.removed)


def test_seed_captions_removed():
    assert "Photo: AP" not in seed("001").text
    text = seed("002").text
    assert "© Sputnik" not in text and "Sputnik International, 1920" not in text


@pytest.mark.parametrize(
    "prefix, fragment",
    [
        ("004", "(Related: Putin, Xi pledge stronger partnership as Russia pummels Ukraine.)"),
        ("004", "Head over to RussiaReport.news for more stories"),
        ("004", "Watch this clip of Vladimir Putin"),
        ("004", "This video is from the Cynthia's Pursuit of Truth channel"),
        ("004", "Sources include:"),
        ("004", "Blinken attempts to bully China"),
    ],
)
def test_seed_inline_promo_removed(prefix, fragment):
    assert fragment not in seed(prefix).text


KEPT = [
    (
        "000",
        "Nikolai Patrushev, the secretary of the Russian Security Council, revealed on Tuesday",
    ),
    ("000", "Moscow has begun to pivot its focus toward the East."),
    ("001", "China-Russia ties: Vladimir Putin confirms he will meet Xi Jinping in Beijing"),
    ("001", "However, progress has been slow."),
    (
        "001",
        "“We look forward to strengthening planning and deepening practical cooperation with China,”",
    ),
    ("001", "Patrushev, meanwhile, warned there was a prospect of colour revolution attempts"),
    ("002", "MOSCOW (Sputnik) - The further deepening of Russian-Chinese coordination"),
    ("002", "It is important that the approaches of Russia and China to fundamental issues"),
    ("002", "Chinese Foreign Minister Wang Yi arrived in Russia on September 18-21"),
    (
        "002",
        "On Monday, Russian Foreign Minister Sergey Lavrov and Chinese Foreign Minister Wang Yi discussed",
    ),
    (
        "003",
        "(Reuters) – The secretary of Russia’s powerful Security Council told China’s top diplomat",
    ),
    ("003", "Wang was also due to meet Russian Foreign Minister Sergei Lavrov on Wednesday"),
    ("004", "Moscow, Beijing strengthening ties based on mutual respect"),
    ("004", "Beijing reciprocates Moscow's praises"),
    ("004", "Putin has intensified diplomatic engagements across Asia."),
    ("004", "growing importance as a geopolitical entity."),
    (
        "004",
        "China's commitment to regional cooperation and leadership within multilateral frameworks.",
    ),
]


@pytest.mark.parametrize("prefix, fragment", KEPT)
def test_seed_story_line_kept(prefix, fragment):
    assert fragment in seed(prefix).text


@pytest.mark.parametrize(
    "prefix, published, outlet",
    [
        ("000", None, None),
        ("001", "2023-09-20", None),
        ("002", "2023-09-19", "Sputnik"),
        ("003", None, "Reuters"),
        ("004", "2024-07-10", None),
    ],
)
def test_seed_metadata(prefix, published, outlet):
    article = seed(prefix)
    assert article.meta.value("published") == published
    assert article.meta.value("outlet") == outlet


@pytest.mark.parametrize(
    "prefix, name, value",
    [
        ("002", "dateline", "MOSCOW"),
        ("003", "byline", "Jake Cordell"),
        ("004", "byline", "richardbrown"),
        (
            "001",
            "title",
            "China-Russia ties: Vladimir Putin confirms he will meet Xi Jinping in Beijing for Belt and Road Forum next month",
        ),
        (
            "002",
            "title",
            "Russian-Chinese Coordination Important Amid West's Containment Campaign - Top Security Official",
        ),
        ("000", "title", None),
        ("003", "dateline", None),
    ],
)
def test_seed_other_fields(prefix, name, value):
    assert seed(prefix).meta.value(name) == value


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_published_provenance_names_rule_and_line(prefix):
    found = seed(prefix).meta.published
    if found is not None:
        assert found.rule.startswith("published.") and found.rule[-3:-1] == ".v"
        assert found.line is not None and found.evidence
