"""A rule whose output changes gets a new version (STYLE.md): the guard.

Every record of the export that names the rule that made it (``rule``, or
``reason`` for removed text) is grouped by that name, over the example corpus
and the five seeds read with fixed dates. ``tests/rule_outputs.json`` holds, per
rule name, how many records it made and a hash of them. When a rule's records
change while its name does not, this test fails.

What to do when it fails: give each rule whose own code changed a new version
(``trim.v1`` -> ``trim.v2``), then regenerate the file:

    .venv/bin/python tests/test_rule_versions.py --update

A rule's records also change when an earlier rule changes what it reads (a
cleaning rule moves every offset after it). Then the earlier rule gets the new
version, and the later ones are regenerated with it; say so in the commit.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "rule_outputs.json"
SEEDS = ROOT / ".." / "shared" / "seeds"
REFERENCE = "2026-11-23"


def _fields(record: dict) -> dict:
    """What a rule set: the record's scalars and lists of scalars, not the
    nested records of other rules."""

    def scalar(value) -> bool:
        return value is None or isinstance(value, (str, int, float, bool))

    return {
        k: v
        for k, v in record.items()
        if scalar(v) or (isinstance(v, list) and all(scalar(x) for x in v))
    }


def rule_outputs(exported: dict) -> dict[str, dict]:
    """``{rule name: {"records": n, "sha256": hash}}`` over an export's records."""
    found: dict[str, list[str]] = defaultdict(list)

    def walk(item) -> None:
        if isinstance(item, dict):
            for key in ("rule", "reason"):
                if isinstance(item.get(key), str):
                    found[item[key]].append(json.dumps(_fields(item), sort_keys=True))
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(exported)
    return {
        name: {
            "records": len(rows),
            "sha256": hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest(),
        }
        for name, rows in sorted(found.items())
    }


def build() -> dict[str, dict]:
    """Run ``analyze`` on the example corpus and the seeds, export, and hash."""
    from newsweave import api
    from newsweave.config import Config

    assert SEEDS.is_dir(), f"the seed articles are missing: {SEEDS}"
    seeds = {p.name[:3]: str(p) for p in sorted(SEEDS.glob("*.txt"))}
    with tempfile.TemporaryDirectory() as folder:
        config = Config(db=str(Path(folder) / "rules.db"), reference_date=REFERENCE)
        store = api.open_store(config)
        try:
            api.analyze(store, [str(ROOT / "examples" / "corpus")], config)
            api.analyze(store, [seeds["000"], seeds["001"], seeds["002"], seeds["004"]], config)
            api.analyze(
                store,
                [seeds["003"]],
                Config(db=config.db, reference_date=REFERENCE, published="2023-02-21"),
            )
            out = Path(folder) / "export.json"
            api.export(store, "json", out)
        finally:
            store.close()
        return rule_outputs(json.loads(out.read_text("utf-8")))


@pytest.mark.model
def test_rule_outputs_match_their_versions():
    assert GOLDEN.is_file(), f"{GOLDEN} is missing: run python tests/test_rule_versions.py --update"
    golden = json.loads(GOLDEN.read_text("utf-8"))
    now = build()
    changed = sorted(n for n in now.keys() & golden.keys() if now[n] != golden[n])
    added, gone = sorted(now.keys() - golden.keys()), sorted(golden.keys() - now.keys())
    assert not changed, (
        f"these rules changed their output but not their name: {changed}; "
        "give each a new version, then run "
        "python tests/test_rule_versions.py --update"
    )
    assert not added and not gone, (
        f"rule names added {added}, gone {gone}: run python tests/test_rule_versions.py --update"
    )


def test_rule_outputs_group_by_rule_and_ignore_nested_records():
    exported = {
        "articles": [
            {
                "removed": [{"text": "Ad", "reason": "promo.v1"}],
                "provenance": {"title": {"value": "T", "rule": "html.title.v1"}},
            }
        ],
        "quotes": [{"rule": "q.v1", "text": "x", "speaker": {"rule": "other.v1"}}],
    }
    first = rule_outputs(exported)
    assert set(first) == {"promo.v1", "html.title.v1", "q.v1", "other.v1"}
    assert first["q.v1"]["records"] == 1
    exported["quotes"][0]["speaker"]["name"] = "changed"
    second = rule_outputs(exported)
    assert second["q.v1"] == first["q.v1"] and second["other.v1"] != first["other.v1"]
    exported["quotes"][0]["text"] = "y"
    assert rule_outputs(exported)["q.v1"] != first["q.v1"]


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_rule_versions.py --update")
    outputs = build()
    GOLDEN.write_text(json.dumps(outputs, indent=1, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {GOLDEN}: {len(outputs)} rule names")
