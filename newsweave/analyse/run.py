"""The analyse stage's run: one batch of articles parsed once, then each article's mentions, entities, time expressions, quotes and events."""

from __future__ import annotations

import dataclasses
from typing import Sequence

from spacy.tokens import Doc

from ..errors import DATA_ERRORS
from ..model import (
    Analysis,
    Article,
    Entity,
    LocalAnalysis,
    Mention,
    Quote,
    Skipped,
)
from .canon import EntityIndex, canonicalise, canonicalise_all
from .entities import mentions_of, resolve_article
from .events import find_events
from .lead import lead_day
from .nlp import DEFAULT_MODEL, parse
from .quotes import find_quotes
from .timex import find_timexes


def entity_at(mentions: Sequence[Mention], start: int | None, end: int | None) -> str | None:
    """The entity of the mention that covers most of ``start:end``, if it covers
    half of it at least: "The secretary of Russia's Security Council" is not
    the Security Council."""
    if start is None or end is None or end <= start:
        return None
    overlaps = [(min(end, m.end) - max(start, m.start), m) for m in mentions if m.entity]
    best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
    return best[1].entity if best[0] >= (end - start) / 2 else None


def link_quote(quote: Quote, mentions: Sequence[Mention]) -> Quote:
    return dataclasses.replace(
        quote,
        speaker=entity_at(mentions, quote.speaker_start, quote.speaker_end),
        addressee=entity_at(mentions, quote.addressee_start, quote.addressee_end),
    )


def dateline_place(article: Article, mentions: Sequence[Mention]) -> str | None:
    """The dateline's place as the text names it elsewhere ("MOSCOW" -> "Moscow")."""
    place = article.meta.value("dateline")
    if place is None:
        return None
    spelled = [
        m.text for m in mentions if m.text.casefold() == place.casefold() and m.text != place
    ]
    return spelled[0] if spelled else place.title() if place.isupper() else place


def analyse_local(article: Article, doc: Doc) -> LocalAnalysis:
    """Everything found in one article, given its clean text as the pipeline
    parsed it (its names corrected in ``doc.ents``), with entities known only
    by the article's own keys. Needs nothing from other articles, so it runs
    wherever the parse runs (a worker process, a Dask worker)."""
    published = article.published_date
    mentions, entities = resolve_article(
        doc,
        mentions_of(doc),
        article_id=article.id,
        published=article.meta.value("published"),
    )
    timexes = find_timexes(article.text, reference=published, doc=doc)
    quotes = [link_quote(q, mentions) for q in find_quotes(doc, names=(mentions, entities))]
    events = find_events(
        doc,
        mentions=mentions,
        timexes=timexes,
        published=published,
        dateline=dateline_place(article, mentions),
        lead_day=lead_day(article, timexes),
    )
    analysis = Analysis(
        article_id=article.id,
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        timexes=tuple(timexes),
        events=tuple(events),
    )
    return LocalAnalysis(analysis, tuple(entities))


def analyse_doc(article: Article, doc: Doc, index: EntityIndex) -> tuple[Analysis, set[str]]:
    """``analyse_local`` then ``canonicalise``: one article's analysis with
    canonical entity ids, and the ids it names."""
    return canonicalise(analyse_local(article, doc), index)


def analyse_local_all(
    articles: Sequence[Article], *, model: str = DEFAULT_MODEL, batch_size: int = 64
) -> list[LocalAnalysis | Skipped]:
    """``analyse_local`` for each of ``articles``, in order, parsing them as
    one batch. An article a component fails on gives a ``Skipped`` naming it
    and the reason instead; the article itself is still stored."""
    docs = parse((article.text for article in articles), model=model, batch_size=batch_size)
    found: list[LocalAnalysis | Skipped] = []
    for article, doc in zip(articles, docs):
        try:
            found.append(analyse_local(article, doc))
        except DATA_ERRORS as exc:
            reason = f"not analysed: {exc.__class__.__name__}: {exc}"
            found.append(Skipped(article.source, reason))
    return found


def analyse(
    articles: Sequence[Article],
    index: EntityIndex,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    failed: list[Skipped] | None = None,
) -> tuple[list[Analysis], list[Entity]]:
    """Analyses of ``articles``, in order, parsing them as one batch, and the
    canonical entities they name as ``index`` now knows them. An article a
    component fails on gets an empty analysis and an entry in ``failed``: the
    article itself is still stored."""
    locals_ = analyse_local_all(articles, model=model, batch_size=batch_size)
    return canonicalise_all(articles, locals_, index, failed=failed)
