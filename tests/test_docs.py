"""Docs that cannot drift: the CLI reference, settings, export fields and rules."""

import json
import re
import runpy
from pathlib import Path

import pytest

from newsweave.config import SETTINGS
from newsweave.export import SCHEMA_PATH

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE = runpy.run_path(str(DOCS / "make_cli_reference.py"))
RULE_NAME = re.compile(r"""["'\s(`]([a-z][a-z_-]*(?:\.[a-z][a-z_-]*)*\.v\d+)\b""")


def test_docs_cli_reference_is_current():
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == REFERENCE["reference"](), (
        "run: python docs/make_cli_reference.py"
    )


@pytest.mark.parametrize("command", REFERENCE["command_names"]())
def test_docs_command_in_readme_or_cli_reference(command):
    assert f"## newsweave {command}" in (DOCS / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_setting_documented(setting):
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert f"`{setting}`" in text and f"NEWSWEAVE_{setting.upper()}" in text


ARTICLE_FIELDS = json.loads(SCHEMA_PATH.read_text())["$defs"]["article"]["properties"]


@pytest.mark.parametrize("field", sorted(ARTICLE_FIELDS))
def test_docs_export_field_documented(field):
    assert f"| `{field}` |" in (DOCS / "export.md").read_text(encoding="utf-8")


def rule_names(*folders: str) -> list[str]:
    found = set()
    for folder in folders:
        for path in (ROOT / "newsweave" / folder).rglob("*.py"):
            found |= set(RULE_NAME.findall(path.read_text(encoding="utf-8")))
    return sorted(found)


@pytest.mark.parametrize("rule", rule_names("clean", "ingest"))
def test_docs_cleaning_rule_documented(rule):
    assert rule in (DOCS / "cleaning.md").read_text(encoding="utf-8")


def analysis_rule_names() -> list[str]:
    from newsweave.analyse.timex.rules import RULES as TIMEX_RULES

    adapter = (ROOT / "bench" / "conll_adapter.py").read_text(encoding="utf-8")
    return sorted(set(rule_names("analyse")) | set(RULE_NAME.findall(adapter))) + [
        f"timex.{name}.v{version}" for name, version, *_ in TIMEX_RULES
    ]


@pytest.mark.parametrize("rule", analysis_rule_names())
def test_docs_analysis_rule_documented(rule):
    text = (DOCS / "analysis.md").read_text(encoding="utf-8")
    name = rule.removeprefix("timex.").rsplit(".v", 1)[0] if rule.startswith("timex.") else rule
    assert (f"`{name}`" if rule.startswith("timex.") else rule) in text


def test_docs_web_lists_every_api_route_and_page(tmp_path):
    """docs/web.md names every route of the HTTP API and every page."""
    from newsweave.web.app import create_app

    app = create_app(str(tmp_path / "empty.db"))
    text = re.sub(r"\{[^}]*\}", "{}", (DOCS / "web.md").read_text(encoding="utf-8"))
    api_paths = [
        re.sub(r"\{[^}]*\}", "{}", p.removeprefix("/api/v1")) for p in app.openapi()["paths"]
    ]
    assert (
        api_paths
        and [
            p
            for p in api_paths
            if f"`GET {p}" not in text and f"`POST {p}" not in text and f"GET {p}`" not in text
        ]
        == []
    )
    from newsweave.web.pages import router

    pages = [
        re.sub(r"\{[^}]*\}", "{}", r.path) for r in router.routes if not r.path.startswith("/api")
    ]
    assert pages and [p for p in pages if f"`{p}" not in text] == []
