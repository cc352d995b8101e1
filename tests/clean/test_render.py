"""render_html: the plain text a naive scraper makes of an HTML page, one block
per line, even from the broken markup real pages hold."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsweave.clean.render as render
from newsweave.clean.render import render_html

BLOCKS = [
    ("<p>one</p><p>two</p>", "one\ntwo"),
    ("<div>a<div>b</div>c</div>", "a\nb\nc"),
    ("<h1>Title</h1><p>Body</p>", "Title\nBody"),
    ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a\nb\nc"),
    ("<blockquote>quoted</blockquote>after", "quoted\nafter"),
    ("<P>upper</P><DIV>case</DIV>", "upper\ncase"),
]

BREAKS = [
    ("line one<br>line two<br/>line three", "line one\nline two\nline three"),
    ("a<br><br><br>b", "a\nb"),
    ("a</br>b", "a\nb"),  # browsers read </br> as <br>
    ("<p>a<BR>b</p>", "a\nb"),
]

INLINE = [
    ('<p>Hello <b>bold</b> and <a href="/x">a link</a>.</p>', "Hello bold and a link."),
    ("<p><span>Super</span><span>Market</span></p>", "SuperMarket"),
    ("<p>an <em>em</em><i>i</i> <unknown-tag>custom</unknown-tag></p>", "an emi custom"),
    ('<p><img src="x.png" alt="not text">caption</p>', "caption"),
]

DROPPED = [
    ('<p>a<script>var s = "<p>no</p>";</script>b</p>', "ab"),
    ("<style>p { color: red }</style><p>text</p>", "text"),
    ("<p>keep<!-- drop <p>this</p> -->me</p>", "keepme"),
    ("<p>a<!---->b<!-->c</p>", "abc"),
    ("<html><head><title>Title</title><meta name=x></head><body><p>body</p></body></html>", "body"),
    ("<p>a</p><noscript><p>Enable JavaScript</p></noscript><p>b</p>", "a\nb"),
    ("<p>a</p><template><p>later</p></template><p>b</p>", "a\nb"),
    ("<p>a</p><svg><text>label</text><title>t</title></svg><p>b</p>", "a\nb"),
    ('<p>a</p><iframe src="x">fallback</iframe><p>b</p>', "a\nb"),
    ("<p>a</p><object><param name=x>fallback</object><p>b</p>", "a\nb"),
    ("<p>a</p><select><option>one</option><option>two</option></select><p>b</p>", "a\nb"),
    ("<p>a</p><textarea>typed <b>text</b></textarea><p>b</p>", "a\nb"),
    ("<?xml version='1.0'?><p>a</p>", "a"),
]

WHITESPACE = [
    ("<p>  a \n\t b&nbsp;&nbsp;c  </p>", "a b c"),
    ("<div> </div><p></p><p>\n</p><p>x</p>", "x"),
    ("<p>a\n\nb</p>", "a b"),
    ("  just text  ", "just text"),
    ("", ""),
]

ENTITIES = [
    ("<p>AT&amp;T &lt;tag&gt; caf&eacute;</p>", "AT&T <tag> café"),
    ("<p>&#8217;&#x2014;&copy;</p>", "’—©"),
    ("<p>&nbsp</p><p>x &amp y</p>", "x & y"),
]

MALFORMED = [
    ("<p>one<p>two<div>three", "one\ntwo\nthree"),
    ('<p>text <a href="/x', "text"),
    ("<p>text</p><", "text\n<"),
    ("<p>1 < 2 and 3 > 2</p>", "1 < 2 and 3 > 2"),
    ('<a title="a > b" href="/x">link</a>', "link"),
    ("<a onmouseover=\"tip('<b>bold</b> tip')\">link</a>", "link"),
    ('<li id="nav-"12">item</li>', "item"),
    # An unclosed comment ends at the next ">", so one typo costs one tag.
    ("<p>a</p><!-- b <p>c</p>", "a\nc"),
    # An <svg> never closed ends with the element around it, as in browsers.
    ('<div><svg><use href="#i"/></div><p>after</p>', "after"),
    # Body content without <body>: browsers end the head there and show it.
    ("<html><head><title>T</title><div>menu</div><p>story</p>", "menu\nstory"),
    # An unclosed title must not swallow the page.
    (
        "<html><head><title>Broken\n<script>x()</script></head><body><p>Story.</p></body></html>",
        "Story.",
    ),
    # A second DOCTYPE (pages pasted together) must not end the page.
    ("<!DOCTYPE html><p>one</p><!DOCTYPE html><html><body><p>two</p>", "one\ntwo"),
]

# A src="... attribute left unterminated runs into the script code; a browser
# reads on to the next quote and hides the story in the script.
SCRIPT_ATTRIBUTE = [
    (
        '<html><head><script src="/a.js>\nfunction f() { x = 1; }\n</script>\n'
        '<script>var y = "2";</script></head><body><p>Story text.</p>\n'
        "<script>var z = 3;</script></body></html>",
        "Story text.",
    ),
    (
        "<script type='text/javascript' src='/menu.js>\nvar a = 'b';\n</script>"
        "<div>Headline</div><p>Body.</p>",
        "Headline\nBody.",
    ),
]


@pytest.mark.parametrize(("html", "expected"), BLOCKS)
def test_render_html_splits_blocks(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), BREAKS)
def test_render_html_breaks_at_br(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), INLINE)
def test_render_html_joins_inline_elements(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), DROPPED)
def test_render_html_drops_hidden_content(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), WHITESPACE)
def test_render_html_collapses_whitespace(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), ENTITIES)
def test_render_html_decodes_entities(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), MALFORMED)
def test_render_html_recovers_from_malformed_markup(html: str, expected: str) -> None:
    assert render_html(html) == expected


@pytest.mark.parametrize(("html", "expected"), SCRIPT_ATTRIBUTE)
def test_render_html_survives_script_attribute_running_into_code(html: str, expected: str) -> None:
    assert render_html(html) == expected


def test_render_html_takes_the_tree_when_the_scan_loses_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(render, "_render_scan", lambda html: "")
    assert render_html("<p>one</p><p>two</p>") == "one\ntwo"


def test_render_html_is_deterministic() -> None:
    page = "".join(f"<div class=c{i}><p>para {i} &amp; more<br>next</p></div>" for i in range(200))
    first = render_html(page)
    assert all(render_html(page) == first for _ in range(3))
    assert first.count("\n") == 399


def test_render_html_survives_deep_nesting() -> None:
    page = "<div>" * 3000 + "deep" + "</div>" * 3000 + "<b>" * 3000 + "end"
    assert render_html(page) == "deep\nend"


_MARKUP_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</b>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<head>",
        "<title>",
        "<svg>",
        "</div>",
        '<a href="',
        '"',
        "'",
        ">",
        "<",
        "&amp;",
        "&nbsp;",
        " ",
        "\n",
        "\t",
    ]
)
_TEXT_BITS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_MARKUP_BITS, _TEXT_BITS), max_size=40).map("".join))
def test_render_html_lines_are_collapsed_and_non_empty(html: str) -> None:
    text = render_html(html)
    assert text == render_html(html)
    for line in text.split("\n") if text else []:
        assert line and line == " ".join(line.split())
