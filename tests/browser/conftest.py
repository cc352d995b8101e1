"""Real headless Chromium (Debian's, driven by Playwright) against
``newsweave serve``'s app, served by uvicorn on loopback from a thread.

``.ci/run`` installs chromium; these tests fail, not skip, when it is missing,
because the web UI is only checked here."""

import contextlib
import socket
import threading
import time
from pathlib import Path

import pytest

from newsweave import api
from newsweave.config import Config


CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples/corpus"
SHOTS = Path(__file__).resolve().parents[2] / "tests/browser/screenshots"


@pytest.fixture(scope="session")
def seeds_db(seeds_store):
    """The session's seed store (tests/conftest.py), as a file the app opens."""
    return seeds_store.db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(db: str):
    """The web app on ``db``, served from a thread at a loopback URL."""
    import uvicorn

    from newsweave.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "the web app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(seeds_db):
    """The web app on the seeds."""
    with serving(seeds_db) as url:
        yield url


@pytest.fixture(scope="session")
def examples_server(tmp_path_factory):
    """The web app on examples/corpus, read as the README's first command reads it."""
    db = str(tmp_path_factory.mktemp("examples-web") / "ex.db")
    store = api.open_store(Config(db=db))
    api.analyze(store, [str(EXAMPLES)], Config(db=db))
    store.close()
    with serving(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `apt-get install -y chromium`"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page; JavaScript errors on it fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    yield opened
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def shot():
    """``shot(page, NAME)`` saves a full-page screenshot as ``screenshots/NAME.png``."""

    def save(page, name: str, *, full_page: bool = True) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
