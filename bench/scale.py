"""Scale: the whole run against the parser alone, per-stage shares, workers and
Dask speed-ups, and peak memory as the corpus grows.

    python bench/scale.py speed   [--corpus FILE] [--workers N] [--repeat R]
    python bench/scale.py stages  [--corpus FILE]
    python bench/scale.py workers [--corpus FILE] [--repeat R]
    python bench/scale.py memory  [--sizes 1000,10000,100000] [--workers N]

Every figure is a ratio of two runs made side by side in this one command, on
the same texts; each run is a whole process, the model load included, and a
run's time is the best of ``--repeat``. The texts are the gold article bodies
of extraction-html (92 articles, 73k words; timing only) unless ``--corpus``
names a JSONL file (``bench/corpus.py`` makes them from real texts).

- ``speed``: ``newsweave analyze --workers N`` (read, clean, analyse, link,
  store) against bare spaCy ``nlp.pipe(n_process=N)`` of the model without
  newsweave's components; N is every core unless given. The target is 0.9.
- ``stages``: one process, ``--workers 1``: the share of the run's time in
  each stage, timed around the functions ``analyze`` calls.
- ``workers``: ``--workers 2`` against ``--workers 1``, and ``--executor dask``
  on a local cluster of 2 workers against 1.
- ``memory``: peak resident memory of the run's process tree (the main process
  and its workers, summed, sampled every 0.1 s) at each size of a generated
  corpus, fed one corpus after the other into one store; the target is under
  1.5 GB and flat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "../shared/bench"
RESULTS = ROOT / "bench/results"
PYTHON = sys.executable

BARE = """
import json, sys, spacy
from newsweave.config import Config
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(Config().model)
for _ in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])):
    pass
"""

ANALYZE = "from newsweave.cli import app; app()"


def default_corpus(folder: Path) -> Path:
    """extraction-html's gold bodies as a JSONL corpus of plain texts."""
    path = folder / "extraction-html.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in (BENCH / "extraction-html/gold.jsonl").read_text("utf-8").splitlines():
            out.write(json.dumps({"text": json.loads(line)["articleBody"]}) + "\n")
    return path


def _tree_rss(pid: int) -> dict[int, int]:
    """Resident bytes of ``pid`` and of each of its descendants."""
    found, stack = {}, [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[current] = int(line.split()[1]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return found


def timed(command: list[str], env: dict | None = None) -> dict:
    """Seconds of one whole process, and the peaks of its tree's resident
    memory: summed over the tree, of the main process alone, and of the
    largest other process (a worker)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = {"tree": 0, "main": 0, "worker": 0}

    def sample() -> None:
        while process.poll() is None:
            found = _tree_rss(process.pid)
            peak["tree"] = max(peak["tree"], sum(found.values()))
            peak["main"] = max(peak["main"], found.get(process.pid, 0))
            others = [v for k, v in found.items() if k != process.pid]
            peak["worker"] = max(peak["worker"], max(others, default=0))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{command[:4]} failed:\n{err.decode()[-2000:]}")
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak["tree"] / 2**20),
        "peak_rss_main_mb": round(peak["main"] / 2**20),
        "peak_rss_largest_worker_mb": round(peak["worker"] / 2**20),
        "out": out,
    }


def analyze(corpus: Path, db: Path, *extra: str) -> dict:
    db.unlink(missing_ok=True)
    command = [PYTHON, "-c", ANALYZE, "analyze", str(corpus), "--db", str(db), *extra]
    found = timed(command, env={"COLUMNS": "200"})
    found["summary"] = found.pop("out").decode().strip().splitlines()[0]
    return found


def bare(corpus: Path, processes: int) -> dict:
    found = timed([PYTHON, "-c", BARE, str(corpus), str(processes)])
    found.pop("out")
    return found


def best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["seconds"])


def speed(corpus: Path, folder: Path, workers: int, repeat: int) -> dict:
    runs = {"bare": [], "newsweave": []}
    for _ in range(repeat):  # alternate, so a busy spell hits both
        runs["bare"].append(bare(corpus, workers))
        runs["newsweave"].append(analyze(corpus, folder / "speed.db", "--workers", str(workers)))
    found = {k: best(v) for k, v in runs.items()}
    return {
        "workers": workers,
        "bare_nlp_pipe": found["bare"],
        "newsweave_analyze": found["newsweave"],
        "ratio": round(found["bare"]["seconds"] / found["newsweave"]["seconds"], 3),
        "rss_ratio": round(
            found["newsweave"]["peak_rss_mb"] / max(1, found["bare"]["peak_rss_mb"]), 3
        ),
    }


def workers_ratio(corpus: Path, folder: Path, repeat: int) -> dict:
    db = folder / "workers.db"
    settings = {
        "processes_1": ["--workers", "1"],
        "processes_2": ["--workers", "2"],
        "dask_1": ["--workers", "1", "--executor", "dask"],
        "dask_2": ["--workers", "2", "--executor", "dask"],
    }
    runs: dict[str, list[dict]] = {k: [] for k in settings}
    for _ in range(repeat):
        for name, extra in settings.items():
            runs[name].append(analyze(corpus, db, *extra))
    found = {k: best(v) for k, v in runs.items()}

    def ratio(slow: str, fast: str) -> float:
        return round(found[slow]["seconds"] / found[fast]["seconds"], 3)

    return {
        **found,
        "speedup_processes_2_over_1": ratio("processes_1", "processes_2"),
        "speedup_dask_2_over_1": ratio("dask_1", "dask_2"),
        "dask_2_against_processes_2": ratio("processes_2", "dask_2"),
    }


def stages(corpus: Path, folder: Path) -> dict:
    """Time inside each stage function of a one-process run, by wrapping them."""
    from newsweave import pipeline, prepare
    from newsweave.analyse import run as analysis
    from newsweave.config import Config
    from newsweave.store import Store

    from newsweave.analyse.nlp import load
    from stage_timer import timing  # bench/stage_timer.py

    started = time.perf_counter()
    load(Config().model)
    loaded = time.perf_counter() - started
    store = Store(str(folder / "stages.db"))
    with timing(
        (prepare, "clean_one", "clean"),
        (prepare, "analyse_local_all", "parse+analyse"),
        (analysis, "analyse_local", "analyse (after the parse)"),
        (pipeline, "canonicalise_all", "entities across articles"),
        (pipeline, "_link", "link"),
        (pipeline.Store, "commit", "store"),
    ) as spent:
        t0 = time.perf_counter()
        summary = pipeline.run([str(corpus)], store, Config(db=store.db, workers=1))
        total = time.perf_counter() - t0 + loaded
    spent["model load"] = loaded
    spent["parse (spaCy and the mention components)"] = spent.pop("parse+analyse") - spent.get(
        "analyse (after the parse)", 0.0
    )
    spent["read, hashing and the rest"] = total - sum(spent.values())
    return {
        "seconds": round(total, 2),
        "stored": summary.stored,
        "shares": {k: round(v / total, 3) for k, v in sorted(spent.items(), key=lambda x: -x[1])},
    }


def memory(sizes: list[int], folder: Path, workers: int) -> dict:
    from corpus import generate  # bench/corpus.py

    rows, made = [], 0
    db = folder / "memory.db"
    db.unlink(missing_ok=True)
    for size in sorted(sizes):
        path = folder / f"corpus-{size}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in generate(size - made, seed=size):
                out.write(json.dumps(record) + "\n")
        command = [PYTHON, "-c", ANALYZE, "analyze", str(path), "--db", str(db)]
        found = timed([*command, "--workers", str(workers)], env={"COLUMNS": "200"})
        made = size
        rows.append(
            {
                "articles_in_store_after": size,
                "articles_this_run": size - (rows[-1]["articles_in_store_after"] if rows else 0),
                "seconds": found["seconds"],
                "peak_rss_mb": found["peak_rss_mb"],
                "peak_rss_main_mb": found["peak_rss_main_mb"],
                "peak_rss_largest_worker_mb": found["peak_rss_largest_worker_mb"],
                "summary": found["out"].decode().strip().splitlines()[0],
            }
        )
        path.unlink()
        print(json.dumps(rows[-1]), file=sys.stderr)
    return {"workers": workers, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("speed", "stages", "workers", "memory"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = args.corpus or default_corpus(folder)
        if args.what == "speed":
            found = speed(corpus, folder, args.workers, args.repeat)
        elif args.what == "stages":
            found = stages(corpus, folder)
        elif args.what == "workers":
            found = workers_ratio(corpus, folder, args.repeat)
        else:
            found = memory([int(s) for s in args.sizes.split(",")], folder, args.workers)
    result = {
        "benchmark": f"scale-{args.what}",
        "date": dt.date.today().isoformat(),
        "corpus": "bench/corpus.py, seed = size"
        if args.what == "memory"
        else str(args.corpus)
        if args.corpus
        else "extraction-html gold bodies (92)",
        "cores": len(os.sched_getaffinity(0)),
        **found,
    }
    out = args.out or RESULTS / f"scale-{args.what}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
