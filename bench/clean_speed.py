"""The clean stage on HTML against trafilatura alone, side by side on the same pages.

    python bench/clean_speed.py [--repeat R] [--out FILE]

The pages are the raw HTML of extraction-html (92) and extraction-trafilatura-eval
(373), decoded once as ``newsweave analyze`` decodes them; timing only. In one
process, alternating, best of ``--repeat``:

- trafilatura ``extract()`` with the options the product's default reading uses
  (tables in, comments and formatting out): the library the stage builds on;
- trafilatura ``extract()`` plus htmldate ``find_date(original_date=True,
  extensive_search=True)``: the two libraries, text and date;
- ``newsweave.clean.clean`` of the page as a ``RawDoc``: what ``analyze`` runs
  per HTML item (both trafilatura readings of ``precision-fallback.v1``, the
  named line rules, metadata and the date, the page rendered for provenance,
  and every clean line aligned to it).

The figure is pages per second and trafilatura's time over ours (1.0 would be
as fast as the library alone). The share of our time inside each library and
step is measured by timing the functions ``clean`` calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

import htmldate
import trafilatura

from newsweave.clean import clean, core, html
from stage_timer import timing  # bench/stage_timer.py
from newsweave.ingest.encoding import decode
from newsweave.model import RawDoc

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "../shared/bench"
DEFAULT_OUT = ROOT / "bench/results/clean-speed.json"


def pages() -> list[str]:
    found = []
    for name in ("extraction-html", "extraction-trafilatura-eval"):
        folder = BENCH / name
        for line in (folder / "gold.jsonl").read_text("utf-8").splitlines():
            entry = json.loads(line)
            path = folder / "html" / f"{entry['id']}.html.gz"
            if not path.exists():
                path = folder / "html" / f"{entry['id']}.html"
            data = path.read_bytes()
            found.append(decode(gzip.decompress(data) if path.suffix == ".gz" else data)[0])
    return found


def trafilatura_alone(page: str) -> None:
    trafilatura.extract(
        page, fast=False, include_comments=False, include_tables=True, include_formatting=False
    )


def libraries(page: str) -> None:
    trafilatura_alone(page)
    htmldate.find_date(page, original_date=True, extensive_search=True)


def ours(page: str, i: int) -> None:
    clean(RawDoc(f"page{i}.html", page, "html"))


def timed(run, texts: list[str]) -> float:
    started = time.perf_counter()
    for i, page in enumerate(texts):
        run(page, i) if run is ours else run(page)
    return time.perf_counter() - started


def shares(texts: list[str]) -> dict[str, float]:
    """Seconds of one run of ``clean`` spent in each step."""
    with timing(
        (html, "bare_extraction", "trafilatura readings"),
        (html, "find_date", "htmldate"),
        (html, "_parse", "lxml parse"),
        (core, "render_html", "render for provenance"),
        (core, "locate", "align to the page"),
    ) as spent:
        total = timed(ours, texts)
    spent["the rest (line rules, metadata, records)"] = total - sum(spent.values())
    return {k: round(v / total, 3) for k, v in sorted(spent.items(), key=lambda x: -x[1])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    texts = pages()
    ours(texts[0], 0)  # imports and caches warm for every system
    trafilatura_alone(texts[0])
    runs: dict[str, list[float]] = {"trafilatura": [], "trafilatura+htmldate": [], "ours": []}
    for _ in range(args.repeat):
        runs["trafilatura"].append(timed(trafilatura_alone, texts))
        runs["trafilatura+htmldate"].append(timed(libraries, texts))
        runs["ours"].append(timed(ours, texts))
    best = {k: min(v) for k, v in runs.items()}
    result = {
        "benchmark": "clean-speed",
        "date": dt.date.today().isoformat(),
        "pages": len(texts),
        "versions": {"trafilatura": trafilatura.__version__, "htmldate": htmldate.__version__},
        "seconds": {k: round(v, 2) for k, v in best.items()},
        "pages_per_second": {k: round(len(texts) / v, 1) for k, v in best.items()},
        "ratio_trafilatura_over_ours": round(best["trafilatura"] / best["ours"], 3),
        "ratio_libraries_over_ours": round(best["trafilatura+htmldate"] / best["ours"], 3),
        "our_shares": shares(texts),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
