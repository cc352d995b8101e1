"""web/http_api.py: the JSON under /api/v1 is the api payload; one error
shape; OpenAPI lists every route; ingest only with the server's token."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsweave import api
from newsweave.views import summary_record
from newsweave.web.app import create_app

TOKEN = "s3cret-token"  # the token tests/web/conftest.py starts the writable app with


ROUTES = {  # every GET route under /api/v1, as the OpenAPI document names it
    "/api/v1/articles",
    "/api/v1/articles/{article_id}",
    "/api/v1/derivations/{article_id}",
    "/api/v1/stories",
    "/api/v1/stories/{story_id}",
    "/api/v1/quotes",
    "/api/v1/quote-groups/{group_id}",
    "/api/v1/events",
    "/api/v1/timeline",
    "/api/v1/entities/{name}",
    "/api/v1/claims",
    "/api/v1/graph",
    "/api/v1/search",
}


def get_json(client, path: str, status: int = 200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    assert response.headers["content-type"] == "application/json"
    return response.json()


def same(payload):
    """A payload as it reads once through JSON (tuples become lists)."""
    return json.loads(json.dumps(payload))


@pytest.mark.parametrize(
    "path, call",
    [
        ("/api/v1/stories", lambda s, ids: api.stories_page(s)),
        (
            "/api/v1/stories?since=2023-09&entity=Wang+Yi&limit=1",
            lambda s, ids: api.stories_page(s, since="2023-09", entity="Wang Yi", limit=1),
        ),
        ("/api/v1/stories?q=contain", lambda s, ids: api.stories_page(s, query="contain")),
        ("/api/v1/stories/{september}", lambda s, ids: api.story_page(s, ids["september"])),
        ("/api/v1/articles/{a000}", lambda s, ids: api.article_page(s, ids["a000"])),
        (
            "/api/v1/quotes?speaker=Nikolai+Patrushev&offset=1",
            lambda s, ids: api.quotes_page(s, speaker="Nikolai Patrushev", offset=1),
        ),
        (
            "/api/v1/quotes?story={september}",
            lambda s, ids: api.quotes_page(s, story=ids["september"]),
        ),
        ("/api/v1/quote-groups/{contain}", lambda s, ids: api.quote_page(s, ids["contain"])),
        ("/api/v1/events", lambda s, ids: api.timeline_page(s)),
        (
            "/api/v1/timeline?story={september}",
            lambda s, ids: api.timeline_page(s, story=ids["september"]),
        ),
        ("/api/v1/entities/Wang Yi", lambda s, ids: api.entity_page(s, "Wang Yi")),
        (
            "/api/v1/claims?status=single-origin&limit=5",
            lambda s, ids: api.claims_page(s, status="single-origin", limit=5),
        ),
        (
            "/api/v1/claims?story={september}",
            lambda s, ids: api.claims_page(s, story=ids["september"]),
        ),
        ("/api/v1/graph", lambda s, ids: api.graph_page(s)),
        ("/api/v1/graph?entity=Wang+Yi", lambda s, ids: api.graph_page(s, entity="Wang Yi")),
        ("/api/v1/search?q=contain", lambda s, ids: api.search_page(s, "contain")),
    ],
)
def test_json_is_the_api_payload(client, seeds_store, seed, path, call):
    assert get_json(client, path.format(**seed)) == same(call(seeds_store, seed))


def test_articles_lists_api_list_articles_with_paging(client, seeds_store):
    page = get_json(client, "/api/v1/articles?limit=2&offset=1")
    expected = [summary_record(a) for a in api.list_articles(seeds_store, limit=2, offset=1)]
    assert page == {"articles": expected, "limit": 2, "offset": 1}
    assert len(get_json(client, "/api/v1/articles")["articles"]) == 5


def test_derivations_are_the_article_pages_derived_from(client, seeds_store, seed):
    page = api.article_page(seeds_store, seed["a000"])
    found = get_json(client, f"/api/v1/derivations/{seed['a000']}")
    assert found["derived_from"] == same(page["article"]["derived_from"])
    [source] = found["derived_from"]
    assert source["source_id"] == seed["a002"] and source["sentences"]
    assert seed["a000"] in [
        c["id"] for c in get_json(client, f"/api/v1/derivations/{seed['a002']}")["copied_by"]
    ]


def test_stories_page_and_its_json_share_one_payload(client, seed):
    """The HTML page renders what its JSON twin returns (Datasette's way)."""
    payload = get_json(client, f"/api/v1/stories/{seed['september']}")
    html = client.get(f"/stories/{seed['september']}").text
    for row in payload["matrix"]["rows"]:
        assert f'id="{row["claim_id"]}"' in html


@pytest.mark.parametrize(
    "path, status, says",
    [
        ("/api/v1/stories/story:0000000000000000", 404, "no story with id"),
        ("/api/v1/articles/ffffffffffffffff", 404, "no article with id"),
        ("/api/v1/derivations/ffffffffffffffff", 404, "no article with id"),
        ("/api/v1/quote-groups/quote:nothing", 404, "no quote group"),
        ("/api/v1/entities/Nobody Atall", 404, "no entity named"),
        ("/api/v1/nothing-here", 404, "Not Found"),
        ("/api/v1/stories?limit=0", 400, "limit must be between 1 and 500"),
        ("/api/v1/stories?limit=501", 400, "limit must be between 1 and 500"),
        ("/api/v1/stories?offset=-1", 400, "offset must be 0 or more"),
        ("/api/v1/stories?limit=ten", 400, "limit"),
        ("/api/v1/stories?since=19+Sept", 400, "since must be a date"),
        ("/api/v1/stories?until=2023-9-1", 400, "until must be a date"),
        ("/api/v1/quotes?limit=0", 400, "limit must be between"),
        ("/api/v1/claims?status=true", 400, "status must be one of"),
        ("/api/v1/search?q=x&limit=9999", 400, "limit must be between"),
        ("/api/v1/search", 400, "q"),
        ("/api/v1/articles?limit=0", 400, "limit"),
        ("/api/v1/articles?offset=-3", 400, "offset"),
    ],
)
def test_errors_are_one_json_shape(client, path, status, says):
    error = get_json(client, path, status)
    assert list(error) == ["detail"] and isinstance(error["detail"], str)
    assert says in error["detail"]


def test_openapi_lists_every_api_route_and_no_page(client):
    schema = get_json(client, "/api/v1/openapi.json")
    paths = set(schema["paths"])
    assert paths == ROUTES  # read-only: no POST without a token
    assert all(set(schema["paths"][p]) == {"get"} for p in paths)
    assert client.get("/api/v1/docs").status_code == 200


def test_read_only_app_refuses_posts(client):
    response = client.post("/api/v1/articles", json={"text": "A short article."})
    assert response.status_code in (404, 405)
    assert client.post("/api/v1/articles", content=b"text").status_code in (404, 405)


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    """An app with a token, on an empty store of its own."""
    db = str(tmp_path_factory.mktemp("posting") / "posted.db")
    with TestClient(create_app(db, token=TOKEN)) as opened:
        yield opened


ARTICLE = (
    "Calvora and Veldania agree to reopen Ostel Bridge\n"
    "LENTISSE (Meridian Wire) - Ministers of Calvora and Veldania agreed on Tuesday to "
    "reopen the Ostel Bridge crossing next month, Irena Dovask said."
)


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 403),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": TOKEN}, 401),
    ],
)
def test_post_needs_the_servers_token(writable, headers, status):
    response = writable.post("/api/v1/articles", json={"text": ARTICLE}, headers=headers)
    assert response.status_code == status and "detail" in response.json()
    assert writable.get("/api/v1/articles").json()["articles"] == []


def test_post_with_the_token_ingests_and_lists_the_article(writable):
    bearer = {"Authorization": f"Bearer {TOKEN}"}
    record = {
        "text": ARTICLE,
        "url": "https://example.org/ostel",
        "title": "Ostel Bridge",
        "outlet": "Meridian Wire",
        "published": "2025-03-11",
    }
    response = writable.post("/api/v1/articles", json=record, headers=bearer)
    assert response.status_code == 201, response.text
    assert response.json()["stored"] == 1
    [listed] = writable.get("/api/v1/articles").json()["articles"]
    assert response.json()["article_ids"] == [listed["id"]]
    assert (listed["outlet"], listed["published"], listed["title"]) == (
        "Meridian Wire",
        "2025-03-11",
        "Ostel Bridge",
    )
    page = writable.get(f"/api/v1/articles/{listed['id']}").json()
    assert page["article"]["url"] == "https://example.org/ostel"
    again = writable.post("/api/v1/articles", json=record, headers=bearer)
    assert again.status_code == 201 and again.json()["duplicates"] == 1
    assert again.json()["article_ids"] == [listed["id"]]


def test_post_raw_text_with_flags_as_query(writable):
    response = writable.post(
        "/api/v1/articles?outlet=Plain+Post&published=2025-04-01",
        content="A plain text article about the harbour.\nIt rained.".encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    listed = writable.get("/api/v1/articles").json()["articles"]
    assert ("Plain Post", "2025-04-01") in [(a["outlet"], a["published"]) for a in listed]


@pytest.mark.parametrize(
    "body, kind, says",
    [
        (b"", "text/plain", "the body is empty"),
        (b"{not json", "application/json", "not valid JSON"),
        (b'["a list"]', "application/json", 'must be an object with "text"'),
        (b'{"title": "no text"}', "application/json", 'must be an object with "text"'),
        (b'{"text": "x", "title": 3}', "application/json", "'title' must be a string"),
        (b'{"text": "Words.", "published": "19 Sept"}', "application/json", "YYYY-MM-DD"),
    ],
)
def test_post_bad_bodies_are_400(writable, body, kind, says):
    response = writable.post(
        "/api/v1/articles",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": kind},
    )
    assert response.status_code == 400 and says in response.json()["detail"]


def test_openapi_of_a_writable_app_shows_the_post(writable):
    schema = writable.get("/api/v1/openapi.json").json()
    post = schema["paths"]["/api/v1/articles"]["post"]
    assert set(post["requestBody"]["content"]) >= {"application/json", "text/plain"}
    assert post["security"]
