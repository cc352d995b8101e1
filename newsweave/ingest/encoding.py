"""Bytes to text without crashing, whatever the encoding."""

from __future__ import annotations

import codecs
import re

import py3langid
from charset_normalizer import from_bytes

from ..scripts import script_of

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    """cp1252 (by far the most common legacy code page), then charset-normalizer's
    candidates, best first: the first whose text reads as a language written in
    that encoding wins."""
    matches = list(from_bytes(data, cp_isolation=list(GUESSABLE)))
    for encoding in ["cp1252"] + [m.encoding for m in matches]:
        text = _try(data, encoding)
        languages = LANGUAGES.get(encoding)
        if text is not None and (languages is None or _reads_as(text, languages)):
            return text, encoding
    if matches:
        return str(matches[0]), matches[0].encoding
    return data.decode("latin-1"), "latin-1"


def _reads_as(text: str, languages: set[str]) -> bool:
    """Text in one of ``languages``, with no word mixing two scripts (a wrong
    code page turns "Café" into "Cafй") and, in Latin script, with accented
    letters the minority they are in every language written so (Greek read
    as cp1252 is nearly all accents)."""
    letters = [c for c in text if c.isalpha()]
    mixed = any(len({script_of(c) for c in word if c.isalpha()}) > 1 for word in text.split())
    accented = sum(not c.isascii() for c in letters if script_of(c) == "LATIN")
    if mixed or (letters and accented / len(letters) > MAX_ACCENTED_SHARE):
        return False
    return py3langid.classify(text)[0] in languages


MAX_ACCENTED_SHARE = 0.4


# Encodings worth guessing: on short texts charset-normalizer otherwise picks
# code pages almost no news text is written in (cp1006, cp1125).
GUESSABLE = (
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "cp1253",
    "cp1254",
    "iso8859_9",
    "cp1255",
    "cp1256",
    "cp1257",
    "iso8859_13",
    "iso8859_4",
    "mac_roman",
    "mac_latin2",
    "shift_jis",
    "euc_jp",
    "iso2022_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "utf_16",
    "utf_32",
)

_WESTERN = {
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "da",
    "sv",
    "no",
    "nb",
    "nn",
    "fi",
    "is",
    "ca",
    "eu",
    "gl",
    "ga",
    "cy",
    "af",
    "sq",
    "id",
    "ms",
    "sw",
    "la",
    "lb",
    "oc",
    "br",
    "et",
}
_CENTRAL = {"cs", "sk", "pl", "hu", "sl", "hr", "ro", "bs", "sr", "sq"}
_CYRILLIC = {"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"}
_BALTIC = {"lt", "lv", "et"}
# The languages each single-byte encoding is used for: a guessed encoding
# stands only if the decoded text is in one of them.
LANGUAGES = {
    "cp1252": _WESTERN,
    "latin_1": _WESTERN,
    "iso8859_15": _WESTERN,
    "mac_roman": _WESTERN,
    "cp1250": _CENTRAL,
    "iso8859_2": _CENTRAL,
    "mac_latin2": _CENTRAL,
    "cp1251": _CYRILLIC,
    "koi8_r": _CYRILLIC,
    "cp1257": _BALTIC,
    "iso8859_13": _BALTIC,
    "iso8859_4": _BALTIC,
    "cp1254": {"tr", "az"},
    "iso8859_9": {"tr", "az"},
    "cp1253": {"el"},
    "cp1255": {"he", "yi"},
    "cp1256": {"ar", "fa", "ur"},
}
