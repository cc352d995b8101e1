"""Metadata read from the text itself, one function per field.

Each function returns a ``Field`` naming its rule and the raw line it read, or
None when the text does not say: never a guess. Removed lines are read too: a
credit line or a caption is boilerplate for the story but evidence for its date.
"""

from __future__ import annotations

import re
from datetime import date

import py3langid

from ..dates import explicit_dates, weekday_dates
from ..datelines import Dateline, find_dateline
from ..model import Field, Metadata
from .lines import Line
from .region import BULLETS
from .rules import BYLINE, CREDIT, CREDIT_LINE_TAIL
from .text import TextCleaning

HEAD_LINES = 12  # metadata sits above the story or in its first lines
DATELINE_PARAGRAPHS = 2  # a dateline opens the story, or the line after a kept date line
CREDIT_LINE = re.compile(r"(?:^|\s)[-–]\s(?P<outlet>[A-Z][\w .'-]{1,40}?)" + CREDIT_LINE_TAIL)
BYLINE_NAME = re.compile(
    r"^by\s+(?P<name>[\w.'’ -]+?)\s*(?://|\||,|–|—|\s-\s|$)|"
    r"^\(?(?:reporting|writing) by\s+(?P<reporter>[^;)]+?)\s*(?:;|\)|$)",
    re.I,
)
CAPTION_REASONS = ("caption.credit.v1",)


def _field(value: str, rule: str, line: Line, cleaning: TextCleaning) -> Field:
    return Field(value=value, rule=rule, line=cleaning.raw_line(line), evidence=line.text[:200])


def head(cleaning: TextCleaning) -> list[Line]:
    """The lines where metadata is written: up to the story's first lines."""
    kept = [i for i, r in enumerate(cleaning.reasons) if r is None]
    body = [i for i in kept if cleaning.title is None or cleaning.lines[i] is not cleaning.title]
    stop = (body[1] + 1) if len(body) > 1 else len(cleaning.lines)
    return list(cleaning.lines[: min(stop, HEAD_LINES)])


def story_lines(cleaning: TextCleaning) -> list[Line]:
    return [l for l, r in zip(cleaning.lines, cleaning.reasons) if r is None]


def dateline(cleaning: TextCleaning) -> tuple[Line, Dateline] | None:
    """The dateline ("MOSCOW (Sputnik) -") opening one of the story's first
    ``DATELINE_PARAGRAPHS`` paragraphs, the first that has one, and its line."""
    paragraphs = [
        l for l in story_lines(cleaning) if l is not cleaning.title and l.text[0] not in BULLETS
    ]
    for line in paragraphs[:DATELINE_PARAGRAPHS]:
        found = find_dateline(line.text)
        if found is not None:
            return line, found
    return None


def extract_outlet(cleaning: TextCleaning) -> Field | None:
    found = dateline(cleaning)
    if found and found[1].agency:
        return _field(found[1].agency, "outlet.dateline.v3", found[0], cleaning)
    for line in cleaning.lines:
        credit = CREDIT_LINE.search(line.text)
        if credit:
            return _field(credit["outlet"].strip(), "outlet.credit_line.v1", line, cleaning)
    return None


def extract_dateline(cleaning: TextCleaning) -> Field | None:
    found = dateline(cleaning)
    if found and found[1].place:
        return _field(found[1].place, "dateline.place.v3", found[0], cleaning)
    return None


def extract_byline(cleaning: TextCleaning) -> Field | None:
    for line in cleaning.lines:
        found = BYLINE_NAME.match(line.text) if BYLINE.match(line.text) else None
        name = found and (found["name"] or found["reporter"])
        if name and name.strip():
            return _field(name.strip(), "byline.by_line.v1", line, cleaning)
    return None


def extract_title(cleaning: TextCleaning) -> Field | None:
    line = cleaning.title
    if line is None:
        return None
    return _field(line.text.lstrip(BULLETS + " "), "title.headline_line.v1", line, cleaning)


def extract_published(cleaning: TextCleaning, reference: date) -> Field | None:
    """In order of trust: a dated byline, a credit line, the dateline, a dated
    line above the story, a caption's weekday-and-day date."""
    lines = list(cleaning.lines)
    checks = (
        ("published.byline.v1", _whole([l for l in lines if BYLINE.match(l.text)]), explicit_dates),
        (
            "published.credit_line.v1",
            _whole([l for l in lines if CREDIT_LINE.search(l.text)]),
            explicit_dates,
        ),
        ("published.dateline.v3", _dateline_date(cleaning), explicit_dates),
        (
            "published.head_date.v1",
            _whole([l for l in head(cleaning) if l.words <= 15 and not l.ends_sentence]),
            explicit_dates,
        ),
        (
            "published.caption_weekday.v1",
            _whole(_captions(cleaning)),
            lambda text: weekday_dates(text, reference),
        ),
    )
    for rule, candidates, finder in checks:
        for line, text in candidates:
            dates = finder(text)
            if dates:
                return _field(dates[0][0].isoformat(), rule, line, cleaning)
    return None


def _whole(lines: list[Line]) -> list[tuple[Line, str]]:
    """Each line with the text a date is looked for in: all of it."""
    return [(line, line.text) for line in lines]


def _dateline_date(cleaning: TextCleaning) -> list[tuple[Line, str]]:
    """The dateline's own date ("LENTISSE, 11 March 2025 (Meridian Wire) –"),
    not a date in the story after it ("signed on March 3, 2019")."""
    found = dateline(cleaning)
    return [(found[0], found[1].when)] if found and found[1].when else []


def _captions(cleaning: TextCleaning) -> list[Line]:
    return [
        l
        for l, r in zip(cleaning.lines, cleaning.reasons)
        if r in CAPTION_REASONS or CREDIT.search(l.text)
    ]


def extract_language(text: str) -> Field | None:
    """The language of the clean text, where there is enough of it to tell."""
    if len(text.split()) < 10:
        return None
    code, _ = py3langid.classify(text)
    return Field(value=code, rule="language.langid.v1")


def text_metadata(cleaning: TextCleaning, reference: date) -> Metadata:
    return Metadata(
        outlet=extract_outlet(cleaning),
        title=extract_title(cleaning),
        byline=extract_byline(cleaning),
        dateline=extract_dateline(cleaning),
        published=extract_published(cleaning, reference),
        language=extract_language(cleaning.text),
    )
