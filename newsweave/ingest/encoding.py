"""Bytes to text without crashing, whatever the encoding."""

from __future__ import annotations

import codecs
import re

import py3langid
from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names, if any."""
    head = data[:4096]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii", "replace").lower() if found else None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``.

    Order: a byte-order mark, then strict UTF-8, then the declared charset (HTTP
    header or meta tag), then charset-normalizer's guess, then Latin-1, which
    decodes anything. Strict UTF-8 comes before the declared charset because
    pages are often re-encoded without their meta tag being updated, while text
    in a legacy encoding almost never happens to be valid UTF-8. The guess comes
    last because it is often wrong on short texts (cp1252 read as cp1257).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is not None:
                return text, encoding
    for encoding in ("utf-8", declared or declared_charset(data)):
        text = _try(data, encoding)
        if text is not None:
            return text, encoding or "utf-8"
    best = from_bytes(data, cp_isolation=list(GUESSABLE)).best()
    if best is None:
        return data.decode("latin-1"), "latin-1"
    if best.encoding in SINGLE_BYTE_LATIN and not _speaks(str(best), best.encoding):
        text = _try(data, "cp1252")
        if text is not None:
            return text, "cp1252"
    return str(best), best.encoding


# Encodings worth guessing: on short texts charset-normalizer otherwise picks
# code pages almost no news text is written in (cp1006, cp1125).
GUESSABLE = (
    "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp1253",
    "cp1254", "iso8859_9", "cp1255", "cp1256", "cp1257", "iso8859_13", "iso8859_4",
    "mac_roman", "mac_latin2", "shift_jis", "euc_jp", "iso2022_jp", "gb18030", "big5",
    "euc_kr", "utf_16", "utf_32",
)

# Code pages the guesser confuses with cp1252 on short texts, and the languages
# that are written in each: a guess stands only if the text is in one of them.
SINGLE_BYTE_LATIN = {
    "cp1250": {"cs", "sk", "pl", "hu", "sl", "hr", "ro", "bs", "sr", "sq"},
    "iso8859_2": {"cs", "sk", "pl", "hu", "sl", "hr", "ro", "bs", "sr", "sq"},
    "cp1257": {"lt", "lv", "et"}, "iso8859_13": {"lt", "lv", "et"},
    "iso8859_4": {"lt", "lv", "et"}, "cp1254": {"tr", "az"}, "iso8859_9": {"tr", "az"},
    "mac_latin2": {"cs", "sk", "pl", "hu", "sl", "hr"},
}


def _speaks(text: str, encoding: str) -> bool:
    """Whether ``text`` is in a language that ``encoding`` is used for.

    cp1252 is by far the most common legacy Latin code page, so a guess of a
    rarer one is only kept when the decoded text reads as its languages.
    """
    language, _ = py3langid.classify(text)
    return language in SINGLE_BYTE_LATIN[encoding]
