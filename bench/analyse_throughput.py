"""Throughput of the analysis stage against its ceiling, bare spaCy ``nlp.pipe``.

    python bench/analyse_throughput.py [DATA_DIR] [--repeat N] [--out FILE]

The texts are the gold article bodies of extraction-html (92 news and blog
articles, about 800 words each): real article text, used for timing only. In
one process and one run: bare ``nlp.pipe`` over the texts (the ceiling the
architecture names), then ``newsweave.analyse.analyse`` (the same call
``newsweave analyze`` makes per batch: parse, names, time expressions, quotes,
events). The figure is articles per second and the ratio of the two; the
machine is shared, so each is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from newsweave.analyse import EntityIndex, analyse
from newsweave.analyse.nlp import load, spacy_model
from newsweave.model import Article, Metadata, OffsetMap, article_id

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/extraction-html"
DEFAULT_OUT = ROOT / "bench/results/analyse-throughput.json"
BATCH = 64


def articles(data: Path) -> list[Article]:
    texts = [
        json.loads(line)["articleBody"]
        for line in (data / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    return [
        Article(
            id=article_id(t),
            source=f"bench#{i}",
            kind="text",
            raw_text=t,
            text=t,
            offsets=OffsetMap(),
            removed=(),
            meta=Metadata(),
        )
        for i, t in enumerate(texts, 1)
    ]


def best_time(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    batch = articles(args.data)
    load()("warm up")  # the product's pipeline, built once as `analyse` finds it
    nlp = spacy_model()  # the ceiling: the model alone, without the mention components
    nlp("warm up")
    bare = best_time(lambda: list(nlp.pipe((a.text for a in batch), batch_size=BATCH)), args.repeat)
    # A fresh entity index per run, as one `newsweave analyze` into an empty store.
    ours = best_time(lambda: analyse(batch, EntityIndex(), batch_size=BATCH), args.repeat)
    words = sum(len(a.text.split()) for a in batch)
    result = {
        "benchmark": "analyse-throughput",
        "date": dt.date.today().isoformat(),
        "command": "python bench/analyse_throughput.py",
        "articles": len(batch),
        "words": words,
        "batch_size": BATCH,
        "bare_nlp_pipe": {"seconds": round(bare, 2), "articles_per_s": round(len(batch) / bare, 2)},
        "analyse": {"seconds": round(ours, 2), "articles_per_s": round(len(batch) / ours, 2)},
        "ratio_analyse_over_ceiling": round(bare / ours, 3),
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
