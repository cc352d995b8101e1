"""The command line: each command is one ``api`` call plus presentation."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, List, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from . import api
from .link.quotes import diff as quote_diff
from .link.quotes import SAME as QUOTE_SAME
from .link.quotes import similarity as quote_similarity
from .config import Config, load_config
from .errors import NewsweaveError
from .export import FORMATS, article_view_record, csv_folder
from .model import Analysis, Article, ArticleDerivation, ArticleView, RunSummary

if TYPE_CHECKING:
    from .store import Store

T = TypeVar("T")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Make sense of a pile of news articles: clean, date, attribute, link.",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error stays on one line

DbOption = typer.Option(
    None,
    "--db",
    help="Store: SQLite file or SQLAlchemy URL \\[env NEWSWEAVE_DB; default newsweave.db].",
)
ConfigOption = typer.Option(
    None,
    "--config",
    exists=True,
    dir_okay=False,
    help="TOML file of settings (see docs/settings.md).",
)


@contextmanager
def failing_cleanly() -> Iterator[None]:
    """Library errors become one line on stderr and exit status 1."""
    try:
        yield
    except (NewsweaveError, OSError) as exc:
        err.print(f"[bold red]Error:[/] {escape(str(exc))}")
        raise typer.Exit(1) from None


@contextmanager
def opened(config: Config):
    store = api.open_store(config)
    try:
        yield store
    finally:
        store.close()


def with_store(config_file: Path | None, db: str | None, call: Callable[["Store"], T]) -> T:
    """Run one api call on the store the settings name; errors end the command."""
    with failing_cleanly():
        with opened(load_config(config_file, db=db)) as store:
            return call(store)


@app.command()
def analyze(
    paths: List[str] = typer.Argument(
        ..., help="Files and folders to read (folders recursively); - reads stdin."
    ),
    db: Optional[str] = DbOption,
    outlet: Optional[str] = typer.Option(None, help="Outlet for every input, overriding the text."),
    published: Optional[str] = typer.Option(
        None, help="Publication date YYYY-MM-DD for every input."
    ),
    reference_date: Optional[str] = typer.Option(
        None,
        help="Date YYYY-MM-DD that yearless weekday dates are read against \\[default: today].",
    ),
    batch_size: Optional[int] = typer.Option(
        None, help="Articles committed together \\[default: 64]."
    ),
    workers: Optional[int] = typer.Option(
        None, help="Processes that clean and analyse \\[default: every core]."
    ),
    executor: Optional[str] = typer.Option(
        None, help="Where the workers run: processes or dask \\[default: processes]."
    ),
    scheduler: Optional[str] = typer.Option(
        None, help="Dask scheduler address for --executor dask \\[default: a local cluster]."
    ),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Read, clean, analyse, link and store articles; prints a summary of what
    happened. Cleaning and analysis run on --workers processes (or a Dask
    cluster); linking and the store run here, so the store is the same."""
    with failing_cleanly():
        config = load_config(
            config_file,
            db=db,
            outlet=outlet,
            published=published,
            reference_date=reference_date,
            batch_size=batch_size,
            workers=workers,
            executor=executor,
            scheduler=scheduler,
        )
        with opened(config) as store, _progress() as progress:
            task = progress.add_task("analyzing", total=api.count_files(paths), items=0, current="")
            summary = api.analyze(store, paths, config, progress=_tracker(progress, task))
        _print_summary(summary, config)


def _tracker(progress: Progress, task) -> Callable[[str], None]:
    """Advance the bar once per file; items inside a container only count."""
    seen: set[str] = set()

    def update(locator: str) -> None:
        source = locator.split("#", 1)[0]
        progress.update(
            task,
            advance=0 if source in seen else 1,
            current=escape(Path(source).name[:40]),
            items=progress.tasks[task].fields["items"] + 1,
        )
        seen.add(source)

    return update


@contextmanager
def _progress() -> Iterator[Progress]:
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files, {task.fields[items]} items"),
        TimeElapsedColumn(),
        TextColumn("[dim]{task.fields[current]}"),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        yield progress


def _print_summary(summary: RunSummary, config: Config) -> None:
    out.print(
        f"Read {summary.read} items: [green]{summary.stored} stored[/], "
        f"{summary.duplicates} duplicates of stored articles, {summary.unchanged} unchanged, "
        f"{summary.new_versions} new versions, [yellow]{len(summary.skipped)} skipped[/]; "
        f"linked {summary.derivations} copies or rewrites to their sources; "
        f"{summary.stories} new stories; {summary.quote_groups} quotations and "
        f"{summary.event_groups} events carried by several articles "
        f"(store: {escape(config.db)})",
        soft_wrap=True,
    )
    for skipped in summary.skipped:
        out.print(f"  skipped {escape(skipped.locator)}: {escape(skipped.reason)}", soft_wrap=True)


@app.command()
def articles(
    db: Optional[str] = DbOption,
    limit: int = typer.Option(50, help="How many to list."),
    offset: int = typer.Option(0, help="How many to pass over first."),
    as_json: bool = typer.Option(
        False, "--json", help="One JSON object per line instead of a table."
    ),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List stored articles, newest first."""
    rows = with_store(
        config_file, db, lambda store: api.list_articles(store, limit=limit, offset=offset)
    )
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row.__dict__, ensure_ascii=False))
        return
    table = Table(expand=False)
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, min_width=7, max_width=14, overflow="ellipsis")
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("words", justify="right", min_width=5)
    for row in rows:
        table.add_row(
            row.id,
            row.published or "-",
            escape(row.outlet or "-"),
            escape((row.title or "-")[:60]),
            str(row.words),
        )
    out.print(table)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id, or its first characters."),
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print the export record as JSON."),
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Print one article: metadata with provenance, clean text, what was removed,
    the quotes, events and time expressions found in it, and the articles it
    was built from, sentence by sentence."""
    view = with_store(config_file, db, lambda store: api.article_view(store, article_id))
    if as_json:
        out.print_json(json.dumps(article_view_record(view), ensure_ascii=False))
        return
    article = view.article
    _print_article(article)
    if view.analysis is not None:
        _print_analysis(article, view.analysis, view.names)
    _print_story(view)
    _print_derivation(article, view.derivation, view.sources, list(view.copied_by))
    _print_quote_groups(article, list(view.quote_groups), list(view.quote_repeats))


def _print_story(view: ArticleView) -> None:
    article, names, story, claims = view.article, view.names, view.story, view.claims
    if story is None:
        return
    days = " to ".join(dict.fromkeys(d for d in (story.first, story.last) if d)) or "undated"
    out.rule(f"story: {escape(story.title or story.id)}")
    out.print(f"[dim]{escape(story.id)}; {days}; {story.count} articles[/]", highlight=False)
    others = [m.article_id for m in view.members if m.article_id != article.id]
    if others:
        out.print(f"with {', '.join(others)}", highlight=False)
    for group in view.events:
        reported = {r.article_id for r in group.reports}
        if article.id in reported:
            who = ", ".join(names.get(p, p) for p in group.participants)
            out.print(
                f"  [green]{group.kind}[/] {escape(who)} [dim]in[/] "
                f"{escape(group.place or '-')} [dim]on[/] {escape(group.date or '-')} "
                f"[dim]({group.status}; {len(reported)} articles report it"
                f"{'; disagreements: ' + str(len(group.disagreements)) if group.disagreements else ''})[/]",
                highlight=False,
            )
    mine = claims
    shown = [c for c in mine if c.status != "single-origin"]
    out.print(
        f"[dim]{len(mine)} claims of this article: "
        f"{sum(c.status == 'corroborated' for c in mine)} corroborated, "
        f"{sum(c.status == 'conflict' for c in mine)} in conflict[/]",
        highlight=False,
    )
    for claim in shown:
        style = "green" if claim.status == "corroborated" else "red"
        detail = "; ".join(f"{name}: {', '.join(values)}" for name, values in claim.conflicts)
        out.print(
            f"  [{style}]{claim.status}[/] [dim]({len(claim.origins)} origins"
            f"{'; ' + escape(detail) if detail else ''})[/]",
            highlight=False,
        )
        for e in claim.evidence:
            out.print(
                f"    [dim]{e.article_id} {escape(e.origin)}:[/] {escape(e.text[:110])}",
                highlight=False,
            )


KIND_STYLE = {"verbatim": "red", "rewritten": "yellow", "own": "green"}


def _print_derivation(
    article: Article,
    derivation: ArticleDerivation,
    sources: dict[str, Article | None],
    copies: list[str],
) -> None:
    near = ", a near duplicate" if derivation.near_duplicate else ""
    out.rule(
        f"derivation: {derivation.klass}{near}, {derivation.share:.0%} borrowed "
        f"({derivation.verbatim:.0%} verbatim) from {len(derivation.sources)} sources"
    )
    for found in derivation.sources:
        source = sources.get(found.source_id)
        name = (source.meta.value("outlet") or source.source) if source else found.source_id
        out.print(
            f"[bold]from {found.source_id}[/] {escape(name)} [dim]({found.share:.0%} of "
            f"this article; direction by {found.direction}; {found.rule})[/]",
            highlight=False,
        )
        for s in found.sentences:
            mine = escape(article.text[s.start : s.end][:100])
            style = KIND_STYLE[s.kind]
            out.print(f"  [{style}]{s.kind:<9}[/] {mine}", highlight=False)
            if s.source_start is not None and source is not None:
                out.print(
                    f"  [dim]{'':<9} ← {escape(source.text[s.source_start : s.source_end][:100])}"
                    "[/]",
                    highlight=False,
                )
    if copies:
        out.print(f"[bold]copied or rewritten by[/] {', '.join(copies)}")


def _print_article(article: Article) -> None:
    out.rule(f"[bold]{escape(article.meta.value('title') or article.id)}")
    table = Table("field", "value", "from", show_header=True, box=None)
    table.add_row("id", article.id, "")
    table.add_row("source", escape(article.source), "")
    for name in article.meta.NAMES:
        found = getattr(article.meta, name)
        where = (
            f"{found.rule}" + (f", line {found.line}" if found and found.line else "")
            if found
            else ""
        )
        table.add_row(name, escape(found.value) if found else "[dim]-[/]", escape(where))
    out.print(table)
    out.rule("text")
    out.print(escape(article.text), highlight=False)
    out.rule(f"removed ({len(article.removed)})")
    for cut in article.removed:
        out.print(
            f"[dim]{cut.start:>6}-{cut.end:<6}[/] [yellow]{escape(cut.reason)}[/] "
            f"{escape(cut.text[:90])}",
            highlight=False,
        )


def _print_analysis(article: Article, analysis: Analysis, names: dict[str, str]) -> None:
    text = article.text
    out.rule(f"quotes ({len(analysis.quotes)})")
    for quote in analysis.quotes:
        speaker = (
            text[quote.speaker_start : quote.speaker_end]
            if quote.speaker_start is not None
            else "?"
        )
        out.print(
            f"[cyan]{escape(speaker)}[/] [dim]{escape(quote.cue or '')} ({quote.kind})[/] "
            f"{escape(quote.text[:120])}",
            highlight=False,
        )
    out.rule(f"events ({len(analysis.events)})")
    for event in analysis.events:
        who = ", ".join(names.get(p, p) for p in event.participants) or "-"
        out.print(
            f"[green]{event.kind}[/] {escape(who)} "
            f"[dim]in[/] {escape(event.place or '-')} [dim]on[/] {escape(event.date or '-')} "
            f'[dim]({event.status}; "{escape(event.trigger)}")[/]',
            highlight=False,
        )
    out.rule(f"time expressions ({len(analysis.timexes)})")
    for timex in analysis.timexes:
        out.print(
            f"{escape(timex.text)} [dim]→[/] {escape(timex.value or 'unresolved')} "
            f"[dim]({timex.type.lower()}, {timex.precision or '-'})[/]",
            highlight=False,
        )


def _marked_diff(ops: list[tuple[str, str, str]]) -> str:
    """A word diff for the terminal: [-removed-] in red, {+added+} in green."""
    parts = []
    for tag, old, new in ops:
        if tag == "equal":
            parts.append(escape(old))
            continue
        if old:
            parts.append(f"[red][-{escape(old)}-][/]")
        if new:
            parts.append(f"[green]{{+{escape(new)}+}}[/]")
    return " ".join(parts)


def _print_quote_groups(article: Article, groups: list, repeats: list) -> None:
    by_id = {g.id: g for g in groups}
    mine = [g for g in groups if any(r.article_id == article.id for r in g.renderings)]
    shared = [
        g
        for g in mine
        if len({r.article_id for r in g.renderings}) > 1
        or any(g.id in (r.group_id, r.other_id) for r in repeats)
    ]
    out.rule(f"quotations carried by other articles ({len(shared)})")
    for group in shared:
        first = next(r for r in group.renderings if r.article_id == group.earliest)
        mine = "this article" if group.earliest == article.id else group.earliest
        out.print(
            f"[bold]{escape(group.id)}[/] [dim]{escape(group.speaker or '?')}; earliest: {mine}[/]",
            highlight=False,
        )
        out.print(f"  {escape(first.text[:160])}", highlight=False)
        for r in group.renderings:
            if r is first:
                continue
            out.print(
                f"  [dim]{r.article_id} ({r.score:.0f}):[/] "
                f"{_marked_diff(quote_diff(first.text, r.text))}",
                highlight=False,
            )
        own = next(r for r in group.renderings if r.article_id == article.id)
        for r in repeats:
            if group.id in (r.group_id, r.other_id):
                other = by_id.get(r.other_id if r.group_id == group.id else r.group_id)
                if other is None:
                    continue
                closest = max(other.renderings, key=lambda x: quote_similarity(own.text, x.text))
                if quote_similarity(own.text, closest.text) < QUOTE_SAME:
                    continue  # the repeat is of another part of the group's quotation
                out.print(
                    f"  [magenta]the same words on another occasion[/] "
                    f"[dim]({escape(other.occasion or '?')}), {closest.article_id}:[/] "
                    f"{_marked_diff(quote_diff(own.text, closest.text))}",
                    highlight=False,
                )


@app.command()
def export(
    fmt: str = typer.Option(
        "json",
        "--format",
        "-f",
        help=f"One of: {', '.join(FORMATS)} (graphml and gexf: the entity graph alone).",
    ),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="File to write; - for stdout. For csv: a folder, "
        "given one file per table, or a name ending in .csv for "
        "the articles alone.",
    ),
    db: Optional[str] = DbOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Write everything stored as json, jsonl or csv tables, or the entity graph as
    graphml or gexf (see docs/export.md for the contract)."""
    count = with_store(config_file, db, lambda store: api.export(store, fmt, output))
    if str(output) == "-":
        return
    if fmt in ("graphml", "gexf"):
        err.print(f"Wrote the entity graph ({count} edges) to {escape(str(output))} ({fmt})")
    elif csv_folder(fmt, output):
        err.print(f"Wrote {count} articles to {escape(str(output))} (csv, one file per table)")
    else:
        err.print(f"Wrote {count} articles to {escape(str(output))} ({fmt})")


from . import cli_views  # noqa: E402,F401  (registers the reading commands on app)

from .web import cli as _web_cli  # noqa: E402,F401  (registers `serve`)


if __name__ == "__main__":
    app()
