"""extract_html: main text, metadata and publication date of one HTML page."""

from __future__ import annotations

import pytest

from newsweave.clean.html import LINE_RULES, RULE_NAMES, extract_html

BODY = (
    "The city council voted on Tuesday to expand the bus network to three new districts. "
    "Officials said the change would cut commuting times for thousands of residents. "
    "Construction of the new stops is expected to begin in the spring and last a year."
)
SECOND = (
    "Opposition members argued that the money should have gone to road repairs instead, "
    "and promised to raise the issue again when the budget is debated next month."
)


def page(*, head: str = "", article: str = "", lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>Council expands bus network | Daily Post</title>{head}'
        '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>Council expands bus network</h1>{article}</article>"
        "<footer><p>Daily Post. All rights reserved.</p></footer></body></html>"
    )


ARTICLE = f"<p>{BODY}</p><p>{SECOND}</p>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(article=ARTICLE), [BODY, SECOND]),
        (page(article=ARTICLE + "<p>Related: Bus fares to rise in June</p>"), [BODY, SECOND]),
        (page(article=ARTICLE + "<p>Sign up for our daily newsletter.</p>"), [BODY, SECOND]),
        (page(article="<p>Updated 14:05, 3 March 2024</p>" + ARTICLE), [BODY, SECOND]),
    ],
)
def test_extract_html_keeps_body_drops_boilerplate(html: str, expected: list[str]) -> None:
    assert extract_html(html).text.split("\n") == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(article=ARTICLE), "Council expands bus network"),
        (
            page(head='<meta property="og:title" content="Buses for all">', article=ARTICLE),
            "Buses for all",
        ),
    ],
)
def test_extract_html_title(html: str, expected: str) -> None:
    result = extract_html(html)
    assert result.title == expected
    assert "Council expands bus network" not in result.text  # headline is not body text


LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "2024-03-02T09:00:00+01:00"}</script>'
)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(head=LD, article=ARTICLE), "2024-03-02"),
        (
            page(
                head='<meta property="article:published_time" content="2023-11-08T10:00:00-05:00">',
                article=ARTICLE,
            ),
            "2023-11-08",
        ),
        (
            page(
                article='<time itemprop="datePublished" datetime="2022-01-14">14.01.2022</time>'
                + ARTICLE
            ),
            "2022-01-14",
        ),
        (page(article="<p>Published on 5 May 2021</p>" + ARTICLE), "2021-05-05"),
        (page(article=ARTICLE), None),
    ],
)
def test_extract_html_published(html: str, expected: str | None) -> None:
    found = extract_html(html).published
    assert (found.value if found else None) == expected
    if found:
        assert found.rule.startswith("html.") and found.rule.rsplit(".", 1)[-1].startswith("v")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (page(article=ARTICLE, lang="de-DE"), "de"),
        (page(article=ARTICLE, lang=""), None),
    ],
)
def test_extract_html_language(html: str, expected: str | None) -> None:
    assert extract_html(html).language == expected


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<<<>>>",
        "<html><body><p>unclosed <b><i>",
        "\x00\x01binary\xff",
        "<p>" * 500,
        "plain text, no markup at all",
    ],
)
def test_extract_html_malformed_does_not_raise(html: str) -> None:
    result = extract_html(html)
    assert isinstance(result.text, str)


@pytest.mark.parametrize("html", ["", "<html><head></head><body></body></html>"])
def test_extract_html_empty_page_gives_empty_text(html: str) -> None:
    assert extract_html(html).text == ""


@pytest.mark.parametrize(
    ("article", "dropped"),
    [
        (ARTICLE, []),
        (
            ARTICLE + "<p>Sign up for our daily newsletter.</p>",
            [("Sign up for our daily newsletter.", "html.promo.v1")],
        ),
        (
            "<p>Updated 14:05, 3 March 2024</p>" + ARTICLE,
            [("Updated 14:05, 3 March 2024", "html.dateline.v1")],
        ),
        (
            ARTICLE + "<p>Tags:</p><p>buses, council</p>",
            [("Tags:", "html.tags.v1"), ("buses, council", "html.tags.v1")],
        ),
    ],
)
def test_extract_html_lines_name_the_rule_that_dropped_them(article, dropped):
    result = extract_html(page(article=article))
    # the headline inside <article> always goes (headline.v2)
    assert [(l.text, l.rule) for l in result.lines if l.rule] == [
        ("Council expands bus network", "html.headline.v2"),
        *dropped,
    ]
    assert result.text == "\n".join(l.text for l in result.lines if l.rule is None)


def test_line_rules_each_named_as_its_docstring():
    assert set(RULE_NAMES) == set(LINE_RULES)
    for rule in LINE_RULES:
        assert RULE_NAMES[rule] == "html." + rule.__doc__.split(":")[0]


# A page whose precise and default readings differ: trafilatura's
# favor_precision drops the headline inside the article that its default keeps.
_TWO_READINGS = (
    "<html><body><article><h1>Bridge to reopen</h1><p>LENTISSE - Calvora and Veldania "
    "agreed on Tuesday to end their dispute over the river tolls.</p><div class='story bottom'>"
    + "".join(
        f"<p>Paragraph {w}: the ministers met in Lentisse on Tuesday and agreed to reopen the "
        f"Ostel Bridge crossing to freight next month, officials said after the {w} round.</p>"
        for w in ("first", "second", "third", "fourth", "fifth")
    )
    + "</div></article></body></html>"
)


def test_precise_reading_unless_it_keeps_too_little(monkeypatch):
    """precision-fallback.v1: trafilatura's precise reading, unless it keeps less
    than PRECISION_KEPT of the default reading's text; both readings are real."""
    from lxml.html import fromstring

    from newsweave.clean import html

    tree = fromstring(_TWO_READINGS)
    precise = html._lines(tree, None, favor_precision=True)
    default = html._lines(tree, None, favor_precision=False)
    assert 0.5 < sum(map(len, precise)) / sum(map(len, default)) < 1
    assert html._trafilatura_lines(tree, None) == precise  # kept more than half
    monkeypatch.setattr(html, "PRECISION_KEPT", 1.0)
    assert html._trafilatura_lines(tree, None) == default  # kept less than all
