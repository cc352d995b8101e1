"""Inline promos: sentences and "(Related: ...)" asides cut out of a kept
paragraph, while the paragraph's own sentences stay."""

from __future__ import annotations

import pytest

from newsweave.clean.text import clean_text
from newsweave.clean.trim import promo_spans

STORY = "The talks in Beijing lasted two days."


def cut(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in promo_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{STORY} (Related: Putin, Xi pledge stronger partnership as Russia pummels Ukraine.) "
            "Both sides called them a success.",
            ["(Related: Putin, Xi pledge stronger partnership as Russia pummels Ukraine.)"],
        ),
        (f"{STORY} (Read more: Xi arrives in Moscow.)", ["(Read more: Xi arrives in Moscow.)"]),
        (
            f"{STORY} Head over to RussiaReport.news for more stories about Russia.",
            ["Head over to RussiaReport.news for more stories about Russia."],
        ),
        (
            f"{STORY} Watch this clip of Vladimir Putin speaking in Beijing.",
            ["Watch this clip of Vladimir Putin speaking in Beijing."],
        ),
        (
            f"{STORY} This video is from the Truth Channel on Brighteon.com.",
            ["This video is from the Truth Channel on Brighteon.com."],
        ),
        # two promos in a row make one cut
        (
            f"{STORY} Watch this clip of the talks. This video is from the Truth Channel.",
            ["Watch this clip of the talks. This video is from the Truth Channel."],
        ),
        (f"{STORY} Click here to read the full report.", ["Click here to read the full report."]),
        (f"{STORY} Follow us on X for updates.", ["Follow us on X for updates."]),
        (f"{STORY} Visit lentisse.gov for more details.", ["Visit lentisse.gov for more details."]),
        (
            f"{STORY} Listen to the podcast for the full interview.",
            ["Listen to the podcast for the full interview."],
        ),
        # the same words inside a story sentence, or not opening one, stay
        ("Officials said they would watch the clip again before deciding.", []),
        (f"{STORY} He told reporters to head over to the station.", []),
        (f"{STORY} Follow-up talks are planned for May.", []),
        (f"{STORY} Residents were told to sign up for the scheme by March.", []),
        (f"{STORY} The video is from a security camera near the station.", []),
        (f"{STORY} Related talks are planned in Moscow (the date is not set).", []),
        (STORY, []),
        # a line that is one promo is the line rules' business, not an inline cut
        ("Head over to RussiaReport.news for more stories.", []),
    ],
)
def test_trim_promo_spans(text, expected):
    assert cut(text) == expected


TITLE = "Lentisse approves three new bus routes"
BODY = [
    "The city council of Lentisse voted on Tuesday to add three bus routes to the eastern "
    "districts, where many residents say they have waited years for a reliable service.",
    "Officials said the new routes would cut commuting times for thousands of residents "
    "and take hundreds of cars off the old river bridge every morning.",
]
LAST = "The first buses are due to run next autumn, the council said."


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (f"{LAST} Head over to LentisseNews.com for more stories.", LAST),
        (f"{LAST} (Related: Tram line plans shelved.)", LAST),
        (LAST, LAST),
        pytest.param("Head over to LentisseNews.com for more stories about the city.", None),
        pytest.param("Watch this clip of the mayor opening the first bus stop.", None),
    ],
)
def test_trim_clean_text_last_paragraph(last, expected):
    lines = clean_text("\n".join([TITLE, *BODY, last])).text.split("\n")
    assert lines[:3] == [TITLE, *BODY]
    assert (lines[3] if len(lines) > 3 else None) == expected


def test_trim_removed_span_names_rule():
    raw = "\n".join([TITLE, *BODY, f"{LAST} Head over to LentisseNews.com for more stories."])
    cleaning = clean_text(raw)
    [promo] = [r for r in cleaning.removed if r.reason == "promo.sentence.v1"]
    assert promo.text == "Head over to LentisseNews.com for more stories."
    assert raw[promo.start : promo.end].strip() == promo.text
