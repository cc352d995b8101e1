"""The reading commands: stories, a story, quotes, an entity, the timeline,
search, claims, and the report. Each is one ``api.*_page`` call (the report
one ``report.write``) plus rich tables, or the payload as ``--json``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import api
from .cli import ConfigOption, DbOption, _marked_diff, app, err, out, with_store

JsonOption = typer.Option(False, "--json", help="Print the payload as JSON instead of tables.")
LimitOption = typer.Option(None, help="How many to list \\[default: 50; at most 500].")
OffsetOption = typer.Option(0, help="How many to pass over first.")
StoryOption = typer.Option(
    None, "--story", help="Only this story's (its id, with or without story:)."
)
STATUS_STYLE = {
    "corroborated": "green",
    "single-origin": "dim",
    "conflict": "red",
    "happened": "green",
    "planned": "cyan",
    "cancelled": "red",
}
NUMBERS = {"articles", "origins", "words", "renderings", "repeats", "reports", "mentions", "share"}


# --- formatting -------------------------------------------------------------------------


def _print_json(payload: dict[str, Any]) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def _table(*columns: str, fit: tuple[str, ...] = (), title: str | None = None) -> Table:
    """A table of one line per row: the ``fit`` columns (the last when none
    are named) narrow to fit the terminal, their cells cut with an ellipsis;
    the others (ids, dates, counts) stay whole."""
    table = Table(title=title, title_justify="left", title_style="bold")
    for name in columns:
        table.add_column(
            name,
            no_wrap=name not in (fit or columns[-1:]),
            justify="right" if name in NUMBERS else "left",
        )
    return table


def _add(table: Table, *cells: str, wrap_last: bool = False) -> None:
    """A row of rich markup cells, each kept to one line (but the last when
    ``wrap_last``)."""
    texts = [Text.from_markup(c, overflow="ellipsis") for c in cells]
    for text in texts[:-1] if wrap_last else texts:
        text.no_wrap = True
    table.add_row(*texts)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _text(value: Any, default: str = "-") -> str:
    """A value for a cell: escaped markup, on one line."""
    return escape(_one_line(str(value)).strip()) if value not in (None, "") else default


def _days(first: str | None, last: str | None) -> str:
    """A date range, the last date without what it shares with the first:
    2023-09-19–20, 2023-09-28–10-02."""
    if not first or not last or first == last:
        return first or last or "undated"
    shared = 0
    while shared < min(len(first), len(last)) and first[shared] == last[shared]:
        shared += 1
    return f"{first}–{last[last.rfind('-', 0, shared) + 1 :]}"


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _status(status: str | None) -> str:
    return f"[{STATUS_STYLE.get(status or '', 'default')}]{escape(status or '-')}[/]"


def _who(participants: list[str], place: str | None, names: dict[str, str]) -> str:
    """An event's participants by name, and its place."""
    who = ", ".join(names.get(p, p) for p in participants) or "-"
    return _text(f"{who} in {place}" if place else who)


def _conflicts(conflicts: list[dict[str, Any]]) -> str:
    return "; ".join(f"{c['field']}: {' / '.join(c['values'])}" for c in conflicts)


def _outlet(articles: dict[str, dict[str, Any]], article_id: str) -> str:
    """An article's outlet from a payload's summaries (``unknown`` if none)."""
    return (articles.get(article_id) or {}).get("outlet") or "unknown"


def _shown(payload: dict[str, Any], rows: list, what: str) -> None:
    """Which part of a listing was printed, and how to see the rest."""
    total, offset = payload["total"], payload["offset"]
    more = "; --offset for more" if offset + len(rows) < total else ""
    span = f"{offset + 1}-{offset + len(rows)} of {total}" if rows else f"none of {total}"
    out.print(f"[dim]{span} {what}{more}[/]", highlight=False)


# --- stories ----------------------------------------------------------------------------


@app.command()
def stories(
    since: Optional[str] = typer.Option(
        None, help="Only stories lasting to this date or later (YYYY-MM-DD, YYYY-MM or YYYY)."
    ),
    until: Optional[str] = typer.Option(None, help="Only stories begun by this date."),
    outlet: Optional[str] = typer.Option(
        None, help="Only stories with an article from this outlet."
    ),
    entity: Optional[str] = typer.Option(
        None, help="Only stories naming this entity (name or id)."
    ),
    search: Optional[str] = typer.Option(
        None, help="Only stories with an article matching these words."
    ),
    limit: Optional[int] = LimitOption,
    offset: int = OffsetOption,
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List stories, latest first, filtered by dates, outlet, entity or words.

    Each with its dates, articles, independent origins (its articles less those
    derived from another of them) and outlets."""
    payload = with_store(
        config_file,
        db,
        lambda store: api.stories_page(
            store,
            since=since,
            until=until,
            outlet=outlet,
            entity=entity,
            query=search,
            limit=limit,
            offset=offset,
        ),
    )
    if as_json:
        return _print_json(payload)
    table = _table(
        "id", "dates", "articles", "origins", "outlets", "title", fit=("outlets", "title")
    )
    for s in payload["stories"]:
        outlets = ", ".join(f"{o} {n}" for o, n in s["outlets"].items())
        _add(
            table,
            s["id"],
            _days(s["first"], s["last"]),
            str(s["articles"]),
            str(s["origins"]),
            _text(outlets),
            _text(s["title"]),
        )
    out.print(table)
    _shown(payload, payload["stories"], "stories")


@app.command()
def story(
    story_id: str = typer.Argument(..., help="Story id, with or without story:."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Print one story: articles by outlet, timeline, claims matrix, quotations, copies."""
    payload = with_store(config_file, db, lambda store: api.story_page(store, story_id))
    if as_json:
        return _print_json(payload)
    record = payload["story"]
    out.rule(f"[bold]{_text(record['title'] or record['id'])}")
    outlets = _count(len(record["outlets"]), "outlet")
    out.print(
        f"[dim]{record['id']}; {_days(record['first'], record['last'])}; "
        f"{_count(record['count'], 'article')} from {outlets}, "
        f"{_count(payload['origins'], 'independent origin')}[/]",
        highlight=False,
    )
    articles = {a["id"]: a for a in payload["articles"]}
    _print_story_articles(payload)
    _print_story_timeline(payload)
    _print_matrix(payload["matrix"])
    _print_quote_groups(payload["quote_groups"], payload["names"], articles)
    _print_copies(payload["derivations"], articles)


def _print_story_articles(payload: dict[str, Any]) -> None:
    table = _table(
        "outlet",
        "published",
        "id",
        "words",
        "title",
        fit=("outlet", "title"),
        title="articles by outlet",
    )
    for outlet, articles in payload["by_outlet"].items():
        for a in articles:
            _add(
                table,
                _text(outlet),
                a["published"] or "-",
                a["id"],
                str(a["words"]),
                _text(a["title"] or a["source"]),
            )
    out.print(table)


def _print_story_timeline(payload: dict[str, Any]) -> None:
    events = {e["id"]: e for e in payload["events"]}
    table = _table("date", "kind", "what", title="timeline")
    for entry in payload["story"]["timeline"]:
        event = events.get(entry["id"])
        what = _text(entry["label"])
        if event is not None:
            who = _who(event["participants"], event["place"], payload["names"])
            what = (
                f"{event['kind']} {who} ({_status(event['status'])}; "
                f"{_count(len(event['reports']), 'report')})"
            )
        _add(table, entry["date"] or "undated", entry["kind"], what)
    out.print(table)


def _print_matrix(matrix: dict[str, Any]) -> None:
    """The claims matrix: a row per claim, a column per outlet, in each cell
    the articles stating the claim there."""
    rows = matrix["rows"]
    counts = {
        s: sum(r["status"] == s for r in rows)
        for s in ("corroborated", "conflict", "single-origin")
    }
    outlets = [_text(o) for o in matrix["outlets"]]
    table = _table(
        "status",
        "origins",
        "claim",
        *outlets,
        fit=("claim", *outlets),
        title=f"claims matrix ({len(rows)}: {counts['corroborated']} corroborated, "
        f"{counts['conflict']} in conflict, {counts['single-origin']} single-origin)",
    )
    for row in sorted(rows, key=lambda r: r["status"]):  # conflict, corroborated, single-origin
        cells = [
            ", ".join(e["article_id"][:8] for e in row["cells"].get(o, [])) or "-"
            for o in matrix["outlets"]
        ]
        conflicts = _conflicts(row["conflicts"])
        _add(
            table,
            _status(row["status"]),
            str(row["origins"]),
            (f"[red]{_text(conflicts)}[/] " if conflicts else "") + _text(row["text"]),
            *cells,
        )
    out.print(table)


def _print_copies(derivations: list[dict[str, Any]], articles: dict[str, dict[str, Any]]) -> None:
    table = _table(
        "article",
        "outlet",
        "from",
        "source outlet",
        "share",
        "direction",
        "rule",
        fit=("outlet", "source outlet", "rule"),
        title="copies and rewrites",
    )
    for d in derivations:
        _add(
            table,
            d["article_id"],
            _text(_outlet(articles, d["article_id"])),
            d["source_id"],
            _text(_outlet(articles, d["source_id"])),
            f"{d['share']:.0%}",
            d["direction"],
            d["rule"],
        )
    out.print(table)


# --- quotations -------------------------------------------------------------------------


def _print_quote_groups(
    groups: list[dict[str, Any]], names: dict[str, str], articles: dict[str, dict[str, Any]]
) -> None:
    """Quote groups as a table, then each group carried by several renderings
    with every rendering's word diff from the earliest."""
    table = _table(
        "speaker",
        "renderings",
        "repeats",
        "earliest",
        "text",
        fit=("speaker", "text"),
        title=f"quotations ({len(groups)})",
    )
    for g in groups:
        first = next(r for r in g["renderings"] if r["article_id"] == g["earliest"])
        _add(
            table,
            _text(names.get(g["speaker"], g["speaker"])),
            str(len(g["renderings"])),
            str(len(g["repeats"])),
            g["earliest"],
            _text(first["text"]),
        )
    out.print(table)
    for g in groups:
        if len(g["renderings"]) > 1:
            _print_renderings(g, names, articles)


def _print_renderings(
    group: dict[str, Any], names: dict[str, str], articles: dict[str, dict[str, Any]]
) -> None:
    speaker = names.get(group["speaker"], group["speaker"] or "?")
    out.print(
        f"[bold]{escape(group['id'])}[/] {_text(speaker)}, "
        f"{len(group['renderings'])} renderings; earliest {group['earliest']}",
        highlight=False,
    )
    first = next(r for r in group["renderings"] if r["article_id"] == group["earliest"])
    for r in [first, *(r for r in group["renderings"] if r is not first)]:
        head = (
            f"  [dim]{r['article_id']} {_text(_outlet(articles, r['article_id']))} "
            f"{r['published'] or 'undated'} ({r['score']:.0f}):[/]"
        )
        body = _text(r["text"]) if r is first else _marked_diff(r["diff"])
        out.print(f"{head} {body}", highlight=False)
    for repeat in group["repeats"]:
        out.print(
            f"  [magenta]the same words on another occasion[/] [dim]{repeat['group_id']} "
            f"({repeat['score']:.0f})[/]",
            highlight=False,
        )


@app.command()
def quotes(
    speaker: Optional[str] = typer.Option(None, help="Only this speaker's (name or entity id)."),
    story_id: Optional[str] = StoryOption,
    limit: Optional[int] = LimitOption,
    offset: int = OffsetOption,
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List quotations, the most rendered first, by speaker or story.

    Each with its speaker, earliest article and repeats on other occasions; one
    carried by several renderings with each rendering's word diff from the
    earliest."""
    payload = with_store(
        config_file,
        db,
        lambda store: api.quotes_page(
            store, speaker=speaker, story=story_id, limit=limit, offset=offset
        ),
    )
    if as_json:
        return _print_json(payload)
    _print_quote_groups(payload["quote_groups"], payload["names"], payload["articles"])
    _shown(payload, payload["quote_groups"], "quotations")


# --- entities, timeline, search, claims -------------------------------------------------


@app.command()
def entity(
    name: str = typer.Argument(..., help="Entity name, alias or id (e.g. person:wang-yi)."),
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Print one entity: roles over time, articles, quotations, events, who is named beside it."""
    payload = with_store(config_file, db, lambda store: api.entity_page(store, name))
    if as_json:
        return _print_json(payload)
    record = payload["entity"]
    out.rule(f"[bold]{_text(record['name'])}")
    out.print(
        f"[dim]{record['id']}; {record['label']}; also called "
        f"{_text(', '.join(record['aliases']), 'nothing else')}; named in "
        f"{payload['article_count']} articles; {len(payload['graph']['edges'])} edges "
        f"in the entity graph[/]",
        highlight=False,
    )
    if payload["others"]:
        out.print(
            f"[dim]the name could also mean: {_text(', '.join(payload['others']))}[/]",
            highlight=False,
        )
    for table in _entity_tables(payload, payload["names"]):
        out.print(table)


def _entity_tables(payload: dict[str, Any], names: dict[str, str]) -> list[Table]:
    roles = _table("date", "article", "role", title="roles")
    for r in payload["entity"]["roles"]:
        _add(roles, r["date"] or "undated", r["article_id"] or "-", _text(r["title"]))
    articles = _table(
        "id",
        "published",
        "outlet",
        "mentions",
        "title",
        fit=("outlet", "title"),
        title=f"articles ({payload['article_count']})",
    )
    for a in payload["articles"]:
        _add(
            articles,
            a["id"],
            a["published"] or "-",
            _text(a["outlet"]),
            str(a["mentions"]),
            _text(a["title"] or a["source"]),
        )
    spoken = _table(
        "published", "article", "cue", "to", "text", fit=("cue", "to", "text"), title="quotations"
    )
    for q in payload["quotes"]:
        _add(
            spoken,
            q["published"] or "-",
            q["article_id"],
            _text(q["cue"]),
            _text(names.get(q["addressee"], q["addressee"])),
            _text(q["text"]),
        )
    events = _table("date", "kind", "status", "reports", "participants", title="events")
    for e in payload["events"]:
        _add(
            events,
            e["date"] or "undated",
            e["kind"],
            _status(e["status"]),
            str(len({r["article_id"] for r in e["reports"]})),
            _who(e["participants"], e["place"], names),
        )
    near = _table("articles", "named beside it", title="co-occurring entities")
    for c in payload["cooccurring"]:
        _add(near, str(c["articles"]), _text(c["name"]))
    return [roles, articles, spoken, events, near]


@app.command()
def timeline(
    story_id: Optional[str] = StoryOption,
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List real-world events by date, dated first: status, reports, participants, story."""
    payload = with_store(config_file, db, lambda store: api.timeline_page(store, story=story_id))
    if as_json:
        return _print_json(payload)
    table = _table(
        "date", "kind", "status", "reports", "participants", "story", fit=("participants", "story")
    )
    for e in payload["timeline"]:
        _add(
            table,
            e["date"] or "undated",
            e["kind"],
            _status(e["status"]),
            str(e["reports"]),
            _who(e["participants"], e["place"], payload["names"]),
            _text(e["story_title"] or e["story_id"]),
        )
    out.print(table)
    out.print(f"[dim]{len(payload['timeline'])} events[/]", highlight=False)


@app.command()
def search(
    query: str = typer.Argument(
        ..., help="Words every article found contains (stemmed: contain finds containment)."
    ),
    limit: Optional[int] = LimitOption,
    offset: int = OffsetOption,
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Search the articles' text, best first, with a snippet and the story of each."""
    payload = with_store(
        config_file, db, lambda store: api.search_page(store, query, limit=limit, offset=offset)
    )
    if as_json:
        return _print_json(payload)
    table = _table("id", "published", "outlet", "story", "snippet", fit=("outlet", "snippet"))
    for hit in payload["hits"]:
        snippet = "".join(
            f"[bold yellow]{escape(_one_line(p['text']))}[/]"
            if p["match"]
            else escape(_one_line(p["text"]))
            for p in hit["snippet"]
        )
        _add(
            table,
            hit["article_id"],
            hit["published"] or "-",
            _text(hit["outlet"]),
            hit["story_id"] or "-",
            snippet,
            wrap_last=True,
        )
    out.print(table)
    _shown(payload, payload["hits"], "articles")


@app.command()
def claims(
    story_id: Optional[str] = StoryOption,
    status: Optional[str] = typer.Option(
        None, help="Only claims of this status: corroborated, single-origin or conflict."
    ),
    limit: Optional[int] = LimitOption,
    offset: int = OffsetOption,
    db: Optional[str] = DbOption,
    as_json: bool = JsonOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """List claims, conflicts first, then corroborated, then single-origin.

    Each with its independent origins, the outlets stating it and what is in
    conflict."""
    payload = with_store(
        config_file,
        db,
        lambda store: api.claims_page(
            store, story=story_id, status=status, limit=limit, offset=offset
        ),
    )
    if as_json:
        return _print_json(payload)
    table = _table("status", "origins", "outlets", "story", "claim", fit=("outlets", "claim"))
    for c in payload["claims"]:
        outlets = sorted({_outlet(payload["articles"], e["article_id"]) for e in c["evidence"]})
        conflicts = _conflicts(c["conflicts"])
        text = c["evidence"][0]["text"] if c["evidence"] else ""
        _add(
            table,
            _status(c["status"]),
            str(len(c["origins"])),
            _text(", ".join(outlets)),
            c["story_id"],
            (f"[red]{_text(conflicts)}[/] " if conflicts else "") + _text(text),
        )
    out.print(table)
    _shown(payload, payload["claims"], "claims")


# --- report -----------------------------------------------------------------------------


@app.command()
def report(
    story_id: Optional[str] = typer.Option(
        None,
        "--story",
        help="Only this story (its id, with or without story:) \\[default: every story].",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="File to write: .html or .htm for a web page, .md for Markdown."
    ),
    db: Optional[str] = DbOption,
    config_file: Optional[Path] = ConfigOption,
) -> None:
    """Write a self-contained report to send, HTML or Markdown by the file's suffix.

    The stories, each with its timeline chart, claims matrix, quote lineage and
    copies; no script, stylesheet or image is fetched from elsewhere."""
    from .report import write  # Jinja2 loads only for a report

    count = with_store(config_file, db, lambda store: write(store, output, story=story_id))
    err.print(
        f"Wrote a report of {count} {'story' if count == 1 else 'stories'} to {escape(str(output))}"
    )
