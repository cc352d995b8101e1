"""Where the per-article stages run: in this process, in worker processes, or
on a Dask cluster.

An executor has one job: ``submit(fn, *args)`` returns something with a
``result()``. ``ordered`` feeds it tasks from a stream and yields their results
in input order, with a bounded number in flight, so memory does not grow with
the input. Every executor runs the same functions; only where they run differs.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

from .errors import ConfigError, NewsweaveError

T = TypeVar("T")
R = TypeVar("R")


class Future(Protocol):
    def result(self) -> Any: ...


class Executor(Protocol):
    workers: int

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future: ...

    def close(self) -> None: ...


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class Serial:
    """In this process, one task at a time: the executor of a small input."""

    workers = 1

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        return _Done(fn(*args))

    def close(self) -> None:
        pass


# glibc keeps memory freed at the top of its heap until more than
# M_TRIM_THRESHOLD bytes are free there, and it raises that threshold (from
# 128 KB up to 32 MB) each time a large block is freed. Parsing and linking
# batch after batch allocate and free tens of MB, so a process's resident
# memory climbs well above what it holds. Keeping the threshold at 128 KB, as
# Dask's nannies do for their workers (MALLOC_TRIM_THRESHOLD_), returned the
# memory: on 1,000 generated articles with two workers, the peak of the
# process tree went from 1,097 to 1,021 MB, with no clear change of speed
# (BENCHMARKS.md, "Peak memory as the corpus grows").
TRIM_THRESHOLD = 128 * 1024
_M_TRIM_THRESHOLD = -1  # glibc's malloc.h


def return_freed_memory() -> bool:
    """Have this process's allocator give freed memory back to the system
    (glibc on Linux; elsewhere nothing changes). True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD))


# A worker is replaced by a fresh one after this many tasks (64 chunks of 16
# articles): spaCy's string store grows with every new word a process meets, so
# a long-lived parser's memory creeps up with the corpus. A new worker costs one
# model load (about 2 s).
TASKS_PER_WORKER = 64


class Processes:
    """``workers`` processes on this machine, started with ``spawn`` (no store
    connection or thread is inherited); each loads the model once, on its first
    task, and keeps it."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            max_tasks_per_child=TASKS_PER_WORKER,
            initializer=return_freed_memory,
        )

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        return _Checked(self._pool.submit(fn, *args))

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class _Checked:
    """A process future whose pool died (a worker killed, out of memory) raises
    a ``NewsweaveError`` saying so, not a bare ``BrokenProcessPool``."""

    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> Any:
        try:
            return self.future.result()
        except BrokenProcessPool as exc:
            raise NewsweaveError(
                f"a worker process died ({exc}); nothing of the unfinished batch was "
                "stored. Run again with fewer --workers if memory is short"
            ) from None


class Dask:
    """Workers of a Dask (dask.distributed) cluster: the scheduler at
    ``scheduler``, or, with none, a local cluster of ``workers`` processes of
    one thread each. Each worker loads the model once and keeps it."""

    def __init__(self, workers: int, scheduler: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "--executor dask needs dask.distributed: pip install 'newsweave[dask]'"
            ) from None
        self._cluster = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                ) from None
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
            )
            self._client = Client(self._cluster)
        self.workers = (
            max(1, len(self._client.scheduler_info()["workers"])) if scheduler else workers
        )

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        return self._client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def start(kind: str, workers: int, scheduler: str | None = None) -> Executor:
    """The executor ``kind`` names, with ``workers`` workers (``load_config``
    has checked the names and that only Dask takes a scheduler)."""
    if kind == "dask":
        return Dask(workers, scheduler)
    return Processes(workers) if workers > 1 else Serial()


def ordered(
    tasks: Iterable[T],
    fn: Callable[[T], R],
    starter: Callable[[], Executor],
    *,
    ahead: int = 2,
) -> Iterator[tuple[T, R]]:
    """``(task, fn(task))`` for each of ``tasks``, in order. The executor is
    started (``starter``) only when a second task comes, so a small input runs
    here without starting workers; at most ``ahead`` tasks per worker are in
    flight."""
    stream = iter(tasks)
    first = next(stream, None)
    if first is None:
        return
    second = next(stream, None)
    if second is None:
        yield first, fn(first)
        return
    executor = starter()
    try:
        window = max(2, ahead * executor.workers)
        pending: deque[tuple[T, Future]] = deque()
        for task in _chain(first, second, stream):
            pending.append((task, executor.submit(fn, task)))
            if len(pending) >= window:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        executor.close()


def _chain(first: T, second: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield second
    yield from rest
