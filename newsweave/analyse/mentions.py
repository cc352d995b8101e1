"""Entities: mentions of people, organisations and places, found in one article.

``find_mentions(doc)`` is spaCy NER plus an ordered list of small rules where it
fails on news text (each measured on ner-conll2003 dev, see ``bench/``):

1. ``caps.v1``: lines in capitals (headlines, ``MOSCOW (Sputnik) -`` datelines)
   are re-cased from the article's own spellings and run through the model
   again: the small model reads capitals as acronyms.
2. ``split.v1``: a span never crosses a line break, a comma, a bracket or a
   bare number ("Sputnik International, 1920", "Somerset 83").
3. ``trim.v1``: leading determiners and titles ("the", "President"), a
   trailing possessive ("Xi's") and "news agency" are not part of a name.
4. ``org_suffix.v1``: an unlabelled run of proper nouns ending in an
   organisation word ("Sputnik International", "... Group") is an ORG.
5. ``consistency.v1``: one name keeps one label through an article: a
   surname or given name of a person named in full is a PERSON ("Xi" after
   "Xi Jinping"), the label seen most often wins, and an unlabelled repeat of
   a labelled name is labelled.
6. ``urls.v1``: mentions that are or touch a URL or a domain are dropped.

7. ``initials.v1``, ``scorecards.v1``, ``given_names.v1``, ``common_words.v1``,
   ``firms.v1``, ``acronyms.v1``: "H. Morris" is a person, and so are "Gough"
   in "b Gough 33" and "Florian" before "Schwarthoff"; "June" and "Women 's"
   are not names; "Pirelli" is a firm after "Pirelli shares"; "CNB" after
   "Central Narcotics Bureau ( CNB )" is one too.

8. ``merge_names.v1``, ``name_runs.v1``, ``name_country.v1``, ``teams.v1``,
   ``contests.v1``, ``slugs.v1``, ``countries.v1``, ``competitions.v1``,
   ``datelines.v1``: a person's name runs over the words the model cut off;
   unlabelled runs of capitalised proper nouns are people; ``Name (Country)``
   is a person; a place with a score in a results table or either side of
   "v" is a team (ORG), and so is a town that beats or signs someone; a
   headline's desk word ("SOCCER -") is no name; a country's name is a
   place; a competition ("UEFA Cup") is an event; a dateline's place is a
   place.

Below the finder: ``resolve_article`` (one article's entities, roles and
descriptions) and ``EntityIndex`` (canonical entities across articles).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Mention

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT",
                         "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
RULES = ("caps.v1", "split.v1", "trim.v1", "initials.v1", "scorecards.v1",
         "merge_names.v1", "given_names.v1", "org_suffix.v1", "name_runs.v1",
         "name_country.v1", "teams.v1", "contests.v1", "slugs.v1", "countries.v1",
         "competitions.v1", "common_words.v1", "firms.v1", "acronyms.v1", "headlines.v1",
         "consistency.v1", "nationalities.v1", "venues.v1", "lists.v1", "datelines.v1",
         "urls.v1")

# Words that head a role ("Chinese Foreign Minister"), for names and for roles.
ROLE_WORDS = frozenset("""
president minister secretary director diplomat leader head chairman chairwoman chair
premier chancellor advisor adviser spokesman spokeswoman spokesperson ambassador envoy
official governor mayor commander chief general member deputy king queen prince
secretary-general speaker senator lawmaker representative editor founder ceo
""".split())
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Titles written before a name; never part of the name itself.
TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady president vice premier prime minister
chancellor secretary general gen. gen col. col capt. capt lt sgt maj. major king
queen prince princess emperor pope cardinal bishop archbishop rev. rev father
sheikh ayatollah senator sen. rep. representative governor gov. mayor judge justice
ambassador envoy spokesman spokeswoman chairman chairwoman chief director head
leader coach captain striker midfielder defender goalkeeper manager
""".split())
ORG_WORDS = frozenset("""
international inc inc. corp corp. corporation co co. ltd ltd. plc llc group party
council agency bank university association federation union committee ministry
club news times post institute foundation fund commission organization
organisation authority company airlines airways service services network press
""".split())
PLACE_WORDS = frozenset("""
street avenue road square bridge river lake lakes mountain mountains island islands bay
sea ocean gulf valley park palace airport stadium strait coast peninsula desert
""".split())
_SPLITTERS = frozenset({",", "-", "--", "(", ")", "[", "]", ";", ":", "/", "|", "\"", "“", "”",
                        "—", "–", "•", "·", "©"})
_URL = re.compile(r"(?i)(https?://|www\.|\.(com|org|net|news|co|ru|cn|uk|io|info)\b)")
_NUMBER = re.compile(r"^(?=.*\d)[\d.,:/+-]+$")
_SCORE = re.compile(r"^\d{1,3}(-\d{1,3})?$")  # a score or a tally, not a date


@dataclass
class _Span:
    """A candidate mention as token indices [start, end) and a label."""

    start: int
    end: int
    label: str


def find_mentions(doc: Doc, *, nlp: Language | None = None,
                  rules: tuple[str, ...] = RULES) -> list[Mention]:
    """Named mentions in ``doc``, with character offsets into ``doc.text``.

    ``nlp`` is the pipeline that re-reads lines in capitals (default: the one
    ``analyse.nlp.load()`` holds); ``rules`` names the steps to run, in order.
    """
    spans = [_Span(e.start, e.end, e.label_) for e in doc.ents if e.label_ in NAME_LABELS]
    steps = {"caps.v1": lambda s: _recase_caps(doc, s, nlp),
             "merge_names.v1": lambda s: _merge_names(doc, s),
             "name_runs.v1": lambda s: _name_runs(doc, s),
             "name_country.v1": lambda s: _name_country(doc, s),
             "teams.v1": lambda s: _teams(doc, s),
             "slugs.v1": lambda s: _slugs(doc, s),
             "datelines.v1": lambda s: _datelines(doc, s),
             "competitions.v1": lambda s: _competitions(doc, s),
             "countries.v1": lambda s: _countries(doc, s),
             "split.v1": lambda s: _split(doc, s),
             "trim.v1": lambda s: _trim(doc, s),
             "org_suffix.v1": lambda s: _org_suffix(doc, s),
             "consistency.v1": lambda s: _consistency(doc, s),
             "urls.v1": lambda s: _drop_urls(doc, s),
             "initials.v1": lambda s: _initials(doc, s),
             "given_names.v1": lambda s: _given_names(doc, s),
             "common_words.v1": lambda s: _drop_common_words(doc, s),
             "firms.v1": lambda s: _firms(doc, s),
             "scorecards.v1": lambda s: _scorecards(doc, s),
             "contests.v1": lambda s: _contests(doc, s),
             "acronyms.v1": lambda s: _acronyms(doc, s),
             "venues.v1": lambda s: _venues(doc, s),
             "headlines.v1": lambda s: _headlines(doc, s),
             "nationalities.v1": lambda s: _nationalities(doc, s),
             "lists.v1": lambda s: _lists(doc, s)}
    for rule in rules:
        spans = steps[rule](spans)
    return _to_mentions(doc, spans)


def _taken(spans: list[_Span]) -> set[int]:
    """The token indices the spans cover."""
    return {i for s in spans for i in range(s.start, s.end)}


def _runs(doc: Doc, extends):
    """Token ranges [i, j) from each start ``i`` past the last run, as far as
    ``extends(i, j)`` holds for token ``j``; empty where it fails at once."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and extends(i, j):
            j += 1
        yield i, j
        i = max(j, i + 1)


def _to_mentions(doc: Doc, spans: list[_Span]) -> list[Mention]:
    taken: set[int] = set()
    found = []
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if s.end <= s.start or taken.intersection(range(s.start, s.end)):
            continue
        taken.update(range(s.start, s.end))
        span = doc[s.start:s.end]
        found.append(Mention(span.start_char, span.end_char, span.text, s.label))
    return found


# --------------------------------------------------------------- caps.v1

def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the lines of ``doc`` (whitespace tokens left out)."""
    lines, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            lines.append((start, tok.i))
            start = tok.i + 1
        elif "\n" in tok.whitespace_:
            lines.append((start, tok.i + 1))
            start = tok.i + 1
    lines.append((start, len(doc)))
    return [(a, b) for a, b in lines if b > a]


def _caps_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Lines mostly in capitals, and capital runs that open a line before
    punctuation (a dateline: ``MOSCOW (Sputnik) -``, ``PARAMARIBO , Surinam``)."""
    found = []
    for a, b in _lines(doc):
        words = [t for t in doc[a:b] if any(c.isalpha() for c in t.text)]
        caps = [t for t in words if _is_caps(t.text)]
        if words and len(caps) >= 0.8 * len(words) and any(len(t) > 4 for t in caps):
            found.append((a, b))
            continue
        end = a
        while end < b and (_is_caps(doc[end].text) or doc[end].text in ("-", ".")):
            end += 1
        if end > a and end < b and doc[end].is_punct and any(len(t) > 4 for t in doc[a:end]):
            found.append((a, end))
    return found


def _spellings(doc: Doc, skip: set[int]) -> dict[str, str]:
    """The most common spelling of each word outside the capital lines, not
    counting line- and sentence-initial words (capitalised by position)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for tok in doc:
        if tok.i in skip or tok.is_sent_start or _is_caps(tok.text):
            continue
        seen[tok.text.lower()][tok.text] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in seen.items()}


def _recase(word: str, spellings: dict[str, str], vocab_words: set[str]) -> str:
    if not _is_caps(word):
        return word
    low = word.lower()
    form = spellings.get(low)
    if form is None:
        form = low if low in vocab_words else word[0] + word[1:].lower()
    return form if len(form) == len(word) else word


def _recase_caps(doc: Doc, spans: list[_Span], nlp: Language | None) -> list[_Span]:
    ranges = _caps_ranges(doc)
    if not ranges:
        return spans
    if nlp is None:
        from .nlp import load
        nlp = load()
    skip = {i for a, b in ranges for i in range(a, b)}
    spellings = _spellings(doc, skip)
    common = _common_words(nlp)
    inputs = [Doc(nlp.vocab, words=[_recase(t.text, spellings, common) for t in doc[a:b]],
                  spaces=[bool(t.whitespace_) for t in doc[a:b]]) for a, b in ranges]
    kept = [s for s in spans if not skip.intersection(range(s.start, s.end))]
    for (a, _), parsed in zip(ranges, nlp.pipe(inputs)):
        kept.extend(_Span(a + e.start, a + e.end, e.label_) for e in parsed.ents
                    if e.label_ in NAME_LABELS)
    return kept


_COMMON: dict[int, set[str]] = {}


def _common_words(nlp: Language) -> set[str]:
    """Lower-case English function words: lowercased when re-casing capitals
    (everything else becomes Title case unless the article spells it)."""
    key = id(nlp)
    if key not in _COMMON:
        _COMMON[key] = set(FUNCTION_WORDS)
    return _COMMON[key]


FUNCTION_WORDS = frozenset("""
a an the and or but nor of in on at to for from by with without into onto over under
after before since until as than then that this these those there here is are was
were be been being has have had do does did will would shall should can could may
might must not no yes it its he she they we you i his her their our your my me him
them us who whom whose which what when where why how all any some each every both
few more most other such only own same so too very just also again off out up down
about above below against between through during while if because v vs
""".split())


# --------------------------------------------------------------- split.v1

def _splits(doc: Doc, i: int) -> bool:
    """A separator token; a hyphen only when spaced ("A - B", not "Jong-un")."""
    tok = doc[i]
    if tok.text in ("-", "--"):
        return bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)
    return tok.text in _SPLITTERS


def _split(doc: Doc, spans: list[_Span]) -> list[_Span]:
    out = []
    for s in spans:
        start = s.start
        for i in range(s.start, s.end):
            tok = doc[i]
            if tok.is_space or _splits(doc, i) or _NUMBER.match(tok.text):
                out.append(_Span(start, i, s.label))
                start = i + 1
            elif "\n" in tok.whitespace_:
                out.append(_Span(start, i + 1, s.label))
                start = i + 1
        out.append(_Span(start, s.end, s.label))
    return [s for s in out if s.end > s.start]


# --------------------------------------------------------------- trim.v1

def _trim(doc: Doc, spans: list[_Span]) -> list[_Span]:
    out = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct
                               or (s.label == "PERSON" and doc[start].lower_ in TITLES)):
            start += 1
        while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct
                               and doc[end - 1].text not in (".",)):
            end -= 1
        if end - start > 1 and doc[end - 1].text in PRESS_WORDS:  # "Interfax news agency"
            end -= 2 if end - start > 2 and doc[end - 2].text == "news" else 1
        if end > start and any(c.isupper() for c in doc[start:end].text):  # not "senate"
            out.append(_Span(start, end, s.label))
    return out


PRESS_WORDS = frozenset({"news", "agency", "newspaper", "daily"})


# --------------------------------------------------------------- org_suffix.v1

def _org_suffix(doc: Doc, spans: list[_Span]) -> list[_Span]:
    taken = _taken(spans)
    out = list(spans)
    for i, j in _runs(doc, lambda i, j: j not in taken and doc[j].pos_ == "PROPN"
                      and doc[j].is_title):
        if j - i >= 2 and doc[j - 1].lower_ in ORG_WORDS:
            out.append(_Span(i, j, "ORG"))
    return out


# --------------------------------------------------------------- consistency.v1

def _key(doc: Doc, s: _Span) -> str:
    return doc[s.start:s.end].text


def _consistency(doc: Doc, spans: list[_Span]) -> list[_Span]:
    person_parts = _person_parts(doc, spans)
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in spans:
        votes[_key(doc, s)][s.label] += 1
    out = []
    for s in spans:
        key = _key(doc, s)
        if key in person_parts:
            label = "PERSON"
        else:
            label = votes[key].most_common(1)[0][0]
        out.append(_Span(s.start, s.end, label))
    return out + _repeats(doc, out, person_parts)


def _person_parts(doc: Doc, spans: list[_Span]) -> set[str]:
    """Given names and surnames of people named in full in this article."""
    parts = set()
    for s in spans:
        if s.label == "PERSON" and s.end - s.start >= 2:
            first, last = doc[s.start], doc[s.end - 1]
            parts.update(t.text for t in (first, last) if t.is_title and len(t) > 1)
    return parts


def _repeats(doc: Doc, spans: list[_Span], person_parts: set[str]) -> list[_Span]:
    """Unlabelled capitalised tokens that repeat a one-word labelled name."""
    labels = _word_labels(doc, spans, person_parts)
    taken = _taken(spans)
    found = []
    for tok in doc:
        label = labels.get(tok.text)
        if label and tok.i not in taken and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "X", "NOUN"):
            found.append(_Span(tok.i, tok.i + 1, label))
    return found


def _word_labels(doc: Doc, spans: list[_Span], person_parts: set[str]) -> dict[str, str]:
    """The label of each one-word name, and of each part of a person's full name."""
    labels = {_key(doc, s): s.label for s in spans if s.end - s.start == 1}
    labels.update({part: "PERSON" for part in person_parts})
    return labels


# --------------------------------------------------------------- urls.v1

def _drop_urls(doc: Doc, spans: list[_Span]) -> list[_Span]:
    def urlish(s: _Span) -> bool:
        toks = doc[max(0, s.start - 1):min(len(doc), s.end + 1)]
        return any(t.like_url or t.like_email or _URL.search(t.text) for t in toks
                   if not t.is_punct)
    return [s for s in spans if not urlish(s)]


# --------------------------------------------------------------- merge_names.v1

def _name_token(tok) -> bool:
    """A word that can be part of a name: capitalised, not a title or function word."""
    text = tok.text
    return (text[:1].isupper() and any(c.isalpha() for c in text) and not _is_caps(text)
            and tok.lower_ not in TITLES and tok.lower_ not in FUNCTION_WORDS
            and not tok.is_space and "\n" not in tok.whitespace_[:0])


def _merge_names(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A PERSON span runs on over directly following name words the model cut
    off or labelled apart ("Filip" + "De Wilde")."""
    by_start = {s.start: s for s in spans}
    out, absorbed = [], set()
    for s in sorted(spans, key=lambda s: s.start):
        if id(s) in absorbed:
            continue
        end = s.end
        if s.label == "PERSON":
            while end < len(doc) and _name_token(doc[end]) and "\n" not in doc[end - 1].whitespace_:
                nxt = by_start.get(end)
                if nxt is not None and nxt.label not in ("PERSON", "ORG"):
                    break
                if nxt is not None:
                    absorbed.add(id(nxt))
                    end = nxt.end
                else:
                    end += 1
        out.append(_Span(s.start, end, s.label))
    return out


# --------------------------------------------------------------- name_runs.v1

def _name_runs(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """Unlabelled runs of two or more capitalised proper nouns are people
    (organisation-like runs were taken by ``org_suffix.v1``)."""
    taken = _taken(spans)
    out = list(spans)
    for i, j in _runs(doc, lambda i, j: j not in taken and doc[j].pos_ == "PROPN"
                      and _name_token(doc[j]) and (j == i or "\n" not in doc[j - 1].whitespace_)):
        if j - i >= 2 and _person_like_run(doc, i, j):
            out.append(_Span(i, j, "FAC" if doc[j - 1].lower_ in PLACE_WORDS else "PERSON"))
    return out


def _person_like_run(doc: Doc, i: int, j: int) -> bool:
    """Not a piece of a longer capitalised name ("Belt and Road Forum") nor a
    title or a headline's words ("Top Security Official")."""
    if any(t.lower_ in ROLE_WORDS or t.lower_ in ORG_WORDS or t.lower_ in EVENT_WORDS
           for t in doc[i:j]):
        return False
    before = doc[i - 2:i] if i >= 2 else None
    after = doc[j:j + 2] if j + 2 <= len(doc) else None
    joined = lambda pair: (pair is not None and pair[0].lower_ in ("and", "of", "for", "&")
                           and pair[1].text[:1].isupper())
    return not (before is not None and before[1].lower_ in ("and", "of", "for", "&")
                and before[0].text[:1].isupper()) and not joined(after)


EVENT_WORDS = frozenset("""
forum initiative campaign summit conference cooperation games cup championship
championships open tour league festival war revolution talks agreement treaty
""".split())


# --------------------------------------------------------------- name_country.v1

def _name_country(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """``Name ( Country )``, as in results lists and line-ups: the name is a person."""
    out = []
    for s in spans:
        after = doc[s.end:s.end + 3]
        if (len(after) == 3 and after[0].text == "(" and after[2].text == ")"
                and after[1].text in COUNTRIES and s.label in ("ORG", "GPE", "LOC", "NORP")
                and doc[s.start:s.end].text not in COUNTRIES):
            out.append(_Span(s.start, s.end, "PERSON"))
        else:
            out.append(s)
    return out


# --------------------------------------------------------------- teams.v1

def _table_line(doc: Doc, a: int, b: int) -> bool:
    toks = [t for t in doc[a:b] if not t.is_punct]
    return len(toks) >= 2 and sum(_NUMBER.match(t.text) is not None for t in toks) >= 0.3 * len(toks)


def _teams(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """In results tables and fixtures a name with a score, or on either side
    of ``v``, is a team (an ORG); countries stay places."""
    table = set()
    for a, b in _lines(doc):
        if _table_line(doc, a, b):
            table.update(range(a, b))
    out = [_Span(s.start, s.end, "ORG") if _team(doc, s, table) else s for s in spans]
    return out + _unlabelled_teams(doc, out, table)


def _opens_score(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line, or follows a score, a comma or a venue's colon."""
    return (_opens_line(doc, i) or bool(_SCORE.match(doc[i - 1].text))
            or doc[i - 1].text in (",", ":"))


def _opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _team(doc: Doc, s: _Span, table: set[int]) -> bool:
    """A place, a one-word name or (opening a line of scores: "Manchester City
    3 1 0 2", "San Diego 3 NEW YORK 2") any name without initials, followed by
    a score, or either side of ``v``."""
    nxt = doc[s.end] if s.end < len(doc) else None
    prev = doc[s.start - 1] if s.start > 0 else None
    scored = s.start in table and nxt is not None and bool(_SCORE.match(nxt.text))
    fixture = (nxt is not None and nxt.lower_ in ("v", "vs", "vs.")) or (
        prev is not None and prev.lower_ in ("v", "vs", "vs."))
    if not (scored or fixture) or _country(doc[s.start:s.end].text) or s.label == "ORG":
        return False
    if s.label in ("GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return True
    words = doc[s.start:s.end]
    return len(words) == 1 or (scored and all(t.is_alpha for t in words)
                               and _opens_result(doc, s.start))


def _opens_result(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line, or follows another name's score ("Borussia
    Neunkirchen 1 St Pauli 3"); not a golfer after a total ("292 Iain Pyman 71")."""
    return _opens_line(doc, i) or (
        i >= 2 and bool(_SCORE.match(doc[i - 1].text)) and doc[i - 2].is_alpha)


def _unlabelled_teams(doc: Doc, spans: list[_Span], table: set[int]) -> list[_Span]:
    """A capitalised run the model left unlabelled that, in a results table,
    opens a line or follows a score and is followed by one ("Huddersfield 3 1
    1 1", "Blackpool 0 Wycombe 0", "Hove : Sussex 363"), or that follows
    ``v`` ("May 18 v Worcestershire"), or a rider's country ("Ludwig (
    Germany ) Telekom 4 hours"): a team, or a country's side."""
    taken = _taken(spans)
    found = []
    for i, j in _runs(doc, lambda i, j: j not in taken and doc[j].text[:1].isupper()
                      and doc[j].text.replace("-", "").isalpha()
                      and doc[j].lower_ not in FUNCTION_WORDS and j - i < 4):
        if j > i and _team_run(doc, i, j, table):
            found.append(_Span(i, j, "GPE" if _country(doc[i:j].text) else "ORG"))
    return found


def _team_run(doc: Doc, i: int, j: int, table: set[int]) -> bool:
    nxt = doc[j] if j < len(doc) else None
    scored = nxt is not None and bool(_SCORE.match(nxt.text))
    in_table = all(k in table for k in range(i, j))
    rider = i >= 3 and doc[i - 1].text == ")" and doc[i - 3].text == "(" \
        and _country(doc[i - 2].text) and (nxt is None or _opens_line(doc, j)
                                           or _NUMBER.match(nxt.text) or nxt.lower_ == "same")
    # Not in a headline's capitals, where the next words would run on.
    fixture = i > 0 and doc[i - 1].lower_ in ("v", "vs", "vs.") \
        and not any(_is_caps(t.text) for t in doc[i:j])
    return (in_table and scored and _opens_score(doc, i)) or rider or fixture


def _country(text: str) -> bool:
    """A country's name, also as written in a headline's capitals."""
    return text in COUNTRIES or (_is_caps(text) and text.title() in COUNTRIES)


COUNTRIES = frozenset(line.strip() for line in """
Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia
Botswana|Brazil|Britain|Brunei|Bulgaria|Burkina Faso|Burma|Burundi|Cambodia|Cameroon|Canada
Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia
Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|England|Eritrea|Estonia|Ethiopia|Fiji
Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana
Haiti|Holland|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel
Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kazakstan|Kenya|Kosovo|Kuwait|Kyrgyzstan
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Macedonia
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand
Nicaragua|Niger|Nigeria|North Korea|Northern Ireland|Norway|Oman|Pakistan|Palestine|Panama
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|San Marino
Saudi Arabia|Scotland|Senegal|Serbia|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia
South Africa|South Korea|Spain|Sri Lanka|Sudan|Surinam|Suriname|Sweden|Switzerland|Syria
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad|Tunisia|Turkey|Turkmenistan|U.S.
US|USA|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan
Republic of Ireland|Czech Republic|Slovak Republic
Venezuela|Vietnam|Wales|Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe|UK|U.K.|Korea|Samoa
""".replace("\n", "|").split("|") if line.strip())


# --------------------------------------------------------------- countries.v1

def _countries(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A country's name is a place, whatever the model said (national teams
    included), and where it said nothing; a person's name that is also a
    country is left alone when the article names that person in full
    (``consistency.v1``)."""
    out = [_Span(s.start, s.end, "GPE") if _country(doc[s.start:s.end].text)
           and s.label in ("ORG", "PERSON", "NORP", "LOC", "FAC") else s for s in spans]
    return out + _unlabelled_countries(doc, out)


# Country names that are also given names, surnames or a word ("JOIN US"):
# not taken where the model saw nothing.
AMBIGUOUS_COUNTRIES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "Kenya", "India", "Us"})


def _unlabelled_countries(doc: Doc, spans: list[_Span]) -> list[_Span]:
    taken = _taken(spans)
    found = []
    i = 0
    while i < len(doc):
        for n in (4, 3, 2, 1) if doc[i].text[:1].isupper() else ():
            words = doc[i:i + n]
            if len(words) == n and not taken.intersection(range(i, i + n)) \
                    and _country(words.text) and words.text.title() not in AMBIGUOUS_COUNTRIES:
                found.append(_Span(i, i + n, "GPE"))
                i += n - 1
                break
        i += 1
    return found


# --------------------------------------------------------------- slugs.v1

def _slugs(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A headline in capitals opens with its desk's word and a dash ("SOCCER -
    CANADA BEAT PANAMA", "EUROBONDS - ..."): that word names no one, unless it
    is a country's name."""
    slug = _slug_words(doc)
    return [s for s in spans if not slug.intersection(range(s.start, s.end))]


def _slug_words(doc: Doc) -> set[int]:
    slug: set[int] = set()
    for a, b in _lines(doc):
        dash = next((k for k in range(a + 1, min(a + 4, b)) if doc[k].text in ("-", "--")), None)
        words = [t for t in doc[a:b] if t.is_alpha]
        if dash is None or not words or not all(_is_caps(t.text) or len(t) == 1 for t in words):
            continue
        if not _country(doc[a:dash].text):
            slug.update(range(a, dash))
    return slug


# --------------------------------------------------------------- datelines.v1

DATELINE_LINES = 4  # the headline, perhaps a byline, then the dateline
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
_DATELINE_TAIL = re.compile(
    r"\s*(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?\s*)?"  # ", Poland", ", N.Y."
    r"(?:\d{4}-\d{2}-\d{2}\s*$|\(|--|[-–—_]\s|,\s*" + _MONTHS + r")")


def _datelines(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """The place in capitals that opens a story's dateline ("MINSK 1996-08-30",
    "MOSCOW (Sputnik) -", "WARSAW, Poland (AP) _") is a place; a headline in
    capitals ("SOCCER - CANADA BEAT PANAMA") is not a dateline."""
    places = []
    for a, b in _lines(doc)[:DATELINE_LINES]:
        end = a
        while end < b and (_is_caps(doc[end].text) or (end > a and doc[end].text in (".", "'"))):
            end += 1
        if end == a or end == b:  # no capitals first, or a line all in capitals
            continue
        rest = [t for t in doc[end:b] if t.is_alpha and len(t) > 1]
        tail = doc.text[doc[end].idx:doc[b - 1].idx + len(doc[b - 1])]
        headline = rest and sum(_is_caps(t.text) for t in rest) >= 0.8 * len(rest)
        if _DATELINE_TAIL.match(tail) and not headline:
            places.append(_Span(a, end, "GPE"))
    if not places:
        return spans
    return _replace(spans, places)


# --------------------------------------------------------------- competitions.v1

COMPETITION_WORDS = frozenset("cup tour open championship championships games olympics "
                              "series prix trophy".split())
# A league or a division is a competition in sport ("American League", "Eastern
# Division"), a body in politics ("the Northern League").
SPORTS_COMPETITION_WORDS = frozenset({"league", "division"})
_RESULT = re.compile(r"^\d{1,3}-\d{1,3}$")  # a result ("7-4"); _SCORE also takes "7"


def _competitions(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A name ending in a competition's word ("UEFA Cup", "PGA Tour", "U.S.
    Open", "World Series", and in a sports report "American League") is an
    event, not the body that runs it."""
    words = COMPETITION_WORDS | (SPORTS_COMPETITION_WORDS if _sports_report(doc) else set())
    return [_Span(s.start, s.end, "EVENT")
            if s.end - s.start > 1 and doc[s.end - 1].lower_ in words
            and s.label in ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP") else s for s in spans]


def _sports_report(doc: Doc) -> bool:
    """Some line gives a result ("San Diego 3 NEW YORK 2") or a standing
    ("NEW YORK 74 59 .556"), or has a score ("7-4") and a contest's verb."""
    lines = [doc[a:b] for a, b in _lines(doc)]
    return any(_RESULT_LINE.search(_shape(line)) or (
        any(_RESULT.match(t.text) for t in line)
        and any(t.lemma_ in CONTEST_VERBS or t.lower_ in CONTEST_VERBS for t in line))
        for line in lines)


# Names with scores ("Derbyshire 24 points , Worcestershire 5"), or a standing
# ("Rotor 4 3 0 1").
_RESULT_LINE = re.compile(r"A+Nx{0,2}A+N|^A+NN")


def _shape(tokens) -> str:
    return "".join("N" if _SCORE.match(t.text) else "A" if t.text[:1].isupper() and t.is_alpha
                   and t.lower_ not in MONTHS else "x" for t in tokens if not t.is_space)


# --------------------------------------------------------------- initials.v1

_INITIAL = re.compile(r"^[A-Z]\.$")
PARTICLES = frozenset("de da di del della dos das du van von der den la le ter ten bin al".split())


def _initials(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """An initial and a name ("H. Morris", "T. O'Gorman", "A. de Silva") is a
    person, whatever the model cut or called it; not an organisation's
    initials ("J. Walter Thompson Co")."""
    found = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _INITIAL.match(doc[j].text) and _same_line(doc, i, j):
            j += 1
        k = j
        while k < len(doc) and _same_line(doc, i, k) and (
                _name_token(doc[k]) or doc[k].lower_ in PARTICLES):
            k += 1
        while k > j and doc[k - 1].lower_ in PARTICLES:
            k -= 1
        if j > i and k > j and not any(t.lower_ in ORG_WORDS for t in doc[j:k + 1]):
            found.append(_Span(i, k, "PERSON"))
        i = max(k, i + 1)
    return _replace(spans, found)


def _same_line(doc: Doc, i: int, j: int) -> bool:
    return j == i or not any("\n" in t.whitespace_ or t.is_space for t in doc[i:j])


def _replace(spans: list[_Span], found: list[_Span]) -> list[_Span]:
    """``found`` spans, and the spans that overlap none of them."""
    covered = _taken(found)
    return [s for s in spans if not covered.intersection(range(s.start, s.end))] + found


# --------------------------------------------------------------- given_names.v1

def _given_names(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A person's name runs back over a given name the model labelled apart
    or not at all ("Florian" + "Schwarthoff"); not over a country, a
    nationality ("American Dennis Mitchell") or a title."""
    by_end = {s.end: s for s in spans}
    taken = _taken(spans)
    dropped, out = set(), []
    for s in spans:
        start = s.start
        if s.label == "PERSON" and start > 0:
            prev = doc[start - 1]
            before = by_end.get(start)
            single = before is not None and before.end - before.start == 1
            if (_name_token(prev) and prev.pos_ == "PROPN" and _same_line(doc, start - 1, start)
                    and not _country(prev.text) and prev.lower_ not in ROLE_WORDS
                    and (single and before.label in ("GPE", "LOC", "ORG", "FAC", "PRODUCT")
                         or (before is None and start - 1 not in taken))):
                start -= 1
                if before is not None:
                    dropped.add(id(before))
        out.append(_Span(start, s.end, s.label))
    return [s for s, orig in zip(out, spans) if id(orig) not in dropped]


# --------------------------------------------------------------- common_words.v1

MONTHS = frozenset("january february march april june july august september october "
                   "november december".split())  # "May" is also a name
PEOPLE_WORDS = frozenset("men women boys girls ladies juniors seniors veterans".split())


def _drop_common_words(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A month ("June", "December T-bonds") and a heading's people word
    ("Women 's 100 metres") are not names."""
    def common(s: _Span) -> bool:
        words = doc[s.start:s.end]
        return words[0].lower_ in MONTHS or words[-1].lower_ in PEOPLE_WORDS
    return [s for s in spans if not common(s)]


# --------------------------------------------------------------- firms.v1

# Words that follow only an organisation's name: "Ericsson spokesman", "Surrey
# captain"; a legal form ("Pirelli SpA"); and words of the market, which also
# follow a place ("Tokyo shares"), so count only after a name that is no place.
FIRM_WORDS = frozenset("""
ceo chairman spokesman spokeswoman spokesperson subsidiary subsidiaries unit division
board management captain owner owners agency
""".split())
LEGAL_FORMS = frozenset("""
spa ag sa nv bv gmbh ab asa oyj plc inc corp co ltd llc bancorp holdings
""".split())  # compared without their dots: "S.p.A.", "Inc."
MARKET_WORDS = frozenset("shares stock stocks shareholders stockholders".split())


def _firms(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A name ending in an organisation's word ("Pirelli SpA") is an
    organisation; so is, everywhere in the article, a name that an
    organisation's word follows ("Cofinec CEO", "Pirelli shares") or that
    opens such a name, unless a person is named in full with it."""
    spans = [_Span(s.start, s.end, "ORG") if s.end - s.start > 1 and s.label == "PERSON"
             and (doc[s.end - 1].lower_ in ORG_WORDS or _legal_form(doc[s.end - 1])) else s
             for s in spans]
    # A legal form or the market is proof enough; a spokesman or a captain
    # is not, where a person is named in full with the name ("Putin spokesman").
    sure = {_key(doc, s) for s in spans if _firm_word_follows(doc, s, LEGAL_FORMS | MARKET_WORDS)}
    # "Magna" after "Magna International Inc", though not "Wuxi" the town
    # after a "Wuxi ... Co" firm.
    heads = {doc[s.start].text for s in spans if s.label == "ORG" and s.end - s.start > 1
             and _legal_form(doc[s.end - 1]) and doc[s.start].is_title}
    spans = [_Span(s.start, s.end, "ORG") if s.label == "PERSON"
             and doc[s.start].text in sure | heads else s for s in spans]
    likely = {_key(doc, s) for s in spans if _firm_word_follows(doc, s, FIRM_WORDS)}
    firms = sure | (likely - _person_parts(doc, spans))
    return [_Span(s.start, s.end, "ORG") if _key(doc, s) in firms or (
        _key(doc, s) in heads and s.label not in ("GPE", "LOC")) else s for s in spans]


def _firm_word_follows(doc: Doc, s: _Span, words: frozenset[str]) -> bool:
    nxt = doc[s.end:s.end + 2]
    if nxt and nxt[0].text in POSSESSIVES:
        nxt = nxt[1:]
    if not nxt or s.label == "NORP" or _country(_key(doc, s)):
        return False
    place = s.label in ("GPE", "LOC")
    word = nxt[0].lower_.replace(".", "")
    if word == "news" and not place:  # "Itar-Tass news agency"
        word = nxt[1].lower_ if len(nxt) > 1 else ""
    return word in words and not (place and word in MARKET_WORDS)


def _legal_form(tok) -> bool:
    return tok.lower_.replace(".", "") in LEGAL_FORMS


# --------------------------------------------------------------- scorecards.v1

_FIGURES = re.compile(r"^\d{1,2}(\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}$")  # overs-maidens-runs-wickets
DISMISSALS = frozenset({"b", "c", "st", "lbw", "run", "not"})


def _scorecards(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A cricket scorecard's names are players: a batsman before his
    dismissal ("Anwar c Stewart b Gough 33", "Irani not out 45"), the
    fielder and bowler in it, and a bowler before his figures ("Gough
    8-0-39-3")."""
    def extends(i: int, j: int) -> bool:
        return _same_line(doc, i, j) and (_player_token(doc[j]) or (
            doc[j].lower_ in PARTICLES and j + 1 < len(doc) and _player_token(doc[j + 1])))
    found = [_Span(i, j, "PERSON") for i, j in _runs(doc, extends) if j > i and _player(doc, i, j)]
    return _replace(spans, found)


def _player_token(tok) -> bool:
    return (tok.text[:1].isupper() and tok.text.replace("-", "").replace("'", "").isalpha()
            and tok.lower_ not in FUNCTION_WORDS and not _is_caps(tok.text))


def _player(doc: Doc, i: int, j: int) -> bool:
    prev = doc[i - 1].text if i > 0 else ""
    nxt = doc[j:j + 2]
    after = nxt[0].text if nxt else ""
    dismissed = after in ("c", "b", "st", "lbw") or (
        len(nxt) == 2 and nxt.text in ("not out", "run out"))
    fielded = prev in ("b", "c", "st") and _opens_figure(doc, j)
    return bool(_FIGURES.match(after)) or (
        (fielded or (dismissed and _opens_line(doc, i))) and _scored_line(doc, j))


def _scored_line(doc: Doc, j: int) -> bool:
    """The rest of the line from token ``j`` holds a score."""
    while j < len(doc) and not _opens_line(doc, j):
        if _SCORE.match(doc[j].text):
            return True
        j += 1
    return False


def _opens_figure(doc: Doc, j: int) -> bool:
    """What follows a fielder or bowler: the next part of the dismissal, a
    score, or the line's end."""
    return j >= len(doc) or doc[j].text in DISMISSALS or bool(_SCORE.match(doc[j].text)) \
        or _opens_line(doc, j) or doc[j].is_punct


# --------------------------------------------------------------- contests.v1

CONTEST_VERBS = frozenset("""
beat defeat draw lose win tie trail thrash crush edge outduel rout overcome dismiss join
sign outclass outplay
""".split())
TEAM_NOUNS = frozenset("""
side team club captain coach manager striker midfielder defender goalkeeper skipper
forward player players fans defeat victory win lead
""".split())


def _contests(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A town's name that beats, draws with, loses to or signs someone
    ("Leicestershire beat Somerset", "joined Newcastle"), or that owns a
    side's people ("Newcastle 's team mate", "Nice 's home defeat"), is its
    team; countries stay places (CoNLL counts national sides as places)."""
    spans = [_Span(s.start, s.end, "ORG") if s.label in ("GPE", "FAC", "LOC")
             and not _country(_key(doc, s)) and _in_contest(doc, s) else s for s in spans]
    return [_Span(s.start, s.end, _county(doc, s)) if _shire(doc, s) else s for s in spans]


LOCATIVES = frozenset("in at of from near across throughout around".split())


def _county(doc: Doc, s: _Span) -> str:
    """A county after a place's preposition is a place ("in Yorkshire");
    one that acts ("Derbyshire kept up the hunt") is its team or council."""
    return "GPE" if s.start > 0 and doc[s.start - 1].lower_ in LOCATIVES else "ORG"


def _shire(doc: Doc, s: _Span) -> bool:
    """A one-word county ("Derbyshire"), never a person."""
    return s.end - s.start == 1 and doc[s.start].lower_.endswith("shire") \
        and len(doc[s.start]) > 6 and s.label in ("PERSON", "GPE", "LOC", "ORG", "NORP")


def _in_contest(doc: Doc, s: _Span) -> bool:
    head = doc[s.end - 1]
    verb = head.head
    if head.dep_ in ("nsubj", "dobj", "nsubjpass") and verb.lemma_ in CONTEST_VERBS:
        return True
    nxt = doc[s.end:s.end + 4]
    if nxt and nxt[0].text in POSSESSIVES:
        return any(t.lower_ in TEAM_NOUNS for t in nxt[1:])
    return False


# --------------------------------------------------------------- acronyms.v1

def _acronyms(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """An acronym in brackets after a name it abbreviates ("Central Narcotics
    Bureau ( CNB )") has the name's label; ``consistency.v1`` then labels the
    acronym where it stands alone."""
    by_end = {s.end: s for s in spans}
    found = []
    for tok in doc[2:len(doc) - 1]:
        i = tok.i
        name = by_end.get(i - 1)
        if (doc[i - 1].text == "(" and doc[i + 1].text == ")" and _is_caps(tok.text)
                and name is not None and _abbreviates(tok.text, doc[name.start:name.end])):
            found.append(_Span(i, i + 1, name.label))
    return _replace(spans, found)


def _abbreviates(acronym: str, words) -> bool:
    initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
    return len(acronym) >= 2 and acronym.upper() == initials.upper()


# --------------------------------------------------------------- venues.v1

# Who works at a firm ("an analyst at Indosuez"), and how ("worked at IBM").
WORKERS = frozenset("""
analyst analysts economist economists strategist strategists trader traders dealer
dealers manager managers director partner executive official officials coach
work job stint career spell post role study teach intern serve employ
""".split())


def _venues(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A name right after "at" that nothing marks as a firm is where things
    happen ("at Headingley", "KANSAS CITY AT DETROIT"), not who does them;
    "an analyst at Indosuez", "Paula Buratti at Indosuez", "at Salomon Bros
    Inc" and "at Dynamo Moscow players" keep their label."""
    people = {s.end for s in spans if s.label == "PERSON"}
    spans = [_Span(s.start, s.end, "LOC") if s.label == "ORG" and s.start > 0
             and doc[s.start - 1].lower_ == "at" and s.start - 1 not in people
             and not _works_at(doc, s) else s for s in spans]
    return _replace(spans, _grounds(doc, spans))


def _grounds(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """The ground that opens a line of results before a colon and a team
    ("Hove : Sussex 363", "At Portsmouth : Middlesex beat Hampshire by 188")."""
    teams = {s.start for s in spans if s.label == "ORG"}
    found = []
    for a, b in _lines(doc):
        start = a + 1 if doc[a].lower_ == "at" else a
        colon = next((k for k in range(start + 1, min(start + 5, b)) if doc[k].text == ":"), None)
        if (colon is not None and colon + 1 in teams
                and all(t.text[:1].isupper() or t.text in POSSESSIVES for t in doc[start:colon])
                and any(_SCORE.match(t.text) for t in doc[colon + 1:b])):
            found.append(_Span(start, colon, "LOC"))
    return found


def _works_at(doc: Doc, s: _Span) -> bool:
    words = doc[s.start:s.end]
    return (any(t.lower_ in ORG_WORDS or _legal_form(t) or t.text == "&" for t in words)
            or (s.start > 1 and (doc[s.start - 2].lower_ in WORKERS
                                 or doc[s.start - 2].lemma_ in WORKERS))
            or _firm_word_follows(doc, s, FIRM_WORDS | TEAM_NOUNS))


# --------------------------------------------------------------- lists.v1

def _lists(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """In a list of three or more names ("Stuart McCall , Alistair McCoist ,
    Gordon Durie") people and organisations take the list's majority label;
    places and counties keep theirs ("& Dahling , Detroit")."""
    out = sorted(spans, key=lambda s: s.start)
    for group in _listed(doc, out):
        votes = Counter(out[k].label for k in group).most_common(2)
        label = votes[0][0]
        if len(group) < 3 or len(votes) < 2 or votes[0][1] == votes[1][1] \
                or label not in ("PERSON", "ORG"):
            continue
        for k in group:
            if out[k].label in ("PERSON", "ORG") and not _shire(doc, out[k]):
                out[k] = _Span(out[k].start, out[k].end, label)
    return out


def _listed(doc: Doc, spans: list[_Span]) -> list[list[int]]:
    """Indices of sorted spans in runs joined only by ",", "and" or "or"."""
    groups: list[list[int]] = []
    for k, s in enumerate(spans):
        gap = [t.lower_ for t in doc[spans[k - 1].end:s.start]] if k else []
        if gap and len(gap) <= 2 and all(w in (",", "and", "or") for w in gap):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


# --------------------------------------------------------------- headlines.v1

def _headlines(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A word in capitals that the article names below ("SHEARER" after
    "Alan Shearer", "ROTOR" after "Rotor") takes that name's label; a span
    the model ran on over it ("CUNNINGHAM RETIRES") gives way to it, though
    not an event or an organisation's full name ("U.S. OPEN", "JAKARTA POST")."""
    caps = {i for a, b in _caps_ranges(doc) for i in range(a, b)} - _slug_words(doc)
    body = [s for s in spans if not caps.intersection(range(s.start, s.end))]
    names = {_key(doc, s).lower(): s.label for s in body}
    words = {k.lower(): v for k, v in _word_labels(doc, body, _person_parts(doc, body)).items()}
    found = {i: words[doc[i].lower_] for i in caps
             if _is_caps(doc[i].text) and doc[i].lower_ in words}
    out = []
    for s in spans:
        inside = [i for i in range(s.start, s.end) if i in found]
        if inside and not _whole_name(doc, s, names, found):
            continue
        out.append(s)
        for i in inside:
            del found[i]
    runs = _runs(doc, lambda i, j: j in found and found[j] == found[i])
    return out + [_Span(i, j, found[i]) for i, j in runs if j > i]


def _whole_name(doc: Doc, s: _Span, names: dict[str, str], found: dict[int, str]) -> bool:
    """``s`` is a name in its own right, not a run-on over the words found."""
    return (_key(doc, s).lower() in names or s.label == "EVENT"
            or doc[s.end - 1].lower_ in ORG_WORDS
            or all(i in found for i in range(s.start, s.end)))


# --------------------------------------------------------------- nationalities.v1

# Peoples, as adjectives and as nouns (singular and plural); given names that
# are also peoples ("Christian", "Finn") are left out.
NATIONALITIES = frozenset("""
Afghan Afghans Albanian Albanians Algerian Algerians American Americans Angolan Angolans
Argentine Argentines Argentinian Armenian Armenians Australian Australians Austrian
Austrians Azerbaijani Azerbaijanis Azeri Azeris Bahraini Bangladeshi Belarusian
Belarussian Belgian Belgians Beninese Bolivian Bosnian Bosnians Brazilian Brazilians
British Briton Britons Bulgarian Bulgarians Burmese Burundian Burundians Cambodian
Cambodians Cameroonian Canadian Canadians Chadian Chilean Chileans Chinese Colombian
Colombians Congolese Croat Croatian Croatians Croats Cuban Cubans Cypriot Cypriots Czech
Czechs Danish Dutch Ecuadorean Ecuadorian Egyptian Egyptians English Eritrean Estonian
Estonians Ethiopian Ethiopians Filipino Filipinos Finnish Finns French Gabonese Georgian
Georgians German Germans Ghanaian Greek Greeks Guatemalan Guinean Haitian Haitians
Honduran Hungarian Hungarians Icelandic Indian Indians Indonesian Indonesians Iranian
Iranians Iraqi Iraqis Irish Israeli Israelis Italian Italians Ivorian Jamaican Japanese
Jordanian Jordanians Kazakh Kazakhs Kenyan Kenyans Korean Koreans Kuwaiti Kuwaitis Kyrgyz
Lankan Lankans Lao Laotian Latvian Latvians Lebanese Leonean Liberian Liberians Libyan
Libyans Lithuanian Lithuanians Macedonian Malagasy Malawian Malaysian Malaysians Malian
Maltese Mauritanian Mexican Mexicans Moldovan Mongolian Moroccan Moroccans Mozambican
Namibian Nepalese Nicaraguan Nigerian Nigerians Norwegian Norwegians Pakistani Pakistanis
Palestinian Palestinians Panamanian Paraguayan Peruvian Peruvians Polish Portuguese Rican
Ricans Romanian Romanians Russian Russians Rwandan Rwandans Salvadoran Saudi Saudis
Scottish Senegalese Serb Serbian Serbians Serbs Singaporean Slovak Slovakian Slovaks
Slovene Slovenes Slovenian Somali Somalis Spaniard Spaniards Spanish Sudanese Surinamese
Swede Swedes Swedish Swiss Syrian Syrians Taiwanese Tajik Tajiks Tanzanian Thai Thais
Togolese Tunisian Tunisians Turk Turkish Turkmen Turks Ugandan Ugandans Ukrainian
Ukrainians Uruguayan Uzbek Uzbeks Venezuelan Venezuelans Vietnamese Welsh Yemeni Yemenis
Yugoslav Yugoslavs Zairean Zaireans Zambian Zealander Zealanders Zimbabwean Zimbabweans
Afrikaner Afrikaners Arab Arabs Basque Basques Chechen Chechens Hutu Hutus Kurd Kurds
Kurdish Pashtun Pashtuns Sikh Sikhs Tamil Tamils Tutsi Tutsis Uighur Uighurs Zulu Zulus
Muslim Muslims Moslem Moslems Jewish Jew Jews Catholic Catholics Protestant Protestants
Hindu Hindus Buddhist Buddhists Shi'ite Shi'ites Sunni Sunnis
""".split())
# First words of two-word peoples ("South Korean", "Sri Lankan", "New Zealander").
PEOPLE_PREFIXES = frozenset({"North", "South", "East", "West", "N.", "S.", "Sri", "New",
                             "Sierra", "Costa", "Puerto"})


def _nationalities(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A people's name ("Rwandan", "Briton", "South Korean", "Iraqi Kurds",
    "German-Israeli") is a nationality or a group (NORP), whatever the model
    called it; one that opens a person's name is cut from it, with any title
    ("American Dennis Mitchell", "Belgian King Baudouin")."""
    found = [_Span(i, j, "NORP") for i, j in _runs(doc, lambda i, j: j - i < 2 and (
        _people_word(doc[j].text) or (j == i and doc[j].text in PEOPLE_PREFIXES)))
        if j > i and _people_word(doc[j - 1].text)]
    covered = {(f.start, f.end) for f in found}
    out = []
    for s in spans:
        lead = next((f for f in found if f.start == s.start and f.end < s.end), None)
        if lead is not None and s.label == "PERSON":
            start = lead.end
            while start < s.end - 1 and doc[start].lower_ in TITLES:
                start += 1
            out.append(_Span(start, s.end, s.label))
        elif (s.start, s.end) not in covered:
            out.append(s)
    return _replace(out, [f for f in found if not _inside_name(f, out)])


def _people_word(text: str) -> bool:
    word = text.title() if _is_caps(text) else text
    return word in NATIONALITIES or ("-" in word and all(
        part in NATIONALITIES for part in word.split("-")))


def _inside_name(f: _Span, spans: list[_Span]) -> bool:
    """Within a longer name ("Royal Dutch Shell", "American Express")."""
    return any(s.start <= f.start and f.end <= s.end and (s.start, s.end) != (f.start, f.end)
               for s in spans)

