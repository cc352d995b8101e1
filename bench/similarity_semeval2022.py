"""Score story similarity on similarity-semeval2022 (SemEval-2022 Task 8, dev substitute).

    python bench/similarity_semeval2022.py [DATA_DIR] [--out FILE] [--half tune|check|all]

Each article of the selected pairs goes through what ``analyze`` runs:
``clean`` (title and text as one plain text; the title, URL and language as
container hints, as a JSON record would give them), ``analyse`` with one
``EntityIndex`` for the selection, then ``stories.profiles``. A pair's score
is ``stories.similarity`` of its two profiles, the function the clusterer
joins by. The gold ``overall`` runs from 1 (the same story) to 4 (unrelated),
so the figures are Pearson's r between ``-similarity`` and gold: over all
pairs (``pearson_all``), English pairs (``pearson_en``) and per language.
``channels`` gives r for each channel alone on English pairs, to show what
each adds. The split unit of ``--half`` is the pair id.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import add_argument, select  # noqa: E402

from scipy.stats import pearsonr  # noqa: E402

from newsweave.analyse import EntityIndex, analyse  # noqa: E402
from newsweave.clean import clean  # noqa: E402
from newsweave.link import stories  # noqa: E402
from newsweave.model import Hints, RawDoc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/similarity-semeval2022"
DEFAULT_OUT = ROOT / "bench/results/similarity-semeval2022.json"
FILE = "pairs.jsonl.gz"


def read(folder: Path) -> list[dict]:
    return [json.loads(line) for line in gzip.open(folder / FILE, "rt", encoding="utf-8")]


def raw_docs(pairs: list[dict]) -> dict[str, RawDoc]:
    """One ``RawDoc`` per article id: the title on its own line above the
    text (unless the text starts with it), with the record's hints."""
    docs = {}
    for pair in pairs:
        for side, article_id in zip("12", pair["pair_id"].split("_")):
            title, text = pair["title" + side], pair["text" + side]
            content = text if not title or text.startswith(title) else f"{title}\n\n{text}"
            hints = Hints(title=title or None, url=pair["url" + side], language=pair["lang" + side])
            docs[article_id] = RawDoc(article_id, content, "text", hints=hints)
    return docs


def profile_docs(docs: dict[str, RawDoc]) -> dict[str, stories.Profile]:
    """Clean, analyse and profile the articles, as ``analyze`` would."""
    ids = sorted(docs)
    articles = [clean(docs[i]) for i in ids]
    analyses, _ = analyse(articles, EntityIndex())
    return dict(zip(ids, stories.profiles(articles, analyses)))


def pearson(rows: list[tuple[float, float]]) -> float | None:
    """r between ``-score`` and gold (1 = most similar), None under 3 rows."""
    if len(rows) < 3:
        return None
    gold, score = zip(*rows)
    return round(float(pearsonr(gold, [-s for s in score])[0]), 4)


def channel_scores(a: stories.Profile, b: stories.Profile) -> dict[str, float]:
    mix = stories.MIX
    return {
        "vector": stories.vector_cosine(a.vector, b.vector, mix.floor),
        "terms": stories.cosine(a.terms, b.terms),
        "entities": stories.cosine(a.entities, b.entities),
    }


def evaluate(pairs: list[dict], profiles: dict[str, stories.Profile]) -> dict:
    by_language: dict[str, list] = defaultdict(list)
    channels: dict[str, list] = defaultdict(list)
    for pair in pairs:
        a, b = (profiles[i] for i in pair["pair_id"].split("_"))
        language = (
            pair["lang1"]
            if pair["lang1"] == pair["lang2"]
            else "-".join((pair["lang1"], pair["lang2"]))
        )
        by_language[language].append((pair["overall"], stories.similarity(a, b)))
        if language == "en":
            for name, value in channel_scores(a, b).items():
                channels[name].append((pair["overall"], value))
    every = [row for rows in by_language.values() for row in rows]
    return {
        "pearson_all": pearson(every),
        "pearson_en": pearson(by_language.get("en", [])),
        "per_language": {
            k: {"pearson": pearson(v), "pairs": len(v)} for k, v in sorted(by_language.items())
        },
        "channels_en": {k: pearson(v) for k, v in channels.items()},
        "pairs": len(every),
        "articles": len(profiles),
    }


def data_sha256(folder: Path) -> str:
    return hashlib.sha256((folder / FILE).read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    add_argument(parser)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs = select(read(args.data), args.half, key=lambda p: p["pair_id"])
    profiles = profile_docs(raw_docs(pairs))
    result = {
        "set": "similarity-semeval2022",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "data_sha256": data_sha256(args.data),
        "runner": "newsweave.link.stories (profiles, similarity)",
        "rule": stories.RULE,
        "params": {"mix": stories.MIX.__dict__},
        **evaluate(pairs, profiles),
    }
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
