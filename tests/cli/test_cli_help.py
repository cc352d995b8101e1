"""Every command says what it does, every option what it means, and docs/cli.md
has each with an example."""

import runpy
from pathlib import Path

import pytest
from typer.main import get_command

from newsweave.cli import app

DOCS = Path(__file__).resolve().parents[2] / "docs"
COMMANDS = get_command(app).commands
EXAMPLES = runpy.run_path(str(DOCS / "make_cli_reference.py"))["EXAMPLES"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_command_has_help_text(name):
    assert (COMMANDS[name].help or "").strip(), f"`newsweave {name}` has no docstring"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_every_option_and_argument_has_help(name):
    missing = [
        p.name for p in COMMANDS[name].params if not (getattr(p, "help", None) or "").strip()
    ]
    assert not missing, f"`newsweave {name}` parameters without help: {missing}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_cli_command_is_a_heading_with_an_example_in_docs(name):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"\n## newsweave {name}\n" in text
    assert EXAMPLES.get(name, "").startswith(f"newsweave {name}")
    assert f"$ {EXAMPLES[name]}" in text


@pytest.mark.parametrize(
    "name",
    ["stories", "story", "quotes", "entity", "timeline", "search", "claims", "report", "serve"],
)
def test_cli_reading_commands_are_registered(name):
    assert name in COMMANDS
