"""All article-derived text is escaped: an article whose title and text carry
markup is analysed into a store, and no page shows the markup raw."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsweave import api
from newsweave.config import Config
from newsweave.web.app import create_app

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
RAW = ("<script>alert", "<img src=x", "onerror=alert(1)>")
TEXT = (
    f"Moscow talks {SCRIPT} end\n"
    f"MOSCOW (Reuters) - Nikolai Patrushev met Wang Yi in Moscow on Tuesday {IMAGE}, "
    f'and said "we {SCRIPT} will contain {IMAGE} nothing", the Kremlin said.\n'
    f"Wang Yi told Patrushev that the talks {IMAGE} were useful."
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A store of one article with markup in its title, outlet and text."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / f"evil{quote(IMAGE, safe='')[:10]}.json"
    path.write_text(
        json.dumps(
            {
                "title": f"Talks {SCRIPT} {IMAGE}",
                "text": TEXT,
                "outlet": f"Wire {IMAGE}",
                "published": "2023-02-21",
            }
        )
    )
    db = str(folder / "hostile.db")
    store = api.open_store(Config(db=db))
    api.analyze(store, [str(path)], Config(db=db))
    [article_id] = store.article_ids()
    page = api.article_page(store, article_id)
    assert SCRIPT in page["article"]["title"] and IMAGE in page["article"]["text"]
    store.close()
    with TestClient(create_app(db)) as client:
        yield client, page


def pages_of(page):
    article = page["article"]
    yield f"/articles/{article['id']}"
    yield f"/articles/{article['id']}?removed=1"
    yield f"/stories/{article['story']['id']}"
    yield "/"
    yield "/articles"
    yield f"/search?q={quote('contain')}"
    yield f"/search?q={quote(SCRIPT)}"
    yield f"/?q={quote(SCRIPT)}&entity="
    yield "/quotes"
    yield "/claims"
    yield "/timeline"
    yield "/graph"
    for group in article["quote_groups"]:
        yield f"/quotes/{quote(group['id'])}"
    for entity in sorted(set(page["names"])):
        yield f"/entities/{quote(entity)}"
    yield f"/entities/{quote(SCRIPT)}"  # a 404 page repeats the name asked for


def test_no_page_shows_article_markup_raw(hostile):
    client, page = hostile
    visited = 0
    for path in pages_of(page):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        for raw in RAW:
            assert raw not in response.text, (path, raw)
        visited += 1
    assert visited > 12


def test_escaped_markup_is_still_shown_as_text(hostile):
    client, page = hostile
    html = client.get(f"/articles/{page['article']['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_pages_forbid_inline_script(hostile):
    client, page = hostile
    policy = client.get(f"/articles/{page['article']['id']}").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
