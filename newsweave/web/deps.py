"""What the routes read from a request: the store, and the query parameters
pages and the API share, declared once so both faces take the same names."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from .. import api
from ..store import Store
from ..views import DEFAULT_LIMIT, MAX_LIMIT, summary_record


def store_of(request: Request) -> Store:
    return request.app.state.store


Db = Annotated[Store, Depends(store_of)]
Limit = Annotated[int | None, Query(description=f"How many to return (1 to {MAX_LIMIT}; "
                                    f"default {DEFAULT_LIMIT}).")]
Offset = Annotated[int, Query(description="How many to pass over first.")]
Since = Annotated[str | None, Query(description="Stories overlapping or after this day "
                                    "(YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(description="Stories overlapping or before this day "
                                    "(YYYY, YYYY-MM or YYYY-MM-DD).")]
Outlet = Annotated[str | None, Query(description="Only stories with an article from this outlet.")]
Entity = Annotated[str | None, Query(description="Only stories naming this entity (name or id).")]
Text = Annotated[str | None, Query(description="Full-text query: stories with an article "
                                   "matching every word (stemmed).")]
Story = Annotated[str | None, Query(description="A story id (the story: prefix may be left out).")]
Speaker = Annotated[str | None, Query(description="The speaker's name or entity id.")]
Status = Annotated[str | None, Query(description="corroborated, single-origin or conflict.")]


def articles_listing(store: Store, *, limit: int, offset: int) -> dict[str, Any]:
    """Stored articles, newest first (``api.list_articles``), as a payload."""
    rows = api.list_articles(store, limit=limit, offset=offset)
    return {"articles": [summary_record(r) for r in rows], "limit": limit, "offset": offset}


ArticleLimit = Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                    description=f"How many to return (1 to {MAX_LIMIT}).")]
ArticleOffset = Annotated[int, Query(ge=0, description="How many to pass over first.")]


def derivations_of(page: dict[str, Any]) -> dict[str, Any]:
    """An article page's derivation part: its class and share, each source
    with every sentence aligned, and the articles built from it."""
    article = page["article"]
    return {"article_id": article["id"], "derivation": article["derivation"],
            "derived_from": article["derived_from"], "copied_by": page["copied_by"]}
