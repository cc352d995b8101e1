"""Docs built by hand, spaCy's way (``Doc(vocab, words=..., ents=..., pos=...)``),
for the mention rules: no model needed, the labels are the rows' own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def hand_doc(text: str, ents: dict[str, str], propn: tuple[str, ...] = ()) -> Doc:
    """A Doc of whitespace-split ``text``; ``ents`` maps a phrase (its first
    occurrence that no earlier phrase labelled: "Putin" after "Vladimir
    Putin") to its label; words in ``propn`` are tagged PROPN (the rules read
    the tag), all others NOUN."""
    words = text.split()
    tags = ["O"] * len(words)
    for phrase, label in ents.items():
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            free = all(t == "O" for t in tags[i : i + len(parts)])
            if free and words[i : i + len(parts)] == parts:
                tags[i] = f"B-{label}"
                tags[i + 1 : i + len(parts)] = [f"I-{label}"] * (len(parts) - 1)
                break
    pos = ["PROPN" if w in propn else "NOUN" for w in words]
    return Doc(VOCAB, words=words, ents=tags, pos=pos)


def lines_doc(lines: list[str], ents: dict[str, str], propn: tuple[str, ...] = ()) -> Doc:
    """``hand_doc`` over several lines, a ``"\\n"`` token between them."""
    doc = hand_doc(" NEWLINE ".join(lines), ents, propn)
    words = ["\n" if t.text == "NEWLINE" else t.text for t in doc]
    tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
    return Doc(VOCAB, words=words, ents=tags, pos=[t.pos_ or "NOUN" for t in doc])


def without_caps(rules: tuple[str, ...]) -> tuple[str, ...]:
    """The chain without ``caps.v2``, which re-parses with the model: the
    labels stay as the row gives them."""
    return tuple(r for r in rules if r != "caps.v2")
