"""The story region: which lines of a short hand-built page survive
``clean_text``. Each row is a page (its lines) and the lines a reader keeps."""

from __future__ import annotations

import pytest

from newsweave.clean.text import clean_text

from samples import BUS_TITLE as TITLE, P1, P2, P3, P4

P5 = (
    "The first buses on the new routes are due to run next autumn, the council said, with "
    "fares unchanged for residents of the eastern districts."
)
MENU = ["Home", "News", "Sport", "Weather"]
LONG_UNPUNCTUATED = (  # one paragraph of 70 words whose full stop was lost
    "The council of Lentisse voted on Monday evening to reopen the old stone bridge over "
    "the river after two years of repairs, and the mayor told residents gathered outside "
    "the town hall that buses would cross it again from the first week of April, while "
    "shop owners on both banks said they hoped the reopening would bring back the weekend "
    "visitors who had stayed away since the closure and that the delays had cost them"
)
TEASERS = [
    "Mayor opens the new swimming pool in Lentisse",
    "Farmers protest over water prices in the valley",
    "Storm warning issued for the coast this weekend",
]
COMMENTS = [
    "Great news for the east side, finally! I have waited for a bus for twenty years here.",
    "I will believe it when I see it on the road next year, they promised this before.",
    "My street still has no pavement, never mind a bus stop, and nobody at the council cares.",
    "Why does the west side never get anything? We pay the same taxes as everyone else.",
    "The old bridge is the real problem and none of this fixes it, as anyone who drives knows.",
    "Well done to the council for once, this will help my mother get to the hospital.",
]
OTHER_STORY = (
    "Farmers in the upper valley blocked the main road with tractors on Friday in "
    "protest against a sharp rise in irrigation water prices set by the region."
)


TITLE_GAP_KEEPS_TEASER = pytest.mark.xfail(
    strict=True,
    reason=(
        "when the densest run starts after a mid-story teaser card, every line between the "
        "headline and that run is kept as 'byline, date': the teaser headline (8 words) stays, "
        "since related.headline.v1 only applies inside the run"
    ),
)


def kept(*lines: str) -> list[str]:
    text = clean_text("\n".join(lines)).text
    return text.split("\n") if text else []


def verdict(lines: list[str], line: str) -> str | None:
    cleaning = clean_text("\n".join(lines))
    [reason] = [r for l, r in zip(cleaning.lines, cleaning.reasons) if l.text == line]
    return reason


PLAIN = [TITLE, P1, P2, P3]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # menu above, a list of other stories below
        (MENU + PLAIN + ["Most read"] + TEASERS, PLAIN),
        # the headline, then byline and date between it and the story
        (
            MENU + [TITLE, "By Clara Moreau", "3 March 2025"] + [P1, P2, P3],
            [TITLE, "3 March 2025", P1, P2, P3],
        ),
        # a one-word sentence inside the story stays
        ([TITLE, P1, "Yes.", P2, P3], [TITLE, P1, "Yes.", P2, P3]),
        # a short subheading inside the story stays
        (
            [TITLE, P1, P2, "What happens next", P3, P4],
            [TITLE, P1, P2, "What happens next", P3, P4],
        ),
        # a teaser headline (7+ words) and a section label inside the story go
        (
            [
                TITLE,
                P1,
                P2,
                "Council approves new tram line for the northern hills",
                P3,
                "World",
                P4,
            ],
            [TITLE, P1, P2, P3, P4],
        ),
        # comments after the story: the story run comes first, the comments are after a marker
        ([TITLE, P1, P2, "Comments"] + COMMENTS, [TITLE, P1, P2]),
        # a teaser summary boxed before the story is smaller than 40% of it: the story wins
        (
            ["Related stories:", OTHER_STORY, "More stories:", TITLE, P1, P2, P3, P4],
            [TITLE, P1, P2, P3, P4],
        ),
        # a footer marker BEFORE the story (a site-wide box at the top) is no barrier to it
        (["Related stories:"] + TEASERS + [TITLE, P1, P2, P3], PLAIN),
        # a photo caption and a teaser card in mid-story, the story resuming after them
        pytest.param(
            [
                TITLE,
                P1,
                P2,
                "© Meridian Wire / Ana Costa",
                "Buses at the Lentisse depot. Photo: Ana Costa",
                "Mayor opens the new swimming pool in Lentisse",
                P3,
                P4,
            ],
            [TITLE, P1, P2, P3, P4],
            marks=TITLE_GAP_KEEPS_TEASER,
        ),
        # a short paragraph after the block is outweighed by it, but is the story's own
        (
            [
                TITLE,
                P1,
                P2,
                P3,
                "© Meridian Wire / Ana Costa",
                "Watch video",
                "Mayor opens the new swimming pool in Lentisse",
                P5,
            ],
            [TITLE, P1, P2, P3, P5],
        ),
        # a paragraph of another story after a gap is not taken back in
        ([TITLE, P1, P2, P3, "Watch video", "Tractors block valley road", OTHER_STORY], PLAIN),
        # no prose at all: nothing is a story
        (MENU + TEASERS, []),
        # prose.long.v1: the only paragraph lost its full stop (extraction-html has one)
        (MENU + [LONG_UNPUNCTUATED], [LONG_UNPUNCTUATED]),
    ],
)
def test_region_kept_lines(page, expected):
    assert kept(*page) == expected


@pytest.mark.parametrize(
    ("page", "line", "expected"),
    [
        (MENU + PLAIN, "Sport", "outside_story.v2"),
        (MENU + PLAIN, "Home", "boilerplate.ui.v1"),
        (PLAIN + ["Most read"] + TEASERS, TEASERS[0], "outside_story.v2"),
        (PLAIN + ["More related stories:"] + TEASERS, TEASERS[0], "footer.after_marker.v1"),
        (PLAIN + ["More related stories:"] + TEASERS, "More related stories:", "footer.marker.v1"),
        (["Related stories:"] + TEASERS + PLAIN, TEASERS[0], "outside_story.v2"),
        (
            [TITLE, P1, "Council approves new tram line for the northern hills", P2],
            "Council approves new tram line for the northern hills",
            "related.headline.v1",
        ),
        ([TITLE, P1, "What happens next", P2], "What happens next", None),
        ([TITLE, P1, "World", P2], "World", "section.label.v1"),
        ([TITLE, P1, "Yes.", P2], "Yes.", None),
    ],
)
def test_region_line_reason(page, line, expected):
    assert verdict(page, line) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (MENU + PLAIN, TITLE),
        ([TITLE, "By Clara Moreau", "Updated 3 March 2025, 10:14", P1, P2], TITLE),
        # a headline-like line sharing no words with the story is a menu or promo line
        (["Storm warning issued for the coast this weekend", P1, P2], None),
        # too far above the story (more than 8 lines)
        ([TITLE] + [f"Section number {n}" for n in range(9)] + [P1, P2], None),
        # a sentence is not a headline
        (["The council met on Tuesday to talk about buses.", P1, P2], None),
    ],
)
def test_region_title(page, expected):
    title = clean_text("\n".join(page)).title
    assert (title.text if title else None) == expected
