"""The run: read -> clean -> analyse -> link -> commit, one transaction per batch.

Each stage is a function from records to records: ``read_paths`` gives
``RawDoc``s, ``clean`` an ``Article``, ``analyse`` an ``Analysis`` per new
article, ``link_batch`` the ``Links`` of the batch against the store and
itself, and ``Store.commit`` writes the ``BatchResult`` of all of them. The
per-article stages can run anywhere; ``link`` and ``commit`` run in one place,
in input order, so the same input gives the same store.

An item whose content the store already holds under the same name is
``unchanged``; an item whose clean text is already stored (under any name) is a
``duplicate`` and only records a new version of its source; everything else is
stored. A failing item is skipped with its reason, and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from . import executors
from .analyse import EntityIndex, canonicalise_all
from .config import Config, reference_date
from .errors import DATA_ERRORS
from .ingest import read_paths
from .link.batch import link_batch
from .model import (
    Article,
    BatchResult,
    Links,
    LocalAnalysis,
    RawDoc,
    RunSummary,
    Skipped,
    content_hash,
)
from .store import Store

if TYPE_CHECKING:
    from .prepare import Prepared

Progress = Callable[[str], None]


class Batch:
    """Articles waiting for one commit, the ids among them that are new, and
    the index of canonical entities (it looks them up in the store and holds
    only the batch's)."""

    def __init__(self, index: EntityIndex) -> None:
        self.items: list[tuple[Article, str]] = []
        self.new_ids: set[str] = set()
        self.local: dict[str, LocalAnalysis | Skipped] = {}  # each new article's, by id
        self.index = index

    def flush(self, store: Store, config: Config, summary: RunSummary) -> None:
        """Analyse and link the batch's new articles and store everything in
        one commit; an article the analysis fails on is stored unanalysed,
        and one linking fails on stored unlinked, each with its reason."""
        if self.items:
            fresh = list({a.id: a for a, _ in self.items if a.id in self.new_ids}.values())
            found, entities = canonicalise_all(
                fresh, [self.local[a.id] for a in fresh], self.index, failed=summary.skipped
            )
            links = _link(fresh, found, store, config, summary)
            store.commit(
                BatchResult(
                    items=tuple(self.items),
                    new_ids=frozenset(self.new_ids),
                    analyses=tuple(found),
                    entities=tuple(entities),
                    entity_seq=tuple((e.id, self.index.seq(e.id)) for e in entities),
                    moved=tuple(sorted(self.index.take_absorbed().items())),
                    links=links,
                )
            )
            self.index.forget()
            summary.derivations += len(links.derivations)
            summary.stories += sum(m.opened for m in links.story_members)
            summary.quote_groups += sum(len(g.renderings) > 1 for g in links.quote_groups)
            summary.event_groups += sum(len(g.reports) > 1 for g in links.event_groups)
        self.items, self.new_ids, self.local = [], set(), {}


def _link(
    fresh: list[Article], found: list, store: Store, config: Config, summary: RunSummary
) -> Links:
    """The batch's links; if linking fails, the batch is linked again without
    each article that fails alone, which is stored unlinked with its reason."""
    try:
        return link_batch(fresh, found, store, limit=config.link_candidates)
    except DATA_ERRORS:
        pass
    kept = []
    for article, analysis in zip(fresh, found):
        try:
            link_batch([article], [analysis], store, limit=config.link_candidates)
        except DATA_ERRORS as exc:
            summary.skipped.append(
                Skipped(article.source, f"not linked: {exc.__class__.__name__}: {exc}")
            )
        else:
            kept.append((article, analysis))
    return link_batch(
        [a for a, _ in kept], [x for _, x in kept], store, limit=config.link_candidates
    )


UNCHANGED = "unchanged"  # an item the store holds as it is, known before any work


@dataclass
class Chunk:
    """Consecutive input items, in order: ``Skipped`` ones and ones known
    unchanged need no work; ``work`` is the rest, prepared together (one
    parse batch)."""

    entries: list[tuple[RawDoc | Skipped, str | None]] = field(default_factory=list)
    work: list[RawDoc] = field(default_factory=list)


def chunks(items: Iterable[RawDoc | Skipped], store: Store, size: int) -> Iterator[Chunk]:
    """``items`` in chunks of ``size`` items to work on. An item whose content
    the store already holds under its name, and whose name this run has not
    met before, is marked unchanged here, so a run over a corpus already
    stored parses nothing; any other case is decided in order by ``_take``."""
    chunk, seen = Chunk(), set()
    for item in items:
        if isinstance(item, Skipped):
            chunk.entries.append((item, None))
            continue
        digest = content_hash(item.kind + "\0" + item.content)
        known = store.source_state(item.locator) if item.locator not in seen else None
        seen.add(item.locator)
        if known and known.content_hash == digest:
            chunk.entries.append((item, UNCHANGED))
            continue
        chunk.entries.append((item, digest))
        chunk.work.append(item)
        if len(chunk.work) >= size:
            yield chunk
            chunk = Chunk()
    if chunk.entries:
        yield chunk


def run(
    paths: Iterable[str], store: Store, config: Config, *, progress: Progress | None = None
) -> RunSummary:
    """Read, clean, analyse, link and store everything under ``paths``. Cleaning
    and analysis run on ``config.executor`` with ``config.workers`` workers
    (here, for an input of one chunk); entity merging, linking and the store
    run here, in input order, so the store ends the same for any executor."""
    executors.return_freed_memory()
    summary, batch = RunSummary(), Batch(EntityIndex(store))
    config = dataclasses.replace(config, reference_date=reference_date(config).isoformat())
    items = read_paths(paths, max_bytes=config.max_bytes)
    work = functools.partial(_prepare_chunk, config=config)

    def starter() -> executors.Executor:
        return executors.start(config.executor, config.workers, config.scheduler)

    for chunk, prepared in executors.ordered(chunks(items, store, CHUNK), work, starter):
        results = iter(prepared)
        for item, digest in chunk.entries:
            if progress:
                progress(item.locator)
            summary.read += 1
            if isinstance(item, Skipped):
                summary.skipped.append(item)
            elif digest == UNCHANGED:
                summary.unchanged += 1
            else:
                _take(item, digest, next(results), store, summary, batch)
            if len(batch.items) >= config.batch_size:
                batch.flush(store, config, summary)
    batch.flush(store, config, summary)
    return summary


CHUNK = 16  # items prepared per task: one parse batch, small enough to share out


def _prepare_chunk(chunk: Chunk, *, config: Config) -> list[Prepared]:
    # Imported here, where the work runs: the main process of a run with
    # workers never cleans or parses, so it never loads trafilatura or spaCy.
    from .prepare import prepare

    return prepare(chunk.work, config)


def _take(
    doc: RawDoc,
    digest: str,
    prepared: Prepared,
    store: Store,
    summary: RunSummary,
    batch: Batch,
) -> None:
    known = store.source_state(doc.locator)
    pending = [h for a, h in batch.items if a.source == doc.locator]
    if (known and known.content_hash == digest) or digest in pending:
        summary.unchanged += 1
        return
    article, local = prepared
    if isinstance(article, Skipped):
        summary.skipped.append(article)
        return
    if local is None:
        summary.skipped.append(Skipped(doc.locator, "no article text left after cleaning"))
        return
    summary.article_ids.append(article.id)
    if known or pending:
        summary.new_versions += 1
    if article.id in batch.new_ids or store.has_article(article.id):
        summary.duplicates += 1
    else:
        batch.new_ids.add(article.id)
        batch.local[article.id] = local
        summary.stored += 1
    batch.items.append((article, digest))
