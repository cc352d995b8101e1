"""What a person sees, as payloads: one JSON-able dict per page or table.

Each function takes the store and plain values and returns one payload,
shaped like the export contract (the same record functions build it). The
CLI prints it as tables or ``--json``, the HTTP API returns it, the web page
and the report render it: no interface computes anything of its own, so the
HTML and the JSON of a page always agree (as Datasette does).

Every payload holds ``names`` (entity id -> canonical name) for the ids it
mentions, and, for listings, ``total``, ``limit`` and ``offset``.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import BadRequest
from ..model import ArticleSummary
from ..store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def summary_record(summary: ArticleSummary | None, article_id: str = "") -> dict[str, Any]:
    """An article's listing line (an unknown id keeps only its id)."""
    if summary is None:
        return {
            "id": article_id,
            "outlet": None,
            "published": None,
            "title": None,
            "source": None,
            "words": 0,
        }
    return {
        "id": summary.id,
        "outlet": summary.outlet,
        "published": summary.published,
        "title": summary.title,
        "source": summary.source,
        "words": summary.words,
    }


def names_of(store: Store, ids: Iterable[str | None]) -> dict[str, str]:
    """Canonical names of the entity ids given (those the store knows)."""
    wanted = sorted({i for i in ids if i})
    return {e.id: e.name for e in store.entities(wanted)} if wanted else {}


def page(limit: int | None, offset: int) -> tuple[int, int]:
    """A listing's limit and offset, bounded."""
    if offset < 0:
        raise BadRequest("offset must be 0 or more")
    limit = DEFAULT_LIMIT if limit is None else limit
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit, offset


def story_key(value: str | None) -> str | None:
    """A story id as stored (``story:`` and hex); the hex alone is accepted
    too, as ``show`` accepts an article id. Empty means none."""
    value = (value or "").strip()
    if not value:
        return None
    return value if value.startswith("story:") else f"story:{value}"


def day(value: str | None, name: str) -> str | None:
    """A date filter as YYYY-MM-DD, YYYY-MM or YYYY (None passes)."""
    if value is None or value == "":
        return None
    if not _DAY.fullmatch(value):
        raise BadRequest(f"{name} must be a date as YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    return value
