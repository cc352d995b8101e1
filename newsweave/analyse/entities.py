"""Entities: mentions of people, organisations and places, found in one article.

``find_mentions(doc)`` is spaCy NER plus an ordered list of small rules where it
fails on news text (each measured on ner-conll2003 dev, see ``bench/``):

1. ``caps.v1``: lines in capitals (headlines, ``MOSCOW (Sputnik) -`` datelines)
   are re-cased from the article's own spellings and run through the model
   again: the small model reads capitals as acronyms.
2. ``split.v1``: a span never crosses a line break, a comma, a bracket or a
   bare number ("Sputnik International, 1920", "Somerset 83").
3. ``trim.v1``: leading determiners and titles ("the", "President") and a
   trailing possessive ("Xi's") are not part of a name.
4. ``org_suffix.v1``: an unlabelled run of proper nouns ending in an
   organisation word ("Sputnik International", "... Group") is an ORG.
5. ``consistency.v1``: one name keeps one label through an article: a
   surname or given name of a person named in full is a PERSON ("Xi" after
   "Xi Jinping"), the label seen most often wins, and an unlabelled repeat of
   a labelled name is labelled.
6. ``urls.v1``: mentions that are or touch a URL or a domain are dropped.

7. ``merge_names.v1``, ``name_runs.v1``, ``name_country.v1``, ``teams.v1``,
   ``countries.v1``: a person's name runs over the words the model cut off;
   unlabelled runs of capitalised proper nouns are people; ``Name (Country)``
   is a person; a place with a score in a results table or either side of
   "v" is a team (ORG); a country's name is a place.

Below the finder: ``resolve_article`` (one article's entities, roles and
descriptions) and ``EntityIndex`` (canonical entities across articles).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Entity, Mention, Role

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT",
                         "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
RULES = ("caps.v1", "split.v1", "trim.v1", "merge_names.v1", "org_suffix.v1",
         "name_runs.v1", "name_country.v1", "teams.v1", "countries.v1", "consistency.v1",
         "urls.v1")

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
             "countries.v1": lambda s: _countries(doc, s),
             "split.v1": lambda s: _split(doc, s),
             "trim.v1": lambda s: _trim(doc, s),
             "org_suffix.v1": lambda s: _org_suffix(doc, s),
             "consistency.v1": lambda s: _consistency(doc, s),
             "urls.v1": lambda s: _drop_urls(doc, s)}
    for rule in rules:
        spans = steps[rule](spans)
    return _to_mentions(doc, spans)


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
        if end > start:
            out.append(_Span(start, end, s.label))
    return out


# --------------------------------------------------------------- org_suffix.v1

def _org_suffix(doc: Doc, spans: list[_Span]) -> list[_Span]:
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].is_title:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in ORG_WORDS:
            out.append(_Span(i, j, "ORG"))
        i = max(j, i + 1)
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
    labels = {_key(doc, s): s.label for s in spans if s.end - s.start == 1}
    labels.update({part: "PERSON" for part in person_parts})
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for tok in doc:
        label = labels.get(tok.text)
        if label and tok.i not in taken and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "X", "NOUN"):
            found.append(_Span(tok.i, tok.i + 1, label))
    return found


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
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    i = 0
    while i < len(doc):
        j = i
        while (j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and _name_token(doc[j])
               and (j == i or "\n" not in doc[j - 1].whitespace_)):
            j += 1
        if j - i >= 2 and _person_like_run(doc, i, j):
            out.append(_Span(i, j, "FAC" if doc[j - 1].lower_ in PLACE_WORDS else "PERSON"))
        i = max(j, i + 1)
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
    """In results tables and fixtures a place name followed by a score, or on
    either side of ``v``, is a team (an ORG); countries stay places."""
    table = set()
    for a, b in _lines(doc):
        if _table_line(doc, a, b):
            table.update(range(a, b))
    out = []
    for s in spans:
        text = doc[s.start:s.end].text
        nxt = doc[s.end] if s.end < len(doc) else None
        prev = doc[s.start - 1] if s.start > 0 else None
        scored = s.start in table and nxt is not None and _SCORE.match(nxt.text)
        fixture = (nxt is not None and nxt.lower_ in ("v", "vs", "vs.")) or (
            prev is not None and prev.lower_ in ("v", "vs", "vs."))
        if (scored or fixture) and s.label in ("GPE", "LOC", "PERSON", "FAC", "NORP") \
                and text not in COUNTRIES and not (s.label == "PERSON" and s.end - s.start > 1):
            out.append(_Span(s.start, s.end, "ORG"))
        else:
            out.append(s)
    return out


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
Venezuela|Vietnam|Wales|Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe|UK|U.K.|Korea|Samoa
""".replace("\n", "|").split("|") if line.strip())


# --------------------------------------------------------------- countries.v1

def _countries(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A country's name is a place, whatever the model said (national teams
    included); a person's name that is also a country is left alone when the
    article names that person in full (``consistency.v1``)."""
    return [_Span(s.start, s.end, "GPE") if doc[s.start:s.end].text in COUNTRIES
            and s.label in ("ORG", "PERSON", "NORP", "LOC", "FAC") else s for s in spans]


# =============================================================== resolution
#
# ``resolve_article`` groups one article's mentions into local entities; roles
# are read where the article states them next to a name:
#
# - ``role.before.v1``: a title written before the name ("Russian President
#   Vladimir Putin", "China's top diplomat Wang Yi");
# - ``role.apposition.v1``: a description set off by commas after the name
#   ("Nikolai Patrushev, the secretary of the Russian Security Council,"; "Wang,
#   who is also a Politburo member and director of ..."), or before it
#   ("China's top diplomat, Wang Yi");
# - ``description.v1``: a description standing alone ("the Russian leader") is
#   a mention of the one person in the article whose stated role fits it.

ROLE_WORDS = frozenset("""
president minister secretary director diplomat leader head chairman chairwoman chair
premier chancellor advisor adviser spokesman spokeswoman spokesperson ambassador envoy
official governor mayor commander chief general member deputy king queen prince
secretary-general speaker senator lawmaker representative editor founder ceo
""".split())
ROLE_MODIFIERS = frozenset("""
top paramount foreign former deputy vice acting first supreme senior chief defence
defense interior finance national security presidential general prime executive
""".split())
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "'s", "’s", "-"})
DESCRIPTION_HEADS = {
    "president": {"president", "head of state"},
    "leader": {"president", "leader", "premier", "prime minister", "chancellor", "king"},
    "head of state": {"president", "head of state", "king", "queen"},
    "diplomat": {"diplomat", "foreign minister"},
    "foreign minister": {"foreign minister", "diplomat"},
    "premier": {"premier", "prime minister"},
    "prime minister": {"premier", "prime minister"},
    "chancellor": {"chancellor"},
}
RESOLVED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"})


def _name_key(text: str) -> str:
    """Case, accents, hyphens and possessives do not tell names apart."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s$", "", text.casefold())
    return " ".join(re.findall(r"[^\W_]+", text))


def _nation_key(word: str) -> str:
    """"Russian", "Russia's" and "Russia" share a key (first four letters)."""
    return _name_key(word)[:4]


@dataclass
class _Local:
    """One entity of one article while it is being built."""

    key: str
    label: str
    names: list[str]
    roles: list[str]
    last_mention: int = -1

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def resolve_article(doc: Doc, mentions: list[Mention], *, article_id: str,
                    published: str | None = None) -> tuple[list[Mention], list[Entity]]:
    """Mentions with ``entity`` set to a local key, and the article's entities.

    Descriptions that resolve ("the Russian leader") are added as PERSON
    mentions; the keys are ``{article_id}#{n}``, to be replaced by canonical
    ids in ``EntityIndex.add``.
    """
    locals_: list[_Local] = []
    keyed: list[tuple[Mention, _Local | None]] = []
    for m in sorted(mentions, key=lambda m: m.start):
        local = _local_for(m, locals_, article_id) if m.label in RESOLVED_LABELS else None
        if local is not None:
            local.last_mention = m.start
            if m.text not in local.names:
                local.names.append(m.text)
        keyed.append((m, local))
    people = [(m, l) for m, l in keyed if l is not None and l.label == "PERSON"]
    for m, local in people:
        for role in _stated_roles(doc, m):
            if role not in local.roles:
                local.roles.append(role)
    keyed.extend(_descriptions(doc, keyed, [l for l in locals_ if l.label == "PERSON"]))
    out = [Mention(m.start, m.end, m.text, m.label, l.key if l else None)
           for m, l in sorted(keyed, key=lambda p: p[0].start)]
    entities = [Entity(l.key, l.name, l.label, tuple(n for n in l.names if n != l.name),
                       tuple(Role(r, article_id, published) for r in l.roles))
                for l in locals_]
    return out, entities


def _local_for(m: Mention, locals_: list[_Local], article_id: str) -> _Local:
    key = _name_key(m.text)
    family = _family(m.label)
    same = [l for l in locals_ if _family(l.label) == family]
    for local in same:
        if key in {_name_key(n) for n in local.names}:
            return local
    if m.label == "PERSON" and len(key.split()) == 1:
        # "Xi" after "Xi Jinping", "Putin" after "Vladimir Putin": the latest
        # person whose full name has this word
        holders = [l for l in same if any(key in _name_key(n).split() for n in l.names)]
        if holders:
            return max(holders, key=lambda l: l.last_mention)
    if m.label == "PERSON" and len(key.split()) > 1:
        # "Xi Jinping" after "Xi": a one-word entity takes the full name
        for local in same:
            if all(len(_name_key(n).split()) == 1 for n in local.names) and \
                    _name_key(local.names[0]) in key.split():
                return local
    local = _Local(f"{article_id}#{len(locals_)}", m.label, [], [])
    locals_.append(local)
    return local


def _family(label: str) -> str:
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label.lower())


# --------------------------------------------------------------- roles

def _stated_roles(doc: Doc, m: Mention) -> list[str]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    roles = [_role_before(doc, span.start)]
    if span.start >= 2 and doc[span.start - 1].text == ",":
        roles.append(_role_before(doc, span.start - 1))
    roles.extend(_roles_after(doc, span.end))
    return [r for r in roles if r]


def _role_word(tok) -> bool:
    return tok.lower_ in ROLE_WORDS or tok.lower_ in ROLE_MODIFIERS


def _role_before(doc: Doc, end: int) -> str | None:
    """``role.before.v1``: the title words directly before a name."""
    start = end
    while start > 0 and end - start < 12:
        tok = doc[start - 1]
        if ("\n" in tok.whitespace_ or tok.is_space or tok.ent_type_ == "PERSON"
                or tok.pos_ in ("PRON", "VERB", "AUX", "NUM") and not _role_word(tok)):
            break
        if not (tok.is_title or tok.is_upper or _role_word(tok) or tok.lower_ in _CONNECTORS):
            break
        start -= 1
    while start < end and (doc[start].lower_ in _CONNECTORS or doc[start].is_punct):
        start += 1
    words = doc[start:end]
    if not any(t.lower_ in ROLE_WORDS for t in words):
        return None
    return words.text


def _roles_after(doc: Doc, start: int) -> list[str]:
    """``role.apposition.v1``: ", the secretary of ...," after a name; several
    joined by "and" are several roles."""
    if start >= len(doc) or doc[start].text != ",":
        return []
    i = start + 1
    while i < len(doc) and doc[i].lower_ in ("who", "is", "was", "also", "now"):
        i += 1
    end = i
    while end < len(doc) and end - i < 25:
        tok = doc[end]
        if tok.text in (",", ".", ";", ")", "(", ":") or tok.is_space or tok.pos_ in ("VERB", "AUX"):
            break
        end += 1
        if "\n" in tok.whitespace_:
            break
    roles, part = [], []
    for tok in [*doc[i:end], None]:
        if tok is None or (tok.lower_ == "and" and part):
            role = _appositive_role(part)
            if role:
                roles.append(role)
            part = []
        else:
            part.append(tok)
    return roles


def _appositive_role(tokens: list) -> str | None:
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    if not tokens or not any(t.lower_ in ROLE_WORDS for t in tokens[:3]):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


# --------------------------------------------------------------- descriptions

def _descriptions(doc: Doc, keyed: list, persons: list[_Local]) -> list[tuple[Mention, _Local]]:
    """``description.v1``: "the Russian leader" is the article's one person
    whose stated role fits ("Russian President"); ties go to the person named
    most recently before it."""
    taken = {i for m, local in keyed if local is not None for i in range(m.start, m.end)}
    seen = defaultdict(list)
    for m, local in keyed:
        if local is not None:
            seen[local.key].append(m.start)
    found = []
    for start, end, head, words in _description_spans(doc):
        span = doc[start:end]
        if taken.intersection(range(span.start_char, span.end_char)):
            continue
        local = _best_holder(head, words, span.start_char, persons, seen)
        if local is not None:
            found.append((Mention(span.start_char, span.end_char, span.text, "PERSON"), local))
    return found


def _description_spans(doc: Doc):
    """(start, end, head, description words) of lower-case role phrases with a
    determiner or a nationality ("the paramount leader", "Russian president")."""
    for tok in doc:
        head, end = _description_head(doc, tok.i)
        if head is None:
            continue
        start, words, nation = tok.i, [], False
        while start > 0:
            prev = doc[start - 1]
            if prev.lower_ in ROLE_MODIFIERS or prev.ent_type_ in ("NORP", "GPE"):
                nation = nation or prev.ent_type_ in ("NORP", "GPE")
            elif prev.text in POSSESSIVES and start > 1 and doc[start - 2].ent_type_ == "GPE":
                pass
            else:
                break
            words.append(prev.lower_)
            start -= 1
        det = start > 0 and doc[start - 1].lower_ == "the"
        nxt = doc[end] if end < len(doc) else None
        if (det or nation) and not (nxt is not None and nxt.ent_type_ == "PERSON"):
            yield (start - 1 if det else start), end, head, words


def _description_head(doc: Doc, i: int) -> tuple[str | None, int]:
    tok = doc[i]
    if tok.text != tok.lower_:
        return None, i
    if tok.lower_ == "head" and doc[i + 1:i + 3].text.lower() == "of state":
        return "head of state", i + 3
    if tok.lower_ == "minister" and i > 0 and doc[i - 1].lower_ == "foreign":
        return "foreign minister", i + 1
    return (tok.lower_, i + 1) if tok.lower_ in DESCRIPTION_HEADS else (None, i)


def _best_holder(head: str, words: list[str], at: int, persons: list[_Local],
                 seen: dict) -> _Local | None:
    nations = {_nation_key(w) for w in words if w[:1].isalpha() and w not in ROLE_MODIFIERS}
    best, best_rank = None, None
    for local in persons:
        text = " ".join(local.roles).lower()
        if not local.roles or not any(re.search(rf"\b{h}\b", text) for h in DESCRIPTION_HEADS[head]):
            continue
        role_nations = {_nation_key(w) for w in re.findall(r"\w+", text)}
        if not nations <= role_nations:
            continue
        before = [s for s in seen[local.key] if s < at]
        rank = (sum(w in text.split() for w in [head, *words]), max(before, default=-1))
        if best_rank is None or rank > best_rank:
            best, best_rank = local, rank
    return best


# =============================================================== across articles

def entity_id(label: str, name: str) -> str:
    """A stable id from a label family and a name: ``person:vladimir-putin``."""
    return f"{_family(label)}:{_name_key(name).replace(' ', '-')}"


def _tokens(name: str) -> list[str]:
    return _name_key(name).split()


def _spelling_variant(a: str, b: str) -> bool:
    """"Sergey"/"Sergei": one transliteration apart (same first letter, one
    edit). Different given names ("Sergei"/"Sergo" aside) are not variants."""
    if a == b:
        return True
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 1


def _role_keys(entity: Entity) -> set[str]:
    return {_name_key(r.title) for r in entity.roles}


class EntityIndex:
    """Canonical entities across articles, built incrementally.

    ``add`` takes one article's entities (from ``resolve_article``) and returns
    their local keys mapped to canonical ids. Rules (``canon.v1``):

    - same label family and a shared full name or alias (case, accents and
      hyphens aside) are one entity;
    - a one-word person ("Putin") joins the one known person whose full name
      has that word; with none or several it stays a one-word entity, which a
      later full name absorbs when it is the only holder;
    - two full names with the same surname are one person only when the given
      names are spelling variants *and* the two share a stated role ("Russian
      Foreign Minister Sergey/Sergei Lavrov"); otherwise they stay apart.

    Ids are ``entity_id(label, first full name)`` and never change; an absorbed
    one-word entity's id redirects to the absorbing one (``get``). ``records()``
    and ``from_records`` round-trip through plain ``Entity`` records.
    """

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._redirects: dict[str, str] = {}

    @classmethod
    def from_records(cls, records) -> "EntityIndex":
        index = cls()
        for e in records:
            index._entities[e.id] = e
        for e in records:
            for alias in (e.name, *e.aliases):
                old = entity_id(e.label, alias)
                if old != e.id and old not in index._entities:
                    index._redirects[old] = e.id
        return index

    def records(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: e.id)

    def get(self, entity_id_: str) -> Entity | None:
        while entity_id_ in self._redirects:
            entity_id_ = self._redirects[entity_id_]
        return self._entities.get(entity_id_)

    def add(self, entities: list[Entity]) -> dict[str, str]:
        """Merge one article's entities; returns local key -> canonical id."""
        ordered = sorted(entities, key=lambda e: -len(_tokens(e.name)))  # full names first
        return {e.id: self._add_one(e) for e in ordered}

    def relink(self, mentions: list[Mention], mapping: dict[str, str]) -> list[Mention]:
        """Mentions with local keys replaced by canonical ids."""
        return [Mention(m.start, m.end, m.text, m.label, mapping.get(m.entity, m.entity))
                for m in mentions]

    def _add_one(self, e: Entity) -> str:
        found = self._match(e)
        if found is None:
            found = entity_id(e.label, e.name)
            while found in self._redirects:
                found = self._redirects[found]
        self._merge(found, e)
        if e.label == "PERSON" and len(_tokens(self._entities[found].name)) > 1:
            self._absorb_one_word(found)
        return found

    def _family_entities(self, label: str):
        return [k for k in self._entities.values() if _family(k.label) == _family(label)]

    def _match(self, e: Entity) -> str | None:
        names = {_name_key(n) for n in (e.name, *e.aliases)}
        known = self._family_entities(e.label)
        if e.label != "PERSON":
            return next((k.id for k in known if names & {_name_key(n) for n in (k.name, *k.aliases)}), None)
        full = {n for n in names if len(n.split()) > 1}
        if not full:
            holders = [k for k in known if len(_tokens(k.name)) > 1
                       and _name_key(e.name) in _tokens(k.name)]
            return holders[0].id if len(holders) == 1 else None
        for k in known:
            k_full = {_name_key(n) for n in (k.name, *k.aliases) if len(_tokens(n)) > 1}
            if full & k_full:
                return k.id
        return self._variant_match(e, full, known)

    def _variant_match(self, e: Entity, full: set[str], known) -> str | None:
        roles = _role_keys(e)
        for k in known:
            if not roles & _role_keys(k):
                continue
            for mine in full:
                for theirs in (_name_key(n) for n in (k.name, *k.aliases) if len(_tokens(n)) > 1):
                    a, b = mine.split(), theirs.split()
                    if (len(a) == len(b) and a[-1] == b[-1]
                            and all(_spelling_variant(x, y) for x, y in zip(a[:-1], b[:-1]))):
                        return k.id
        return None

    def _merge(self, key: str, e: Entity) -> None:
        old = self._entities.get(key)
        if old is None:
            self._entities[key] = Entity(key, e.name, e.label, tuple(dict.fromkeys(e.aliases)), e.roles)
            return
        names = [n for n in (*old.aliases, e.name, *e.aliases) if n != old.name]
        roles = tuple(dict.fromkeys((*old.roles, *e.roles)))
        self._entities[key] = Entity(key, old.name, old.label, tuple(dict.fromkeys(names)), roles)

    def _absorb_one_word(self, key: str) -> None:
        """A one-word person whose word only this full name holds joins it."""
        full = self._entities[key]
        people = [k for k in self._entities.values() if k.label == "PERSON"]
        for one in [k for k in people if len(_tokens(k.name)) == 1]:
            word = _name_key(one.name)
            holders = [k for k in people if len(_tokens(k.name)) > 1 and word in _tokens(k.name)]
            if word in _tokens(full.name) and holders == [full]:
                del self._entities[one.id]
                self._redirects[one.id] = key
                self._merge(key, Entity(key, one.name, "PERSON", one.aliases, one.roles))
                full = self._entities[key]
