"""Shared fixtures: one factory each, as sqlite-utils' ``fresh_db``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest
from typer.testing import CliRunner

from newsweave import api
from newsweave.cli import app
from newsweave.config import Config
from newsweave.store import Store
from samples import seed_files


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


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory):
    """The seeds as a user would read them, in one store for the session
    (read it, do not write to it): 000-002 read against 2026-11-23, then 003
    (Reuters), which states no date anywhere, with its date given as
    ``--published`` would, then 004."""
    store = api.open_store(Config(db=str(tmp_path_factory.mktemp("seeds") / "seeds.db")))
    config = Config(db=store.db, reference_date="2026-11-23")
    files = {p.name[:3]: str(p) for p in seed_files()}
    api.analyze(store, [files["000"], files["001"], files["002"]], config)
    api.analyze(store, [files["003"]], Config(db=store.db, published="2023-02-21"))
    api.analyze(store, [files["004"]], config)
    yield store
    store.close()


def _pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: p.parent.name)
    if not found:
        pytest.fail("PostgreSQL is not installed (.ci/run installs it: apt-get install postgresql)")
    return found[-1]


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on loopback for the session (about 4 s),
    as ../shared/RECIPES.md starts one; its URL without a database name.
    ``NEWSWEAVE_PG_URL`` (e.g. postgresql://postgres@127.0.0.1:5432) uses a
    running server instead."""
    if os.environ.get("NEWSWEAVE_PG_URL"):
        yield os.environ["NEWSWEAVE_PG_URL"].rstrip("/")
        return
    import shutil
    import socket
    import subprocess
    import tempfile

    # not under pytest's folder: the server runs as postgres, who cannot enter it
    pg_bin, data = _pg_bin(), Path(tempfile.mkdtemp(prefix="newsweave-pgdata."))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    subprocess.run(
        [
            *as_postgres,
            str(pg_bin / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_postgres,
            str(pg_bin / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(data / "server.log"),
            "-w",
            "-t",
            "30",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {port} -k {data}",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*as_postgres, str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def pg_store(pg_server):
    """A migrated, empty store in a fresh PostgreSQL database."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"newsweave_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        f"{pg_server.replace('postgresql://', 'postgresql+psycopg://')}/postgres",
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    opened = Store(f"{pg_server}/{name}")
    yield opened
    opened.close()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}"'))
    admin.dispose()
