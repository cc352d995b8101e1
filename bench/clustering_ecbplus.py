"""Score streaming story clustering on clustering-ecbplus (ECB+ dev).

    python bench/clustering_ecbplus.py [DATA_DIR] [--out FILE] [--half tune|check|all] [--sweep]

The headline figures come from the product itself: every document is
written to a text file and the selection is read by ``newsweave analyze``
(``api.analyze``, in the file's order: topic by topic, the ECB part first)
into a fresh store, whose stories are scored. Linking there compares each
article only with its candidates (``candidates`` keys). ``clusterer``
repeats the run with the clustering alone in memory, every story a
candidate: ``clean`` (as plain text), ``analyse`` with one ``EntityIndex``,
``stories.profiles`` and one ``stories.Clusterer``. No number of clusters is given and the
topic is not used. Metrics are the README's, against the gold ``subtopic``:
B-cubed P/R/F1, V-measure and ARI over the whole selection, the mean of
per-topic B-cubed F1 (the same run, restricted to one topic), and the number
of clusters against gold. ``per_topic_run`` repeats the run with a fresh
clusterer per topic (the README's easier setting). The split unit of
``--half`` is the topic. ``--sweep`` grid-searches the mix and thresholds on
the selection and prints the best, for tuning.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import hashlib
import tempfile
import itertools
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import add_argument, select  # noqa: E402

from sklearn import metrics  # noqa: E402

from newsweave import api  # noqa: E402
from newsweave.analyse import EntityIndex, analyse  # noqa: E402
from newsweave.config import Config  # noqa: E402
from newsweave.clean import clean  # noqa: E402
from newsweave.link import stories  # noqa: E402
from newsweave.model import RawDoc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/clustering-ecbplus"
DEFAULT_OUT = ROOT / "bench/results/clustering-ecbplus.json"
FILE = "dev.jsonl.gz"


def read(folder: Path) -> list[dict]:
    return [json.loads(line) for line in gzip.open(folder / FILE, "rt", encoding="utf-8")]


def profile_docs(docs: list[dict]) -> list[stories.Profile]:
    """Clean, analyse and profile the documents, as ``analyze`` would."""
    articles = [clean(RawDoc(doc["id"], doc["text"], "text")) for doc in docs]
    analyses, _ = analyse(articles, EntityIndex())
    return stories.profiles(articles, analyses)


def b_cubed(gold: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998)."""
    in_gold, in_pred, both = Counter(gold), Counter(predicted), Counter(zip(gold, predicted))
    n = len(gold)
    precision = sum(both[g, p] / in_pred[p] for g, p in zip(gold, predicted)) / n
    recall = sum(both[g, p] / in_gold[g] for g, p in zip(gold, predicted)) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def scores(docs: list[dict], predicted: list[str]) -> dict:
    gold = [doc["subtopic"] for doc in docs]
    precision, recall, f1 = b_cubed(gold, predicted)
    by_topic = defaultdict(list)
    for doc, label in zip(docs, predicted):
        by_topic[doc["topic"]].append((doc["subtopic"], label))
    per_topic = {t: round(b_cubed(*map(list, zip(*pairs)))[2], 4) for t, pairs in by_topic.items()}
    return {
        "b3_f1": round(f1, 4),
        "b3_p": round(precision, 4),
        "b3_r": round(recall, 4),
        "v_measure": round(metrics.v_measure_score(gold, predicted), 4),
        "ari": round(metrics.adjusted_rand_score(gold, predicted), 4),
        "per_topic_b3_f1_mean": round(sum(per_topic.values()) / len(per_topic), 4),
        "per_topic_b3_f1": per_topic,
        "clusters": len(set(predicted)),
        "gold_clusters": len(set(gold)),
        "docs": len(docs),
    }


def run(
    docs: list[dict], profiles: list[stories.Profile], *, per_topic: bool = False, **options
) -> tuple[list[str], int]:
    """Story id of each document in one streaming run (one per topic when
    ``per_topic``), and the number of story merges made."""
    clusterers: dict[str, stories.Clusterer] = {}
    for doc, found in zip(docs, profiles):
        key = doc["topic"] if per_topic else ""
        clusterers.setdefault(key, stories.Clusterer(**options)).add(doc["id"], found)
    members = {a: s for c in clusterers.values() for a, s in c.members.items()}
    return [members[doc["id"]] for doc in docs], sum(len(c.merges) for c in clusterers.values())


def sweep(docs: list[dict], profiles: list[stories.Profile]) -> dict:
    """The grid point with the best whole-selection B-cubed F1."""
    best = None
    for vector, entities, join, merge_at in itertools.product(
        (0.0, 0.2, 0.3, 0.4),
        (0.0, 0.2, 0.3, 0.4, 0.5),
        [x / 40 for x in range(4, 25)],
        (None, 0.4, 0.5, 0.6),
    ):
        terms = 1 - vector - entities
        if terms < 0:
            continue
        mix = dataclasses.replace(stories.MIX, vector=vector, terms=terms, entities=entities)
        predicted, _ = run(docs, profiles, join=join, merge_at=merge_at, mix=mix)
        f1 = b_cubed([d["subtopic"] for d in docs], predicted)[2]
        if best is None or f1 > best[0] + 1e-9:
            best = (
                f1,
                dict(
                    vector=vector,
                    terms=round(terms, 3),
                    entities=entities,
                    join=join,
                    merge_at=merge_at,
                ),
            )
    return {"b3_f1": round(best[0], 4), "params": best[1]}


def product_run(docs: list[dict]) -> list[str]:
    """Story id of each document as ``newsweave analyze`` stores it."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for doc in docs:
            path = Path(folder) / f"{doc['id']}.txt"
            path.write_text(doc["text"], encoding="utf-8")
            paths.append(str(path))
        store = api.open_store(Config(db=str(Path(folder) / "store.db")))
        api.analyze(store, paths, Config(db=store.db))
        by_source = {store.get(m.article_id).source: m.story_id for m in store.story_members()}
        store.close()
    return [by_source.get(path, f"unstored:{path}") for path in paths]


def data_sha256(folder: Path) -> str:
    return hashlib.sha256((folder / FILE).read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--sweep", action="store_true", help="grid-search the mix on the selection")
    add_argument(parser)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = select(read(args.data), args.half, key=lambda d: d["topic"])
    product = product_run(docs)
    profiles = profile_docs(docs)
    predicted, merges = run(docs, profiles)
    per_topic, _ = run(docs, profiles, per_topic=True)
    result = {
        "set": "clustering-ecbplus",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "data_sha256": data_sha256(args.data),
        "runner": "newsweave analyze (api.analyze) into a fresh store",
        "rule": stories.RULE,
        "params": {"join": stories.JOIN, "merge": stories.MERGE, "mix": stories.MIX.__dict__},
        **scores(docs, product),
        "clusterer": {
            **{k: v for k, v in scores(docs, predicted).items() if k != "per_topic_b3_f1"},
            "merges": merges,
        },
        "per_topic_run": {
            k: v
            for k, v in scores(docs, per_topic).items()
            if k in ("b3_f1", "b3_p", "b3_r", "clusters")
        },
    }
    if args.sweep:
        result["sweep"] = sweep(docs, profiles)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps({k: v for k, v in result.items() if k != "per_topic_b3_f1"}, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
