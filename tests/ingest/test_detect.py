"""newsweave/ingest/detect.py: the format of an item, by extension and by content."""

from __future__ import annotations

import gzip

import pytest

from newsweave.ingest.detect import by_content, by_extension, detect

TEXT = b"Harbour bridge reopens\n\nThe bridge reopened on Friday.\n"
HTML = b"<!doctype html><html><body><p>The bridge reopened.</p></body></html>"
HTML_FRAGMENT_HEAD = b"<!-- saved page -->\n<html><head><title>T</title></head></html>"
JSON_ONE = b'{"title": "T", "text": "The bridge reopened."}'
JSON_LIST = b'[{"text": "one"}, {"text": "two"}]'
JSON_WRAPPED = b'{"articles": [{"text": "one"}]}'
JSON_PRETTY = b'{\n  "text": "one",\n  "meta": {"a": 1}\n}\n'
JSONL = b'{"text": "one"}\n{"text": "two"}\n'
JSONL_LONG = b'{"text": "' + b"one " * 1000 + b'"}\n{"text": "two"}\n'  # line 1 > 2 KiB
WARC = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>P</title></channel></rss>'
RSS_BARE = b'<rss version="2.0"><channel><title>P</title></channel></rss>'
ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>G</title></feed>'
XHTML = b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'
JUNK = bytes(range(256)) * 4
UTF16 = "The bridge reopened.".encode("utf-16")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("story.txt", "text"),
        ("story.TXT", "text"),
        ("notes.md", "text"),
        ("page.html", "html"),
        ("page.htm", "html"),
        ("page.xhtml", "html"),
        ("one.json", "json"),
        ("many.jsonl", "jsonl"),
        ("many.ndjson", "jsonl"),
        ("crawl.warc", "warc"),
        ("news.rss", "feed"),
        ("news.atom", "feed"),
        ("story.txt.gz", "gzip"),
        ("crawl.warc.gz", "gzip"),
        ("feed.xml", None),
        ("README", None),
        ("archive.zip", None),
    ],
)
def test_by_extension_names_format(name, expected):
    assert by_extension(name) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT, "text"),
        (b"\xef\xbb\xbf" + TEXT, "text"),
        (HTML, "html"),
        (HTML_FRAGMENT_HEAD, "html"),
        (b"  \n<body><p>x</p></body>", "html"),
        (JSON_ONE, "json"),
        (JSON_LIST, "json"),
        (JSON_WRAPPED, "json"),
        (JSON_PRETTY, "json"),
        (JSONL, "jsonl"),
        (b"\xef\xbb\xbf" + JSONL, "jsonl"),
        (JSONL_LONG, "jsonl"),
        (WARC, "warc"),
        (RSS, "feed"),
        (RSS_BARE, "feed"),
        (ATOM, "feed"),
        (XHTML, "html"),
        (gzip.compress(TEXT), "gzip"),
        (UTF16, "text"),
        (JUNK, None),
        (b"", "text"),
    ],
)
def test_by_content_recognises_format(data, expected):
    assert by_content(data) == expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        # no or unknown extension: content decides
        ("story", TEXT, "text"),
        ("page", HTML, "html"),
        ("record", JSON_ONE, "json"),
        ("lines", JSONL, "jsonl"),
        ("crawl", WARC, "warc"),
        ("feed.xml", RSS, "feed"),
        ("feed.xml", ATOM, "feed"),
        ("stdin", HTML, "html"),
        ("blob.bin", gzip.compress(JSONL), "gzip"),
        ("blob.bin", JUNK, None),
        # extension and content agree
        ("page.htm", HTML, "html"),
        ("one.json", JSON_ONE, "json"),
        # a one-line .jsonl looks like JSON by content; the extension wins
        ("one.jsonl", b'{"text": "one"}\n', "jsonl"),
        # JSON lines whose first record is longer than the head read for the format
        ("long.jsonl", JSONL_LONG, "jsonl"),
        # a .txt that is really HTML, WARC or gzip is read as what it is
        ("saved.txt", HTML, "html"),
        ("saved.txt", WARC, "warc"),
        ("saved.txt", gzip.compress(TEXT), "gzip"),
        # gzip content wins over any extension
        ("story.json", gzip.compress(JSON_ONE), "gzip"),
        # a .gz that is not gzip stays gzip, so reading reports it as broken
        ("story.txt.gz", TEXT, "gzip"),
        # binary junk under a text extension is still junk
        ("story.txt", JUNK, None),
    ],
)
def test_detect_combines_extension_and_content(name, data, expected):
    assert detect(name, data) == expected
