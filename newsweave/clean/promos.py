"""The promo and related-links vocabulary, written once for the three rules that read it.

Each rule matches in its own shape: ``rules`` a scraped line (``promo.v1``,
``footer.marker.v1``), ``html`` a line trafilatura extracted (``html.promo.v1``,
``html.related.v1``), ``trim`` a sentence inside a kept line (``promo.sentence.v1``).
Each takes a named subset below, not the whole vocabulary: every rule reading the union
scored lower on the tune halves of boilerplate-l3s (0.9554 -> 0.9539) and
extraction-html (0.9664 -> 0.9653) (BENCHMARKS.md, "One promo vocabulary"). Entries are
regex fragments, matched case-insensitively; a phrase several rules share is one name
here, so a change to it reaches every rule that reads it (and their versions).
"""

from __future__ import annotations


def any_of(*phrases: str) -> str:
    """One regex group matching any of ``phrases``."""
    return "(?:" + "|".join(phrases) + ")"


# ---------------------------------------------------------------- calls to act
# A bare phrase is enough in a short extracted line or at a sentence's opening; a
# scraped line anywhere needs what follows it in a promo, since a story can say
# "sign up" or "subscribe" too.
CLICK_HERE = r"click here"
SIGN_UP = r"sign up"
SUBSCRIBE = r"subscribe"
FOLLOW_US = r"follow us"
NEWSLETTER = r"newsletters?"
READ_MORE = r"read more"
DISCUSSION = r"to participate in the discussion"

# Openings of sentences that send the reader elsewhere (a line that is only one is
# a promo too).
OPENINGS = (
    r"head over to",
    r"watch (?:this|the) (?:clip|video)",
    r"this video is from",
    r"visit \S+\.\w+ for more",
)

# ``promo.v1`` (rules): anywhere in a short scraped line.
LINE_CALLS = (
    SIGN_UP + r" (?:for|to)",
    SUBSCRIBE + r" (?:to|for|now)",
    r"download (?:our|the) app",
    r"get (?:more|the latest) (?:with|news)",
    r"personali[sz]ed news feed",
    DISCUSSION,
    r"log ?in or register",
    CLICK_HERE,
    FOLLOW_US + r" on",
)
# Notices only a site prints; "copyright" only opening a line.
NOTICES = (
    r"all rights reserved",
    r"we use cookies",
    r"your (?:browser|device) (?:does not|doesn't) support",
    r"enable javascript",
    r"this (?:video|content) is (?:not )?available",
)
NOTICE_OPENING = r"copyright"
# Words a story can use too ("the council newsletter"): a promo only in a line that
# is not a sentence.
SITE_WORDS = (
    NEWSLETTER,
    r"terms of (?:use|service)",
    r"privacy (?:policy|statement)",
    r"cookie (?:policy|settings)",
)

# ``html.promo.v1``: anywhere in a short extracted line, with the credit and contact
# lines that close an article.
HTML_CALLS = (
    NEWSLETTER,
    SIGN_UP,
    SUBSCRIBE,
    CLICK_HERE,
    r"tell us what you think",
    r"contributed to this report",
    r"follow (?:him|her|them|us|me) (?:on|at)",
    r"may be reached at",
    r"reach the reporters?",
)
HTML_CREDIT_OPENINGS = (
    r"\(?(?:(?:additional )?reporting|writing|editing) by",
    r"have a tip",
    r"email \w+(?: \w+)? at",
)

# ``promo.sentence.v1`` (trim): opening a sentence inside a kept line.
SENTENCE_CALLS = (
    *OPENINGS,
    CLICK_HERE,
    READ_MORE + r"\s*:",
    FOLLOW_US + r"\b",
    SIGN_UP + r"\b",
    SUBSCRIBE + r" to\b",
    r"for more (?:stories|news) (?:about|on)\b",
    r"listen to (?:this|the) (?:podcast|episode)",
)

# ---------------------------------------------------------------- related links
RELATED = r"related"
SEE_ALSO = r"see also"
RECOMMENDED = r"recommended"
YOU_MAY_ALSO = r"you (?:may|might) also"

# ``html.related.v1``: a label opening a line, before ":", "..." or the line's end.
HTML_RELATED = (
    RELATED + r"(?: posts?| stories| articles?| coverage| content)?",
    READ_MORE,
    r"see more",
    SEE_ALSO,
    r"(?:also|more) read",
    r"read also",
    r"more on this",
    r"don'?t miss",
    YOU_MAY_ALSO + r" like",
    RECOMMENDED + r"(?: for you)?",
    r"most (?:read|popular)(?: in .{1,30})?",
    r"trending(?: now)?",
)
# ``footer.marker.v1`` (rules): a short scraped line that is only such a label.
FOOTER_RELATED = (
    r"(?:more|other|further) (?:related )?(?:stories|articles|news|coverage|reading)\b.{0,30}$",
    RELATED + r" (?:stories|articles|coverage|content|news|links|reading)\s*:?$",
    YOU_MAY_ALSO + r" (?:like|be interested)\b",
    RECOMMENDED + r" (?:for you|stories|articles)\s*:?$",
)
# ``promo.sentence.v1`` (trim): an aside "(Related: ...)" inside a kept line.
ASIDE_RELATED = (RELATED, READ_MORE, SEE_ALSO, RECOMMENDED)
