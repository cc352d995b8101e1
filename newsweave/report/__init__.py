"""A report a journalist can send: one self-contained file, HTML (inline CSS
and SVG, no script, nothing fetched) or Markdown, with the stories, each
story's timeline chart, claims matrix, quote lineage and copies.

It renders ``api.story_page`` payloads with Jinja2 templates
(``templates/``): the HTML with autoescaping on, the Markdown with every
value escaped, so no article text can add markup to either.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import api
from ..errors import ConfigError
from ..store import Store
from ..views import MAX_LIMIT
from . import timeline

FORMATS = {".html": "html", ".htm": "html", ".md": "md"}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def format_of(path: Path | str) -> str:
    """The report format a file name asks for, by its suffix."""
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None:
        raise ConfigError(
            f"cannot tell the report format of {str(path)!r}: "
            f"name the file with one of {', '.join(FORMATS)}"
        )
    return found


def markdown_text(value: Any) -> str:
    """A value as literal Markdown text: on one line, every character that
    could start markup (or raw HTML) backslash-escaped. A value marked safe
    (a macro's result, escaped already) passes as it is."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(value)))


def count(n: int, word: str) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1: 1 report, 3 reports."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def _environment(fmt: str) -> Environment:
    loader = PackageLoader("newsweave.report", "templates")
    if fmt == "html":
        found = Environment(
            loader=loader,
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    else:
        found = Environment(
            loader=loader,
            autoescape=False,
            finalize=markdown_text,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
    found.globals["count"] = count
    return found


def story_ids(store: Store, story: str | None) -> list[str]:
    """The story asked for, or every story, latest first."""
    if story:
        return [story]
    ids: list[str] = []
    while True:
        found = api.stories_page(store, limit=MAX_LIMIT, offset=len(ids))
        ids += [s["id"] for s in found["stories"]]
        if not found["stories"] or len(ids) >= found["total"]:
            return ids


def lineage(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quote groups carried by several renderings or repeated on another
    occasion, the most rendered first, each with its earliest rendering
    (``first``) apart from the ``others``."""
    carried = [g for g in groups if len(g["renderings"]) > 1 or g["repeats"]]
    carried.sort(key=lambda g: -len(g["renderings"]))
    shown = []
    for g in carried:
        first = next(r for r in g["renderings"] if r["article_id"] == g["earliest"])
        others = [r for r in g["renderings"] if r is not first]
        shown.append({**g, "first": first, "others": others})
    return shown


def section(story_page: dict[str, Any]) -> dict[str, Any]:
    """One story's part of the report: its page, its articles by id, its
    numbered timeline with the chart's geometry, and its quote lineage."""
    numbered = timeline.entries(story_page)
    groups = story_page["quote_groups"]
    return {
        **story_page,
        "by_id": {a["id"]: a for a in story_page["articles"]},
        "timeline": numbered,
        "chart": timeline.chart(numbered),
        "lineage": lineage(groups),
        "rendered_once": [g for g in groups if len(g["renderings"]) == 1 and not g["repeats"]],
    }


def build(store: Store, story: str | None = None) -> dict[str, Any]:
    """What the report shows: a section per story (the one asked for, or all)."""
    return {
        "story": story,
        "sections": [section(api.story_page(store, i)) for i in story_ids(store, story)],
    }


def render(contents: dict[str, Any], fmt: str) -> str:
    """The report as text in ``fmt`` (html or md)."""
    template = _environment(fmt).get_template(f"report.{fmt}")
    return template.render(**contents)


def write(store: Store, out: Path | str, *, story: str | None = None) -> int:
    """Write the report to ``out`` (the format by its suffix) via a temporary
    file, so a failure never leaves half a report; returns the number of
    stories in it."""
    fmt = format_of(out)
    contents = build(store, story)
    text = render(contents, fmt)
    target = Path(out)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temp, _mode(target))
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return len(contents["sections"])


def _mode(target: Path) -> int:
    """The permissions the report gets: those of the file it replaces, or
    what the umask gives a new file (a temporary file is private)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
