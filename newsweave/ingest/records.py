"""JSON and JSON lines: each record an article, with its fields as hints.

A JSON file holds one record, a list of records, or an object with an
``articles`` list (newsweave's own export reads back in).
"""

from __future__ import annotations

import codecs
import io
import json
from typing import Any, BinaryIO, Iterator

from ..errors import InputError
from ..model import Hints, RawDoc, Skipped
from .encoding import decode

TEXT_FIELDS = ("text", "content", "body", "article", "articleBody", "maintext")
HTML_FIELDS = ("html", "raw_html", "content_html")
HINT_FIELDS = {
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "published": (
        "published",
        "date",
        "datePublished",
        "published_at",
        "pubdate",
        "date_publish",
        "publish_date",
    ),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "source_domain"),
    "author": ("author", "byline", "authors"),
    "language": ("language", "lang"),
}


def _first_string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, (str, int)))
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None


def _keys(record: dict[str, Any], name: str) -> tuple[str, ...]:
    """Field names to read a hint from. A newsweave export record (it has
    ``published_source``) is read by its own names alone, so its ``source``, a
    file path, is never taken for the outlet."""
    return (name,) if "published_source" in record else HINT_FIELDS[name]


def record_to_doc(source: str, number: int, record: Any, defaults: Hints) -> RawDoc | Skipped:
    locator = f"{source}#{number}"
    if not isinstance(record, dict):
        return Skipped(locator, f"record {number} is a JSON {type(record).__name__}, not an object")
    fields = {name: _first_string(record, _keys(record, name)) for name in HINT_FIELDS}
    hints = Hints(**{k: v or getattr(defaults, k) for k, v in fields.items()})
    html = _first_string(record, HTML_FIELDS)
    text = _first_string(record, TEXT_FIELDS)
    if text is None and html is None:
        wanted = ", ".join(TEXT_FIELDS + HTML_FIELDS)
        return Skipped(locator, f"record {number} has no text; expected one of: {wanted}")
    kind, content = ("html", html) if html and not text else ("text", text)
    return RawDoc(source=source, content=content, kind=kind, record=number, hints=hints)


def read_json(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc | Skipped]:
    text, _ = decode(data)
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    if isinstance(loaded, dict) and isinstance(loaded.get("articles"), list):
        loaded = loaded["articles"]
    records = loaded if isinstance(loaded, list) else [loaded]
    for number, record in enumerate(records, 1):
        yield record_to_doc(source, number, record, hints)


def read_jsonl(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc | Skipped]:
    if data.startswith(WIDE_BOMS):  # UTF-16 or UTF-32: its newlines are not single bytes
        data = decode(data)[0].encode("utf-8")
    yield from read_jsonl_stream(source, io.BytesIO(data), hints)


WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's begin with these too


def read_jsonl_stream(
    source: str, stream: BinaryIO, hints: Hints, *, max_line: int | None = None
) -> Iterator[RawDoc | Skipped]:
    """Records of a JSON-lines stream, read one line at a time, so a file of
    any size is read in the memory of its longest line; a line over
    ``max_line`` bytes is skipped unread. Lines end at ``\\n`` only: a record's
    text may hold U+2028 or a form feed, which ``str.splitlines`` would split
    on. Each line is decoded in the encoding of the first (UTF-8 almost always),
    or on its own if that fails."""
    encoding = None
    for number, raw in enumerate(_lines(stream, max_line), 1):
        if raw is None:
            yield Skipped(f"{source}#{number}", f"line {number} is over {max_line} bytes")
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        line = _decoded(raw, encoding)
        if line is None:
            line, found = decode(raw)
            encoding = encoding or found
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(f"{source}#{number}", f"line {number} is not valid JSON: {exc.msg}")
            continue
        yield record_to_doc(source, number, record, hints)


def _decoded(raw: bytes, encoding: str | None) -> str | None:
    try:
        return raw.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return None


def _lines(stream: BinaryIO, limit: int | None) -> Iterator[bytes | None]:
    """The stream's lines; None for one longer than ``limit``, passed over in
    pieces without holding it."""
    while raw := stream.readline(limit + 1 if limit else -1):
        if limit and len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(1 << 20)
            yield None
        else:
            yield raw
