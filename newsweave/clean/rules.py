"""Line rules: each names one kind of scraper leftover and recognises it.

Rules run in order and the first that matches gives the line's removal reason.
They only look at a line and its neighbours; deciding where the story itself
starts and ends is ``region``'s job. Each rule name carries a version: change
what a rule removes and its number goes up, so stored reasons name the code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..scripts import dominant_script, script_of
from ..dates import WHEN_WORDS
from . import promos
from .lines import Line

# Words of interface strings (buttons, widgets, menu entries): a short line made
# of nothing else is one ("Share this article", "Read more", "Cookie settings").
UI_WORDS = frozenset(
    """
advertisement advertisements ad ads sponsored content promoted
subscribe unsubscribe sign in up log login logout out register
learn read also see more show load view continue reading
share this article on tweet email print comment comments add leave a post
loader loading chats newsfeed news feed menu main search close open skip to back top
home next previous prev related articles stories topics tags
recommended for you most popular viewed trending follow us like
watch video videos listen play photos photo gallery image
cookies cookie settings accept all reject manage got it ok copy link copied
whatsapp facebook twitter linkedin reddit telegram pinterest
breaking live latest sections
""".split()
)


# Phrases only a promo or a legal notice uses, anywhere in a line (``promos``).
PROMO = re.compile(
    r"\b" + promos.any_of(*promos.LINE_CALLS, *promos.NOTICES) + r"\b"
    r"|^" + promos.any_of(promos.NOTICE_OPENING, *promos.OPENINGS) + r"\b",
    re.I,
)
# Words a story can use too: a promo only in a line that is not a sentence.
PROMO_WORDS = re.compile(r"\b" + promos.any_of(*promos.SITE_WORDS) + r"\b", re.I)
# The end of a credit line: "- Sputnik International, 1920, 19.09.2023".
CREDIT_LINE_TAIL = r",\s*(?:\d{3,4}|\d{1,2}\.\d{1,2}\.\d{4})(?:,\s*\d{1,2}\.\d{1,2}\.\d{4})?$"
# "Photo by ..." opening a short line; a story sentence may open so too.
CREDIT_START = re.compile(r"^\(?(?:photo|image|picture|video|credit)s?\s*(?:by|:)\s", re.I)
CREDIT = re.compile(
    r"^©|"
    r"\b(?:photo|photograph|image|picture|credit|file photo)s?\s*:\s*[\w .,/&'-]{1,60}$|"
    r"\((?:photo|image|picture|credit)s?\b[^)]{0,80}\)$|"
    r"(?:^|\s)[-–]\s[\w .'-]{2,40}" + CREDIT_LINE_TAIL,
    re.I,
)
UI_MAX_WORDS = 4
CREDIT_START_MAX_WORDS = 10
CREDIT_SENTENCE_MAX_WORDS = 6
BYLINE_SENTENCE_MAX_WORDS = 10
DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
COUNTER = re.compile(r"^[\d\s.,:/|+#%()-]+$")
FOOTER = re.compile(
    r"^" + promos.any_of(*promos.FOOTER_RELATED) + r"|^sources? include\b|"
    # Comment sections: once they start, the story is over.
    r"^(?:\d+\s+)?(?:reader |user )?comments?\s*(?:\(\d*\)|\[\d*\]|\d+)?\s*:?$|"
    r"\bcomments? (?:are|is) (?:now )?closed\b|"
    r"^(?:post|add|leave|submit|write|read|view|show|see)(?: a| your| all| the| \d+)? comments?\b|"
    r"^have your say\b|^join the (?:discussion|conversation|debate)\b|"
    r"^(?:share|tell us) your (?:thoughts|views|opinion)\b|^discuss this (?:article|story)\b|"
    r"^" + promos.DISCUSSION + r"\b|"
    r"^(?:readers?'?|your) (?:views|comments|reactions|responses)\b.{0,20}$|"
    r"^add your (?:view|comment|reaction)s?\b|"
    # A comment's signature: "Posted by: dan | Jan 10, 2008 6:02:53 PM".
    r"^(?:posted|submitted|written) by:?\s.{1,60}?(?:\||\bat\b|\bon\b).{0,40}\d",
    re.I,
)
BYLINE = re.compile(
    r"^by\s+(?!(?:the|then|now|contrast|comparison|far|law|chance|default|design|mid|late|"
    r"early|next|last|this|that|these|those|noon|midnight|night|day|\d|" + WHEN_WORDS + r")\b)"
    r"[\w.'’ -]{2,60}?(?:\s*(?://|\||,|–|—|-)\s*.{0,60})?$|"
    r"^\(?(?:reporting|writing|additional reporting) by\b.{0,200}\)?$",
    re.I,
)


@dataclass(frozen=True)
class Context:
    """What rules may know of the whole document."""

    lines: tuple[Line, ...]
    script: str | None
    counts: Counter

    @classmethod
    def of(cls, lines: list[Line]) -> "Context":
        return cls(
            tuple(lines),
            dominant_script(" ".join(l.text for l in lines)),
            Counter(l.text.casefold() for l in lines),
        )


def _key(text: str) -> str:
    return re.sub(r"[\s\W_]+", " ", text.casefold()).strip()


def is_ui_string(line: Line, ctx: Context) -> bool:
    words = _key(line.text).split()
    return 0 < len(words) <= UI_MAX_WORDS and all(w in UI_WORDS for w in words)


def is_promo(line: Line, ctx: Context) -> bool:
    if line.words > 30:
        return False
    return bool(PROMO.search(line.text)) or (
        not line.ends_sentence and bool(PROMO_WORDS.search(line.text))
    )


def is_credit(line: Line, ctx: Context) -> bool:
    if CREDIT_START.match(line.text):
        return line.words <= CREDIT_START_MAX_WORDS and (
            not line.ends_sentence or line.words <= CREDIT_SENTENCE_MAX_WORDS
        )
    return line.words <= 80 and bool(CREDIT.search(line.text))


def is_media_duration(line: Line, ctx: Context) -> bool:
    return bool(DURATION.match(line.text))


def is_counter(line: Line, ctx: Context) -> bool:
    return bool(COUNTER.match(line.text))


def is_foreign_script(line: Line, ctx: Context) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    if len(letters) < 3 or ctx.script is None:
        return False
    foreign = sum(script_of(c) != ctx.script for c in letters)
    return foreign / len(letters) > 0.5


def is_repeated(line: Line, ctx: Context) -> bool:
    """Teasers are often printed twice (image alt text, then the link); a line
    seen three times anywhere is a widget. A sentence said twice stays."""
    count = ctx.counts[line.text.casefold()]
    return count >= 3 or (count == 2 and not line.ends_sentence)


def is_footer_marker(line: Line, ctx: Context) -> bool:
    return line.words <= 16 and bool(FOOTER.search(line.text))


def is_byline(line: Line, ctx: Context) -> bool:
    """A credit line, not a sentence that opens "By Tuesday, ..." or "By then"."""
    if line.ends_sentence and line.words > BYLINE_SENTENCE_MAX_WORDS:
        return False
    return line.words <= 40 and bool(BYLINE.match(line.text))


@dataclass(frozen=True)
class Rule:
    name: str
    test: Callable[[Line, Context], bool]


LINE_RULES = (
    Rule("footer.marker.v1", is_footer_marker),
    Rule("boilerplate.ui.v1", is_ui_string),
    Rule("media.duration.v1", is_media_duration),
    Rule("counter.v1", is_counter),
    Rule("caption.credit.v1", is_credit),
    Rule("promo.v1", is_promo),
    Rule("metadata.byline.v1", is_byline),
    Rule("script.foreign.v1", is_foreign_script),
    Rule("related.repeated.v1", is_repeated),
)


def apply_rules(lines: list[Line], ctx: Context) -> list[str | None]:
    """The first matching rule's name for each line, None where none matched."""
    return [next((r.name for r in LINE_RULES if r.test(line, ctx)), None) for line in lines]
