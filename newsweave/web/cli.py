"""``newsweave serve``: the web pages and the HTTP API on one store.

Registered on the main Typer app (``newsweave/cli.py`` imports this module
last). FastAPI and uvicorn are imported when the command runs, so the other
commands start as fast as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ..cli import ConfigOption, DbOption, app, failing_cleanly, out
from ..config import load_config


@app.command()
def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; the default is this machine only."
    ),
    port: int = typer.Option(8000, help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None,
        envvar="NEWSWEAVE_TOKEN",
        show_envvar=False,
        help="Accept POST /api/v1/articles (ingest) with Authorization: Bearer TOKEN "
        "\\[env NEWSWEAVE_TOKEN; default: read-only].",
    ),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Serve the web pages (stories, quotes, claims, entities, graph) and the HTTP
    API under /api/v1 until Ctrl+C."""
    import uvicorn

    from .app import create_app

    with failing_cleanly():
        config = load_config(config_file, db=db)
        web = create_app(config.db, token=token)
    shown = f"[{host}]" if ":" in host else host
    out.print(
        f"newsweave: serving {escape(config.db)} at http://{shown}:{port}/ "
        f"(API: http://{shown}:{port}/api/v1/docs; "
        f"{'ingest with the token' if token else 'read-only'}); Ctrl+C stops",
        soft_wrap=True,
        highlight=False,
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")
