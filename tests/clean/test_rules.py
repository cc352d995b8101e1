"""Line rules: each rule fires on the leftovers it names and stays quiet on
story lines that merely look like them. Each row is one line, read after two
English story sentences (the document's context: its script, repeated lines)."""

from __future__ import annotations

import pytest

from newsweave.clean.lines import split_lines
from newsweave.clean.rules import Context, apply_rules

STORY = (
    "The council voted on Tuesday to expand the bus network to three new districts.\n"
    "Officials said the change would cut commuting times for thousands of residents.\n"
)
RUSSIAN = (
    "Совет во вторник проголосовал за расширение автобусной сети в трёх районах.\n"
    "Чиновники заявили, что изменения сократят время в пути для тысяч жителей.\n"
)


def reason(line: str, context: str = STORY) -> str | None:
    """The rule that removes ``line`` (the last line) in ``context``."""
    lines = split_lines(context + line)
    return apply_rules(lines, Context.of(lines))[-1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("More related stories:", "footer.marker.v1"),
        ("Related articles", "footer.marker.v1"),
        ("Sources include: Reuters, AP and local media", "footer.marker.v1"),
        ("Comments are now closed", "footer.marker.v1"),
        ("Post a comment", "footer.marker.v1"),
        ("To participate in the discussion", "footer.marker.v1"),
        ("12 comments", "footer.marker.v1"),
        ("Join the discussion", "footer.marker.v1"),
        ("You may also like", "footer.marker.v1"),
        ("Read more:", "boilerplate.ui.v1"),
        ("The minister said the comments were taken out of context.", None),
        ("Readers left comments under the article, the paper said.", None),
        ("Comments from residents filled three pages of the council's report.", None),
        ("More stories from the region will follow later this week, the editor said.", None),
        ("Related charges were dropped in March.", None),
        pytest.param("Comments on the plan were mixed.", None),
    ],
)
def test_rules_footer_marker(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Advertisement", "boilerplate.ui.v1"),
        ("ADVERTISEMENT", "boilerplate.ui.v1"),
        ("Subscribe", "boilerplate.ui.v1"),
        ("Learn more", "boilerplate.ui.v1"),
        ("loader", "boilerplate.ui.v1"),
        ("Chats", "boilerplate.ui.v1"),
        ("Share on Facebook", "boilerplate.ui.v1"),
        ("Facebook Twitter Email", "boilerplate.ui.v1"),
        ("Menu", "boilerplate.ui.v1"),
        ("Skip to main content", "boilerplate.ui.v1"),
        ("Home | News | Live", "boilerplate.ui.v1"),
        ("Yes.", None),
        ("No.", None),
        ("Share prices fell sharply on Monday.", None),
        ("Follow-up talks are planned for May.", None),
        ("Sport", None),  # not a UI word: a label, left to the region
    ],
)
def test_rules_boilerplate_ui(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("02:26", "media.duration.v1"),
        ("1:02:03", "media.duration.v1"),
        ("The meeting started at 10:30.", None),
        ("At 02:26 the alarm sounded across the camp.", None),
    ],
)
def test_rules_media_duration(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("40", "counter.v1"),
        ("0", "counter.v1"),
        ("1,234", "counter.v1"),
        ("12 | 34", "counter.v1"),
        ("(3)", "counter.v1"),
        ("40 killed", None),
        ("Forty people were killed.", None),
    ],
)
def test_rules_counter(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("© Sputnik / Ivan Ivanov", "caption.credit.v1"),
        ("Firefighters at the scene in Lentisse. Photo: AP", "caption.credit.v1"),
        ("(Photo by Jane Doe/Getty Images)", "caption.credit.v1"),
        ("Wang Yi - Sputnik International, 1920, 19.09.2023", "caption.credit.v1"),
        ("- Sputnik International, 1920", "caption.credit.v1"),
        ("Image: Reuters", "caption.credit.v1"),
        ("Rescue teams search the rubble (Photo: Meridian Wire)", "caption.credit.v1"),
        ("The photo shows the damage to the bridge.", None),
        ("A photographer for AP was injured in the blast.", None),
        ("The bridge opened in 1920 and was rebuilt in 1961.", None),
        pytest.param("Photos by local residents showed flooded streets across the town.", None),
    ],
)
def test_rules_caption_credit(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sign up for our daily newsletter", "promo.v1"),
        ("Download our app", "promo.v1"),
        ("We use cookies to improve your experience.", "promo.v1"),
        ("log in or register", "promo.v1"),
        ("All rights reserved.", "promo.v1"),
        ("Copyright 2024 Daily Planet", "promo.v1"),
        ("Get the latest news from around the world, live coverage and analysis.", "promo.v1"),
        ("Your browser does not support the video tag.", "promo.v1"),
        ("The council signed up three new contractors for the work.", None),
        ("Residents copied the council's letter to every household.", None),
        pytest.param(
            "The mayor said the council newsletter had misled residents about the budget.", None
        ),
        pytest.param(
            "The company changed its privacy policy last week after regulators complained.", None
        ),
    ],
)
def test_rules_promo(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By richardbrown // 2024-07-10", "metadata.byline.v1"),
        ("(Reporting by Jake Cordell; editing by Guy Faulconbridge)", "metadata.byline.v1"),
        ("By Jane Smith", "metadata.byline.v1"),
        ("By JANE SMITH, Associated Press", "metadata.byline.v1"),
        ("By Jane Smith | 3 March 2024", "metadata.byline.v1"),
        ("Additional reporting by Tom Lee", "metadata.byline.v1"),
        ("By the way, the council never replied.", None),
        ("Buses run every ten minutes by day.", None),
        pytest.param("By Tuesday, the river had risen two metres.", None),
        pytest.param("By contrast, exports rose by four percent.", None),
        pytest.param("By then, most residents had left.", None),
    ],
)
def test_rules_metadata_byline(line, expected):
    assert reason(line) == expected


@pytest.mark.parametrize(
    ("line", "context", "expected"),
    [
        ("Заголовок открываемого материала", STORY, "script.foreign.v1"),
        ("Breaking: talks resume in Geneva", RUSSIAN, "script.foreign.v1"),
        ("Переговоры возобновятся в Женеве", RUSSIAN, None),
        ("The Kremlin paper Известия reported the talks.", STORY, None),
        ("Café in Zürich reopens", STORY, None),
        ("Ж Я", STORY, None),  # too few letters to tell
    ],
)
def test_rules_script_foreign(line, context, expected):
    assert reason(line, context) == expected


TEASER = "Council approves new tram line"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TEASER}\n{TEASER}", "related.repeated.v1"),
        (f"{TEASER}\n{TEASER.upper()}", "related.repeated.v1"),  # case does not matter
        (
            "Residents welcomed it.\nResidents welcomed it.\nResidents welcomed it.",
            "related.repeated.v1",
        ),
        (TEASER, None),
        ("Residents welcomed it.\nResidents welcomed it.", None),  # a sentence said twice stays
        (f"{TEASER}\nCouncil approves new tram lines", None),
    ],
)
def test_rules_related_repeated(text, expected):
    assert reason(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Related articles", "footer.marker.v1"),  # also a UI string: the marker wins
        ("Post a comment", "footer.marker.v1"),
        ("02:26", "media.duration.v1"),  # also a counter
        ("Sign up", "boilerplate.ui.v1"),  # also a promo
        ("© Sputnik / Subscribe", "caption.credit.v1"),
    ],
)
def test_rules_first_match_names_reason(line, expected):
    assert reason(line) == expected
