"""Write docs/cli.md from the CLI's own help: ``python docs/make_cli_reference.py``.

tests/test_docs.py fails when docs/cli.md differs from what this prints, so the
reference cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from newsweave.cli import app

TARGET = Path(__file__).with_name("cli.md")
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def command_names() -> list[str]:
    return sorted(get_command(app).commands)


def help_text(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], prog_name="newsweave", env=ENV)
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def reference() -> str:
    parts = ["# Command reference", "",
             "Generated from `--help` by `python docs/make_cli_reference.py`; do not edit.", "",
             "```", help_text(), "```", ""]
    for name in command_names():
        parts += [f"## newsweave {name}", "", "```", help_text(name), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
