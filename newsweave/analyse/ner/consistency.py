"""``consistency.v1``: one name keeps one label through an article."""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc

from .chain import rule
from .spans import Span, key, taken


@rule(
    "consistency.v1", reads=("token.text", "token.pos_", "token.is_title"), sets=("labels", "adds")
)
def consistency(doc: Doc, spans: list[Span]) -> list[Span]:
    """A surname or given name of a person named in full is a PERSON ("Xi"
    after "Xi Jinping"), the label seen most often wins, and an unlabelled
    repeat of a labelled one-word name is labelled."""
    parts = person_parts(doc, spans)
    votes: dict[str, Counter] = defaultdict(Counter)
    for s in spans:
        votes[key(doc, s)][s.label] += 1
    out = []
    for s in spans:
        name = key(doc, s)
        label = "PERSON" if name in parts else votes[name].most_common(1)[0][0]
        out.append(Span(s.start, s.end, label))
    return out + _repeats(doc, out, parts)


def person_parts(doc: Doc, spans: list[Span]) -> set[str]:
    """Given names and surnames of people named in full in this article."""
    parts = set()
    for s in spans:
        if s.label == "PERSON" and s.end - s.start >= 2:
            first, last = doc[s.start], doc[s.end - 1]
            parts.update(t.text for t in (first, last) if t.is_title and len(t) > 1)
    return parts


def _repeats(doc: Doc, spans: list[Span], parts: set[str]) -> list[Span]:
    """Unlabelled capitalised tokens that repeat a one-word labelled name."""
    labels = word_labels(doc, spans, parts)
    covered = taken(spans)
    found = []
    for tok in doc:
        label = labels.get(tok.text)
        if (
            label
            and tok.i not in covered
            and tok.text[:1].isupper()
            and tok.pos_ in ("PROPN", "X", "NOUN")
        ):
            found.append(Span(tok.i, tok.i + 1, label))
    return found


def word_labels(doc: Doc, spans: list[Span], parts: set[str]) -> dict[str, str]:
    """The label of each one-word name, and of each part of a person's full name."""
    labels = {key(doc, s): s.label for s in spans if s.end - s.start == 1}
    labels.update({part: "PERSON" for part in parts})
    return labels
