"""Span hygiene: where a name starts and ends, and what is no name at all."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .chain import rule
from .lexicon import (
    DETERMINERS,
    ORG_WORDS,
    PARTICLES,
    POSSESSIVES,
    ROLE_WORDS,
    TITLES,
    is_country,
    name_token,
)
from .spans import NUMBER, Span, replace, same_line, taken

_SPLITTERS = frozenset(
    {",", "-", "--", "(", ")", "[", "]", ";", ":", "/", "|", '"', "“", "”", "—", "–", "•", "·", "©"}
)
_URL = re.compile(r"(?i)(https?://|www\.|\.(com|org|net|news|co|ru|cn|uk|io|info)\b)")
_INITIAL = re.compile(r"^[A-Z]\.$")
PRESS_WORDS = frozenset({"news", "agency", "newspaper", "daily"})
MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)  # "May" is also a name
PEOPLE_WORDS = frozenset("men women boys girls ladies juniors seniors veterans".split())


def _splits(doc: Doc, i: int) -> bool:
    """A separator token; a hyphen only when spaced ("A - B", not "Jong-un")."""
    tok = doc[i]
    if tok.text in ("-", "--"):
        return bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)
    return tok.text in _SPLITTERS


@rule("split.v1", reads=("token.text", "token.whitespace_"), sets=("bounds", "adds"))
def split(doc: Doc, spans: list[Span]) -> list[Span]:
    """A span never crosses a line break, a comma, a bracket, a spaced dash or
    a bare number ("Sputnik International , 1920")."""
    out = []
    for s in spans:
        start = s.start
        for i in range(s.start, s.end):
            tok = doc[i]
            if tok.is_space or _splits(doc, i) or NUMBER.match(tok.text):
                out.append(Span(start, i, s.label))
                start = i + 1
            elif "\n" in tok.whitespace_:
                out.append(Span(start, i + 1, s.label))
                start = i + 1
        out.append(Span(start, s.end, s.label))
    return [s for s in out if s.end > s.start]


def _leading(doc: Doc, i: int, label: str) -> bool:
    tok = doc[i]
    return tok.lower_ in DETERMINERS or tok.is_punct or (label == "PERSON" and tok.lower_ in TITLES)


def _trailing(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.text in POSSESSIVES or (tok.is_punct and tok.text != ".")


@rule("trim.v1", reads=("token.text", "token.lower_", "token.is_punct"), sets=("bounds", "drops"))
def trim(doc: Doc, spans: list[Span]) -> list[Span]:
    """Leading determiners and titles ("the", "President"), a trailing
    possessive ("Xi's") and "news agency" are not part of a name; a span with
    no capital letter ("the defence ministry") is no name."""
    out = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and _leading(doc, start, s.label):
            start += 1
        while end > start and _trailing(doc, end - 1):
            end -= 1
        if end - start > 1 and doc[end - 1].text in PRESS_WORDS:  # "Interfax news agency"
            end -= 2 if end - start > 2 and doc[end - 2].text == "news" else 1
        if end > start and any(c.isupper() for c in doc[start:end].text):  # not "senate"
            out.append(Span(start, end, s.label))
    return out


@rule("urls.v1", reads=("token.like_url", "token.like_email", "token.text"), sets=("drops",))
def drop_urls(doc: Doc, spans: list[Span]) -> list[Span]:
    """Mentions that are or touch a URL or a domain are dropped."""

    def urlish(s: Span) -> bool:
        toks = doc[max(0, s.start - 1) : min(len(doc), s.end + 1)]
        return any(
            t.like_url or t.like_email or _URL.search(t.text) for t in toks if not t.is_punct
        )

    return [s for s in spans if not urlish(s)]


def _given_name_before(doc: Doc, s: Span, before: Span | None, covered: set[int]) -> bool:
    """The word before a person's span is a given name to take in: a name word
    the model labelled apart as one word or not at all; not a country or a role."""
    prev = doc[s.start - 1]
    single = before is not None and before.end - before.start == 1
    return (
        name_token(prev)
        and prev.pos_ == "PROPN"
        and same_line(doc, s.start - 1, s.start)
        and not is_country(prev.text)
        and prev.lower_ not in ROLE_WORDS
        and (
            (single and before.label in ("GPE", "LOC", "ORG", "FAC", "PRODUCT"))
            or (before is None and s.start - 1 not in covered)
        )
    )


@rule("given_names.v1", reads=("token.text", "token.pos_"), sets=("bounds", "drops"))
def given_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name runs back over a given name the model labelled apart
    or not at all ("Lena" + "Brandt"); not over a country, a nationality
    ("American Dennis Mitchell") or a title."""
    by_end = {s.end: s for s in spans}
    covered = taken(spans)
    dropped, out = set(), []
    for s in spans:
        start = s.start
        if s.label == "PERSON" and start > 0:
            before = by_end.get(start)
            if _given_name_before(doc, s, before, covered):
                start -= 1
                if before is not None:
                    dropped.add(id(before))
        out.append(Span(start, s.end, s.label))
    return [s for s, orig in zip(out, spans) if id(orig) not in dropped]


@rule("initials.v1", reads=("token.text", "token.whitespace_"), sets=("adds", "drops"))
def initials(doc: Doc, spans: list[Span]) -> list[Span]:
    """An initial and a name ("H. Morris", "T. O'Gorman", "A. de Silva") is a
    person, whatever the model cut or called it; not an organisation's
    initials ("J. Walter Thompson Co")."""
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _INITIAL.match(doc[j].text) and same_line(doc, i, j):
            j += 1
        k = j
        while (
            k < len(doc)
            and same_line(doc, i, k)
            and (name_token(doc[k]) or doc[k].lower_ in PARTICLES)
        ):
            k += 1
        while k > j and doc[k - 1].lower_ in PARTICLES:
            k -= 1
        if j > i and k > j and not any(t.lower_ in ORG_WORDS for t in doc[j : k + 1]):
            found.append(Span(i, k, "PERSON"))
        i = max(k, i + 1)
    return replace(spans, found)


@rule("common_words.v1", reads=("token.lower_",), sets=("drops",))
def drop_common_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """A month ("June", "December T-bonds") and a heading's people word
    ("Women 's 100 metres") are not names."""

    def common(s: Span) -> bool:
        words = doc[s.start : s.end]
        return words[0].lower_ in MONTHS or words[-1].lower_ in PEOPLE_WORDS

    return [s for s in spans if not common(s)]
