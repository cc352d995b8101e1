"""The HTTP API under ``/api/v1``: each route one ``api`` call, its JSON the
payload the matching HTML page renders (shaped like the export contract,
docs/export.md). Read-only, unless the app was given a token: then
``POST /api/v1/articles`` ingests an article sent with that token."""

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .. import api
from ..views import DEFAULT_LIMIT
from . import posting
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

PREFIX = "/api/v1"
Payload = dict[str, Any]
ERRORS = {
    400: {"description": "A parameter it does not accept; `detail` says which."},
    404: {"description": "No such item; `detail` says what was asked for."},
}


def router(token: str | None) -> APIRouter:
    """The API's routes; the ingesting one only when ``token`` is set."""
    routes = APIRouter(prefix=PREFIX, responses=ERRORS)
    _reading(routes)
    if token:
        _writing(routes, token)
    return routes


def _reading(r: APIRouter) -> None:
    @r.get("/articles", tags=["articles"])
    def articles(
        store: Db, limit: ArticleLimit = DEFAULT_LIMIT, offset: ArticleOffset = 0
    ) -> Payload:
        """Stored articles, newest publication date first, undated last."""
        return api.articles_page(store, limit=limit, offset=offset)

    @r.get("/articles/{article_id}", tags=["articles"])
    def article(store: Db, article_id: str) -> Payload:
        """One article (id or unambiguous prefix): its record with provenance,
        analysis, text in marked pieces, sources, story, claims, quotations."""
        return api.article_page(store, article_id)

    @r.get("/derivations/{article_id}", tags=["articles"])
    def derivations(store: Db, article_id: str) -> Payload:
        """What one article owes to others: its derivation class and share, and
        each source with every sentence aligned (the article page's
        ``derived_from``), and the articles copying it."""
        return api.derivation_page(store, article_id)

    @r.get("/stories", tags=["stories"])
    def stories(
        store: Db,
        since: Since = None,
        until: Until = None,
        outlet: Outlet = None,
        entity: Entity = None,
        q: Text = None,
        limit: Limit = None,
        offset: Offset = 0,
    ) -> Payload:
        """Stories, latest first, with their articles, outlets and independent origins."""
        return api.stories_page(
            store,
            since=since,
            until=until,
            outlet=outlet,
            entity=entity,
            query=q,
            limit=limit,
            offset=offset,
        )

    @r.get("/stories/{story_id}", tags=["stories"])
    def story(store: Db, story_id: str) -> Payload:
        """One story: timeline, articles by outlet, events, claims matrix, quotations, copies."""
        return api.story_page(store, story_id)

    @r.get("/quotes", tags=["quotations"])
    def quotes(
        store: Db,
        speaker: Speaker = None,
        story: Story = None,
        limit: Limit = None,
        offset: Offset = 0,
    ) -> Payload:
        """Quote groups, the most rendered first, each rendering with its word diff."""
        return api.quotes_page(store, speaker=speaker, story=story, limit=limit, offset=offset)

    @r.get("/quote-groups/{group_id}", tags=["quotations"])
    def quote_group(store: Db, group_id: str) -> Payload:
        """One quotation: every rendering, its diff, the earliest source, repeats."""
        return api.quote_page(store, group_id)

    @r.get("/events", tags=["events"])
    def events(store: Db, story: Story = None) -> Payload:
        """Real-world events by date, with story, status and participants."""
        return api.timeline_page(store, story=story)

    @r.get("/timeline", tags=["events"])
    def timeline(store: Db, story: Story = None) -> Payload:
        """The timeline page's payload: events by date (the same as ``/events``)."""
        return api.timeline_page(store, story=story)

    @r.get("/entities/{name:path}", tags=["entities"])
    def entity(store: Db, name: str) -> Payload:
        """One entity (name, alias or id): roles over time, articles, quotations,
        events, co-occurring entities and its edges in the graph."""
        return api.entity_page(store, name)

    @r.get("/claims", tags=["claims"])
    def claims(
        store: Db,
        story: Story = None,
        status: Status = None,
        limit: Limit = None,
        offset: Offset = 0,
    ) -> Payload:
        """Claims with their evidence: conflicts, then corroborated, then single-origin."""
        return api.claims_page(store, story=story, status=status, limit=limit, offset=offset)

    @r.get("/graph", tags=["entities"])
    def graph(store: Db, entity: Entity = None) -> Payload:
        """The entity graph (who met whom, who addressed whom), or one entity's edges."""
        return api.graph_page(store, entity=entity)

    @r.get("/search", tags=["search"])
    def search(
        store: Db,
        q: Annotated[str, Query(description="Words to find (stemmed).")],
        limit: Limit = None,
        offset: Offset = 0,
    ) -> Payload:
        """Full-text search over articles, best first, with snippets and stories."""
        return api.search_page(store, q, limit=limit, offset=offset)


def _writing(r: APIRouter, token: str) -> None:
    bearer = HTTPBearer(auto_error=False, description="The token `newsweave serve` was given.")

    def authorised(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> None:
        if credentials is None:
            raise HTTPException(
                401,
                "this route needs Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(403, "the token given is not the one this server accepts")

    @r.post(
        "/articles",
        tags=["articles"],
        status_code=201,
        dependencies=[Depends(authorised)],
        openapi_extra=posting.OPENAPI_BODY,
        responses={
            401: {"description": "No token sent."},
            403: {"description": "A token other than the server's."},
        },
    )
    async def add_article(
        request: Request,
        store: Db,
        outlet: Annotated[
            str | None, Query(description="Outlet of the article, as --outlet.")
        ] = None,
        published: Annotated[
            str | None, Query(description="Publication date YYYY-MM-DD, as --published.")
        ] = None,
    ) -> Payload:
        """Ingest one article through the same pipeline as ``newsweave analyze``:
        a JSON object (``text``, and optionally ``url``, ``title``, ``outlet``,
        ``published``) or the raw text or HTML as the body. Returns what the run did."""
        body = posting.Body.read(
            await request.body(),
            request.headers.get("content-type"),
            outlet=outlet,
            published=published,
        )
        return await run_in_threadpool(posting.ingest, store, body)
