"""The link stage for one batch: new articles against the store and each other.

For each new article, in input order: its candidate-search keys
(``candidates``), the stored articles and the batch's earlier articles that
share most of them, and a sentence alignment with each candidate
(``derive``). Nothing scans the store: candidates come from the
``link_keys`` index, and only their texts are read. The same input in the
same order gives the same links. Then each analysed quote joins the group of
its quotation or opens one (``quotes``).
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol, Sequence

from ..model import Analysis, Article, Derivation, Links, StoredText
from . import candidates
from .derive import Text, derive_pair, text_of
from .quotes import Quoting, QuoteView

DEFAULT_CANDIDATES = 10


class LinkView(QuoteView, Protocol):
    """What linking reads from the store (``Store`` provides it)."""

    def shared_keys(self, keys) -> dict[str, int]: ...

    def stored_texts(self, ids: Sequence[str]) -> list[StoredText]: ...


def _text_of_stored(stored: StoredText) -> Text:
    return Text(stored.id, stored.text, stored.published, outlet=stored.outlet)


def link_batch(articles: Sequence[Article], analyses: Sequence[Analysis], view: LinkView, *,
               limit: int = DEFAULT_CANDIDATES) -> Links:
    """Derivations among ``articles`` (new, not yet stored) and between each
    of them and the ``limit`` best stored candidates; the quote groups their
    quotes (in ``analyses``, one per article) join or open; and the keys that
    make them findable by later batches."""
    derivations, link_keys = _derivations(articles, view, limit)
    quoting = Quoting(view, limit=limit)
    for article, analysis in zip(articles, analyses):
        quoting.add_article(article, analysis, occasion=None)
    groups, repeats, quote_keys = quoting.results()
    return Links(derivations=derivations, link_keys=link_keys, quote_groups=groups,
                 quote_repeats=repeats, quote_keys=quote_keys)


def _derivations(articles: Sequence[Article], view: LinkView, limit: int):
    texts = [text_of(article) for article in articles]
    batch_keys: list[set[int]] = []
    found: list[Derivation] = []
    link_keys: list[tuple[str, int]] = []
    for i, text in enumerate(texts):
        own = candidates.keys(text)
        shared = Counter(view.shared_keys(own)) if own else Counter()
        for j in range(i):  # earlier articles of this batch are candidates too
            if texts[j].id != text.id and (common := len(own & batch_keys[j])):
                shared[texts[j].id] += common
        shared.pop(text.id, None)
        chosen = candidates.rank(dict(shared), limit=limit)
        earlier = {t.id: t for t in texts[:i]}
        stored = {s.id: _text_of_stored(s)
                  for s in view.stored_texts([c for c in chosen if c not in earlier])}
        for candidate in chosen:
            other = earlier.get(candidate) or stored.get(candidate)
            if other is not None and (derivation := derive_pair(text, other)) is not None:
                found.append(derivation)
        batch_keys.append(own)
        link_keys.extend((text.id, key) for key in sorted(own))
    return tuple(found), tuple(link_keys)
