"""WARC files: each HTTP response that holds HTML is an article."""

from __future__ import annotations

import io
from typing import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..errors import InputError
from ..model import Hints, RawDoc, Skipped
from .encoding import decode

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc | Skipped]:
    try:
        yield from _responses(source, data, hints)
    except OSError as exc:  # fastwarc's word for a broken record header
        raise InputError(source, f"broken WARC data: {exc}") from None


def _responses(source: str, data: bytes, hints: Hints) -> Iterator[RawDoc | Skipped]:
    records = ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response,
                              parse_http=True)
    count = 0
    for number, record in enumerate(records, 1):
        count += 1
        url = record.headers.get("WARC-Target-URI")
        content_type = (record.http_content_type or "").lower()
        if not any(t in content_type for t in HTML_TYPES):
            yield Skipped(f"{source}#{number}", f"response is {content_type or 'untyped'}, not HTML")
            continue
        text, _ = decode(record.reader.read(), record.http_charset)
        yield RawDoc(source=source, content=text, kind="html", record=number,
                     hints=Hints(url=url, outlet=hints.outlet, published=hints.published))
    if count == 0 and not data.lstrip().startswith(b"WARC/"):
        raise InputError(source, "not a WARC file (no WARC/1.x record header)")
