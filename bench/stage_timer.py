"""Time spent inside named functions during a run, by wrapping them in place."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def timing(*targets: tuple[object, str, str]) -> Iterator[dict[str, float]]:
    """Within the block, ``(owner, attribute, step)`` functions add their
    seconds to ``spent[step]``; on leaving, the originals are put back."""
    spent: dict[str, float] = {}
    originals = []
    for owner, name, step in targets:
        inner = getattr(owner, name)
        originals.append((owner, name, inner))

        def call(*args, _inner=inner, _step=step, **kwargs):
            started = time.perf_counter()
            try:
                return _inner(*args, **kwargs)
            finally:
                spent[_step] = spent.get(_step, 0.0) + time.perf_counter() - started

        setattr(owner, name, call)
    try:
        yield spent
    finally:
        for owner, name, inner in originals:
            setattr(owner, name, inner)
