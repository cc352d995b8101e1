"""Score boilerplate removal on boilerplate-l3s (L3S-GN1 news pages, 2008).

    python bench/boilerplate_l3s.py [DATA_DIR] [--mode scraped|html|both] [--half tune|check|all] [--ablate] [--out FILE]

The metric is exactly the one in DATA_DIR/README.md: bag-of-words token
precision, recall and F1 (lowercased ``\\w+``, multiset overlap) per page; the
headline is the mean over pages (macro), the pooled figure (micro) is reported
beside it. Two modes, as the README's (a) and (b):

- ``scraped`` (the headline here): each page is rendered once to naive-scraper
  text by ``newsweave.clean.render.render_html`` (cached under
  ``bench/.cache/boilerplate-l3s/``, keyed by the renderer's source), then
  ``newsweave.clean.text.clean_text`` keeps lines. "Keep every line" is scored
  too: the precision floor and recall ceiling of the renderer.
- ``html``: ``newsweave.clean.html.extract_html`` on the page, scored as title +
  text since the gold holds the headline, against trafilatura ``extract()`` with
  its defaults, in the same run on the same input.

``--half`` scores the tune or check half (pages split by site, ``halves.site``);
``--ablate`` also scores the scraped mode without each rule of ``ablation.CLEANING``.
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

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ablation  # noqa: E402
import halves  # noqa: E402

import newsweave.clean.render as render  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/boilerplate-l3s"
DEFAULT_OUT = ROOT / "bench/results/boilerplate-l3s.json"
CACHE = ROOT / "bench/.cache/boilerplate-l3s"
WORST = 15  # pages listed with the lowest cleaner F1
_TOKEN = re.compile(r"\w+")


# ----------------------------------------------------------------- metric


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


def page_score(gold: Counter, text: str | None) -> dict:
    """Counts and P/R/F1 of one prediction, with the README's empty-gold rule."""
    pred = tokens(text or "")
    n_pred, n_gold = sum(pred.values()), sum(gold.values())
    overlap = sum((pred & gold).values())
    if n_gold == 0:  # R = 1; P = F1 = 1 only for an empty prediction
        r = 1.0
        p = f = 1.0 if n_pred == 0 else 0.0
    else:
        p = overlap / n_pred if n_pred else 0.0
        r = overlap / n_gold
        f = 2 * p * r / (p + r) if overlap else 0.0
    return {
        "overlap": overlap,
        "predicted": n_pred,
        "gold": n_gold,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
    }


def summary(rows: list[dict]) -> dict:
    """Macro (headline) and micro P/R/F1 over the page rows of one system."""
    n = len(rows)
    macro = {k: round(sum(r[k] for r in rows) / n, 4) for k in ("precision", "recall", "f1")}
    overlap, pred, gold = (sum(r[k] for r in rows) for k in ("overlap", "predicted", "gold"))
    mp, mr = (overlap / pred if pred else 0.0), (overlap / gold if gold else 0.0)
    micro = {
        "precision": round(mp, 4),
        "recall": round(mr, 4),
        "f1": round(2 * mp * mr / (mp + mr), 4) if overlap else 0.0,
    }
    return {
        "pages": n,
        "empty": sum(r["predicted"] == 0 for r in rows),
        "zero_overlap": sum(r["overlap"] == 0 for r in rows),
        **macro,
        "micro": micro,
    }


# ------------------------------------------------------------------- data


def load(data: Path) -> tuple[list[dict], list[str]]:
    entries = [json.loads(line) for line in (data / "gold.jsonl").read_text("utf-8").splitlines()]
    pages = [
        gzip.decompress((data / "html" / f"{e['id']}.html.gz").read_bytes()).decode("utf-8")
        for e in entries
    ]  # the README: every page is valid UTF-8, whatever its meta says
    return entries, pages


def renderer_key() -> str:
    """Changes whenever the rendering can: render.py's source, lxml's version."""
    source = Path(render.__file__).read_bytes() + etree.__version__.encode()
    return hashlib.sha256(source).hexdigest()[:16]


def rendered(entries: list[dict], pages: list[str]) -> tuple[list[str], float, int]:
    """Each page's rendering, from the cache when present: (texts, seconds, misses)."""
    folder = CACHE / f"render-{renderer_key()}"
    folder.mkdir(parents=True, exist_ok=True)
    texts, seconds, misses = [], 0.0, 0
    for entry, page in zip(entries, pages):
        path = folder / f"{entry['id']}.txt"
        if not path.exists():
            start = time.perf_counter()
            text = render.render_html(page)
            seconds += time.perf_counter() - start
            misses += 1
            path.with_suffix(".tmp").write_text(text, "utf-8")
            path.with_suffix(".tmp").replace(path)  # never leave half a file
        texts.append(path.read_text("utf-8"))
    return texts, seconds, misses


def timed(
    system: Callable[[str], str | None], inputs: list[str], ids: list[str]
) -> tuple[list[str], float]:
    preds, start = [], time.perf_counter()
    for page_id, item in zip(ids, inputs):
        try:
            preds.append(system(item) or "")
        except Exception as error:  # name the page, then stop: a crash is a bug to fix
            raise RuntimeError(f"{system.__name__} failed on page {page_id}") from error
    return preds, time.perf_counter() - start


# ------------------------------------------------------------------ modes


def scraped_mode(entries: list[dict], pages: list[str], golds: list[Counter]) -> dict:
    ids = [e["id"] for e in entries]
    texts, render_seconds, misses = rendered(entries, pages)
    keep_all = [page_score(g, t) for g, t in zip(golds, texts)]
    result = {
        "renderer": {
            "system": f"newsweave.clean.render.render_html ({render.RENDERER})",
            "cache": str((CACHE / f"render-{renderer_key()}").relative_to(ROOT)),
            "rendered_now": misses,
            "seconds": round(render_seconds, 2),
        },
        "keep_every_line": summary(keep_all),
    }
    try:
        from newsweave.clean.text import clean_text
    except ImportError as error:  # the cleaner is written in parallel; say so
        result["cleaner"] = None
        result["note"] = f"newsweave.clean.text is not importable ({error}): keep-every-line only"
        per_page = [{"id": i, "keep_every_line": k} for i, k in zip(ids, keep_all)]
        return {**result, "pages": per_page}

    def cleaner(text: str) -> str:
        return clean_text(text).text

    kept, seconds = timed(cleaner, texts, ids)
    cleaned = [page_score(g, t) for g, t in zip(golds, kept)]
    result["cleaner"] = {
        "system": "newsweave.clean.text.clean_text",
        **summary(cleaned),
        "seconds": round(seconds, 2),
    }
    per_page = [
        {
            "id": i,
            "lines": t.count("\n") + 1 if t else 0,
            "kept_lines": k.count("\n") + 1 if k else 0,
            "keep_every_line": a,
            "cleaner": c,
        }
        for i, t, k, a, c in zip(ids, texts, kept, keep_all, cleaned)
    ]
    worst = sorted(per_page, key=lambda r: (r["cleaner"]["f1"], r["id"]))[:WORST]
    result["lowest_f1"] = [
        {"id": r["id"], **{k: r["cleaner"][k] for k in ("precision", "recall", "f1")}}
        for r in worst
    ]
    return {**result, "pages": per_page}


def html_mode(entries: list[dict], pages: list[str], golds: list[Counter]) -> dict:
    import trafilatura

    from newsweave.clean.html import extract_html

    def ours(page: str) -> str:
        found = extract_html(page)
        return "\n".join(part for part in (found.title, found.text) if part)

    def peer(page: str) -> str | None:
        return trafilatura.extract(page)

    ids = [e["id"] for e in entries]
    our_preds, our_time = timed(ours, pages, ids)
    peer_preds, peer_time = timed(peer, pages, ids)
    ours_rows = [page_score(g, t) for g, t in zip(golds, our_preds)]
    peer_rows = [page_score(g, t) for g, t in zip(golds, peer_preds)]
    return {
        "input": "page decoded as UTF-8 str, no URL; ours scored as title + newline + text",
        "ours": {
            "system": "newsweave.clean.html.extract_html",
            **summary(ours_rows),
            "seconds": round(our_time, 2),
        },
        "peer": {
            "system": f"trafilatura {trafilatura.__version__} extract() defaults",
            **summary(peer_rows),
            "seconds": round(peer_time, 2),
        },
        "time_ratio_ours_over_peer": round(our_time / peer_time, 2) if peer_time else None,
        "pages": [{"id": i, "ours": o, "peer": p} for i, o, p in zip(ids, ours_rows, peer_rows)],
    }


# ------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mode", choices=("scraped", "html", "both"), default="scraped")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--ablate",
        action="store_true",
        help="also score scraped text without each cleaning rule, one at a time",
    )
    halves.add_argument(parser)
    args = parser.parse_args(argv)
    entries, pages = load(args.data)
    entries, pages = halves.select_pages(entries, pages, args.half)
    golds = [tokens(e["text"]) for e in entries]
    result = {
        "set": "boilerplate-l3s",
        "split": "dev",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "gold_sha256": hashlib.sha256((args.data / "gold.jsonl").read_bytes()).hexdigest(),
        "metric": "bag-of-words token P/R/F1 (lowercased \\w+), macro mean over pages; micro beside",
    }
    if args.mode in ("scraped", "both"):
        result["scraped"] = scraped_mode(entries, pages, golds)
        print_scraped(result["scraped"])
    if args.mode in ("html", "both"):
        result["html"] = html_mode(entries, pages, golds)
        print_html(result["html"])
    if args.ablate:
        from newsweave.clean.text import clean_text

        texts = rendered(entries, pages)[0]
        result["ablation_f1_share"] = ablation.shares(
            ablation.CLEANING,
            lambda: summary([page_score(g, clean_text(t).text) for g, t in zip(golds, texts)])[
                "f1"
            ],
        )
        print("macro F1 share of each rule:", result["ablation_f1_share"])
    out = halves.out_path(args.out, args.half)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    return 0


COLUMNS = ("pages", "empty", "zero_overlap", "precision", "recall", "f1")


def print_rows(rows: list[tuple[str, dict]]) -> None:
    print(f"{'system':<48}" + "".join(f"{c:>13}" for c in COLUMNS) + f"{'micro P/R/F1':>22}")
    for name, row in rows:
        micro = "/".join(f"{row['micro'][k]:.3f}" for k in ("precision", "recall", "f1"))
        print(f"{name:<48}" + "".join(f"{row[c]:>13}" for c in COLUMNS) + f"{micro:>22}")


def print_scraped(result: dict) -> None:
    renderer = result["renderer"]
    print(
        f"renderer: {renderer['system']}, rendered now {renderer['rendered_now']} pages "
        f"in {renderer['seconds']} s (cache {renderer['cache']})"
    )
    rows = [("keep every line (P floor, R ceiling)", result["keep_every_line"])]
    if result["cleaner"] is None:
        print_rows(rows)
        print(result["note"])
        return
    print_rows(rows + [(result["cleaner"]["system"], result["cleaner"])])
    print(f"cleaner time: {result['cleaner']['seconds']} s")
    print("lowest cleaner F1:")
    for row in result["lowest_f1"]:
        print(f"  {row['id']}  P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}")


def print_html(result: dict) -> None:
    print_rows([(result[k]["system"], result[k]) for k in ("ours", "peer")])
    print(
        f"seconds ours {result['ours']['seconds']}, peer {result['peer']['seconds']}, "
        f"ratio ours/peer {result['time_ratio_ours_over_peer']}"
    )


if __name__ == "__main__":
    sys.exit(main())
