"""The export contract: everything stored, as JSON, JSON lines or CSV.

``export.schema.json`` (beside this file) is the JSON Schema of the JSON form;
docs/export.md describes each field. Later stages fill the lists that are empty
today (entities, quotes, quote groups, events, duplicates, stories).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .errors import ConfigError
from .model import Article, Metadata

FORMATS = ("json", "jsonl", "csv")
SECTIONS = ("articles", "entities", "quotes", "quote_groups", "events", "duplicates", "stories")
SCHEMA_PATH = Path(__file__).with_name("export.schema.json")
CSV_COLUMNS = ("id", "source", "url", "outlet", "title", "byline", "dateline", "published",
               "published_source", "language", "text", "removed")


def article_record(article: Article) -> dict[str, Any]:
    published = article.meta.published
    return {
        "id": article.id, "source": article.source, "kind": article.kind, "url": article.url,
        **{name: article.meta.value(name) for name in Metadata.NAMES},
        "published_source": published.rule if published else None,
        "provenance": {name: {"rule": f.rule, "line": f.line, "evidence": f.evidence}
                       for name in Metadata.NAMES if (f := getattr(article.meta, name))},
        "text": article.text,
        "raw_text": article.raw_text,
        "removed": [{"text": r.text, "start": r.start, "end": r.end, "reason": r.reason}
                    for r in article.removed],
        "offsets": [[s.clean_start, s.raw_start, s.length] for s in article.offsets.segments],
    }


def document(articles: Iterable[Article]) -> dict[str, list]:
    return {"articles": [article_record(a) for a in articles],
            **{name: [] for name in SECTIONS[1:]}}


def _json(articles: Iterable[Article], out: io.TextIOBase) -> int:
    doc = document(articles)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(doc["articles"])


def _jsonl(articles: Iterable[Article], out: io.TextIOBase) -> int:
    count = 0
    for article in articles:
        out.write(json.dumps({"type": "article", **article_record(article)}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def _csv(articles: Iterable[Article], out: io.TextIOBase) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for article in articles:
        record = article_record(article)
        record["removed"] = json.dumps(record["removed"], ensure_ascii=False)
        writer.writerow(record)
        count += 1
    return count


WRITERS = {"json": _json, "jsonl": _jsonl, "csv": _csv}


def write(articles: Iterable[Article], fmt: str, out: Path | str) -> int:
    """Write to ``out`` (``-`` for stdout) via a temporary file, so a failed
    export never leaves half a file where a good one was."""
    if fmt not in WRITERS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if str(out) == "-":
        return WRITERS[fmt](articles, sys.stdout)
    target = Path(out)
    handle, temp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            count = WRITERS[fmt](articles, stream)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return count
