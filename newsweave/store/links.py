"""Link records in the store: candidate keys, derivations and aligned sentences."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from ..model import AlignedSentence, Derivation, Links, StoredText
from .analyses import insert_ignore
from .schema import aligned_sentences, articles, derivations, link_keys

CHUNK = 500  # keys per IN (...) query, well under every engine's parameter limit


def save_links(connection: Connection, links: Links) -> None:
    insert_ignore(connection, link_keys, [dict(key=k, article_id=a) for a, k in links.link_keys])
    for d in links.derivations:
        insert_ignore(connection, derivations, [dict(
            article_id=d.article_id, source_id=d.source_id, share=d.share,
            direction=d.direction, rule=d.rule)])
        insert_ignore(connection, aligned_sentences, [
            dict(article_id=d.article_id, source_id=d.source_id, seq=i,
                 **dataclasses.asdict(s)) for i, s in enumerate(d.sentences)])


def shared_keys(connection: Connection, keys: Iterable[int]) -> dict[str, int]:
    """Stored articles sharing any of ``keys``, with how many they share."""
    found: dict[str, int] = {}
    ordered = sorted(set(keys))
    for i in range(0, len(ordered), CHUNK):
        query = (select(link_keys.c.article_id, func.count())
                 .where(link_keys.c.key.in_(ordered[i:i + CHUNK]))
                 .group_by(link_keys.c.article_id))
        for article_id, count in connection.execute(query):
            found[article_id] = found.get(article_id, 0) + count
    return found


def stored_texts(connection: Connection, ids: Sequence[str]) -> list[StoredText]:
    """The texts of ``ids``, in that order (unknown ids left out)."""
    query = select(articles.c.id, articles.c.text, articles.c.published,
                   articles.c.outlet).where(articles.c.id.in_(list(ids)))
    rows = {r.id: StoredText(r.id, r.text, r.published, r.outlet) for r in connection.execute(query)}
    return [rows[i] for i in ids if i in rows]


def load_derivations(connection: Connection, *, article_id: str | None = None,
                     source_id: str | None = None) -> list[Derivation]:
    """Derivations of one article (its sources) or from one source (its copies);
    every derivation when neither is given."""
    query = select(derivations).order_by(derivations.c.article_id, derivations.c.share.desc(),
                                         derivations.c.source_id)
    if article_id is not None:
        query = query.where(derivations.c.article_id == article_id)
    if source_id is not None:
        query = query.where(derivations.c.source_id == source_id)
    return [Derivation(r.article_id, r.source_id, r.share, r.direction,
                       _sentences(connection, r.article_id, r.source_id), r.rule)
            for r in connection.execute(query)]


def _sentences(connection: Connection, article_id: str,
               source_id: str) -> tuple[AlignedSentence, ...]:
    query = (select(aligned_sentences)
             .where((aligned_sentences.c.article_id == article_id)
                    & (aligned_sentences.c.source_id == source_id))
             .order_by(aligned_sentences.c.seq))
    return tuple(AlignedSentence(r.start, r.end, r.kind, r.source_start, r.source_end, r.score)
                 for r in connection.execute(query))
