"""newsweave/ingest/encoding.py: bytes to text, whatever the encoding."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.ingest import read_bytes
from newsweave.ingest.encoding import declared_charset, decode
from newsweave.model import RawDoc

RUSSIAN = (
    "Москва. Президент России заявил сегодня, что переговоры "
    "продолжатся на следующей неделе в столице."
)
FRENCH = (
    "Le Café Élysée a ouvert ses portes à Paris, où les clients attendent déjà devant l'entrée."
)
GREEK = "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            "Café Élysée — “quoted”".encode("utf-8"), "Café Élysée — “quoted”", id="utf-8"
        ),
        pytest.param(
            codecs.BOM_UTF8 + "Café Élysée".encode("utf-8"), "Café Élysée", id="utf-8-bom"
        ),
        pytest.param(
            "Café Élysée, Москва".encode("utf-16"), "Café Élysée, Москва", id="utf-16-bom"
        ),
        pytest.param(codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), "Café", id="utf-16-le-bom"),
        pytest.param(
            codecs.BOM_UTF16_BE + "Москва".encode("utf-16-be"), "Москва", id="utf-16-be-bom"
        ),
        pytest.param("Café Élysée".encode("utf-32"), "Café Élysée", id="utf-32-bom"),
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, id="windows-1251-russian"),
        pytest.param(FRENCH.encode("cp1252"), FRENCH, id="cp1252-french"),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, id="latin-1-french"),
        pytest.param(b"plain ascii", "plain ascii", id="ascii"),
        pytest.param(b"", "", id="empty"),
    ],
)
def test_decode_reads_encoding(data, expected):
    text, _ = decode(data)
    assert text == expected


# charset-normalizer alone picks cp1006 and cp1125 for these (found by this test)
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("Café Élysée".encode("cp1252"), "Café Élysée", id="cp1252-short"),
        pytest.param("Café Élysée".encode("latin-1"), "Café Élysée", id="latin-1-short"),
        pytest.param("Привет мир".encode("cp1251"), "Привет мир", id="windows-1251-short"),
    ],
)
def test_decode_reads_short_legacy_text(data, expected):
    text, _ = decode(data)
    assert text == expected


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        # a declared charset that fits the bytes is used
        pytest.param(GREEK.encode("cp1253"), "windows-1253", GREEK, id="declared-greek"),
        pytest.param("Café Élysée".encode("cp1252"), "cp1252", "Café Élysée", id="declared-cp1252"),
        # UTF-8 bytes win over a declared charset that is wrong for them
        pytest.param(
            "Café Élysée".encode("utf-8"), "windows-1251", "Café Élysée", id="wrong-declared"
        ),
        # an unknown charset name is passed over
        pytest.param(FRENCH.encode("cp1252"), "no-such-charset", FRENCH, id="unknown-declared"),
    ],
)
def test_decode_uses_declared_charset(data, declared, expected):
    text, _ = decode(data, declared)
    assert text == expected


@pytest.mark.parametrize(
    ("html", "encoding", "expected"),
    [
        pytest.param(
            '<html><head><meta charset="windows-1251"></head><body>Café Élysée</body></html>',
            "utf-8",
            "Café Élysée",
            id="meta-wrong-for-utf8",
        ),
        pytest.param(
            '<html><head><meta charset="iso-8859-1"></head><body>Café Élysée</body></html>',
            "latin-1",
            "Café Élysée",
            id="meta-latin-1",
        ),
        pytest.param(
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "</head><body>Привет мир</body></html>",
            "cp1251",
            "Привет мир",
            id="http-equiv-1251",
        ),
        pytest.param(
            '<?xml version="1.0" encoding="windows-1251"?><rss><title>Привет мир</title></rss>',
            "cp1251",
            "Привет мир",
            id="xml-declaration",
        ),
    ],
)
def test_decode_follows_meta_charset(html, encoding, expected):
    text, _ = decode(html.encode(encoding))
    assert expected in text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'<meta charset="UTF-8">', "utf-8"),
        (b"<meta charset=windows-1251>", "windows-1251"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso-8859-1"),
        (b'<?xml version="1.0" encoding="KOI8-R"?><rss/>', "koi8-r"),
        (b"<html><body>no declaration</body></html>", None),
        (b"plain text, charset=utf-8 in prose", None),
    ],
)
def test_declared_charset_reads_meta_and_xml(data, expected):
    assert declared_charset(data) == expected


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_decode_never_raises_on_random_bytes(data):
    text, encoding = decode(data)
    assert isinstance(text, str) and encoding


@pytest.mark.parametrize("seed", range(8))
def test_read_bytes_never_raises_on_random_bytes(seed):
    data = random.Random(seed).randbytes(2000)
    for name in (
        "junk",
        "junk.txt",
        "junk.html",
        "junk.json",
        "junk.jsonl",
        "junk.warc",
        "junk.rss",
        "junk.gz",
    ):
        items = list(read_bytes(name, data))
        assert items, name


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("ru.txt", RUSSIAN.encode("cp1251"), RUSSIAN, id="txt-1251"),
        pytest.param("fr.txt", FRENCH.encode("cp1252"), FRENCH, id="txt-cp1252"),
        pytest.param("bom.txt", codecs.BOM_UTF8 + b"Caf\xc3\xa9", "Café", id="txt-bom"),
        pytest.param("wide.txt", "Café Москва".encode("utf-16"), "Café Москва", id="txt-utf16"),
        pytest.param(
            "page.html",
            (
                '<html><head><meta charset="windows-1251"></head>'
                f"<body><p>{RUSSIAN}</p></body></html>"
            ).encode("cp1251"),
            RUSSIAN,
            id="html-1251",
        ),
        pytest.param(
            "rec.json", '{"text": "Café Élysée"}'.encode("utf-16"), "Café Élysée", id="json-utf16"
        ),
        pytest.param(
            "rec.jsonl", f'{{"text": "{FRENCH}"}}\n'.encode("cp1252"), FRENCH, id="jsonl-cp1252"
        ),
    ],
)
def test_read_bytes_decodes_file_content(name, data, expected):
    [doc] = read_bytes(name, data)
    assert isinstance(doc, RawDoc)
    assert expected in doc.content
