"""The throughput benchmark runs the product's analysis call end to end (on
two small articles here; the figures themselves are measured by running the
script, see BENCHMARKS.md)."""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import analyse_throughput  # noqa: E402


def test_throughput_bench_times_bare_spacy_and_analyse(tmp_path):
    bodies = [
        "Russian President Vladimir Putin met Wang Yi in Moscow on Tuesday.",
        "Wang said on Wednesday that talks with Patrushev went well.",
    ]
    (tmp_path / "gold.jsonl").write_text(
        "".join(json.dumps({"articleBody": b}) + "\n" for b in bodies), encoding="utf-8"
    )
    out = tmp_path / "result.json"
    assert analyse_throughput.main([str(tmp_path), "--repeat", "1", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["articles"] == 2
    assert result["bare_nlp_pipe"]["articles_per_s"] > 0
    assert result["analyse"]["articles_per_s"] > 0
