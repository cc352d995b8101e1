"""What the routes read from a request: the store, and the query parameters
pages and the API share, declared once so both faces take the same names."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from ..store import Store
from ..views import DEFAULT_LIMIT, MAX_LIMIT


def store_of(request: Request) -> Store:
    return request.app.state.store


Db = Annotated[Store, Depends(store_of)]
Limit = Annotated[
    int | None,
    Query(description=f"How many to return (1 to {MAX_LIMIT}; default {DEFAULT_LIMIT})."),
]
Offset = Annotated[int, Query(description="How many to pass over first.")]
Since = Annotated[
    str | None,
    Query(description="Stories overlapping or after this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
Until = Annotated[
    str | None,
    Query(description="Stories overlapping or before this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
]
Outlet = Annotated[str | None, Query(description="Only stories with an article from this outlet.")]
Entity = Annotated[str | None, Query(description="Only stories naming this entity (name or id).")]
Text = Annotated[
    str | None,
    Query(description="Full-text query: stories with an article matching every word (stemmed)."),
]
Story = Annotated[str | None, Query(description="A story id (the story: prefix may be left out).")]
Speaker = Annotated[str | None, Query(description="The speaker's name or entity id.")]
Status = Annotated[str | None, Query(description="corroborated, single-origin or conflict.")]


ArticleLimit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"How many to return (1 to {MAX_LIMIT}).")
]
ArticleOffset = Annotated[int, Query(ge=0, description="How many to pass over first.")]
