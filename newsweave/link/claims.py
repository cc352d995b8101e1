"""Claims: statements of fact within a story, matched across its articles.

A claim sentence is a sentence of a story's article that names at least one
entity and has ``MIN_WORDS`` words or more; it carries its facts: numbers,
dates (values of the time expressions inside it), places (entities labelled
GPE or LOC) and, when it is a quotation, the speaker.

Sentences of different articles state one claim when their wordllama
cosine reaches ``MATCH`` and they share an entity other than a place (or
when one's word trigrams are at least ``LEXICAL`` contained in the other's);
each sentence, in the story's order, joins the claim it matches best or
opens one.

Origins. A sentence copied or rewritten from another article (an aligned
sentence of a stored derivation) has its source's origin; an article that
credits a wire or outlet in its own text ("MOSCOW (Sputnik) -", "(Reuters)")
has that outlet as origin, so every outlet carrying one wire story counts
once; any other article is its own origin. A claim with two or more origins
is ``corroborated``, with one ``single-origin``; one whose sentences give
different numbers, dates, places or speakers for the same fact is in
``conflict`` (the values are kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..model import Analysis, Article, Claim, ClaimEvidence, Derivation
from .derive import trigrams, words
from .embed import embed
from .sentences import split

RULE = "claims.matched_sentences.v1"
MIN_WORDS = 6
MATCH = 0.8
LEXICAL = 0.5
MAX_DEPTH = 5  # copies of copies followed this far to their origin
PLACE_LABELS = frozenset({"GPE", "LOC"})  # a building ("Vantor Palace") is not a place here
CREDIT_RULES = ("outlet.dateline", "outlet.credit")  # an outlet the text itself credits
_NUMBER = re.compile(
    r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|per cent|million|billion))?", re.I
)


@dataclass(frozen=True)
class Member:
    """One article of the story as claims need it."""

    article: Article
    analysis: Analysis | None
    derivations: tuple[Derivation, ...] = ()  # this article's sources


def credited_origin(article: Article) -> str | None:
    """The outlet the article's own text credits ("(Reuters)"), if any."""
    outlet = article.meta.outlet
    if outlet and outlet.value and outlet.rule.startswith(CREDIT_RULES):
        return f"outlet:{outlet.value.casefold()}"
    return None


def numbers(text: str) -> tuple[str, ...]:
    found = (
        " ".join(m.group().replace(",", "").split()).casefold() for m in _NUMBER.finditer(text)
    )
    return tuple(sorted(set(found)))


class Origins:
    """The origin of each sentence of the story's articles."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = {m.article.id: m for m in members}

    def of_article(self, article_id: str) -> str:
        member = self.members.get(article_id)
        credited = credited_origin(member.article) if member else None
        return credited or f"article:{article_id}"

    def of_sentence(self, article_id: str, start: int, depth: int = 0) -> str:
        member = self.members.get(article_id)
        if member is not None and depth < MAX_DEPTH:
            for derivation in member.derivations:
                for s in derivation.sentences:
                    if s.start == start and s.kind != "own" and s.source_start is not None:
                        return self.of_sentence(derivation.source_id, s.source_start, depth + 1)
        return self.of_article(article_id)


def _evidence(member: Member, origins: Origins) -> list[tuple[ClaimEvidence, frozenset[str]]]:
    """Each claim sentence of one article and the non-place entities it names."""
    article, analysis = member.article, member.analysis
    if analysis is None:
        return []
    found = []
    for start, end in split(article.text):
        text = article.text[start:end]
        if len(words(text)) < MIN_WORDS:
            continue
        inside = [m for m in analysis.mentions if start <= m.start < end and m.entity]
        if not inside:
            continue
        places = tuple(sorted({m.entity for m in inside if m.label in PLACE_LABELS}))
        others = frozenset(m.entity for m in inside if m.label not in PLACE_LABELS)
        dates = tuple(
            sorted(
                {
                    t.value
                    for t in analysis.timexes
                    if start <= t.start < end
                    and t.value
                    and t.type == "DATE"
                    and t.value[:1].isdigit()
                }
            )
        )
        speakers = {
            q.speaker for q in analysis.quotes if q.speaker and q.start < end and q.end > start
        }
        found.append(
            (
                ClaimEvidence(
                    article.id,
                    start,
                    end,
                    text,
                    origins.of_sentence(article.id, start),
                    numbers(text),
                    dates,
                    places,
                    min(speakers) if len(speakers) == 1 else None,
                ),
                others,
            )
        )
    return found


def _lexical(a: str, b: str) -> float:
    """The larger trigram containment of either sentence in the other
    (``derive.containment``), from word shapes computed once per sentence: a
    story's claims compare each sentence with many others."""
    return max(_contained(_shape(a), _shape(b)), _contained(_shape(b), _shape(a)))


Shape = tuple[tuple[str, ...], frozenset, frozenset]


@lru_cache(maxsize=4096)  # a story's claims read up to 100 articles' sentences
def _shape(text: str) -> Shape:
    tokens = tuple(words(text))
    return tokens, frozenset(trigrams(tokens)), frozenset(tokens)


def _contained(a: Shape, b: Shape) -> float:
    """``derive.containment(a's words, b's trigrams, b's words)``."""
    tokens, grams, _ = a
    if len(tokens) < 3:
        return sum(t in b[2] for t in tokens) / len(tokens) if tokens else 0.0
    return len(grams & b[1]) / len(grams)


def _conflicts(evidence: Sequence[ClaimEvidence]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Fields for which two sentences give disjoint values. Speakers conflict
    only between renderings of the same words (two people may state one
    fact; one quotation has one speaker)."""
    found = []
    for name in ("numbers", "dates", "places", "speaker"):
        given = [
            (e, v if isinstance(v, tuple) else (v,)) for e in evidence if (v := getattr(e, name))
        ]
        if any(
            not set(a) & set(b) and (name != "speaker" or _lexical(x.text, y.text) >= LEXICAL)
            for i, (x, a) in enumerate(given)
            for y, b in given[i + 1 :]
        ):
            found.append((name, tuple(sorted({v for _, values in given for v in values}))))
    return tuple(found)


def _lexical_neighbours(texts: Sequence[str]) -> list[set[int]]:
    """For each text, the earlier ones whose ``_lexical`` with it reaches
    ``LEXICAL``: the same test, counted through an index of the trigrams met
    so far instead of pair by pair (texts sharing no trigram have none in
    common unless one has fewer than three words; those are compared pair by
    pair)."""
    shapes = [_shape(text) for text in texts]
    postings: dict[tuple[str, ...], list[int]] = {}
    short: list[int] = []
    found: list[set[int]] = []
    for i, (tokens, grams, _) in enumerate(shapes):
        if len(tokens) < 3:
            found.append({j for j in range(i) if _lexical(texts[j], texts[i]) >= LEXICAL})
            short.append(i)
            continue
        shared: dict[int, int] = {}
        for gram in grams:
            for j in postings.get(gram, ()):
                shared[j] = shared.get(j, 0) + 1
            postings.setdefault(gram, []).append(i)
        near = {
            j for j, n in shared.items() if max(n / len(grams), n / len(shapes[j][1])) >= LEXICAL
        }
        near.update(j for j in short if _lexical(texts[j], texts[i]) >= LEXICAL)
        found.append(near)
    return found


def story_claims(story_id: str, members: Sequence[Member]) -> tuple[Claim, ...]:
    """Every claim of one story, from its articles in the story's order."""
    origins = Origins(members)
    sentences = [e for m in members for e in _evidence(m, origins)]
    if not sentences:
        return ()
    texts = [e.text for e, _ in sentences]
    vectors = embed(texts)
    cosines = vectors @ vectors.T
    near = _lexical_neighbours(texts)
    groups: list[list[int]] = []
    articles: list[set[str]] = []  # the articles each group already holds
    group_of = np.zeros(len(sentences), dtype=np.int64)
    for i, sentence in enumerate(sentences):
        best = _best_group(i, sentence, sentences, cosines, groups, articles, group_of, near[i])
        if best is None:
            groups.append([i])
            articles.append(set())
            best = len(groups) - 1
        else:
            groups[best].append(i)
        articles[best].add(sentence[0].article_id)
        group_of[i] = best
    return tuple(_claim(story_id, [sentences[i] for i in group]) for group in groups)


def _best_group(i, sentence, sentences, cosines, groups, articles, group_of, near) -> int | None:
    """The group with the highest cosine to sentence ``i`` (its best member's;
    above 0, the earlier group on a tie) among those holding no sentence of
    its article and holding one it matches: a cosine of ``MATCH`` or more
    with an entity in common, or a lexical neighbour (``near``). Groups are
    tried best first, and one below ``MATCH`` holding no neighbour cannot
    match, so few are tried."""
    if not groups:
        return None
    scores = np.full(len(groups), -np.inf)
    np.maximum.at(scores, group_of[:i], cosines[i, :i])
    lexical = {int(group_of[j]) for j in near}
    for g in np.lexsort((np.arange(len(groups)), -scores)):
        if scores[g] <= 0.0:
            return None
        if sentence[0].article_id in articles[g] or (scores[g] < MATCH and g not in lexical):
            continue
        if any(
            j in near or (cosines[i, j] >= MATCH and sentences[j][1] & sentence[1])
            for j in groups[g]
        ):
            return int(g)
    return None


def _claim(story_id: str, found: list[tuple[ClaimEvidence, frozenset[str]]]) -> Claim:
    evidence = tuple(e for e, _ in found)
    origins = tuple(sorted({e.origin for e in evidence}))
    conflicts = _conflicts(evidence) if len(evidence) > 1 else ()
    status = "conflict" if conflicts else "corroborated" if len(origins) > 1 else "single-origin"
    entities = tuple(
        sorted(
            set().union(*(others for _, others in found)) | {p for e in evidence for p in e.places}
        )
    )
    first = evidence[0]
    return Claim(
        f"claim:{first.article_id}:{first.start}",
        story_id,
        status,
        origins,
        entities,
        evidence,
        conflicts,
        RULE,
    )
