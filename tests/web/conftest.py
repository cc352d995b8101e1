"""The web app in-process (``TestClient``) on the session's seed store
(``seeds_store``, read only), and the seed ids the tests visit."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave import api
from newsweave.web.app import create_app

TOKEN = "s3cret-token"  # also in test_http_api.py (test modules cannot import a conftest)


@pytest.fixture(scope="module")
def client(seeds_store):
    """The read-only app (no token) on the seeds."""
    with TestClient(create_app(seeds_store.db)) as opened:
        yield opened


@pytest.fixture(scope="module")
def seed(seeds_store):
    """Seed ids by name: ``a000``..``a004`` (articles), ``september`` (the
    story of 000-002) and ``contain`` (the quote group rendered "double
    contain" and "contain both")."""
    store = seeds_store
    ids = {"a" + Path(store.get(i).source).name[:3]: i for i in store.article_ids()}
    story = next(s for s in api.stories_page(store)["stories"] if s["first"] == "2023-09-19")
    groups = api.quotes_page(store, speaker="Nikolai Patrushev", limit=500)["quote_groups"]
    contain = next(
        g
        for g in groups
        if g["occasion"] == story["id"]
        and any("double contain" in r["text"] for r in g["renderings"])
        and any("contain both" in r["text"] for r in g["renderings"])
    )
    return {**ids, "september": story["id"], "contain": contain["id"]}
