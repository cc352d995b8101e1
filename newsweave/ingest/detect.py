"""Which reader handles an item: by file extension first, then by content."""

from __future__ import annotations

import re

FORMATS = ("text", "html", "json", "jsonl", "warc", "feed", "gzip")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".gz": "gzip",
    ".gzip": "gzip",
}
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)


def by_extension(name: str) -> str | None:
    """The format a file name promises, or None (``.xml`` is decided by content)."""
    lower = name.lower()
    dot = lower.rfind(".")
    return _EXTENSIONS.get(lower[dot:]) if dot >= 0 else None


def by_content(data: bytes) -> str | None:
    """The format the first bytes show; None for binary data no reader handles."""
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head[:1] in (b"{", b"["):
        # The first line from the first MiB, not the 2 KiB head: a JSON lines record
        # (one article) is often longer than the head.
        lines = data[: 1 << 20].lstrip(b"\xef\xbb\xbf \t\r\n")
        first_line = lines.split(b"\n", 1)[0].strip()
        return (
            "jsonl"
            if first_line.startswith(b"{") and first_line.endswith(b"}") and b"\n{" in lines
            else "json"
        )
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if _FEED_ROOT.search(data[:4096]) else "html"
    if _HTML_START.match(head):
        return "html"
    if b"\x00" in data[:8192] and not _looks_utf16(data):
        return None
    return "text"


def _looks_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def detect(name: str, data: bytes) -> str | None:
    """Extension wins where it names a format the content does not contradict."""
    promised = by_extension(name)
    seen = by_content(data)
    if promised is None or seen is None:
        return seen
    if promised == "text" and seen in ("html", "warc", "gzip"):
        return seen
    if promised in ("json", "jsonl") and seen in ("json", "jsonl"):
        # "a.json" holding JSON lines is common: the content decides, except
        # that one object on one line is valid as either.
        return (
            promised
            if seen == "json" and data.lstrip()[:1] == b"{" and data.strip().count(b"\n") == 0
            else seen
        )
    return promised if seen != "gzip" else "gzip"
