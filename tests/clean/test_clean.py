"""clean() on an HTML page: removed blocks name the rule that removed them, and
metadata read from the main text points at the raw (rendered) page's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import HTML_LEFT_OUT, clean
from newsweave.model import RawDoc

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "corpus" / "calvora_courier_strike.html"
)
BODY = (
    "PORTVILLE - The city council voted on Tuesday to expand the bus network to three new "
    "districts. Officials said the change would cut commuting times for thousands of residents."
)
SECOND = (
    "Opposition members argued that the money should have gone to road repairs instead, "
    "and promised to raise the issue again when the budget is debated next month."
)
# "City" is both a menu entry and the kicker over the headline.
PAGE = (
    '<html lang="en"><head><title>Council expands bus network | Daily Post</title></head><body>'
    '<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul></nav>'
    "<article><p>City</p><h1>Council expands bus network</h1>"
    f"<p>Updated 14:05, 3 March 2024</p><p>{BODY}</p><p>{SECOND}</p>"
    "<p>Sign up for our daily newsletter.</p>"
    '<p>Related:</p><ul><li><a href="/a">Bus fares to rise in June</a></li>'
    '<li><a href="/b">Tram line delayed again</a></li></ul>'
    "<p>Tags:</p><p>buses, council, Portville</p>"
    "</article><footer><p>Daily Post. All rights reserved.</p></footer></body></html>"
)


def html_article(page: str):
    return clean(RawDoc(source="page.html", content=page, kind="html"))


def test_html_left_out_is_versioned_name():
    assert HTML_LEFT_OUT == "html.not_main_text.v2"


def test_clean_html_removed_blocks_name_their_rule():
    removed = [(r.text, r.reason) for r in html_article(PAGE).removed]
    assert removed == [
        ("Home", HTML_LEFT_OUT),
        ("City", HTML_LEFT_OUT),  # the menu entry: trafilatura left it out
        ("City", "html.headline.v2"),  # the kicker, dropped with the headline
        ("Updated 14:05, 3 March 2024", "html.dateline.v1"),
        ("Sign up for our daily newsletter.", "html.promo.v1"),
        ("Related:", "html.related.v1"),
        ("Bus fares to rise in June", HTML_LEFT_OUT),  # trafilatura dropped the list
        ("Tram line delayed again", HTML_LEFT_OUT),
        ("Tags:", "html.tags.v1"),
        ("buses, council, Portville", "html.tags.v1"),
        ("Daily Post. All rights reserved.", HTML_LEFT_OUT),
    ]


def test_clean_html_removed_spans_are_raw_text():
    article = html_article(PAGE)
    assert all(article.raw_text[r.start : r.end] == r.text for r in article.removed)


@pytest.mark.parametrize(
    ("page", "field", "line"),
    [
        (PAGE, "dateline", 6),  # raw line 6; line 2 of the extracted text (title, then BODY)
        (EXAMPLE.read_text(encoding="utf-8"), "dateline", 13),
    ],
)
def test_clean_html_field_line_is_raw_line(page, field, line):
    article = html_article(page)
    found = getattr(article.meta, field)
    assert found.line == line
    assert article.raw_text.splitlines()[line - 1].strip() == found.evidence
