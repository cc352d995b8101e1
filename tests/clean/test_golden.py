"""Golden cases: whole scraped pages in ``tests/cases/clean/``, as Black's
``tests/data/cases``. Each ``NAME.txt`` is the raw text; ``NAME.expected`` is
the clean text a reader wants, a line ``# metadata``, then the metadata values
as JSON. Every case is also checked for the offset map's promises and for
idempotence (cleaning the clean text changes nothing)."""

from __future__ import annotations

import difflib
import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from newsweave.clean import clean
from newsweave.model import Article, Metadata, RawDoc

CASES = Path(__file__).resolve().parents[1] / "cases" / "clean"
MARKER = "\n# metadata\n"
REFERENCE = date(2026, 11, 23)
NAMES = sorted(path.stem for path in CASES.glob("*.txt"))

# Cases where the cleaner is wrong today; the expectation is what a reader wants.
XFAIL: dict[str, str] = {}


def cases() -> list:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=XFAIL[name]))
        if name in XFAIL
        else name
        for name in NAMES
    ]


def raw_of(name: str) -> str:
    return (CASES / f"{name}.txt").read_text(encoding="utf-8")


def expected_of(name: str) -> tuple[str, dict]:
    text, meta = (CASES / f"{name}.expected").read_text(encoding="utf-8").split(MARKER)
    return text, json.loads(meta)


@cache
def cleaned(name: str) -> Article:
    return clean(RawDoc(source=name, content=raw_of(name), kind="text"), reference=REFERENCE)


def values(meta: Metadata) -> dict:
    return {name: meta.value(name) for name in Metadata.NAMES}


def rendered(text: str, meta: dict) -> str:
    """A case as its ``.expected`` file spells it."""
    return f"{text}{MARKER}{json.dumps(meta, indent=2, ensure_ascii=False)}\n"


def test_golden_cases_present():
    assert len(NAMES) >= 8
    assert all((CASES / f"{name}.expected").is_file() for name in NAMES)
    assert set(XFAIL) <= set(NAMES)


@pytest.mark.parametrize("name", cases())
def test_golden_clean(name):
    article = cleaned(name)
    text, meta = expected_of(name)
    actual = rendered(article.text, values(article.meta))
    wanted = rendered(text, meta)
    diff = "".join(
        difflib.unified_diff(
            wanted.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"{name}.expected",
            f"{name} (cleaned)",
        )
    )
    assert actual == wanted, f"\n{diff}"


@pytest.mark.parametrize("name", NAMES)
def test_golden_segments_copy_raw_text(name):
    article = cleaned(name)
    for seg in article.offsets.segments:
        assert (
            article.text[seg.clean_start : seg.clean_start + seg.length]
            == article.raw_text[seg.raw_start : seg.raw_start + seg.length]
        )


@pytest.mark.parametrize("name", NAMES)
def test_golden_clean_text_covered_by_segments(name):
    article = cleaned(name)
    uncovered = [
        i
        for i, char in enumerate(article.text)
        if char != "\n" and article.offsets.to_raw(i) is None
    ]
    assert uncovered == []


@pytest.mark.parametrize("name", NAMES)
def test_golden_idempotent(name):
    article = cleaned(name)
    again = clean(RawDoc(source=name, content=article.text, kind="text"), reference=REFERENCE)
    assert again.text == article.text


@pytest.mark.parametrize("name", NAMES)
def test_golden_removed_disjoint_from_kept(name):
    article = cleaned(name)
    kept = [(s.raw_start, s.raw_start + s.length) for s in article.offsets.segments]
    overlaps = [
        (r.text, r.reason)
        for r in article.removed
        if any(r.start < end and start < r.end for start, end in kept)
    ]
    assert overlaps == []
