"""An article sent to ``POST /api/v1/articles``, ingested as ``newsweave
analyze`` ingests a file: the body is written to a temporary file whose
suffix tells the reader its kind (a JSON record, HTML or plain text), and
``api.analyze`` reads it with the store's settings; ``outlet`` and
``published`` are passed as ``--outlet`` and ``--published`` are, so they
win over what the text says."""

from __future__ import annotations

import dataclasses
import json
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import api
from ..config import load_config
from ..errors import BadRequest
from ..store import Store

FIELDS = ("text", "url", "title", "outlet", "published")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_ONE_AT_A_TIME = threading.Lock()  # one run reads the entities, links and commits at once

OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {name: {"type": "string"} for name in FIELDS},
                    "description": "The article's text, and optionally its URL, headline, outlet "
                    "and publication date (YYYY-MM-DD).",
                }
            },
            "text/plain": {"schema": {"type": "string"}, "example": "MOSCOW (Reuters) - ..."},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@dataclass(frozen=True)
class Body:
    """What was sent: the file to write (its suffix and bytes) and the
    values given as flags would be."""

    suffix: str
    data: bytes
    outlet: str | None = None
    published: str | None = None

    @classmethod
    def read(
        cls,
        raw: bytes,
        content_type: str | None,
        *,
        outlet: str | None = None,
        published: str | None = None,
    ) -> "Body":
        kind = (content_type or "").split(";")[0].strip().lower()
        if not raw.strip():
            raise BadRequest(
                "the body is empty: send the article's text, or a JSON object with its text"
            )
        if kind == "application/json" or kind.endswith("+json"):
            return cls._record(raw, outlet, published)
        suffix = ".html" if kind in HTML_TYPES else ".txt"
        return cls(suffix, raw, outlet=outlet, published=published)

    @classmethod
    def _record(cls, raw: bytes, outlet: str | None, published: str | None) -> "Body":
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadRequest(f"the body is not valid JSON: {exc}") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise BadRequest(
                'a JSON body must be an object with "text" (a string), and '
                'optionally "url", "title", "outlet", "published"'
            )
        wrong = [k for k in FIELDS if record.get(k) is not None and not isinstance(record[k], str)]
        if wrong:
            raise BadRequest(f"field {wrong[0]!r} must be a string")
        kept = {k: record[k] for k in FIELDS if record.get(k)}
        return cls(
            ".json",
            json.dumps(kept, ensure_ascii=False).encode("utf-8"),
            outlet=outlet or kept.get("outlet"),
            published=published or kept.get("published"),
        )


def ingest(store: Store, body: Body) -> dict[str, Any]:
    """Analyse the article sent into ``store``; what the run did, as
    ``analyze`` prints it. Nothing stored or recognised is a BadRequest
    naming why it was skipped."""
    config = load_config(db=store.db, outlet=body.outlet, published=body.published)
    with tempfile.TemporaryDirectory(prefix="newsweave-post-") as folder:
        path = Path(folder) / f"posted{body.suffix}"
        path.write_bytes(body.data)
        with _ONE_AT_A_TIME:
            summary = api.analyze(store, [str(path)], config)
    if not (summary.stored or summary.duplicates or summary.unchanged):
        reasons = "; ".join(s.reason for s in summary.skipped) or "nothing was read"
        raise BadRequest(f"the article was not stored: {reasons}")
    return dataclasses.asdict(summary)
