"""The web UI reads while an analysis writes, on SQLite (WAL) and on a real
PostgreSQL: every page a reader asks for during the run answers, and what it
shows only grows, batch by batch, to what the run stored."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave.config import Config
from newsweave.pipeline import run
from newsweave.store import Store
from newsweave.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, store):
    return request.getfixturevalue("pg_store") if request.param == "postgresql" else store


@pytest.mark.model
def test_pages_answer_while_an_analysis_commits(target, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "corpus", folder / "examples")
    shutil.copytree(SEEDS, folder / "seeds")
    writer = Store(target.db)  # its own engine, as a second process would have
    outcome: dict = {}

    def analyse() -> None:
        try:
            config = Config(db=writer.db, batch_size=1, workers=1, reference_date="2024-06-01")
            outcome["summary"] = run([str(folder)], writer, config)
        except BaseException as exc:  # reported by the test below
            outcome["error"] = exc

    thread = threading.Thread(target=analyse)
    seen: list[int] = []
    with TestClient(create_app(target.db)) as client:
        thread.start()
        try:
            while thread.is_alive() or not seen or seen[-1] < target.count():
                listing = client.get("/api/v1/articles", params={"limit": 500})
                assert listing.status_code == 200, listing.text
                seen.append(len(listing.json()["articles"]))
                assert client.get("/").status_code == 200  # the stories page
                assert client.get("/articles").status_code == 200
                assert client.get("/api/v1/stories").status_code == 200
        finally:
            thread.join()
    writer.close()
    assert "error" not in outcome, outcome.get("error")
    assert seen == sorted(seen)  # a reader never sees a batch undone
    assert seen[-1] == target.count() == outcome["summary"].stored >= 12
    assert len(set(seen)) >= 3  # it did read between commits, not only before and after
