"""ruff's linter and its formatter (Black's style) hold for the whole repository,
so the README's test command, and CI with it, checks them (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"]
)
def test_ruff(command):
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, (
        f"ruff {' '.join(command)} failed; run "
        f"`.venv/bin/ruff {' '.join(command).replace('--check ', '')}`"
        f":\n{done.stdout}{done.stderr}"
    )
