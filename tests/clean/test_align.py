"""align: another extractor's lines found in the raw text, in order, with
whitespace differences ignored; uncovered: the raw lines it left out."""

from __future__ import annotations

import pytest

from newsweave.clean.align import align, dropped_reasons, locate, page_lines, uncovered


@pytest.mark.parametrize(
    ("raw", "clean", "expected"),
    [
        # (clean_start, raw_start, length) for each line copied verbatim
        (
            "Menu\nFirst line here\nAd\nSecond line",
            "First line here\nSecond line",
            [(0, 5, 15), (16, 24, 11)],
        ),
        ("  Indented line  \n", "Indented line", [(0, 2, 13)]),
        # a line repeated in the raw text: the first unused occurrence, in order
        ("Same\nOther\nSame", "Same\nOther\nSame", [(0, 0, 4), (5, 5, 5), (11, 11, 4)]),
        ("Same\nOther\nSame", "Other\nSame", [(0, 5, 5), (6, 11, 4)]),
        # out of order: found by searching again from the start
        ("one\ntwo", "two\none", [(0, 4, 3), (4, 0, 3)]),
        # whitespace differs: found, but no exact segment
        ("Menu\nFirst  line here", "First line here", []),
        # not in the raw text at all: no mapping rather than a wrong one
        ("one\ntwo", "three", []),
        ("", "anything", []),
    ],
)
def test_align_segments(raw, clean, expected):
    offsets, _ = align(raw, clean)
    assert [(s.clean_start, s.raw_start, s.length) for s in offsets.segments] == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Menu\nFirst line here\nAd\nSecond line", "First line here\nSecond line"),
        ("Menu\nFirst  line here", "First line here"),
        ("Résumé  of the talks\nMore", "Résumé of the talks"),
        pytest.param("First line\nhere", "First line here"),
        pytest.param("Tab\tseparated words", "Tab separated words"),
    ],
)
def test_align_segments_copy_raw_text(raw, clean):
    offsets, _ = align(raw, clean)
    for seg in offsets.segments:
        assert (
            clean[seg.clean_start : seg.clean_start + seg.length]
            == raw[seg.raw_start : seg.raw_start + seg.length]
        )


@pytest.mark.parametrize(
    ("raw", "clean", "expected"),
    [
        ("Menu\nFirst line here\nAd\nSecond line", "First line here\nSecond line", ["Menu", "Ad"]),
        ("Menu\nFirst  line here", "First line here", ["Menu"]),  # found despite whitespace
        ("one\ntwo", "one\ntwo", []),
        ("one\ntwo", "three", ["one", "two"]),
        # a clean line spanning two raw lines covers both
        ("Head\nFirst line\nhere\nTail", "First line here", ["Head", "Tail"]),
        ("", "", []),
    ],
)
def test_align_uncovered(raw, clean, expected):
    _, covered = align(raw, clean)
    assert [raw[start:end] for start, end in uncovered(raw, covered)] == expected


@pytest.mark.parametrize(
    ("raw", "clean", "expected"),
    [
        ("Menu\n\nFirst line here\nSecond line", "First line here\nSecond line", [3, 4]),
        ("Menu\nFirst line\nhere", "First line here", [2]),  # the raw line it starts on
        ("Menu\nBody", "Title\nBody", [None, 2]),  # not in the raw text
    ],
)
def test_page_lines(raw, clean, expected):
    assert list(page_lines(raw, locate(raw, clean))) == expected


NAV_KICKER = "News\nCity\nWorld\nCity\nThe story\nLink one\nRelated:\nFooter"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a dropped line above the kept ones is the nearest block above them
        ([("City", "headline.v2"), ("The story", None)], {"City@3": "headline.v2"}),
        # below, the nearest below; each block is claimed once
        (
            [("The story", None), ("Related:", "related.v1"), ("Related:", "related.v1")],
            {"Related:@6": "related.v1"},
        ),
        # whole lines only: "Link" is not "Link one"; whitespace and "- " are ignored
        (
            [("The story", None), ("Link", "x.v1"), ("- Link  one", "y.v1")],
            {"Link one@5": "y.v1"},
        ),
        # a drop spanning adjacent left-out lines claims them all
        (
            [("News City World", "x.v1"), ("The story", None)],
            {"News@0": "x.v1", "City@1": "x.v1", "World@2": "x.v1"},
        ),
    ],
)
def test_dropped_reasons(lines, expected):
    kept = "\n".join(text for text, rule in lines if rule is None)
    _, covered = align(NAV_KICKER, kept)
    left_out = uncovered(NAV_KICKER, covered)
    spans = [span for _, span in locate(NAV_KICKER, kept)]
    reasons = dropped_reasons(NAV_KICKER, left_out, lines, spans)
    named = {
        f"{NAV_KICKER[s:e]}@{NAV_KICKER.count(chr(10), 0, s)}": reasons[s]
        for s, e in left_out
        if s in reasons
    }
    assert named == expected
