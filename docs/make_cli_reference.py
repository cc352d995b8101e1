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
# One real command per command, on the example corpus or the seeds (story ids
# are the seeds'); tests/cli/test_cli_help.py fails on a command without one.
EXAMPLES = {
    "analyze": "newsweave analyze examples/corpus --db corpus.db",
    "articles": "newsweave articles --limit 5 --db corpus.db",
    "show": "newsweave show e8da --db corpus.db",
    "export": "newsweave export --format json -o corpus.json --db corpus.db",
    "stories": 'newsweave stories --since 2023-09 --entity "Wang Yi" --db seeds.db',
    "story": "newsweave story 8ec748786b6aeb79 --db seeds.db",
    "quotes": "newsweave quotes --speaker Patrushev --db seeds.db",
    "entity": 'newsweave entity "Wang Yi" --db seeds.db',
    "timeline": "newsweave timeline --story 8ec748786b6aeb79 --db seeds.db",
    "search": 'newsweave search "contain China" --json --db seeds.db',
    "claims": "newsweave claims --status conflict --db corpus.db",
    "report": "newsweave report --story 8ec748786b6aeb79 -o report.html --db seeds.db",
    "serve": "newsweave serve --db seeds.db --host 127.0.0.1 --port 8000",
}


def command_names() -> list[str]:
    return sorted(get_command(app).commands)


def help_text(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], prog_name="newsweave", env=ENV)
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def reference() -> str:
    parts = [
        "# Command reference",
        "",
        "Generated from `--help` by `python docs/make_cli_reference.py`; do not edit.",
        "",
        "```",
        help_text(),
        "```",
        "",
    ]
    for name in command_names():
        parts += [f"## newsweave {name}", "", "```", help_text(name), "```", ""]
        if name in EXAMPLES:
            parts += ["Example:", "", "```console", f"$ {EXAMPLES[name]}", "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    TARGET.write_text(reference(), encoding="utf-8")
