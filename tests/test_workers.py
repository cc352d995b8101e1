"""Cleaning and analysis on other processes (``--workers``, ``--executor dask``):
the store ends identical to a one-process run of the same input, row for row
in every table (times of storing apart)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave import executors, pipeline
from newsweave.config import Config
from newsweave.errors import ConfigError
from newsweave.pipeline import run
from newsweave.store import Store
from samples import dump

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def corpus(tmp_path):
    """examples/corpus (11 items in 9 files, some copies of others) and the
    five seeds: real scraped articles, two of them rewrites."""
    if not SEEDS.is_dir():
        pytest.fail(f"the seed articles are missing: {SEEDS}")
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "examples" / "corpus", folder / "examples")
    shutil.copytree(SEEDS, folder / "seeds")
    return str(folder)


def analysed(tmp_path, name: str, corpus: str, **settings) -> tuple[Store, object]:
    store = Store(str(tmp_path / f"{name}.db"))
    config = Config(db=store.db, reference_date="2024-06-01", batch_size=5, **settings)
    return store, run([corpus], store, config)


@pytest.mark.model
def test_two_worker_processes_store_what_one_process_stores(tmp_path, corpus, monkeypatch):
    # Chunks of 3 items: the 16 items make 6 tasks, shared out over 2 processes
    # and committed in batches of 5 that straddle the chunks.
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    monkeypatch.setattr(executors, "TASKS_PER_WORKER", 2)  # workers replaced mid-run
    one, one_summary = analysed(tmp_path, "one", corpus, workers=1)
    started = []
    real_start = executors.start
    monkeypatch.setattr(
        executors, "start", lambda *a: started.append(a) or real_start(*a), raising=True
    )
    two, two_summary = analysed(tmp_path, "two", corpus, workers=2)
    assert started == [("processes", 2, None)]
    assert one_summary == two_summary
    assert one_summary.stored >= 12 and one_summary.derivations >= 1
    first, second = dump(one), dump(two)
    assert first == second
    assert len(first["mentions"]) > 100 and len(first["events"]) > 5


@pytest.mark.model
def test_dask_local_cluster_of_two_stores_what_one_process_stores(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK", 4)
    one, one_summary = analysed(tmp_path, "one", corpus, workers=1)
    dask, dask_summary = analysed(tmp_path, "dask", corpus, workers=2, executor="dask")
    assert one_summary == dask_summary
    assert dump(one) == dump(dask)


def test_a_small_input_starts_no_workers(tmp_path, monkeypatch):
    """One chunk of work is done here: no pool is started for a few files."""
    monkeypatch.setattr(executors, "start", lambda *a: pytest.fail("started workers"))
    (tmp_path / "a.txt").write_text("The bridge reopened on Monday, the council said.\n")
    store = Store(str(tmp_path / "s.db"))
    summary = run([str(tmp_path / "a.txt")], store, Config(db=store.db, workers=4))
    assert summary.stored == 1


def test_ordered_keeps_input_order_with_few_in_flight():
    """Results come back in input order; no more than ``ahead`` tasks per
    worker are submitted before the first result is taken."""
    submitted = []

    class Slow:
        workers = 2

        def submit(self, fn, *args):
            submitted.append(args[0])
            return executors._Done(fn(*args))

        def close(self):
            submitted.append("closed")

    taken = []
    for task, result in executors.ordered(range(10), lambda x: x * x, Slow, ahead=2):
        taken.append((task, result))
        if task == 0:
            assert submitted == [0, 1, 2, 3]  # a window of 2 x 2 workers
    assert taken == [(i, i * i) for i in range(10)]
    assert submitted[-1] == "closed"


def test_scheduler_without_dask_is_refused():
    from newsweave.config import load_config

    with pytest.raises(ConfigError, match="--executor dask"):
        load_config(env={}, scheduler="tcp://127.0.0.1:8786")


def test_unknown_executor_is_refused():
    from newsweave.config import load_config

    with pytest.raises(ConfigError, match="executor"):
        load_config(env={}, executor="threads")


@pytest.mark.model
def test_the_main_process_of_a_run_with_workers_loads_no_parser(tmp_path, corpus):
    """With workers, cleaning and parsing happen there: the main process, which
    links and stores, never imports spaCy, trafilatura or scikit-learn (about
    120 MB of its memory), and its allocator returns freed memory."""
    import subprocess
    import sys

    script = (
        "import sys; from newsweave.cli import app\n"
        "try: app(sys.argv[1:])\n"
        "except SystemExit as e: assert not e.code, e.code\n"
        "heavy = sorted({'spacy', 'trafilatura', 'sklearn', 'thinc'} & set(sys.modules))\n"
        "print('heavy:', ','.join(heavy) or '-')\n"
        "from newsweave import executors; print('trim:', executors.return_freed_memory())\n"
    )
    again = shutil.copytree(corpus, tmp_path / "again")  # 32 items: two chunks, so workers
    db = tmp_path / "main.db"
    found = subprocess.run(
        [sys.executable, "-c", script, "analyze", corpus, str(again), "--db", str(db)]
        + ["--workers", "2"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "heavy: -\n" in found
    assert "trim: True" in found
    assert Store(str(db)).count() >= 12
