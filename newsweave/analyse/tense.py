"""Tense and plans: whether a time expression or an event points back or forward.

Read from the verb that governs a span in the spaCy parse (auxiliaries,
tense tags, plan verbs such as "is due to", "scheduled"), or, without a parse,
from the nearest tense cue words of the sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

PAST, FUTURE = "past", "future"

FUTURE_LEMMAS = {
    "schedule",
    "expect",
    "plan",
    "due",
    "slate",
    "intend",
    "hope",
    "prepare",
    "propose",
    "aim",
    "agree",
    "promise",
    "vow",
    "threaten",
    "decide",
    "urge",
    "invite",
    "want",
    "postpone",
    "delay",
    "adjourn",
    "upcoming",
    "set",
}
# A noun "slated", "planned" or "scheduled" for a time names something ahead.
PLAN_LEMMAS = {"schedule", "plan", "slate", "due", "upcoming", "expect", "propose"}
PLAN_WORDS = {"scheduled", "planned", "slated", "upcoming", "expected", "proposed"}
# Words right before the expression that fix its direction whatever the verb says.
LEAD_FUTURE = re.compile(
    r"\b(?:until|as\s+(?:soon|early|late)\s+as|no\s+later\s+than|not\s+before|"
    r"starting|beginning|from\s+next)\s+(?:on\s+)?$",
    re.I,
)

# A future cue runs to the end of its verb group ("will be held"), so that the
# participle inside it is no nearer the time than the modal that governs it.
FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|going\s+to|due\s+to|scheduled|expected\s+to|plans?\s+to|planned"
    r"|planning|would|upcoming|to\s+be\s+held|is\s+to|are\s+to|set\s+to|intends?\s+to|"
    r"next|tomorrow|until|by)\b(?:\s+(?:not|be|have|been|also|still|then|soon|\w+ly))*"
    r"(?:\s+\w+ed\b|\s+held\b)?",
    re.I,
)
PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|ago|earlier|said|told|met|held|began|took|came|went|made|gave|"
    r"left|saw|won|lost|fell|rose|spoke|sent|found|got|since|last|yesterday|\w{3,}ed)\b",
    re.I,
)


def _climb(doc: Doc, start: int, end: int):
    """The span's root, then its heads up to the nearest verb (parses are
    shallow in news text, so at most eight steps)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return
    token = span.root
    yield token
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return
        token = token.head
        yield token


def doc_direction(doc: Doc, start: int, end: int) -> str | None:
    token = None
    for step, token in enumerate(_climb(doc, start, end)):
        if step and any(
            c.dep_ == "amod" and (c.lemma_.lower() in PLAN_LEMMAS or c.lower_ in PLAN_WORDS)
            for c in token.children
        ):
            return FUTURE  # "the slated visit ... in September"
    return verb_direction(token) if token is not None and token.pos_ in ("VERB", "AUX") else None


def past_perfect(doc: Doc, start: int, end: int) -> bool:
    """The verb governing the span is a past perfect ("had not called")."""
    verb = None
    for verb in _climb(doc, start, end):
        pass
    return (
        verb is not None
        and verb.pos_ in ("VERB", "AUX")
        and any(c.lower_ in ("had", "'d") for c in verb.children if c.dep_ in ("aux", "auxpass"))
    )


FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "going"}
PAST_AUX = {"was", "were", "had", "did", "has", "have", "'d"}


def verb_direction(verb) -> str | None:
    """Tense of a verb group: will/would/shall, a plan ("is scheduled", "was due")
    or present progressive points forward; past tense or a perfect points back;
    an infinitive takes the direction of the verb it hangs from."""
    climbed = False
    for _ in range(4):
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & FUTURE_AUX:
            return FUTURE
        # "is scheduled for", "agreed to meet": a plan points forward, but
        # "agreed in April" is a past agreement.
        lemma = verb.lemma_.lower()
        if lemma in FUTURE_LEMMAS and (climbed or verb.tag_ != "VBD"):
            return FUTURE
        if "to" in auxes and verb.head is not verb:
            verb, climbed = verb.head, True  # "was due to meet": ask the governor
            continue
        if verb.tag_ == "VBG" and auxes & {"is", "are", "'s", "'re", "am"}:
            return FUTURE
        if verb.tag_ == "VBD" or auxes & PAST_AUX or (verb.tag_ == "VBN" and not auxes):
            return PAST  # a bare participle is a reduced relative: "the ruling announced Friday"
        return None
    return None


def text_direction(text: str, start: int, end: int) -> str | None:
    """The nearest tense cue in the same sentence, within a few words."""
    left_edge = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 90)
    right_edge = min(
        [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0] + [end + 40]
    )
    cues = []
    for pattern, label in ((FUTURE_CUES, FUTURE), (PAST_CUES, PAST)):
        for m in pattern.finditer(text, max(left_edge, 0), start):
            cues.append((start - m.end(), label != FUTURE, label))
        for m in pattern.finditer(text, end, right_edge):
            cues.append((m.start() - end + 15, label != FUTURE, label))  # words before weigh more
    return min(cues)[2] if cues else None
