"""split_lines and Line features: offsets into the raw text, word counts,
sentence ends and the share of capitalised words."""

from __future__ import annotations

import pytest

from newsweave.clean.lines import Line, split_lines


def only(text: str):
    [line] = split_lines(text)
    return line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One line", [(1, 0, 8, "One line")]),
        ("  padded  \n", [(1, 2, 8, "padded")]),
        ("first\n\n   \nfourth", [(1, 0, 5, "first"), (4, 11, 17, "fourth")]),
        ("a\r\nb\r\n", [(1, 0, 1, "a"), (2, 3, 4, "b")]),
        ("\tTabbed text\t\nnext", [(1, 1, 12, "Tabbed text"), (2, 14, 18, "next")]),
        ("", []),
        ("\n \n\t\n", []),
    ],
)
def test_split_lines_offsets(raw, expected):
    lines = split_lines(raw)
    assert [(l.number, l.start, l.end, l.text) for l in lines] == expected
    assert all(raw[l.start : l.end] == l.text for l in lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes.", 1),
        ("The council voted on Tuesday.", 5),
        ("It's 5 o'clock", 5),  # \w+ splits at apostrophes
        ("02:26", 2),
        ("— – …", 0),
        ("Заголовок открываемого материала", 3),
    ],
)
def test_line_words(text, expected):
    assert only(text).words == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes.", True),
        ("Is it over?", True),
        ("Stop!", True),
        ("Sources include:", True),
        ("He said: “It is over.”", True),
        ('He called it "a disgrace"', True),
        ("The talks (held in Geneva.)", True),
        ("And then…", True),
        ("Council expands bus network", False),
        ("(Photo by Jane Doe)", False),
        ("02:26", False),
        ("Mr. Smith goes to Washington", False),
    ],
)
def test_line_ends_sentence(text, expected):
    assert only(text).ends_sentence is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council Expands Bus Network", 1.0),
        ("The council voted on Tuesday.", 0.4),
        ("all lower case here", 0.0),
        ("40 0 12", 0.0),  # no alphabetic words
        ("", 0.0),
    ],
)
def test_line_capitalised_share(text, expected):
    assert Line(1, 0, len(text), text).capitalised_share == pytest.approx(expected)
