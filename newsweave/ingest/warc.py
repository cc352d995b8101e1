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
    records = ArchiveIterator(io.BytesIO(data), parse_http=True)
    count = number = 0
    for record in records:
        if record.record_type in (WarcRecordType.unknown, WarcRecordType.no_type):
            continue  # fastwarc's reading of a header it could not parse
        count += 1
        if record.record_type != WarcRecordType.response:
            continue
        number += 1  # items are numbered among responses, the records that hold pages
        url = record.headers.get("WARC-Target-URI")
        content_type = (record.http_content_type or "").lower()
        if not any(t in content_type for t in HTML_TYPES):
            yield Skipped(
                f"{source}#{number}", f"response is {content_type or 'untyped'}, not HTML"
            )
            continue
        text, _ = decode(record.reader.read(), record.http_charset)
        yield RawDoc(
            source=source,
            content=text,
            kind="html",
            record=number,
            hints=Hints(url=url, outlet=hints.outlet, published=hints.published),
        )
    if count == 0:
        raise InputError(source, "no readable WARC record (expected a WARC/1.x record header)")
