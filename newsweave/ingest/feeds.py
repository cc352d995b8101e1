"""RSS and Atom feeds: each item is an article; the channel names the outlet."""

from __future__ import annotations

import time
from typing import Iterator

import feedparser

from ..dates import parse_date
from ..errors import InputError
from ..model import Hints, RawDoc, Skipped


def _entry_date(entry) -> str | None:
    """The day as the feed states it: feedparser's parsed struct is in UTC,
    which moves a late-evening item to the next day."""
    for key in ("published", "updated"):
        day = parse_date(entry[key]) if entry.get(key) else None
        if day:
            return day.isoformat()
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_content(entry) -> tuple[str, str] | None:
    for part in list(entry.get("content") or []) + [entry.get("summary_detail")]:
        if part and part.get("value", "").strip():
            kind = "html" if "html" in (part.get("type") or "") else "text"
            return kind, part["value"]
    return None


def read_feed(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc | Skipped]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise InputError(source, f"not a readable RSS or Atom feed: {parsed.bozo_exception}")
    outlet = hints.outlet or parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        found = _entry_content(entry)
        if found is None:
            yield Skipped(f"{source}#{number}", f"feed item {number} has no content or summary")
            continue
        kind, content = found
        yield RawDoc(
            source=source,
            content=content,
            kind=kind,
            record=number,
            hints=Hints(
                title=entry.get("title"),
                url=entry.get("link"),
                author=entry.get("author"),
                published=hints.published or _entry_date(entry),
                outlet=outlet,
                language=parsed.feed.get("language"),
            ),
        )
