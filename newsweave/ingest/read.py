"""Reading files, folders and stdin: the reader chosen per file, gzip unwrapped, a ``Skipped`` record for what cannot be read."""

from __future__ import annotations

import gzip
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import DATA_ERRORS, InputError
from ..model import Hints, RawDoc, Skipped
from .detect import detect
from .documents import read_html, read_text
from .feeds import read_feed
from .records import WIDE_BOMS, read_json, read_jsonl, read_jsonl_stream
from .warc import read_warc

Reader = Callable[[str, bytes, Hints], Iterable["RawDoc | Skipped"]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}
STDIN = "-"


def read_bytes(
    source: str, data: bytes, hints: Hints = Hints(), *, name: str | None = None
) -> Iterator[RawDoc | Skipped]:
    """Items in one file's bytes; ``name`` (default ``source``) guides detection."""
    name = name or source
    kind = detect(name, data)
    if kind == "gzip":
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield Skipped(source, f"broken gzip data: {exc}")
            return
        inner_name = name[:-3] if name.lower().endswith(".gz") else name.rsplit(".", 1)[0]
        yield from read_bytes(source, inner, hints, name=inner_name)
        return
    if kind is None:
        yield Skipped(
            source,
            "binary data in no supported format "
            "(text, HTML, JSON, JSON lines, WARC, RSS/Atom, gzip)",
        )
        return
    try:
        yield from READERS[kind](source, data, hints)
    except InputError as exc:
        yield Skipped(source, exc.reason)
    except (OSError, *DATA_ERRORS) as exc:
        yield Skipped(source, f"cannot read as {kind}: {exc.__class__.__name__}: {exc}")


def iter_files(paths: Iterable[str]) -> Iterator[Path | str | Skipped]:
    """Expand folders recursively (sorted, hidden entries left out); ``-`` is stdin."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden:
                    yield child
        elif path.is_file():
            yield path
        else:
            yield Skipped(raw, "no such file or folder")


def read_paths(
    paths: Iterable[str], hints: Hints = Hints(), *, max_bytes: int = 50_000_000
) -> Iterator[RawDoc | Skipped]:
    """Every item in the given files, folders and stdin, in order. A file is
    read whole, up to ``max_bytes``; a JSON-lines file (plain or gzipped) is
    read one line at a time, at any size, each line up to ``max_bytes``."""
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        if item == STDIN:
            yield from read_bytes("<stdin>", sys.stdin.buffer.read(), hints, name="stdin")
            continue
        try:
            streamed = _jsonl_stream(item)
            if streamed is not None:
                yield from _streamed(str(item), streamed, hints, max_bytes)
                continue
            size = item.stat().st_size
            if size > max_bytes:
                yield Skipped(str(item), f"{size} bytes is over the limit of {max_bytes}")
                continue
            data = item.read_bytes()
        except OSError as exc:
            yield Skipped(str(item), f"cannot read: {exc.strerror or exc}")
            continue
        yield from read_bytes(str(item), data, hints)


def _streamed(
    source: str, stream: BinaryIO, hints: Hints, max_line: int
) -> Iterator[RawDoc | Skipped]:
    """A JSON-lines file's records; if its gzip data breaks off, the records
    before the break are kept and the break is reported."""
    with stream:
        try:
            yield from read_jsonl_stream(source, stream, hints, max_line=max_line)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Skipped(source, f"broken gzip data after the records above: {exc}")


HEAD = 1 << 20  # what detection reads of a file before deciding how to read the rest


def _jsonl_stream(path: Path) -> BinaryIO | None:
    """The file opened for reading line by line if it holds JSON lines (also
    inside gzip); None for a file to read whole."""
    with path.open("rb") as file:
        head = file.read(HEAD)
    opener: Callable[[Path], BinaryIO] = Path.open
    name = str(path)
    if detect(name, head) == "gzip":
        name = name[:-3] if name.lower().endswith(".gz") else name.rsplit(".", 1)[0]
        try:
            with gzip.open(path, "rb") as file:
                head = file.read(HEAD)
        except (OSError, EOFError, zlib.error):  # read_bytes reports broken gzip data
            return None
        opener = gzip.open  # type: ignore[assignment]
    if detect(name, head) != "jsonl" or head.startswith(WIDE_BOMS):
        return None
    return opener(path, "rb")
