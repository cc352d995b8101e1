"""Analyse: ``Article`` to ``Analysis``.

Each batch of clean texts goes through spaCy's ``nlp.pipe`` once (``nlp``);
then, per article, the components read the parsed Doc: names (``entities``),
time expressions resolved against the publication date (``timex``),
quotations (``quotes``) and events (``events``), which use the other three.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc

from ..model import Analysis, Article
from .entities import find_mentions
from .events import find_events
from .nlp import DEFAULT_MODEL, parse
from .quotes import find_quotes
from .timex import find_timexes


def analyse_doc(article: Article, doc: Doc) -> Analysis:
    """Everything found in one article, given its parsed clean text."""
    published = article.published_date
    mentions = find_mentions(doc)
    timexes = find_timexes(article.text, reference=published, doc=doc)
    events = find_events(doc, mentions=mentions, timexes=timexes, published=published)
    return Analysis(article_id=article.id, mentions=tuple(mentions),
                    quotes=tuple(find_quotes(doc)), timexes=tuple(timexes), events=tuple(events))


def analyse(articles: Sequence[Article], *, model: str = DEFAULT_MODEL,
            batch_size: int = 64) -> list[Analysis]:
    """Analyses of ``articles``, in order, parsing them as one batch."""
    docs = parse((article.text for article in articles), model=model, batch_size=batch_size)
    return [analyse_doc(article, doc) for article, doc in zip(articles, docs)]
