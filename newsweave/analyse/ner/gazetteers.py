"""Names known by list or by the words around them: countries, peoples,
organisation words and legal forms, firms and acronyms."""

from __future__ import annotations

from spacy.tokens import Doc

from .chain import rule
from .consistency import person_parts
from .lexicon import (
    AMBIGUOUS_COUNTRIES,
    FIRM_WORDS,
    LEGAL_FORMS,
    MARKET_WORDS,
    ORG_WORDS,
    PEOPLE_PREFIXES,
    POSSESSIVES,
    TITLES,
    is_country,
    legal_form,
    people_word,
)
from .spans import Span, is_caps, key, replace, runs, taken


@rule("org_suffix.v1", reads=("token.pos_", "token.is_title", "token.lower_"), sets=("adds",))
def org_suffix(doc: Doc, spans: list[Span]) -> list[Span]:
    """An unlabelled run of proper nouns ending in an organisation word
    ("Sputnik International", "... Group") is an ORG."""
    covered = taken(spans)
    out = list(spans)
    for i, j in runs(
        doc, lambda i, j: j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title
    ):
        if j - i >= 2 and doc[j - 1].lower_ in ORG_WORDS:
            out.append(Span(i, j, "ORG"))
    return out


@rule("countries.v1", reads=("token.text",), sets=("labels", "adds"))
def countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """A country's name (``patterns/countries.v1.jsonl``) is a place, whatever
    the model said, and where it said nothing; a person's name that is also a
    country is left alone when the article names that person in full
    (``consistency.v1``)."""
    out = [
        Span(s.start, s.end, "GPE")
        if is_country(doc[s.start : s.end].text)
        and s.label in ("ORG", "PERSON", "NORP", "LOC", "FAC")
        else s
        for s in spans
    ]
    return out + _unlabelled_countries(doc, out)


def _unlabelled_countries(doc: Doc, spans: list[Span]) -> list[Span]:
    covered = taken(spans)
    found = []
    i = 0
    while i < len(doc):
        for n in (4, 3, 2, 1) if doc[i].text[:1].isupper() else ():
            words = doc[i : i + n]
            if (
                len(words) == n
                and not covered.intersection(range(i, i + n))
                and is_country(words.text)
                and words.text.title() not in AMBIGUOUS_COUNTRIES
            ):
                found.append(Span(i, i + n, "GPE"))
                i += n - 1
                break
        i += 1
    return found


@rule("nationalities.v1", reads=("token.text", "token.lower_"), sets=("adds", "bounds", "labels"))
def nationalities(doc: Doc, spans: list[Span]) -> list[Span]:
    """A people's name (``patterns/nationalities.v1.jsonl``: "Rwandan",
    "Briton", "South Korean", "Iraqi Kurds", "German-Israeli") is a
    nationality or a group (NORP), whatever the model called it; one that
    opens a person's name is cut from it, with any title ("American Dennis
    Mitchell", "Belgian King Baudouin")."""
    found = [
        Span(i, j, "NORP")
        for i, j in runs(
            doc,
            lambda i, j: (
                j - i < 2
                and (people_word(doc[j].text) or (j == i and doc[j].text in PEOPLE_PREFIXES))
            ),
        )
        if j > i and people_word(doc[j - 1].text)
    ]
    covered = {(f.start, f.end) for f in found}
    out = []
    for s in spans:
        lead = next((f for f in found if f.start == s.start and f.end < s.end), None)
        if lead is not None and s.label == "PERSON":
            start = lead.end
            while start < s.end - 1 and doc[start].lower_ in TITLES:
                start += 1
            out.append(Span(start, s.end, s.label))
        elif (s.start, s.end) not in covered:
            out.append(s)
    return replace(out, [f for f in found if not _inside_name(f, out)])


def _inside_name(f: Span, spans: list[Span]) -> bool:
    """Within a longer name ("Royal Dutch Shell", "American Express")."""
    return any(
        s.start <= f.start and f.end <= s.end and (s.start, s.end) != (f.start, f.end)
        for s in spans
    )


@rule("firms.v1", reads=("token.text", "token.lower_", "token.is_title"), sets=("labels",))
def firms(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name ending in an organisation's word or a legal form
    (``patterns/legal_forms.v1.jsonl``: "Halvard SpA") is an organisation; so
    is, everywhere in the article, a name that an organisation's word follows
    ("Corvane CEO", "Halvard shares") or that opens such a name, unless a
    person is named in full with it."""
    spans = [
        Span(s.start, s.end, "ORG")
        if s.end - s.start > 1
        and s.label == "PERSON"
        and (doc[s.end - 1].lower_ in ORG_WORDS or legal_form(doc[s.end - 1]))
        else s
        for s in spans
    ]
    # A legal form or the market is proof enough; a spokesman or a captain
    # is not, where a person is named in full with the name ("Putin spokesman").
    sure = {key(doc, s) for s in spans if firm_word_follows(doc, s, LEGAL_FORMS | MARKET_WORDS)}
    # "Magna" after "Magna International Inc", though not "Wuxi" the town
    # after a "Wuxi ... Co" firm.
    heads = {
        doc[s.start].text
        for s in spans
        if s.label == "ORG"
        and s.end - s.start > 1
        and legal_form(doc[s.end - 1])
        and doc[s.start].is_title
    }
    spans = [
        Span(s.start, s.end, "ORG")
        if s.label == "PERSON" and doc[s.start].text in sure | heads
        else s
        for s in spans
    ]
    likely = {key(doc, s) for s in spans if firm_word_follows(doc, s, FIRM_WORDS)}
    found = sure | (likely - person_parts(doc, spans))
    return [
        Span(s.start, s.end, "ORG")
        if key(doc, s) in found or (key(doc, s) in heads and s.label not in ("GPE", "LOC"))
        else s
        for s in spans
    ]


def firm_word_follows(doc: Doc, s: Span, words: frozenset[str]) -> bool:
    """One of ``words`` follows the name, perhaps after a possessive; a market
    word counts only after a name that is no place ("Tokyo shares")."""
    nxt = doc[s.end : s.end + 2]
    if nxt and nxt[0].text in POSSESSIVES:
        nxt = nxt[1:]
    if not nxt or s.label == "NORP" or is_country(key(doc, s)):
        return False
    place = s.label in ("GPE", "LOC")
    word = nxt[0].lower_.replace(".", "")
    if word == "news" and not place:  # "Itar-Tass news agency"
        word = nxt[1].lower_ if len(nxt) > 1 else ""
    return word in words and not (place and word in MARKET_WORDS)


@rule("acronyms.v1", reads=("token.text",), sets=("adds",))
def acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """An acronym in brackets after a name it abbreviates ("National Grid
    Authority ( NGA )") has the name's label; ``consistency.v1`` then labels
    the acronym where it stands alone."""
    by_end = {s.end: s for s in spans}
    found = []
    for tok in doc[2 : len(doc) - 1]:
        i = tok.i
        name = by_end.get(i - 1)
        if (
            doc[i - 1].text == "("
            and doc[i + 1].text == ")"
            and is_caps(tok.text)
            and name is not None
            and _abbreviates(tok.text, doc[name.start : name.end])
        ):
            found.append(Span(i, i + 1, name.label))
    return replace(spans, found)


def _abbreviates(acronym: str, words) -> bool:
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
    return len(acronym) >= 2 and acronym.upper() == initials.upper()
