"""Score publication dates on pubdate-html (htmldate's evaluation set).

    python bench/pubdate_html.py [DATA_DIR] [--half tune|check|all] [--ablate] [--no-url-run] [--out FILE]

The metric is the one in DATA_DIR/README.md (htmldate's tests/evaluation.py): a
page is TP when the day equals gold, FP for any other date, FN for no date;
accuracy = TP / entries is the headline. The headline setting passes no URL;
a second, labelled run passes the URL to both systems. The peer is htmldate
``find_date(original_date=True, extensive_search=True)`` on the same input.
``--half`` scores the tune or check half (entries split by site, ``halves.site``);
``--ablate`` also scores the headline without each rule of ``ablation.PUBDATE``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

import htmldate
from charset_normalizer import from_bytes
from htmldate import find_date

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ablation  # noqa: E402
import halves  # noqa: E402

from newsweave.clean.html import extract_html  # noqa: E402
from newsweave.ingest.encoding import decode as decode_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/pubdate-html"
DEFAULT_OUT = ROOT / "bench/results/pubdate-html.json"


def decode(data: bytes) -> str | bytes:
    """As htmldate's evaluation: UTF-8, else the detected charset, else the bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data


def load(data: Path) -> tuple[list[dict], list[str | bytes]]:
    entries = [json.loads(line) for line in (data / "gold.jsonl").read_text("utf-8").splitlines()]
    pages = [
        decode(gzip.decompress((data / "html" / f"{e['id']}.html.gz").read_bytes()))
        for e in entries
    ]
    return entries, pages


def ours(page: str | bytes, url: str | None) -> str | None:
    text = page if isinstance(page, str) else decode_bytes(page)[0]
    found = extract_html(text, url=url).published
    return found.value if found else None


def peer(page: str | bytes, url: str | None) -> str | None:
    return find_date(page, url=url, original_date=True, extensive_search=True)


def score(golds: list[str | None], preds: list[str | None]) -> dict:
    tp = sum(p is not None and p == g for g, p in zip(golds, preds))
    fn = sum(p is None for p in preds)
    fp = len(preds) - tp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "entries": len(preds),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "accuracy": round(tp / len(preds), 4),
        "f_score": round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0,
        "null_gold_no_date": sum(g is None and p is None for g, p in zip(golds, preds)),
    }


def run(system, entries: list[dict], pages: list, *, with_url: bool) -> tuple[list, float]:
    start = time.perf_counter()
    preds = [system(page, e["url"] if with_url else None) for e, page in zip(entries, pages)]
    return preds, time.perf_counter() - start


def compare(entries: list[dict], pages: list, *, with_url: bool) -> dict:
    golds = [e["date"] for e in entries]
    peer_preds, peer_time = run(peer, entries, pages, with_url=with_url)
    our_preds, our_time = run(ours, entries, pages, with_url=with_url)
    return {
        "input": "decoded page and its URL" if with_url else "decoded page only, no URL",
        "ours": {
            "system": "newsweave.clean.html.extract_html(...).published",
            **score(golds, our_preds),
            "seconds": round(our_time, 2),
            "by_collection": by_collection(entries, our_preds),
        },
        "peer": {
            "system": f"htmldate {htmldate.__version__} find_date(original_date=True, "
            "extensive_search=True)",
            **score(golds, peer_preds),
            "seconds": round(peer_time, 2),
            "by_collection": by_collection(entries, peer_preds),
        },
        "time_ratio_ours_over_peer": round(our_time / peer_time, 2) if peer_time else None,
        "disagreements": [
            {
                "id": e["id"],
                "site": halves.site(e["url"]),
                "gold": e["date"],
                "ours": o,
                "htmldate": p,
            }
            for e, o, p in zip(entries, our_preds, peer_preds)
            if o != p
        ],
        "time_note": "ours runs the whole extract_html (text, metadata and date), the peer "
        "only the date search",
    }


def by_collection(entries: list[dict], preds: list) -> dict:
    totals = Counter(e["collection"] for e in entries)
    right = Counter(e["collection"] for e, p in zip(entries, preds) if p and p == e["date"])
    return {name: round(right[name] / n, 4) for name, n in sorted(totals.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-url-run", action="store_true", help="skip the URL-assisted run")
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also score the headline without each rule, one at a time",
    )
    halves.add_argument(parser)
    args = parser.parse_args(argv)
    entries, pages = load(args.data)
    entries, pages = halves.select_pages(entries, pages, args.half)
    result = {
        "set": "pubdate-html",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "gold_sha256": hashlib.sha256((args.data / "gold.jsonl").read_bytes()).hexdigest(),
        "headline": compare(entries, pages, with_url=False),
    }
    if not args.no_url_run:
        result["url_assisted"] = compare(entries, pages, with_url=True)
    for key in ("headline", "url_assisted"):
        if key in result:
            print_table(key, result[key])
    if args.ablate:
        golds = [e["date"] for e in entries]
        result["ablation_accuracy_share"] = ablation.shares(
            ablation.PUBDATE,
            lambda: score(golds, run(ours, entries, pages, with_url=False)[0])["accuracy"],
        )
        print("accuracy share of each rule:", result["ablation_accuracy_share"])
    out = halves.out_path(args.out, args.half)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


def print_table(name: str, block: dict) -> None:
    cols = ("tp", "fp", "fn", "precision", "recall", "accuracy", "f_score", "seconds")
    print(f"{name}: {block['input']}")
    print(f"  {'system':<62}" + "".join(f"{c:>10}" for c in cols))
    for key in ("ours", "peer"):
        row = block[key]
        print(f"  {row['system']:<62}" + "".join(f"{row[c]:>10}" for c in cols))
    print(f"  time ratio ours/peer: {block['time_ratio_ours_over_peer']}")


if __name__ == "__main__":
    sys.exit(main())
