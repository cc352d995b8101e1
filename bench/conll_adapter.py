"""The CoNLL-2003 adapter: mention rules for the 1996 Reuters pages that
CoNLL-2003 English is made of, and for its labelling guidelines.

Most of that corpus is agate: results tables, standings, cricket scorecards,
golf totals, cycling results, fixtures, desk slugs ("SOCCER -") and county
sides. Modern scraped articles carry none of it (the cleaner removes results
widgets), so these rules are not part of the product's chain
(``newsweave.analyse.ner.RULES``) and live beside the scorer, not in the
package: ``bench/ner_conll2003.py`` runs them for its
"product + CoNLL adapter" row. Importing this module registers them:

- ``caps.v2``: lines in capitals (headlines, slugged datelines, standings)
  re-cased from the article's own spellings and parsed again by the model;
  general in intent, it was the product's, but alone it lost F1 on both
  CoNLL halves (standings in capitals) and made more wrong names than right
  ones on modern pages (BENCHMARKS.md); after it the adapter's rules gain;
- ``scorecards.v1``: a cricket scorecard's batsmen, fielders and bowlers;
- ``name_country.v1``: ``Name ( Country )`` in a results list is a person;
- ``teams.v1``: a name with a score in a results table, or either side of
  ``v``, is a team (ORG); countries stay places, as CoNLL labels national
  sides LOC;
- ``contests.v1``: a town that beats, signs or owns a side's people is its
  team, countries again staying places; a county that acts is its team;
- ``slugs.v1``: a headline's desk word ("SOCCER -") names no one; run again
  after ``headlines.v3`` so that rule labels no desk word either;
- ``leagues.v1``: in a sports report a league or a division is a
  competition (EVENT), the sports half of ``competitions``;
- ``grounds.v1``: the ground that opens a line of results before a colon is a
  place, the sports half of ``venues``;
- ``lists.v1``: people and organisations in a list of three or more take the
  list's majority label (line-ups).

``RULES`` is the product's chain with these at the places they were tuned in
(a test holds it to the product's order).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from newsweave.analyse.ner.caps import caps_ranges
from newsweave.analyse.ner.chain import NAME_LABELS, ModelPipe, rule
from newsweave.analyse.ner.hygiene import MONTHS
from newsweave.analyse.ner.lexicon import (
    COUNTRIES,
    FUNCTION_WORDS,
    PARTICLES,
    POSSESSIVES,
    TEAM_NOUNS,
    is_country,
)
from newsweave.analyse.ner.spans import (
    NUMBER,
    SCORE,
    Span,
    is_caps,
    key,
    lines,
    opens_line,
    replace,
    runs,
    same_line,
    taken,
)

RULES = (
    "caps.v2",
    "split.v1",
    "trim.v1",
    "initials.v1",
    "scorecards.v1",
    "given_names.v1",
    "org_suffix.v1",
    "name_runs.v1",
    "name_country.v1",
    "teams.v1",
    "contests.v1",
    "slugs.v1",
    "countries.v1",
    "competitions.v2",
    "leagues.v1",
    "common_words.v1",
    "firms.v1",
    "acronyms.v1",
    "headlines.v3",
    "slugs.v1",
    "consistency.v1",
    "nationalities.v1",
    "venues.v2",
    "grounds.v1",
    "lists.v1",
    "datelines.v3",
    "urls.v1",
)
OWN = (
    "caps.v2",
    "scorecards.v1",
    "name_country.v1",
    "teams.v1",
    "contests.v1",
    "slugs.v1",
    "leagues.v1",
    "grounds.v1",
    "lists.v1",
)

_FIGURES = re.compile(r"^\d{1,2}(\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}$")  # overs-maidens-runs-wickets
DISMISSALS = frozenset({"b", "c", "st", "lbw", "run", "not"})
CONTEST_VERBS = frozenset(
    """
beat defeat draw lose win tie trail thrash crush edge outduel rout overcome dismiss join
sign outclass outplay
""".split()
)
LOCATIVES = frozenset("in at of from near across throughout around".split())
FIXTURE_WORDS = ("v", "vs", "vs.")
# A league or a division is a competition in sport ("American League", "Eastern
# Division"), a body in politics ("the Northern League").
SPORTS_COMPETITION_WORDS = frozenset({"league", "division"})
_RESULT = re.compile(r"^\d{1,3}-\d{1,3}$")  # a result ("7-4"); SCORE also takes "7"
# Names with scores ("Derbyshire 24 points , Worcestershire 5"), or a standing
# ("Rotor 4 3 0 1").
_RESULT_LINE = re.compile(r"A+Nx{0,2}A+N|^A+NN")


# --------------------------------------------------------------- caps.v2


def _spellings(doc: Doc, skip: set[int]) -> dict[str, str]:
    """The most common spelling of each word outside the capital lines, not
    counting line- and sentence-initial words (capitalised by position)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for tok in doc:
        if tok.i in skip or tok.is_sent_start or is_caps(tok.text):
            continue
        seen[tok.text.lower()][tok.text] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in seen.items()}


def _recase(word: str, spellings: dict[str, str]) -> str:
    """The article's own spelling of a word in capitals; else a function word
    in lower case and anything else in Title case."""
    if not is_caps(word):
        return word
    low = word.lower()
    form = spellings.get(low)
    if form is None:
        form = low if low in FUNCTION_WORDS else word[0] + word[1:].lower()
    return form if len(form) == len(word) else word


@rule(
    "caps.v2",
    reads=("token.text", "token.whitespace_", "token.is_sent_start"),
    sets=("adds", "drops"),
    needs_nlp=True,
)
def recase_caps(doc: Doc, spans: list[Span], model: ModelPipe) -> list[Span]:
    """Spans in lines of capitals are replaced by what the model (its own
    components, not the mention rules) finds in the lines re-cased."""
    ranges = caps_ranges(doc)
    if not ranges:
        return spans
    skip = {i for a, b in ranges for i in range(a, b)}
    spellings = _spellings(doc, skip)
    inputs = [
        Doc(
            model.vocab,
            words=[_recase(t.text, spellings) for t in doc[a:b]],
            spaces=[bool(t.whitespace_) for t in doc[a:b]],
        )
        for a, b in ranges
    ]
    kept = [s for s in spans if not skip.intersection(range(s.start, s.end))]
    for (a, _), parsed in zip(ranges, model.pipe(inputs)):
        kept.extend(
            Span(a + e.start, a + e.end, e.label_) for e in parsed.ents if e.label_ in NAME_LABELS
        )
    return kept


# --------------------------------------------------------------- scorecards.v1


@rule(
    "scorecards.v1",
    reads=("token.text", "token.lower_", "token.whitespace_"),
    sets=("adds", "drops"),
)
def scorecards(doc: Doc, spans: list[Span]) -> list[Span]:
    """A cricket scorecard's names are players: a batsman before his
    dismissal ("Okafor c Lind b Rask 33", "Devi not out 45"), the fielder and
    bowler in it, and a bowler before his figures ("Rask 8-0-39-3")."""

    def extends(i: int, j: int) -> bool:
        return same_line(doc, i, j) and (
            _player_token(doc[j])
            or (doc[j].lower_ in PARTICLES and j + 1 < len(doc) and _player_token(doc[j + 1]))
        )

    found = [Span(i, j, "PERSON") for i, j in runs(doc, extends) if j > i and _player(doc, i, j)]
    return replace(spans, found)


def _player_token(tok) -> bool:
    return (
        tok.text[:1].isupper()
        and tok.text.replace("-", "").replace("'", "").isalpha()
        and tok.lower_ not in FUNCTION_WORDS
        and not is_caps(tok.text)
    )


def _player(doc: Doc, i: int, j: int) -> bool:
    prev = doc[i - 1].text if i > 0 else ""
    nxt = doc[j : j + 2]
    after = nxt[0].text if nxt else ""
    dismissed = after in ("c", "b", "st", "lbw") or (
        len(nxt) == 2 and nxt.text in ("not out", "run out")
    )
    fielded = prev in ("b", "c", "st") and _opens_figure(doc, j)
    return bool(_FIGURES.match(after)) or (
        (fielded or (dismissed and opens_line(doc, i))) and _scored_line(doc, j)
    )


def _scored_line(doc: Doc, j: int) -> bool:
    """The rest of the line from token ``j`` holds a score."""
    while j < len(doc) and not opens_line(doc, j):
        if SCORE.match(doc[j].text):
            return True
        j += 1
    return False


def _opens_figure(doc: Doc, j: int) -> bool:
    """What follows a fielder or bowler: the next part of the dismissal, a
    score, or the line's end."""
    return (
        j >= len(doc)
        or doc[j].text in DISMISSALS
        or bool(SCORE.match(doc[j].text))
        or opens_line(doc, j)
        or doc[j].is_punct
    )


# --------------------------------------------------------------- name_country.v1


@rule("name_country.v1", reads=("token.text",), sets=("labels",))
def name_country(doc: Doc, spans: list[Span]) -> list[Span]:
    """``Name ( Country )``, as in results lists and line-ups: the name is a person."""
    out = []
    for s in spans:
        after = doc[s.end : s.end + 3]
        if (
            len(after) == 3
            and after[0].text == "("
            and after[2].text == ")"
            and after[1].text in COUNTRIES
            and s.label in ("ORG", "GPE", "LOC", "NORP")
            and key(doc, s) not in COUNTRIES
        ):
            out.append(Span(s.start, s.end, "PERSON"))
        else:
            out.append(s)
    return out


# --------------------------------------------------------------- teams.v1


def _table_line(doc: Doc, a: int, b: int) -> bool:
    toks = [t for t in doc[a:b] if not t.is_punct]
    return len(toks) >= 2 and sum(NUMBER.match(t.text) is not None for t in toks) >= 0.3 * len(toks)


@rule(
    "teams.v1", reads=("token.text", "token.is_alpha", "token.whitespace_"), sets=("labels", "adds")
)
def teams(doc: Doc, spans: list[Span]) -> list[Span]:
    """In results tables and fixtures a name with a score, or on either side
    of ``v``, is a team (an ORG); countries stay places."""
    table = set()
    for a, b in lines(doc):
        if _table_line(doc, a, b):
            table.update(range(a, b))
    out = [Span(s.start, s.end, "ORG") if _team(doc, s, table) else s for s in spans]
    return out + _unlabelled_teams(doc, out, table)


def _opens_score(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line, or follows a score, a comma or a venue's colon."""
    return opens_line(doc, i) or bool(SCORE.match(doc[i - 1].text)) or doc[i - 1].text in (",", ":")


def _team(doc: Doc, s: Span, table: set[int]) -> bool:
    """A place, a one-word name or (opening a line of scores: "Harlow Town 3
    1 0 2", "San Diego 3 NEW YORK 2") any name without initials, followed by
    a score, or either side of ``v``."""
    nxt = doc[s.end] if s.end < len(doc) else None
    prev = doc[s.start - 1] if s.start > 0 else None
    scored = s.start in table and nxt is not None and bool(SCORE.match(nxt.text))
    fixture = (nxt is not None and nxt.lower_ in FIXTURE_WORDS) or (
        prev is not None and prev.lower_ in FIXTURE_WORDS
    )
    if not (scored or fixture) or is_country(key(doc, s)) or s.label == "ORG":
        return False
    if s.label in ("GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return True
    words = doc[s.start : s.end]
    return len(words) == 1 or (
        scored and all(t.is_alpha for t in words) and _opens_result(doc, s.start)
    )


def _opens_result(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line, or follows another name's score ("Harlow
    Town 1 Port Vale 3"); not a golfer after a total ("281 Tom Vance 70")."""
    return opens_line(doc, i) or (
        i >= 2 and bool(SCORE.match(doc[i - 1].text)) and doc[i - 2].is_alpha
    )


def _unlabelled_teams(doc: Doc, spans: list[Span], table: set[int]) -> list[Span]:
    """A capitalised run the model left unlabelled that, in a results table,
    opens a line or follows a score and is followed by one ("Harlow 3 1 1
    1", "Harlow 0 Wrexham 0"), or that follows ``v`` ("May 18 v Kent"), or a
    rider's country ("Lind ( Denmark ) Ventra 4 hours"): a team, or a
    country's side."""
    covered = taken(spans)
    found = []
    for i, j in runs(
        doc,
        lambda i, j: (
            j not in covered
            and doc[j].text[:1].isupper()
            and doc[j].text.replace("-", "").isalpha()
            and doc[j].lower_ not in FUNCTION_WORDS
            and j - i < 4
        ),
    ):
        if j > i and _team_run(doc, i, j, table):
            found.append(Span(i, j, "GPE" if is_country(doc[i:j].text) else "ORG"))
    return found


def _rider(doc: Doc, i: int, j: int) -> bool:
    """A run after "( Country )" at the end of a results line, or before a time."""
    nxt = doc[j] if j < len(doc) else None
    return (
        i >= 3
        and doc[i - 1].text == ")"
        and doc[i - 3].text == "("
        and is_country(doc[i - 2].text)
        and (
            nxt is None
            or opens_line(doc, j)
            or bool(NUMBER.match(nxt.text))
            or nxt.lower_ == "same"
        )
    )


def _team_run(doc: Doc, i: int, j: int, table: set[int]) -> bool:
    nxt = doc[j] if j < len(doc) else None
    scored = nxt is not None and bool(SCORE.match(nxt.text))
    in_table = all(k in table for k in range(i, j))
    # Not in a headline's capitals, where the next words would run on.
    fixture = (
        i > 0 and doc[i - 1].lower_ in FIXTURE_WORDS and not any(is_caps(t.text) for t in doc[i:j])
    )
    return (in_table and scored and _opens_score(doc, i)) or _rider(doc, i, j) or fixture


# --------------------------------------------------------------- contests.v1


@rule(
    "contests.v1",
    reads=("token.dep_", "token.head", "token.lemma_", "token.lower_"),
    sets=("labels",),
)
def contests(doc: Doc, spans: list[Span]) -> list[Span]:
    """A town's name that beats, draws with, loses to or signs someone
    ("Harlow beat Wrexham", "joined Harlow"), or that owns a side's people
    ("Harlow 's team mate"), is its team; countries stay places (CoNLL counts
    national sides as places). A one-word county is never a person."""
    spans = [
        Span(s.start, s.end, "ORG")
        if s.label in ("GPE", "FAC", "LOC") and not is_country(key(doc, s)) and _in_contest(doc, s)
        else s
        for s in spans
    ]
    return [Span(s.start, s.end, _county(doc, s)) if shire(doc, s) else s for s in spans]


def _county(doc: Doc, s: Span) -> str:
    """A county after a place's preposition is a place ("in Yorkshire");
    one that acts ("Derbyshire kept up the hunt") is its team or council."""
    return "GPE" if s.start > 0 and doc[s.start - 1].lower_ in LOCATIVES else "ORG"


def shire(doc: Doc, s: Span) -> bool:
    """A one-word county ("Derbyshire"), never a person."""
    return (
        s.end - s.start == 1
        and doc[s.start].lower_.endswith("shire")
        and len(doc[s.start]) > 6
        and s.label in ("PERSON", "GPE", "LOC", "ORG", "NORP")
    )


def _in_contest(doc: Doc, s: Span) -> bool:
    head = doc[s.end - 1]
    verb = head.head
    if head.dep_ in ("nsubj", "dobj", "nsubjpass") and verb.lemma_ in CONTEST_VERBS:
        return True
    nxt = doc[s.end : s.end + 4]
    if nxt and nxt[0].text in POSSESSIVES:
        return any(t.lower_ in TEAM_NOUNS for t in nxt[1:])
    return False


# --------------------------------------------------------------- slugs.v1


@rule("slugs.v1", reads=("token.text", "token.is_alpha"), sets=("drops",))
def slugs(doc: Doc, spans: list[Span]) -> list[Span]:
    """A headline in capitals opens with its desk's word and a dash ("SOCCER -
    CANADA BEAT PANAMA", "EUROBONDS - ..."): that word names no one, unless it
    is a country's name."""
    slug = slug_words(doc)
    return [s for s in spans if not slug.intersection(range(s.start, s.end))]


def slug_words(doc: Doc) -> set[int]:
    slug: set[int] = set()
    for a, b in lines(doc):
        dash = next((k for k in range(a + 1, min(a + 4, b)) if doc[k].text in ("-", "--")), None)
        words = [t for t in doc[a:b] if t.is_alpha]
        if dash is None or not words or not all(is_caps(t.text) or len(t) == 1 for t in words):
            continue
        if not is_country(doc[a:dash].text):
            slug.update(range(a, dash))
    return slug


# --------------------------------------------------------------- leagues.v1


@rule("leagues.v1", reads=("token.text", "token.lemma_", "token.lower_"), sets=("labels",))
def leagues(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a sports report a name ending in "League" or "Division" ("American
    League", "Eastern Division") is a competition (an event); elsewhere a
    league stays a body ("the Northern League")."""
    if not _sports_report(doc):
        return spans
    return [
        Span(s.start, s.end, "EVENT")
        if s.end - s.start > 1
        and doc[s.end - 1].lower_ in SPORTS_COMPETITION_WORDS
        and s.label in ("ORG", "GPE", "LOC", "FAC", "PERSON", "NORP")
        else s
        for s in spans
    ]


def _sports_report(doc: Doc) -> bool:
    """Some line gives a result ("San Diego 3 NEW YORK 2") or a standing
    ("NEW YORK 74 59 .556"), or has a score ("7-4") and a contest's verb."""
    found = [doc[a:b] for a, b in lines(doc)]
    return any(
        _RESULT_LINE.search(_shape(line))
        or (
            any(_RESULT.match(t.text) for t in line)
            and any(t.lemma_ in CONTEST_VERBS or t.lower_ in CONTEST_VERBS for t in line)
        )
        for line in found
    )


def _shape(tokens) -> str:
    return "".join(
        "N"
        if SCORE.match(t.text)
        else "A"
        if t.text[:1].isupper() and t.is_alpha and t.lower_ not in MONTHS
        else "x"
        for t in tokens
        if not t.is_space
    )


# --------------------------------------------------------------- grounds.v1


@rule("grounds.v1", reads=("token.text",), sets=("adds", "drops"))
def grounds(doc: Doc, spans: list[Span]) -> list[Span]:
    """The ground that opens a line of results before a colon and a team
    ("Hove : Sussex 363", "At Portsmouth : Middlesex beat Hampshire by 188")."""
    teams_at = {s.start for s in spans if s.label == "ORG"}
    found = []
    for a, b in lines(doc):
        start = a + 1 if doc[a].lower_ == "at" else a
        colon = next((k for k in range(start + 1, min(start + 5, b)) if doc[k].text == ":"), None)
        if (
            colon is not None
            and colon + 1 in teams_at
            and all(t.text[:1].isupper() or t.text in POSSESSIVES for t in doc[start:colon])
            and any(SCORE.match(t.text) for t in doc[colon + 1 : b])
        ):
            found.append(Span(start, colon, "LOC"))
    return replace(spans, found)


# --------------------------------------------------------------- lists.v1


@rule("lists.v1", reads=("token.lower_",), sets=("labels",))
def lists(doc: Doc, spans: list[Span]) -> list[Span]:
    """In a list of three or more names (a line-up) people and organisations
    take the list's majority label; places and counties keep theirs."""
    out = sorted(spans, key=lambda s: s.start)
    for group in _listed(doc, out):
        votes = Counter(out[k].label for k in group).most_common(2)
        label = votes[0][0]
        if (
            len(group) < 3
            or len(votes) < 2
            or votes[0][1] == votes[1][1]
            or label not in ("PERSON", "ORG")
        ):
            continue
        for k in group:
            if out[k].label in ("PERSON", "ORG") and not shire(doc, out[k]):
                out[k] = Span(out[k].start, out[k].end, label)
    return out


def _listed(doc: Doc, spans: list[Span]) -> list[list[int]]:
    """Indices of sorted spans in runs joined only by ",", "and" or "or"."""
    groups: list[list[int]] = []
    for k, s in enumerate(spans):
        gap = [t.lower_ for t in doc[spans[k - 1].end : s.start]] if k else []
        if gap and len(gap) <= 2 and all(w in (",", "and", "or") for w in gap):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups
