"""web/cli.py: ``newsweave serve`` runs uvicorn on loopback by default."""

from __future__ import annotations

import pytest
from fastapi import FastAPI


@pytest.fixture
def served(monkeypatch):
    """What ``serve`` hands uvicorn, instead of serving."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    return calls


@pytest.mark.parametrize(
    "args, host, port, url",
    [
        ((), "127.0.0.1", 8000, "http://127.0.0.1:8000/"),
        (("--host", "0.0.0.0", "--port", "8123"), "0.0.0.0", 8123, "http://0.0.0.0:8123/"),
        (("--host", "::1"), "::1", 8000, "http://[::1]:8000/"),
    ],
)
def test_serve_binds_and_prints_the_url(run_cli, served, args, host, port, url):
    result = run_cli("serve", *args)
    assert result.exit_code == 0, result.output
    [(app, options)] = served
    assert isinstance(app, FastAPI) and (options["host"], options["port"]) == (host, port)
    assert url in result.output and "read-only" in result.output


def test_serve_with_a_token_accepts_posts(run_cli, served):
    result = run_cli("serve", "--token", "abc")
    assert result.exit_code == 0 and "ingest with the token" in result.output
    [(app, _)] = served
    assert "post" in app.openapi()["paths"]["/api/v1/articles"]


def test_serve_bad_store_is_one_error_line(run_cli, served, tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "missing" / "folder" / "x.db"), with_db=False)
    assert result.exit_code == 1 and "Error:" in result.output and served == []
