"""The deterministic tune / check split every scorer uses (DEVELOPERS.md).

A dev item belongs to ``tune`` or ``check`` by the first byte of the SHA-1 of
its group key (a site, a story or a document id): even -> tune, odd -> check.
Rules and thresholds are chosen on ``tune``; a rule stays only if it also helps
``check``; BENCHMARKS.md reports both halves.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path
from typing import Callable, Iterable, TypeVar
from urllib.parse import urlsplit

HALVES = ("tune", "check", "all")
T = TypeVar("T")


def half_of(key: str) -> str:
    """``tune`` or ``check`` for one group key, the same in every run."""
    return "tune" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def select(items: Iterable[T], half: str, key: Callable[[T], str]) -> list[T]:
    """The items of ``half`` (``all`` keeps every item)."""
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return [item for item in items if half == "all" or half_of(key(item)) == half]


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--half",
        choices=HALVES,
        default="all",
        help="score the tune half, the check half, or all of dev (default)",
    )


def site(url: str) -> str:
    """The group key of a web page: its host without ``www.`` and port ("bbc.co.uk")."""
    host = urlsplit(url.strip()).hostname or url.strip()
    return host.removeprefix("www.")


def select_pages(entries: list[dict], pages: list, half: str) -> tuple[list[dict], list]:
    """The entries of ``half`` and their pages, split by the site of each entry's ``url``."""
    chosen = select(range(len(entries)), half, key=lambda i: site(entries[i]["url"]))
    return [entries[i] for i in chosen], [pages[i] for i in chosen]


def out_path(default: Path, half: str) -> Path:
    """``results/NAME.json`` for all of dev, ``results/NAME.tune.json`` for a half."""
    return default if half == "all" else default.with_name(f"{default.stem}.{half}{default.suffix}")
