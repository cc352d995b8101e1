"""Character spans (``newsweave/spans.py``): one merge for the clean stage's cuts
and a quote's fragments, one test of a character inside spans."""

from __future__ import annotations

import pytest

from newsweave.spans import inside, merge_spans


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], []),
        ([(0, 3), (5, 8)], [(0, 3), (5, 8)]),
        ([(0, 3), (3, 8)], [(0, 8)]),  # touching spans join
        ([(0, 6), (2, 4), (5, 9)], [(0, 9)]),  # a span inside another
        ([(5, 8), (0, 3)], [(0, 3), (5, 8)]),  # given out of order
    ],
)
def test_merge_spans_rows(spans, expected):
    assert merge_spans(spans) == expected


TEXT = "“A,” said he. “B.” “C.”"


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(14, 18), (0, 4), (2, 4)], [(0, 4), (14, 18)]),  # words between: apart
        ([(19, 23), (14, 18)], [(14, 23)]),  # only a space between: one fragment
        ([(0, 4), (4, 9)], [(0, 9)]),  # touching
    ],
)
def test_merge_spans_joins_across_whitespace_of_the_text(spans, expected):
    assert merge_spans(spans, TEXT) == expected
    assert merge_spans([(14, 18), (19, 23)]) == [(14, 18), (19, 23)]  # no text: apart


@pytest.mark.parametrize(
    ("i", "expected"), [(0, False), (2, True), (4, False), (9, True), (10, False)]
)
def test_inside_rows(i, expected):
    assert inside(i, [(2, 4), (6, 10)]) is expected
