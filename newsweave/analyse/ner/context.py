"""Names read from where they stand: runs of proper nouns, a dateline's place,
competitions, and places after "at"."""

from __future__ import annotations

from spacy.tokens import Doc

from .chain import rule
from .gazetteers import firm_word_follows
from .lexicon import (
    FIRM_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
    TEAM_NOUNS,
    legal_form,
    name_token,
)
from .spans import Span, dateline_city, lines, replace, runs, taken

EVENT_WORDS = frozenset(
    """
forum initiative campaign summit conference cooperation games cup championship
championships open tour league festival war revolution talks agreement treaty
""".split()
)
COMPETITION_WORDS = frozenset(
    "cup tour open championship championships games olympics series prix trophy".split()
)
# Who works at a firm ("an analyst at Halvard"), and how ("worked at IBM").
WORKERS = frozenset(
    """
analyst analysts economist economists strategist strategists trader traders dealer
dealers manager managers director partner executive official officials coach
work job stint career spell post role study teach intern serve employ
""".split()
)
DATELINE_LINES = 4  # the headline, perhaps a byline, then the dateline
_JOINERS = ("and", "of", "for", "&")


@rule("name_runs.v1", reads=("token.pos_", "token.text", "token.whitespace_"), sets=("adds",))
def name_runs(doc: Doc, spans: list[Span]) -> list[Span]:
    """Unlabelled runs of two or more capitalised proper nouns are people, or
    a place when a place's word ends them ("Harlow Bridge"; organisation-like
    runs were taken by ``org_suffix.v1``)."""
    covered = taken(spans)
    out = list(spans)
    for i, j in runs(
        doc,
        lambda i, j: (
            j not in covered
            and doc[j].pos_ == "PROPN"
            and name_token(doc[j])
            and (j == i or "\n" not in doc[j - 1].whitespace_)
        ),
    ):
        if j - i >= 2 and _person_like_run(doc, i, j):
            out.append(Span(i, j, "FAC" if doc[j - 1].lower_ in PLACE_WORDS else "PERSON"))
    return out


def _person_like_run(doc: Doc, i: int, j: int) -> bool:
    """Not a piece of a longer capitalised name ("Belt and Road Forum") nor a
    title or a headline's words ("Top Security Official")."""
    if any(
        t.lower_ in ROLE_WORDS or t.lower_ in ORG_WORDS or t.lower_ in EVENT_WORDS for t in doc[i:j]
    ):
        return False
    before = doc[i - 2 : i] if i >= 2 else None
    after = doc[j : j + 2] if j + 2 <= len(doc) else None

    def joined(pair) -> bool:
        return pair is not None and pair[0].lower_ in _JOINERS and pair[1].text[:1].isupper()

    return not (
        before is not None and before[1].lower_ in _JOINERS and before[0].text[:1].isupper()
    ) and not joined(after)


@rule("datelines.v3", reads=("token.idx", "doc.text"), sets=("adds", "drops"))
def datelines(doc: Doc, spans: list[Span]) -> list[Span]:
    """The place in capitals that opens a story's dateline ("MINSK 1996-08-30",
    "MOSCOW (Sputnik) -", "WARSAW, Poland (AP) _") is a place; a headline in
    capitals ("CANADA BEAT PANAMA") is not a dateline (``newsweave.datelines``)."""
    places = []
    for a, b in lines(doc)[:DATELINE_LINES]:
        city = dateline_city(doc, a, b)
        if city:
            places.append(Span(*city, "GPE"))
    if not places:
        return spans
    return replace(spans, places)


@rule("competitions.v2", reads=("token.lower_",), sets=("labels",))
def competitions(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name ending in a competition's word ("UEFA Cup", "PGA Tour", "U.S.
    Open", "World Series") is an event, not the body that runs it."""
    return [
        Span(s.start, s.end, "EVENT")
        if s.end - s.start > 1
        and doc[s.end - 1].lower_ in COMPETITION_WORDS
        and s.label in ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP")
        else s
        for s in spans
    ]


@rule("venues.v2", reads=("token.lower_", "token.lemma_"), sets=("labels",))
def venues(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's name right after "at" that nothing marks as a firm
    is where things happen ("at Kesmarro", "at Headingley"), not who does
    them; "an analyst at Halvard", "Mira Solano at Halvard", "at Corvane
    Holdings Inc" and "at Dynamo Moscow players" keep their label."""
    people = {s.end for s in spans if s.label == "PERSON"}
    return [
        Span(s.start, s.end, "LOC")
        if s.label == "ORG"
        and s.start > 0
        and doc[s.start - 1].lower_ == "at"
        and s.start - 1 not in people
        and not _works_at(doc, s)
        else s
        for s in spans
    ]


def _works_at(doc: Doc, s: Span) -> bool:
    words = doc[s.start : s.end]
    return (
        any(t.lower_ in ORG_WORDS or legal_form(t) or t.text == "&" for t in words)
        or (
            s.start > 1
            and (doc[s.start - 2].lower_ in WORKERS or doc[s.start - 2].lemma_ in WORKERS)
        )
        or firm_word_follows(doc, s, FIRM_WORDS | TEAM_NOUNS)
    )
