"""Plain text and HTML files: one item each."""

from __future__ import annotations

from typing import Iterator

from ..model import Hints, RawDoc
from .encoding import decode


def read_text(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc]:
    text, _ = decode(data)
    yield RawDoc(source=source, content=text, kind="text", hints=hints)


def read_html(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc]:
    text, _ = decode(data)
    yield RawDoc(source=source, content=text, kind="html", hints=hints)
