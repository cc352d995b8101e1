"""Lines in capitals: ``caps.v1`` re-cases and re-parses them (the small model
reads capitals as acronyms); ``headlines.v2`` labels a headline's words from
the names the article spells below."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from .chain import NAME_LABELS, ModelPipe, rule
from .consistency import person_parts, word_labels
from .lexicon import FUNCTION_WORDS, ORG_WORDS
from .spans import Span, is_caps, key, lines, runs


def caps_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Lines mostly in capitals, and capital runs that open a line before
    punctuation (a dateline: ``MOSCOW (Sputnik) -``, ``PARAMARIBO , Surinam``)."""
    found = []
    for a, b in lines(doc):
        words = [t for t in doc[a:b] if any(c.isalpha() for c in t.text)]
        caps = [t for t in words if is_caps(t.text)]
        if words and len(caps) >= 0.8 * len(words) and any(len(t) > 4 for t in caps):
            found.append((a, b))
            continue
        end = a
        while end < b and (is_caps(doc[end].text) or doc[end].text in ("-", ".")):
            end += 1
        if end > a and end < b and doc[end].is_punct and any(len(t) > 4 for t in doc[a:end]):
            found.append((a, end))
    return found


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
    "caps.v1",
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


@rule("headlines.v2", reads=("token.text", "token.is_title"), sets=("adds", "drops", "labels"))
def headlines(doc: Doc, spans: list[Span]) -> list[Span]:
    """A word in capitals that the article names below ("MARLOW" after "Ines
    Marlow") takes that name's label; a span the model ran on over it
    ("MARLOW RESIGNS") gives way to it, though not an event or an
    organisation's full name ("U.S. OPEN", "JAKARTA POST")."""
    caps = {i for a, b in caps_ranges(doc) for i in range(a, b)}
    body = [s for s in spans if not caps.intersection(range(s.start, s.end))]
    names = {key(doc, s).lower(): s.label for s in body}
    words = {k.lower(): v for k, v in word_labels(doc, body, person_parts(doc, body)).items()}
    found = {
        i: words[doc[i].lower_] for i in caps if is_caps(doc[i].text) and doc[i].lower_ in words
    }
    out = []
    for s in spans:
        inside = [i for i in range(s.start, s.end) if i in found]
        if inside and not _whole_name(doc, s, names, found):
            continue
        out.append(s)
        for i in inside:
            del found[i]
    found_runs = runs(doc, lambda i, j: j in found and found[j] == found[i])
    return out + [Span(i, j, found[i]) for i, j in found_runs if j > i]


def _whole_name(doc: Doc, s: Span, names: dict[str, str], found: dict[int, str]) -> bool:
    """``s`` is a name in its own right, not a run-on over the words found."""
    return (
        key(doc, s).lower() in names
        or s.label == "EVENT"
        or doc[s.end - 1].lower_ in ORG_WORDS
        or all(i in found for i in range(s.start, s.end))
    )
