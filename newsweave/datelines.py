"""Datelines: the words that open a story to say where it was filed, and for whom.

"MOSCOW (Sputnik) - ", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ", "(Reuters) – ",
"WARSAW, Poland (AP) _ ", and a wire's line of its own, "MINSK 1996-08-30".
One recogniser for every stage: the clean stage reads the place, the agency and
the date into an article's metadata (``clean.metadata``); the mention rules take
the place in capitals for a place (``datelines.v3``) and for capitals that are not
the story's (``caps_ranges``: ``headlines.v3``); a quotation and its source
do not start with a dateline (``analyse.quotes``). Each caller says which lines
it looks at; this module only says whether a line opens with a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The place in capitals ("NEWPORT NEWS", "AL-AIN", "ST. LOUIS", "LA PAZ"; one word of
# two letters is an agency's or a site's, "AA - Son Dakika"), perhaps with its region
# or country ("HEMPSTEAD, N.Y.", "MILWAUKEE , Wisconsin" in tokenised copy), of up to
# REGION_WORDS capitalised words, "and", "of" and "the" between them ("United Arab
# Emirates", "Bosnia and Herzegovina", "Democratic Republic of the Congo").
_WORDS = r"[A-Z][A-Z'.\-]+"
_CITY = (
    r"(?P<city>[A-Z][A-Z'.\-]{2,}(?:[ -]" + _WORDS + r")*|" + _WORDS + r"(?:[ -]" + _WORDS + r")+)"
)
REGION_WORDS = 4
_REGION_WORD = r"[A-Z][\w.]+"
_REGION = rf"{_REGION_WORD}(?:\s(?:(?:and|of)\s(?:the\s)?)?{_REGION_WORD}){{0,{REGION_WORDS - 1}}}"
_PLACE = r"(?P<place>" + _CITY + r"(?:\s*,\s*" + _REGION + r")?)"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
_WHEN = r"(?:\s*,\s*(?P<when>" + _MONTH_DAY + r")|\s+(?P<iso>\d{4}-\d{2}-\d{2}))"
_AGENCY = r"\(\s*(?P<agency>[A-Z][\w.&' -]{0,38}[\w.])\s*\)"
# A dash (AP's underscore in older copy) and the story; or nothing more on the
# line after a date ("MINSK 1996-08-30").
_END = r"\s*(?:(?:--|[-–—_])\s+(?=\S)|(?<=\d)\s*$)"
PATTERN = re.compile(r"(?:" + _PLACE + _WHEN + r"?\s*)?(?:" + _AGENCY + r")?" + _END)
# "SOCCER - JAPAN GET LUCKY WIN" is a headline, not a dateline; with an agency named
# it is one, whatever the case of the story ("WASHINGTON (AP) _ THE PRESIDENT SAID").
HEADLINE_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Dateline:
    """A dateline found in a text: what it says, and where (character offsets)."""

    place: str | None  # "HEMPSTEAD, N.Y."
    city: tuple[int, int] | None  # the place in capitals: "HEMPSTEAD"
    agency: str | None  # "UPI"
    when: str | None  # "Sept. 26", "1996-08-30"
    end: int  # where the story's own words begin


def find_dateline(text: str, start: int = 0, end: int | None = None) -> Dateline | None:
    """The dateline that opens the line ``text[start:end]`` (``end``: the line's
    end, the text's by default), or None: it names a place or an agency, ends in
    a dash or a date, and, unless it names an agency, the words after it are not
    a headline in capitals."""
    end = len(text) if end is None else end
    found = PATTERN.match(text, start, end)
    if found is None or not (found["place"] or found["agency"]):
        return None
    if found["agency"] is None and _headline(text, found.end(), end):
        return None
    return Dateline(
        place=found["place"],
        city=found.span("city") if found["city"] else None,
        agency=found["agency"],
        when=found["when"] or found["iso"],
        end=found.end(),
    )


def _headline(text: str, start: int, end: int) -> bool:
    words = _WORD.findall(text, start, end)
    return bool(words) and sum(w.isupper() for w in words) >= HEADLINE_SHARE * len(words)


def story_start(text: str, start: int, end: int) -> int:
    """Where the line ``text[start:end]`` begins once its dateline is left out."""
    found = find_dateline(text, start, end)
    return start if found is None else found.end
