"""Score article body extraction on extraction-html (Zyte article-extraction-benchmark).

    python bench/extraction_html.py [DATA_DIR] [--half tune|check|all] [--ablate] [--out FILE]

The metric is exactly the one in DATA_DIR/README.md (word 4-gram shingles, macro
precision and recall over pages, F1 from the two means). The peer, trafilatura
``extract()`` with its defaults, runs in the same process on the same input.
``--half`` scores the tune or check half (pages split by site, ``halves.site``);
``--ablate`` also scores the half without each rule of ``ablation.EXTRACTION``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ablation  # noqa: E402
import halves  # noqa: E402

from newsweave.clean.html import extract_html  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/extraction-html"
DEFAULT_OUT = ROOT / "bench/results/extraction-html.json"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text: str | None) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))


def page_scores(gold: str, predicted: str) -> tuple[float | None, float, bool]:
    """(precision or None when the prediction has no shingle, recall, exact match)."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    perfect = fp == fn == 0
    precision = None if tp + fp == 0 else (1.0 if perfect else tp / (tp + fp))
    recall = 1.0 if perfect else (0.0 if tp + fn == 0 else tp / (tp + fn))
    exact = _TOKEN.findall(gold or "") == _TOKEN.findall(predicted or "")
    return precision, recall, exact


def score(golds: list[str], preds: list[str]) -> dict:
    rows = [page_scores(g, p) for g, p in zip(golds, preds)]
    precisions = [p for p, _, _ in rows if p is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(r for _, r, _ in rows) / len(rows)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pages": len(rows),
        "empty": sum(not (p or "").strip() for p in preds),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "accuracy": round(sum(e for _, _, e in rows) / len(rows), 4),
    }


def load(data: Path) -> tuple[list[dict], list[str]]:
    entries = [json.loads(line) for line in (data / "gold.jsonl").read_text("utf-8").splitlines()]
    pages = [
        gzip.decompress((data / "html" / f"{e['id']}.html.gz").read_bytes()).decode("utf-8")
        for e in entries
    ]  # the README: all pages are UTF-8
    return entries, pages


def timed(system: Callable[[str], str | None], pages: list[str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    preds = [system(page) or "" for page in pages]
    return preds, time.perf_counter() - start


def ours(page: str) -> str:
    return extract_html(page).text


def peer(page: str) -> str | None:
    return trafilatura.extract(page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--ablate", action="store_true", help="also score without each rule, one at a time"
    )
    halves.add_argument(parser)
    args = parser.parse_args(argv)
    entries, pages = load(args.data)
    entries, pages = halves.select_pages(entries, pages, args.half)
    golds = [e["articleBody"] for e in entries]
    peer_preds, peer_time = timed(peer, pages)
    our_preds, our_time = timed(ours, pages)
    result = {
        "set": "extraction-html",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "gold_sha256": hashlib.sha256((args.data / "gold.jsonl").read_bytes()).hexdigest(),
        "input": "page decoded as UTF-8, no URL",
        "ours": {
            "system": "newsweave.clean.html.extract_html",
            **score(golds, our_preds),
            "seconds": round(our_time, 2),
        },
        "peer": {
            "system": f"trafilatura {trafilatura.__version__} extract() defaults",
            **score(golds, peer_preds),
            "seconds": round(peer_time, 2),
        },
    }
    result["time_ratio_ours_over_peer"] = round(our_time / peer_time, 2) if peer_time else None
    print_table(result)
    if args.ablate:
        result["ablation_f1_share"] = ablation.shares(
            ablation.EXTRACTION, lambda: score(golds, [ours(p) for p in pages])["f1"]
        )
        print("F1 share of each rule (all rules minus without it):", result["ablation_f1_share"])
    out = halves.out_path(args.out, args.half)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


def print_table(result: dict) -> None:
    cols = ("pages", "empty", "precision", "recall", "f1", "accuracy", "seconds")
    print(f"{'system':<44}" + "".join(f"{c:>10}" for c in cols))
    for key in ("ours", "peer"):
        row = result[key]
        print(f"{row['system']:<44}" + "".join(f"{row[c]:>10}" for c in cols))
    print(f"time ratio ours/peer: {result['time_ratio_ours_over_peer']}")


if __name__ == "__main__":
    sys.exit(main())
