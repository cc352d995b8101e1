"""newsweave/ingest/: every input format to ``RawDoc`` items, or ``Skipped`` with a reason."""

from __future__ import annotations

import gzip
import io
import json
import sys
from types import SimpleNamespace

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import iter_files, read_bytes, read_paths
from newsweave.model import Hints, RawDoc, Skipped

STORY = "Harbour bridge reopens\n\nThe bridge reopened on Friday after repairs.\n"
PAGE = "<!doctype html><html><body><p>The bridge reopened on Friday.</p></body></html>"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
 <title>Daily Planet</title><link>https://planet.example/</link><language>en</language>
 <item>
  <title>Bridge reopens</title><link>https://planet.example/bridge</link>
  <author>desk@planet.example (Lois Lane)</author>
  <pubDate>Mon, 06 Mar 2023 10:00:00 GMT</pubDate>
  <description>The bridge reopened on Monday.</description>
 </item>
 <item>
  <title>Ferry strike ends</title><link>https://planet.example/ferry</link>
  <pubDate>Tue, 07 Mar 2023 08:30:00 GMT</pubDate>
  <description>&lt;p&gt;Ferries sail again.&lt;/p&gt;</description>
 </item>
 <item><title>Empty item</title><link>https://planet.example/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Gotham Gazette</title><id>urn:gazette</id><updated>2023-04-06T00:00:00Z</updated>
 <entry>
  <title>Museum opens</title><link href="https://gazette.example/museum"/><id>urn:1</id>
  <author><name>Vicki Vale</name></author>
  <updated>2023-04-05T10:00:00Z</updated>
  <content type="html">&lt;p&gt;The museum opened its doors.&lt;/p&gt;</content>
 </entry>
 <entry>
  <title>Park closes</title><link href="https://gazette.example/park"/><id>urn:2</id>
  <published>2023-04-01T09:00:00Z</published><updated>2023-04-02T09:00:00Z</updated>
  <summary type="text">The park closed for winter.</summary>
 </entry>
</feed>
"""


def docs(items) -> list[RawDoc]:
    return [i for i in items if isinstance(i, RawDoc)]


def skips(items) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def make_warc(*, gz: bool) -> bytes:
    """A WARC with warcinfo, an HTML response, an image response and a request."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)

    def response(url: str, content_type: str, body: bytes) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        )

    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(b"software: tests\r\n"),
            warc_content_type="application/warc-fields",
        )
    )
    response(
        "https://a.example/story",
        "text/html; charset=windows-1251",
        "<html><body><p>Мост открыт после ремонта.</p></body></html>".encode("cp1251"),
    )
    response("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00")
    writer.write_record(
        writer.create_warc_record(
            "https://a.example/story",
            "request",
            payload=io.BytesIO(b"GET /story HTTP/1.1\r\nHost: a.example\r\n\r\n"),
            warc_content_type="application/http; msgtype=request",
        )
    )
    return buffer.getvalue()


# --- plain text and HTML -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("story.txt", STORY, "text"),
        ("story", STORY, "text"),
        ("page.html", PAGE, "html"),
        ("page.htm", PAGE, "html"),
        ("page", PAGE, "html"),
        ("page.txt", PAGE, "html"),
        ("story.unknown", STORY, "text"),
    ],
)
def test_read_bytes_reads_one_document(name, data, kind):
    [doc] = read_bytes(name, data.encode())
    assert (doc.source, doc.kind, doc.content, doc.record) == (name, kind, data, None)


def test_read_bytes_passes_hints_to_plain_files():
    hints = Hints(outlet="Coastal Wire", published="2023-03-03")
    [doc] = read_bytes("story.txt", STORY.encode(), hints)
    assert doc.hints == hints


# --- JSON and JSON lines -------------------------------------------------------------

RECORD = {
    "title": "Bridge reopens",
    "url": "https://x.example/b",
    "published": "2023-03-03",
    "outlet": "Coastal Wire",
    "author": "Jane Doe",
    "language": "en",
    "text": "The bridge reopened.",
}


@pytest.mark.parametrize(
    ("name", "payload", "count"),
    [
        ("one.json", RECORD, 1),
        ("list.json", [RECORD, {**RECORD, "text": "Second story."}], 2),
        ("wrapped.json", {"articles": [RECORD, RECORD, RECORD]}, 3),
        ("one", RECORD, 1),
        ("list", [RECORD, RECORD], 2),
    ],
)
def test_read_json_reads_records(name, payload, count):
    found = list(read_bytes(name, json.dumps(payload).encode()))
    assert len(docs(found)) == count and not skips(found)
    assert [d.record for d in found] == list(range(1, count + 1))
    assert found[0].hints == Hints(
        title="Bridge reopens",
        url="https://x.example/b",
        published="2023-03-03",
        outlet="Coastal Wire",
        author="Jane Doe",
        language="en",
    )
    assert found[0].content == "The bridge reopened." and found[0].kind == "text"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"headline": "H", "body": "B"}, ("text", "B", Hints(title="H"))),
        (
            {"articleBody": "B", "datePublished": "2023-01-02", "publisher": {"name": "P"}},
            ("text", "B", Hints(published="2023-01-02", outlet="P")),
        ),
        ({"html": "<p>B</p>", "link": "https://x/"}, ("html", "<p>B</p>", Hints(url="https://x/"))),
        ({"text": "T", "html": "<p>H</p>"}, ("text", "T", Hints())),
        ({"content": "C", "authors": ["Ann", "Bob"]}, ("text", "C", Hints(author="Ann, Bob"))),
        (
            {"maintext": "M", "source_domain": "x.example", "title": "  "},
            ("text", "M", Hints(outlet="x.example")),
        ),
        (
            {"content": "C", "source": {"id": "bbc", "name": "BBC News"}},
            ("text", "C", Hints(outlet="BBC News")),
        ),
    ],
)
def test_read_json_maps_record_fields(record, expected):
    [doc] = read_bytes("r.json", json.dumps(record).encode())
    assert (doc.kind, doc.content, doc.hints) == expected


def test_read_json_reads_own_export_back():
    """An export's ``source`` is a file path, never the outlet."""
    record = {
        "id": "0" * 16,
        "source": "in/a.txt",
        "kind": "text",
        "url": None,
        "outlet": None,
        "title": "T",
        "byline": None,
        "dateline": None,
        "published": None,
        "published_source": None,
        "language": "en",
        "provenance": {},
        "text": "Body.",
        "raw_text": "Body.",
        "removed": [],
        "offsets": [],
    }
    [doc] = read_bytes("export.json", json.dumps({"articles": [record], "stories": []}).encode())
    assert doc.content == "Body."
    assert doc.hints == Hints(title="T", language="en")


def test_read_json_record_fields_fill_in_given_hints():
    given = Hints(outlet="User Outlet", published="2020-01-01")
    [doc] = read_bytes(
        "r.json", json.dumps({"text": "T", "outlet": "Record Outlet"}).encode(), given
    )
    assert (doc.hints.outlet, doc.hints.published) == ("Record Outlet", "2020-01-01")


@pytest.mark.parametrize(
    ("name", "data", "locator", "words"),
    [
        ("bad.json", b'{"text": "unterminated', "bad.json", ["not valid JSON", "line 1"]),
        ("bad.json", b'[{"text": "ok"},\n oops]', "bad.json", ["not valid JSON", "line 2"]),
        ("num.json", b"[42]", "num.json#1", ["record 1", "int", "not an object"]),
        (
            "notext.json",
            b'[{"text": "ok"}, {"title": "no body"}]',
            "notext.json#2",
            ["record 2", "no text", "articleBody"],
        ),
    ],
)
def test_read_json_skips_bad_input_with_reason(name, data, locator, words):
    [skipped] = skips(read_bytes(name, data))
    assert skipped.locator == locator
    for word in words:
        assert word in skipped.reason


def test_read_jsonl_skips_bad_line_and_reads_the_rest():
    data = b'{"text": "one"}\n\n{"text": broken\n{"text": "three"}\n'
    found = list(read_bytes("feed.jsonl", data))
    assert [d.content for d in docs(found)] == ["one", "three"]
    assert [d.record for d in docs(found)] == [1, 4]
    [skipped] = skips(found)
    assert skipped.locator == "feed.jsonl#3"
    assert "line 3" in skipped.reason


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lines.jsonl", b'{"text": "one", "outlet": "A"}\n{"text": "two", "outlet": "B"}\n'),
        ("lines.ndjson", b'{"text": "one", "outlet": "A"}\r\n{"text": "two", "outlet": "B"}\r\n'),
        ("lines", b'{"text": "one", "outlet": "A"}\n{"text": "two", "outlet": "B"}'),
    ],
)
def test_read_jsonl_reads_each_line(name, data):
    found = list(read_bytes(name, data))
    assert [(d.content, d.hints.outlet, d.record) for d in found] == [
        ("one", "A", 1),
        ("two", "B", 2),
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # datasets tools (e.g. Hugging Face `to_json`) write JSON lines under .json
        ("dump.json", b'{"text": "one"}\n{"text": "two"}\n'),
        ("dump.jsonl", b'[\n {"text": "one"},\n {"text": "two"}\n]\n'),
    ],
)
def test_read_bytes_trusts_json_form_over_extension(name, data):
    assert [d.content for d in read_bytes(name, data)] == ["one", "two"]


# --- WARC ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "gz"),
    [
        ("crawl.warc", False),
        ("crawl.warc.gz", True),
        ("crawl", False),
        ("crawl", True),
        ("crawl.bin", True),
    ],
)
def test_read_warc_keeps_html_responses(name, gz):
    found = list(read_bytes(name, make_warc(gz=gz)))
    [doc] = docs(found)
    assert doc.kind == "html" and doc.source == name and doc.record == 1
    assert doc.hints.url == "https://a.example/story"
    assert "Мост открыт после ремонта." in doc.content
    [skipped] = skips(found)
    assert skipped.locator == f"{name}#2" and "image/png" in skipped.reason


def test_read_warc_passes_user_hints():
    [doc] = docs(
        read_bytes("c.warc", make_warc(gz=False), Hints(outlet="O", published="2023-01-01"))
    )
    assert (doc.hints.outlet, doc.hints.published) == ("O", "2023-01-01")


@pytest.mark.parametrize("data", [b"just some words\n", b"WARC/1.0\r\nbroken"])
def test_read_warc_skips_file_that_is_not_warc(data):
    [skipped] = read_bytes("fake.warc", data)
    assert skipped.locator == "fake.warc" and "WARC" in skipped.reason


# --- RSS and Atom --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "feed", "expected"),
    [
        (
            "planet.rss",
            RSS,
            [
                Hints(
                    title="Bridge reopens",
                    url="https://planet.example/bridge",
                    published="2023-03-06",
                    outlet="Daily Planet",
                    author="desk@planet.example (Lois Lane)",
                    language="en",
                ),
                Hints(
                    title="Ferry strike ends",
                    url="https://planet.example/ferry",
                    published="2023-03-07",
                    outlet="Daily Planet",
                    language="en",
                ),
            ],
        ),
        ("planet.xml", RSS, None),
        ("planet", RSS, None),
        (
            "gazette.atom",
            ATOM,
            [
                Hints(
                    title="Museum opens",
                    url="https://gazette.example/museum",
                    published="2023-04-05",
                    outlet="Gotham Gazette",
                    author="Vicki Vale",
                ),
                Hints(
                    title="Park closes",
                    url="https://gazette.example/park",
                    published="2023-04-01",
                    outlet="Gotham Gazette",
                ),
            ],
        ),
        ("gazette.xml", ATOM, None),
    ],
)
def test_read_feed_items_carry_hints(name, feed, expected):
    found = list(read_bytes(name, feed.encode()))
    items = docs(found)
    assert len(items) == 2 and all(d.source == name for d in items)
    assert [d.record for d in items] == [1, 2]
    if expected is not None:
        assert [d.hints for d in items] == expected


@pytest.mark.parametrize(
    ("feed", "contents"),
    [
        (RSS, [("html", "The bridge reopened on Monday."), ("html", "<p>Ferries sail again.</p>")]),
        (
            ATOM,
            [
                ("html", "<p>The museum opened its doors.</p>"),
                ("text", "The park closed for winter."),
            ],
        ),
    ],
)
def test_read_feed_items_carry_content(feed, contents):
    assert [(d.kind, d.content) for d in docs(read_bytes("f.xml", feed.encode()))] == contents


# feedparser's *_parsed struct is in UTC; the day must be the one the feed states
@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        (
            '<rss version="2.0"><channel><title>P</title><item><title>t</title>'
            "<pubDate>Mon, 06 Mar 2023 23:30:00 -0500</pubDate><description>x</description>"
            "</item></channel></rss>",
            "2023-03-06",
        ),
        (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>G</title><entry><title>t</title>'
            "<updated>2023-03-07T01:30:00+09:00</updated><summary>x</summary></entry></feed>",
            "2023-03-07",
        ),
    ],
)
def test_read_feed_keeps_local_publication_date(feed, expected):
    [doc] = read_bytes("f.xml", feed.encode())
    assert doc.hints.published == expected


def test_read_feed_skips_item_without_content():
    [skipped] = skips(read_bytes("planet.rss", RSS.encode()))
    assert skipped.locator == "planet.rss#3" and "no content" in skipped.reason


def test_read_feed_user_outlet_wins_over_feed_title():
    items = docs(
        read_bytes("planet.rss", RSS.encode(), Hints(outlet="Mine", published="2020-02-02"))
    )
    assert {(d.hints.outlet, d.hints.published) for d in items} == {("Mine", "2020-02-02")}


def test_read_feed_skips_unreadable_feed():
    [skipped] = read_bytes("broken.rss", b'<rss version="2.0"><channel><title>x</tit')
    assert skipped.locator == "broken.rss" and "not a readable RSS or Atom feed" in skipped.reason


# --- gzip ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "inner", "expected"),
    [
        ("story.txt.gz", STORY.encode(), [("text", STORY)]),
        ("page.html.gz", PAGE.encode(), [("html", PAGE)]),
        (
            "lines.jsonl.gz",
            b'{"text": "one"}\n{"text": "two"}\n',
            [("text", "one"), ("text", "two")],
        ),
        ("one.json.gz", b'{"text": "one"}', [("text", "one")]),
        (
            "feed.rss.gz",
            RSS.encode(),
            [("html", "The bridge reopened on Monday."), ("html", "<p>Ferries sail again.</p>")],
        ),
        ("story.gz", STORY.encode(), [("text", STORY)]),
        ("noextension", STORY.encode(), [("text", STORY)]),
        ("lines.data", b'{"text": "one"}\n{"text": "two"}\n', [("text", "one"), ("text", "two")]),
        ("story.txt", STORY.encode(), [("text", STORY)]),
    ],
)
def test_read_bytes_unwraps_gzip(name, inner, expected):
    found = docs(read_bytes(name, gzip.compress(inner)))
    assert [(d.kind, d.content) for d in found] == expected
    assert all(d.source == name for d in found)


def test_read_bytes_unwraps_gzip_twice():
    [doc] = read_bytes("story.txt.gz.gz", gzip.compress(gzip.compress(STORY.encode())))
    assert doc.content == STORY


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("story.txt.gz", gzip.compress(STORY.encode())[:20]),
        ("story.gz", STORY.encode()),
    ],
)
def test_read_bytes_skips_broken_gzip(name, data):
    [skipped] = read_bytes(name, data)
    assert skipped.locator == name and "broken gzip" in skipped.reason


# --- junk, missing paths, folders, stdin --------------------------------------------


@pytest.mark.parametrize("name", ["junk.bin", "junk", "junk.txt"])
def test_read_bytes_skips_binary_junk_with_reason(name):
    junk = bytes(range(256)) * 8
    [skipped] = read_bytes(name, junk)
    assert skipped.locator == name and "binary data" in skipped.reason


def test_read_paths_skips_missing_path(tmp_path):
    missing = str(tmp_path / "nope" / "story.txt")
    assert list(read_paths([missing])) == [Skipped(missing, "no such file or folder")]


def test_read_paths_skips_file_over_size_limit(write_file):
    big = write_file("big.txt", "x" * 200)
    [skipped] = read_paths([str(big)], max_bytes=100)
    assert skipped.locator == str(big) and "over the limit of 100" in skipped.reason


def test_read_paths_reads_folder_recursively_in_sorted_order(write_file, tmp_path):
    for name in [
        "b.txt",
        "a.txt",
        "sub/c.txt",
        "sub/deeper/d.html",
        "z.json",
        ".hidden.txt",
        ".git/config.txt",
        "sub/.cache/e.txt",
    ]:
        write_file(
            name,
            "<html><body>x</body></html>"
            if name.endswith("html")
            else '{"text": "z"}'
            if name.endswith("json")
            else f"text of {name}",
        )
    root = tmp_path / "in"
    found = [d.source for d in read_paths([str(root)])]
    expected = [
        str(root / n) for n in ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.html", "z.json"]
    ]
    assert found == expected


def test_iter_files_keeps_argument_order(write_file):
    second, first = write_file("b.txt", "b"), write_file("a.txt", "a")
    assert list(iter_files([str(second), str(first)])) == [second, first]


@pytest.mark.parametrize(
    ("data", "kind", "count"),
    [
        (STORY.encode(), "text", 1),
        (PAGE.encode(), "html", 1),
        (b'{"text": "one"}\n{"text": "two"}\n', "text", 2),
        (gzip.compress(PAGE.encode()), "html", 1),
        (RSS.encode(), "html", 2),
    ],
)
def test_read_paths_reads_stdin(monkeypatch, data, kind, count):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))
    found = docs(read_paths(["-"]))
    assert len(found) == count
    assert all(d.source == "<stdin>" and d.kind == kind for d in found)


def test_jsonl_file_over_the_size_limit_is_read_line_by_line(tmp_path):
    """A JSON-lines file of any size is streamed; the limit is per line."""
    from newsweave.ingest import read_paths

    lines = [json.dumps({"text": f"Story number {i}. " * 20}) for i in range(50)]
    lines.insert(7, json.dumps({"text": "x" * 5000}))  # one line over the limit
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 4000
    items = list(read_paths([str(path)], max_bytes=4000))
    docs = [i for i in items if not isinstance(i, Skipped)]
    assert len(docs) == 50 and docs[0].content.startswith("Story number 0.")
    [skipped] = [i for i in items if isinstance(i, Skipped)]
    assert skipped.locator == f"{path}#8" and "over 4000 bytes" in skipped.reason


def test_gzipped_jsonl_is_streamed_and_a_break_keeps_what_came_before(tmp_path):
    from newsweave.ingest import read_paths

    # over the 1 MB that detection reads first, so the break comes while streaming
    body = "".join(json.dumps({"text": f"Record {i} text."}) + "\n" for i in range(40_000))
    body = body.encode()
    whole = tmp_path / "feed.jsonl.gz"
    whole.write_bytes(gzip.compress(body))
    assert [d.content for d in read_paths([str(whole)])][-1] == "Record 39999 text."
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(body)[:-40])
    items = list(read_paths([str(cut)]))
    assert all(not isinstance(i, Skipped) for i in items[:-1]) and len(items) > 30_000
    assert isinstance(items[-1], Skipped) and "broken gzip" in items[-1].reason


def test_jsonl_line_separator_inside_a_record_does_not_split_it():
    """U+2028 is valid inside a JSON string; only \\n ends a JSON line."""
    data = ('{"text": "first\u2028part"}\n{"text": "second"}\n').encode("utf-8")
    docs = list(read_bytes("lines.jsonl", data))
    assert [d.content for d in docs] == ["first\u2028part", "second"]
