"""Lines in capitals: ``caps_ranges`` finds them, and ``headlines.v3`` labels a
headline's words from the names the article spells below. (Re-casing and
re-parsing them, ``caps.v1``, lost F1 on both halves of CoNLL-2003 and on a
sample of modern pages; it is the CoNLL adapter's now, ``caps.v2`` in ``bench/conll_adapter.py``.)"""

from __future__ import annotations


from spacy.tokens import Doc

from .chain import rule
from .consistency import person_parts, word_labels
from .lexicon import ORG_WORDS
from .spans import Span, dateline_city, is_caps, key, lines, runs


def caps_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Lines mostly in capitals, and the place in capitals that opens a line's
    dateline (``MOSCOW (Sputnik) -``, ``PARAMARIBO , Surinam 1996-08-30``; the
    recogniser of ``newsweave.datelines``)."""
    found = []
    for a, b in lines(doc):
        words = [t for t in doc[a:b] if any(c.isalpha() for c in t.text)]
        caps = [t for t in words if is_caps(t.text)]
        if words and len(caps) >= 0.8 * len(words) and any(len(t) > 4 for t in caps):
            found.append((a, b))
        elif city := dateline_city(doc, a, b):
            found.append(city)
    return found


@rule("headlines.v3", reads=("token.text", "token.is_title"), sets=("adds", "drops", "labels"))
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
