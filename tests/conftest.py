"""Shared fixtures: one factory each, as sqlite-utils' ``fresh_db``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    """A SQLite file in the test's own folder, not yet created."""
    return str(tmp_path / "store.db")


@pytest.fixture
def store(db_path: str):
    """A migrated, empty store on a temporary SQLite file."""
    opened = Store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Write ``content`` (str as UTF-8, or bytes) to ``name`` under the test's
    input folder, making parent folders; returns the path."""
    root = tmp_path / "in"

    def write(name: str, content: str | bytes) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def run_cli(db_path: str, monkeypatch: pytest.MonkeyPatch):
    """Invoke ``newsweave`` in-process with ``--db`` on the temporary store
    (``with_db=False`` leaves it out); NEWSWEAVE_* variables are cleared."""
    for name in [n for n in os.environ if n.startswith("NEWSWEAVE_")]:
        monkeypatch.delenv(name)
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, with_db: bool = True):
        argv = [str(a) for a in args]
        if with_db and argv and not argv[0].startswith("-"):
            argv[1:1] = ["--db", db_path]
        return runner.invoke(app, argv, input=input, catch_exceptions=False)

    return run
