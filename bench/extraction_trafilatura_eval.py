"""Score main text and dates on extraction-trafilatura-eval (373 pages nothing here was tuned on).

    python bench/extraction_trafilatura_eval.py [DATA_DIR] [--ablate] [--out FILE]

The text metric is exactly the one in DATA_DIR/README.md (trafilatura's
``tests/evaluate.py``): per page, each ``with`` snippet found in the
whitespace-normalised output is a TP, each ``without`` snippet found an FP;
TP/FP/FN/TN are pooled over pages and F1 = 2TP / (2TP + FP + FN). Dates:
accuracy over the 114 pages with a gold date, and how many of the 123 pages
with ``date: ""`` got one.

Every system gets the raw page bytes and no URL. Ours decodes them as
``newsweave analyze`` does (``ingest.encoding.decode``) and runs
``clean.html.extract_html``; the peers are trafilatura ``extract()`` as the
README's "standard" row and htmldate ``find_date(original_date=True,
extensive_search=True)``, the two libraries the product builds on. trafilatura
was developed on these pages, so its figures are in-sample. The set has no
halves: it is a check for everything, and no rule is chosen on it.
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
from pathlib import Path

import htmldate
import trafilatura
from htmldate import find_date

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ablation  # noqa: E402

from newsweave.clean.html import extract_html  # noqa: E402
from newsweave.ingest.encoding import decode  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/extraction-trafilatura-eval"
DEFAULT_OUT = ROOT / "bench/results/extraction-trafilatura-eval.json"
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text_score(entries: list[dict], outputs: list[str | None]) -> dict:
    """Pooled TP/FP/FN/TN over pages, as trafilatura's evaluation counts them."""
    tp = fp = fn = tn = skipped = 0
    for entry, output in zip(entries, outputs):
        if not output:
            skipped += 1
            fn += len(entry["with"])
            tn += len(entry["without"])
            continue
        found = norm(output)
        hits = sum(norm(s) in found for s in entry["with"])
        leaks = sum(norm(s) in found for s in entry["without"])
        tp, fn = tp + hits, fn + len(entry["with"]) - hits
        fp, tn = fp + leaks, tn + len(entry["without"]) - leaks
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    return {
        "pages": len(entries),
        "skipped": skipped,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "accuracy": round((tp + tn) / total, 4) if total else 0.0,
        "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else 0.0,
    }


def gold_day(value: str) -> str:
    """The README: one source date is not zero-padded ("2022-11-1")."""
    year, month, day = value.split("-")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def date_score(entries: list[dict], days: list[str | None]) -> dict:
    dated = [(gold_day(e["date"]), d) for e, d in zip(entries, days) if e.get("date")]
    blank = [d for e, d in zip(entries, days) if e.get("date") == ""]
    right = sum(g == d for g, d in dated)
    return {
        "dated_pages": len(dated),
        "correct": right,
        "wrong": sum(d is not None and d != g for g, d in dated),
        "none": sum(d is None for _, d in dated),
        "accuracy": round(right / len(dated), 4) if dated else 0.0,
        "blank_gold_pages": len(blank),
        "blank_gold_given_a_date": sum(d is not None for d in blank),
    }


def load(data: Path) -> tuple[list[dict], list[bytes]]:
    entries = [json.loads(line) for line in (data / "gold.jsonl").read_text("utf-8").splitlines()]
    pages = [gzip.decompress((data / "html" / f"{e['id']}.html.gz").read_bytes()) for e in entries]
    return entries, pages


def ours(page: bytes) -> tuple[str, str | None]:
    found = extract_html(decode(page)[0])
    return found.text, found.published.value if found.published else None


def run_ours(pages: list[bytes]) -> tuple[list[str], list[str | None], float]:
    start = time.perf_counter()
    results = [ours(page) for page in pages]
    return [t for t, _ in results], [d for _, d in results], time.perf_counter() - start


def peer_text(page: bytes) -> str | None:
    return trafilatura.extract(
        page, fast=False, include_comments=False, include_tables=True, include_formatting=False
    )


def peer_date(page: bytes) -> str | None:
    return find_date(page, original_date=True, extensive_search=True)


def timed(system, pages: list[bytes]) -> tuple[list, float]:
    start = time.perf_counter()
    return [system(page) for page in pages], time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also score without each text and date rule, one at a time",
    )
    args = parser.parse_args(argv)
    entries, pages = load(args.data)
    texts, days, our_time = run_ours(pages)
    peer_texts, text_time = timed(peer_text, pages)
    peer_days, date_time = timed(peer_date, pages)
    result = {
        "set": "extraction-trafilatura-eval",
        "half": "all (no halves: nothing is tuned here)",
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "gold_sha256": hashlib.sha256((args.data / "gold.jsonl").read_bytes()).hexdigest(),
        "input": "raw page bytes, no URL",
        "text": {
            "ours": {
                "system": "newsweave.clean.html.extract_html(decode(bytes)).text",
                **text_score(entries, texts),
            },
            "peer": {
                "system": f"trafilatura {trafilatura.__version__} extract() standard (in-sample)",
                **text_score(entries, peer_texts),
                "seconds": round(text_time, 2),
            },
        },
        "dates": {
            "ours": {
                "system": "newsweave.clean.html.extract_html(decode(bytes)).published",
                **date_score(entries, days),
            },
            "peer": {
                "system": f"htmldate {htmldate.__version__} find_date(original_date=True, "
                "extensive_search=True)",
                **date_score(entries, peer_days),
                "seconds": round(date_time, 2),
            },
        },
        "ours_seconds_text_and_date": round(our_time, 2),
        "disagreements": [
            {"id": e["id"], "gold": gold_day(e["date"]), "ours": d, "htmldate": p}
            for e, d, p in zip(entries, days, peer_days)
            if e.get("date") and d != p
        ],
    }
    if args.ablate:

        def figures() -> tuple[float, float]:
            found_texts, found_days, _ = run_ours(pages)
            return text_score(entries, found_texts)["f1"], date_score(entries, found_days)[
                "accuracy"
            ]

        result["ablation_f1_share"] = ablation.shares(ablation.EXTRACTION, lambda: figures()[0])
        result["ablation_date_share"] = ablation.shares(ablation.PUBDATE, lambda: figures()[1])
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


def print_table(result: dict) -> None:
    for part, cols in (
        ("text", ("pages", "skipped", "tp", "fp", "fn", "precision", "recall", "f1")),
        (
            "dates",
            ("dated_pages", "correct", "wrong", "none", "accuracy", "blank_gold_given_a_date"),
        ),
    ):
        print(f"{part}: {'system':<70}" + "".join(f"{c[:12]:>13}" for c in cols))
        for key in ("ours", "peer"):
            row = result[part][key]
            print(f"      {row['system']:<70}" + "".join(f"{row[c]:>13}" for c in cols))
    for key in ("ablation_f1_share", "ablation_date_share"):
        if key in result:
            print(f"{key}: {result[key]}")


if __name__ == "__main__":
    sys.exit(main())
