"""Benchmark floors: each scorer's headline figure on its dev split stays at or
above the floor recorded in bench/floors.json. Slow (a minute or more), so the
default test command skips it: run with ``pytest -m slow``."""

import json
import subprocess
import sys
from functools import reduce
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "bench" / "floors.json").read_text())
SETS = [name for name in FLOORS if not name.startswith("_")]
DATA = ROOT / ".." / "shared" / "bench"


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_bench_figure_at_or_above_floor(name, tmp_path):
    floor = FLOORS[name]
    if not (DATA / name).is_dir():
        pytest.skip(f"{DATA / name} is not beside the checkout")
    out = tmp_path / f"{name}.json"
    subprocess.run(
        [sys.executable, str(ROOT / floor["script"]), *floor.get("args", []), "--out", str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    pinned = floor.get("gold_sha256") or floor["data_sha256"]
    assert pinned in (result.get("gold_sha256"), result.get("data_sha256")), (
        "the data changed: re-measure and re-pin the floor"
    )
    figure = reduce(lambda node, key: node[key], floor["figure"].split("."), result)
    assert figure >= floor["floor"], f"{name} {floor['figure']} = {figure} < floor {floor['floor']}"
