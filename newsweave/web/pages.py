"""The HTML pages: each route one ``api`` call, rendered by one template;
``api=`` names the page's JSON twin under ``/api/v1`` (the same payload)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote as url_quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from .. import api
from ..views import DEFAULT_LIMIT
from .deps import (
    ArticleLimit,
    ArticleOffset,
    Db,
    Entity,
    Limit,
    Offset,
    Outlet,
    Since,
    Speaker,
    Status,
    Story,
    Text,
    Until,
)
from .render import page

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Removed = Annotated[bool, Query(description="Show the boilerplate cleaning removed.")]


@router.get("/")
def stories(
    request: Request,
    store: Db,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    entity: Entity = None,
    q: Text = None,
    limit: Limit = None,
    offset: Offset = 0,
):
    return page(
        request,
        "stories.html",
        api.stories_page(
            store,
            since=since,
            until=until,
            outlet=outlet,
            entity=entity,
            query=q,
            limit=limit,
            offset=offset,
        ),
        api="/api/v1/stories",
    )


@router.get("/stories/{story_id}")
def story(request: Request, store: Db, story_id: str):
    return page(
        request, "story.html", api.story_page(store, story_id), api=f"/api/v1/stories/{story_id}"
    )


@router.get("/articles")
def articles(
    request: Request, store: Db, limit: ArticleLimit = DEFAULT_LIMIT, offset: ArticleOffset = 0
):
    return page(
        request,
        "articles.html",
        api.articles_page(store, limit=limit, offset=offset),
        api="/api/v1/articles",
    )


@router.get("/articles/{article_id}")
def article(request: Request, store: Db, article_id: str, removed: Removed = False):
    return page(
        request,
        "article.html",
        api.article_page(store, article_id),
        api=f"/api/v1/articles/{article_id}",
        show_removed=removed,
    )


@router.get("/quotes")
def quotes(
    request: Request,
    store: Db,
    speaker: Speaker = None,
    story: Story = None,
    limit: Limit = None,
    offset: Offset = 0,
):
    return page(
        request,
        "quotes.html",
        api.quotes_page(store, speaker=speaker, story=story, limit=limit, offset=offset),
        api="/api/v1/quotes",
    )


@router.get("/quotes/{group_id}")
def quote(request: Request, store: Db, group_id: str):
    return page(
        request,
        "quote.html",
        api.quote_page(store, group_id),
        api=f"/api/v1/quote-groups/{group_id}",
    )


@router.get("/entities/{name:path}")
def entity(request: Request, store: Db, name: str):
    return page(
        request,
        "entity.html",
        api.entity_page(store, name),
        api=f"/api/v1/entities/{url_quote(name)}",
    )


@router.get("/graph")
def graph(request: Request, store: Db, entity: Entity = None):
    return page(
        request, "graph.html", api.graph_page(store, entity=entity or None), api="/api/v1/graph"
    )


@router.get("/search")
def search(request: Request, store: Db, q: str = "", limit: Limit = None, offset: Offset = 0):
    return page(
        request,
        "search.html",
        api.search_page(store, q, limit=limit, offset=offset),
        api="/api/v1/search",
    )


@router.get("/timeline")
def timeline(request: Request, store: Db, story: Story = None):
    return page(
        request, "timeline.html", api.timeline_page(store, story=story), api="/api/v1/timeline"
    )


@router.get("/claims")
def claims(
    request: Request,
    store: Db,
    story: Story = None,
    status: Status = None,
    limit: Limit = None,
    offset: Offset = 0,
):
    return page(
        request,
        "claims.html",
        api.claims_page(store, story=story, status=status or None, limit=limit, offset=offset),
        api="/api/v1/claims",
    )


@router.get("/api/v1/docs")
def docs(request: Request):
    return page(request, "docs.html", request.app.openapi(), api="/api/v1/openapi.json")
