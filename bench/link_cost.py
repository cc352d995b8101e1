"""Linking cost per new article as the store grows: it must stay flat.

    python bench/link_cost.py [--sizes 1000,10000,100000] [--probe 100] [--out FILE]

Synthetic articles from real texts: each mixes runs of four to eight
sentences from three real news texts (``material.real_texts``, the material of
``corpus.py``; for timing only), with a date over five years, so vocabulary, names
and story overlap are those of real news. The store is
filled through the product's own calls (``clean``, ``link.batch.link_batch``,
``Store.commit``; articles are not analysed, so stories use text alone) up to
each size in turn. At each size the same ``--probe`` new articles are linked
against it (``link_batch``, read-only: not committed) and timed; the figure is
milliseconds per new article and its ratio to the smallest size, side by
side in one run. A scan of every stored article would grow with the size
(its cost is shown as ``scan_ratio``, the size ratio).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from material import real_texts  # noqa: E402

from newsweave.clean import clean  # noqa: E402
from newsweave.link.batch import link_batch  # noqa: E402
from newsweave.model import Analysis, BatchResult, Hints, RawDoc  # noqa: E402
from newsweave.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "bench/results/link-cost.json"
BATCH = 250
SEED = 7


def synthetic(
    material: list[tuple[str, ...]], rng: random.Random, n: int, start: int
) -> list[RawDoc]:
    base = dt.date(2020, 1, 1)
    docs = []
    for i in range(start, start + n):
        parts = []
        for source in rng.sample(material, 3):
            length = rng.randint(4, 8)
            at = rng.randrange(0, max(1, len(source) - length))
            parts.extend(source[at : at + length])
        day = base + dt.timedelta(days=rng.randrange(5 * 365))
        docs.append(
            RawDoc(
                f"synthetic/{i}.txt",
                "\n".join(parts) + f"\n(Item {i}.)",
                "text",
                hints=Hints(published=day.isoformat()),
            )
        )
    return docs


def fill(store: Store, docs: list[RawDoc]) -> None:
    for i in range(0, len(docs), BATCH):
        articles = list({a.id: a for a in (clean(d) for d in docs[i : i + BATCH])}.values())
        articles = [a for a in articles if not store.has_article(a.id)]
        analyses = [Analysis(a.id) for a in articles]
        links = link_batch(articles, analyses, store)
        store.commit(
            BatchResult(
                items=tuple((a, a.id) for a in articles),
                new_ids=frozenset(a.id for a in articles),
                analyses=tuple(analyses),
                links=links,
            )
        )


def probe(store: Store, docs: list[RawDoc]) -> dict:
    articles = [clean(d) for d in docs]
    analyses = [Analysis(a.id) for a in articles]
    started = time.perf_counter()
    for article, analysis in zip(articles, analyses):  # one at a time, as a small batch would
        link_batch([article], [analysis], store)
    seconds = time.perf_counter() - started
    return {"ms_per_article": round(1000 * seconds / len(articles), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--probe", type=int, default=100)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rng = random.Random(SEED)
    material = [text.sentences for text in real_texts()]
    probes = synthetic(material, random.Random(SEED + 1), args.probe, 10_000_000)
    rows, filled, started = [], 0, time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(str(Path(folder) / "cost.db"))
        for size in sizes:
            t0 = time.perf_counter()
            fill(store, synthetic(material, rng, size - filled, filled))
            filled = size
            row = {
                "stored": store.count(),
                "fill_seconds": round(time.perf_counter() - t0, 1),
                **probe(store, probes),
            }
            rows.append(row)
            print(json.dumps(row), flush=True)
        store.close()
    first = rows[0]["ms_per_article"]
    for row in rows:
        row["ratio_to_smallest"] = round(row["ms_per_article"] / first, 3)
        row["scan_ratio"] = round(row["stored"] / rows[0]["stored"], 1)
    result = {
        "set": "link-cost",
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "probe_articles": args.probe,
        "material_texts": len(material),
        "sizes": rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
