"""Payloads into HTML: one Jinja environment, autoescaped, with the few
helpers the templates share (names, links, paging, the timeline layout).

Every value from an article reaches the page through Jinja's escaping; no
template marks article text ``|safe``, and JSON for the scripts is written
with ``tojson``, which escapes ``<``, ``>`` and ``&``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from ..model import CLAIM_STATUSES
from . import charts

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def with_query(request: Request, **changes: Any) -> str:
    """This page's path and query with ``changes`` applied; empty values are
    left out, so a filter form's blank fields do not clutter the link."""
    params = {**request.query_params, **changes}
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return request.url.path + ("?" + urlencode(kept) if kept else "")


def index_by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    """``rows`` by the value of ``key`` (articles by id, for instance)."""
    return {row[key]: row for row in rows}


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def days(first: str | None, last: str | None) -> str:
    """A day range as read: one day, two days joined by an en dash, or undated."""
    shown = list(dict.fromkeys(d for d in (first, last) if d))
    return " – ".join(shown) if shown else "undated"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(index_by=index_by, percent=percent)
    env.globals.update(
        with_query=with_query,
        days=days,
        layout=charts.layout,
        story_points=charts.story_points,
        event_points=charts.event_points,
        claim_statuses=CLAIM_STATUSES,
    )
    return env


ENV = _environment()


def page(
    request: Request, template: str, payload: Any, *, api: str, status: int = 200, **context: Any
) -> HTMLResponse:
    """``payload`` rendered by ``template``; ``api`` is the JSON twin of the
    page (its query string is added), linked from the page's footer."""
    query = request.url.query
    html = ENV.get_template(template).render(
        request=request,
        p=payload,
        names=_names(payload),
        api_url=api + ("?" + query if query else ""),
        **context,
    )
    return HTMLResponse(html, status_code=status)


def _names(payload: Any) -> dict[str, str]:
    return payload.get("names", {}) if isinstance(payload, dict) else {}
