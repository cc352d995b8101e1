"""The per-article stages of a run, which need nothing from the store: each
item cleaned and, if text is left, analysed with its entities still local.

They run wherever the executor puts them (a worker process, a Dask worker,
or the main process for an input of one chunk), and the model loads once per
process. ``pipeline`` imports this module only where the work runs, so the
main process of a run with workers never loads trafilatura or spaCy.
"""

from __future__ import annotations

from typing import Sequence

from .analyse.run import analyse_local_all
from .clean import clean
from .config import Config, reference_date
from .errors import DATA_ERRORS, NewsweaveError
from .model import Article, Hints, LocalAnalysis, RawDoc, Skipped

Prepared = tuple["Article | Skipped", "LocalAnalysis | Skipped | None"]


def overrides(config: Config) -> Hints:
    return Hints(outlet=config.outlet, published=config.published)


def clean_one(doc: RawDoc, config: Config) -> Article | Skipped:
    try:
        return clean(doc, overrides=overrides(config), reference=reference_date(config))
    except (NewsweaveError, *DATA_ERRORS) as exc:
        return Skipped(doc.locator, f"cannot clean: {exc.__class__.__name__}: {exc}")


def prepare(docs: Sequence[RawDoc], config: Config) -> list[Prepared]:
    """Each of ``docs`` cleaned and, if text is left, analysed (one parse
    batch), in order; ``None`` for an article that cleaned to nothing."""
    cleaned = [clean_one(doc, config) for doc in docs]
    texts = [a for a in cleaned if isinstance(a, Article) and a.text.strip()]
    found = iter(analyse_local_all(texts, model=config.model, batch_size=config.batch_size))
    return [
        (a, next(found) if isinstance(a, Article) and a.text.strip() else None) for a in cleaned
    ]
