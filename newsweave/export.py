"""The export contract: everything stored, as JSON, JSON lines or CSV (one
file per table), and the entity graph as GraphML or GEXF (``export_graph``).

``records`` builds every section's records once for all the forms.
``export.schema.json`` (beside this file) is the JSON Schema of the JSON form;
docs/export.md describes each field. The analysis stage fills the
per-article sections (mentions, timexes, quotes, events); the linking stage
fills ``derivations`` (and each article's ``derivation``), ``quote_groups``,
``stories``, ``event_groups``, ``claims`` and ``graph``.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from .errors import ConfigError
from .link.derive import summarise, text_of
from .link.graph import GraphBuilder
from .link.quotes import diff
from .model import (
    AlignedSentence,
    Analysis,
    Article,
    ArticleDerivation,
    ArticleSummary,
    ArticleView,
    Claim,
    ClaimEvidence,
    Derivation,
    Entity,
    Event,
    EventGroup,
    EventReport,
    Mention,
    Metadata,
    Quote,
    QuoteGroup,
    QuoteRepeat,
    Story,
    StoryMember,
    Timex,
)

AnalysisOf = Callable[[str], "Analysis | None"]


@dataclasses.dataclass
class Contents:
    """What an export writes: the articles (streamed), each one's analysis by
    id, the canonical entities, and what linking stored (derivations, quote
    groups and repeats, stories with their members, claims, event groups);
    ``summaries`` give each story's outlets and timeline."""

    articles: Iterable[Article]
    analyses: AnalysisOf = lambda _: None
    entities: Iterable[Entity] = ()
    derivations: Iterable[Derivation] = ()
    quote_groups: Iterable[QuoteGroup] = ()
    quote_repeats: Iterable[QuoteRepeat] = ()
    stories: Iterable[Story] = ()
    story_members: Iterable[StoryMember] = ()
    claims: Iterable[Claim] = ()
    event_groups: Iterable[EventGroup] = ()
    summaries: Iterable[ArticleSummary] = ()  # outlet, date and title of each article

    def __post_init__(self) -> None:
        self.derivations = list(self.derivations)
        self.event_groups = list(self.event_groups)
        self.summaries = {s.id: s for s in self.summaries}
        self._by_article: dict[str, list[Derivation]] = {}
        for d in self.derivations:
            self._by_article.setdefault(d.article_id, []).append(d)

    def derivation_of(self, article: Article) -> dict[str, Any]:
        found = summarise(text_of(article), self._by_article.get(article.id, []))
        return derivation_summary(found)


FORMATS = ("json", "jsonl", "csv", "graphml", "gexf")
SECTIONS = (
    "articles",
    "entities",
    "quotes",
    "quote_groups",
    "events",
    "event_groups",
    "derivations",
    "stories",
    "claims",
    "graph",
    "mentions",
    "timexes",
)
# Analysis sections whose records belong to one article each.
PER_ARTICLE = ("mentions", "timexes", "quotes", "events")
# The ``record`` of each section's lines in JSON lines.
RECORD_TYPES = {
    "articles": "article",
    "entities": "entity",
    "mentions": "mention",
    "timexes": "timex",
    "quotes": "quote",
    "events": "event",
    "derivations": "derivation",
    "quote_groups": "quote_group",
    "stories": "story",
    "claims": "claim",
    "event_groups": "event_group",
    "graph": "graph",
}
SCHEMA_PATH = Path(__file__).with_name("export.schema.json")
CSV_COLUMNS = (
    "id",
    "source",
    "url",
    "outlet",
    "title",
    "byline",
    "dateline",
    "published",
    "published_source",
    "language",
    "text",
    "removed",
    "derivation_class",
    "derivation_share",
)


def article_record(article: Article, derivation: dict[str, Any] | None = None) -> dict[str, Any]:
    """An article as the export writes it; ``derivation`` is its class and
    borrowed share (non-derived, 0, when not given)."""
    published = article.meta.published
    return {
        "id": article.id,
        "source": article.source,
        "kind": article.kind,
        "url": article.url,
        **{name: article.meta.value(name) for name in Metadata.NAMES},
        "published_source": published.rule if published else None,
        "provenance": {
            name: {"rule": f.rule, "line": f.line, "evidence": f.evidence}
            for name in Metadata.NAMES
            if (f := getattr(article.meta, name))
        },
        "text": article.text,
        "raw_text": article.raw_text,
        "removed": [
            {"text": r.text, "start": r.start, "end": r.end, "reason": r.reason}
            for r in article.removed
        ],
        "offsets": [[s.clean_start, s.raw_start, s.length] for s in article.offsets.segments],
        "derivation": derivation
        or {"class": "non-derived", "share": 0.0, "verbatim": 0.0, "near_duplicate": False},
    }


def quote_group_records(
    groups: Iterable[QuoteGroup], repeats: Iterable[QuoteRepeat] = ()
) -> Iterator[dict[str, Any]]:
    """Each quote group's record; the repeats are indexed by group once."""
    by_group: dict[str, list[QuoteRepeat]] = {}
    for r in repeats:
        by_group.setdefault(r.group_id, []).append(r)
        by_group.setdefault(r.other_id, []).append(r)
    for group in groups:
        yield quote_group_record(group, by_group.get(group.id, ()))


def quote_group_record(group: QuoteGroup, repeats: Iterable[QuoteRepeat] = ()) -> dict[str, Any]:
    """A quote group with each rendering's word diff from the earliest one."""
    first = next(r for r in group.renderings if r.article_id == group.earliest)
    return {
        "id": group.id,
        "speaker": group.speaker,
        "occasion": group.occasion,
        "earliest": group.earliest,
        "rule": group.rule,
        "renderings": [
            {
                "article_id": r.article_id,
                "seq": r.seq,
                "text": r.text,
                "published": r.published,
                "score": r.score,
                "diff": [list(op) for op in diff(first.text, r.text)],
            }
            for r in group.renderings
        ],
        "repeats": [
            {"group_id": r.other_id if r.group_id == group.id else r.group_id, "score": r.score}
            for r in repeats
            if group.id in (r.group_id, r.other_id)
        ],
    }


def event_group_record(group: EventGroup) -> dict[str, Any]:
    return {
        "id": group.id,
        "kind": group.kind,
        "participants": list(group.participants),
        "place": group.place,
        "date": group.date,
        "status": group.status,
        "occasion": group.occasion,
        "rule": group.rule,
        "reports": [
            {
                "article_id": r.article_id,
                "seq": r.seq,
                "kind": r.kind,
                "participants": list(r.participants),
                "place": r.place,
                "date": r.date,
                "status": r.status,
                "published": r.published,
            }
            for r in group.reports
        ],
        "disagreements": [
            {"field": f, "value": v, "articles": list(ids)} for f, v, ids in group.disagreements
        ],
        "status_history": [
            {"published": p, "status": st, "article_id": a} for p, st, a in group.status_history
        ],
    }


def story_records(
    stories: Iterable[Story],
    members: Iterable[StoryMember],
    events: Iterable[EventGroup] = (),
    summaries: dict[str, ArticleSummary] | None = None,
) -> list[dict[str, Any]]:
    """Each story with its articles (how each joined), its articles by outlet,
    its events and its timeline (articles and events by date)."""
    by_story: dict[str, list[StoryMember]] = {}
    for member in members:
        by_story.setdefault(member.story_id, []).append(member)
    by_occasion: dict[str, list[EventGroup]] = {}
    for group in events:
        by_occasion.setdefault(group.occasion or "", []).append(group)
    summaries = summaries or {}
    records = []
    for s in stories:
        mine = by_story.get(s.id, [])
        outlets: dict[str, list[str]] = {}
        for m in mine:
            found = summaries.get(m.article_id)
            outlets.setdefault((found.outlet if found else None) or "unknown", []).append(
                m.article_id
            )
        timeline = [
            {"date": g.date, "kind": "event", "id": g.id, "label": f"{g.kind} ({g.status})"}
            for g in by_occasion.get(s.id, [])
        ]
        timeline += [
            {
                "date": found.published,
                "kind": "article",
                "id": m.article_id,
                "label": found.title or found.source,
            }
            for m in mine
            if (found := summaries.get(m.article_id))
        ]
        timeline.sort(key=lambda t: (t["date"] is None, t["date"] or "", t["kind"], t["id"]))
        records.append(
            {
                "id": s.id,
                "title": s.title,
                "first": s.first,
                "last": s.last,
                "count": s.count,
                "rule": s.rule,
                "articles": [
                    {"article_id": m.article_id, "score": m.score, "opened": m.opened} for m in mine
                ],
                "outlets": outlets,
                "events": [g.id for g in by_occasion.get(s.id, [])],
                "timeline": timeline,
            }
        )
    return records


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "story_id": claim.story_id,
        "status": claim.status,
        "origins": list(claim.origins),
        "entities": list(claim.entities),
        "conflicts": [{"field": name, "values": list(values)} for name, values in claim.conflicts],
        "rule": claim.rule,
        "evidence": [
            {
                **dataclasses.asdict(e),
                "numbers": list(e.numbers),
                "dates": list(e.dates),
                "places": list(e.places),
            }
            for e in claim.evidence
        ],
    }


def article_view_record(view: ArticleView) -> dict[str, Any]:
    """The JSON of ``show --json``: the article's export record with what is
    linked to it."""
    record = article_record(view.article, derivation_summary(view.derivation))
    story = story_records([view.story], view.members, view.events)[0] if view.story else None
    return {
        **record,
        "derived_from": [derivation_record(d) for d in view.derivation.sources],
        "copied_by": list(view.copied_by),
        "quote_groups": list(quote_group_records(view.quote_groups, view.quote_repeats)),
        "story": story,
        "claims": [claim_record(c) for c in view.claims],
        "event_groups": [event_group_record(g) for g in view.events],
    }


def derivation_summary(found: ArticleDerivation) -> dict[str, Any]:
    return {
        "class": found.klass,
        "share": found.share,
        "verbatim": found.verbatim,
        "near_duplicate": found.near_duplicate,
    }


def derivation_record(derivation: Derivation) -> dict[str, Any]:
    return {
        "article_id": derivation.article_id,
        "source_id": derivation.source_id,
        "share": derivation.share,
        "direction": derivation.direction,
        "rule": derivation.rule,
        "sentences": [dataclasses.asdict(s) for s in derivation.sentences],
    }


def analysis_records(analysis: Analysis) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, record) pairs: each mention, time expression, quote and event
    of one article, tagged with the article's id."""
    for section in PER_ARTICLE:
        for item in getattr(analysis, section):
            record = {"article_id": analysis.article_id, **dataclasses.asdict(item)}
            if section == "events":
                record["participants"] = list(item.participants)
            yield section, record


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "aliases": list(entity.aliases),
        "roles": [dataclasses.asdict(role) for role in entity.roles],
    }


def records(
    contents: Contents, sections: Iterable[str] = SECTIONS
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, record) pairs, the one source of the json, jsonl and csv
    forms: every article followed by its analysis records, then the entities,
    derivations, quote groups, stories, event groups, claims and the entity
    graph (one record). Only ``sections`` are built; the graph reads each
    article's analysis either way."""
    wanted = set(sections)
    graph = GraphBuilder() if "graph" in wanted else None
    read_analyses = graph is not None or bool(wanted & set(PER_ARTICLE))
    for article in contents.articles:
        if "articles" in wanted:
            yield "articles", article_record(article, contents.derivation_of(article))
        analysis = contents.analyses(article.id) if read_analyses else None
        if analysis is None:
            continue
        for section, record in analysis_records(analysis):
            if section in wanted:
                yield section, record
        if graph is not None:
            graph.add_analysis(analysis, article.meta.value("published"))
    entities = list(contents.entities)
    built: tuple[tuple[str, Callable[[], Iterable[dict[str, Any]]]], ...] = (
        ("entities", lambda: map(entity_record, entities)),
        ("derivations", lambda: map(derivation_record, contents.derivations)),
        (
            "quote_groups",
            lambda: quote_group_records(contents.quote_groups, contents.quote_repeats),
        ),
        (
            "stories",
            lambda: story_records(
                contents.stories, contents.story_members, contents.event_groups, contents.summaries
            ),
        ),
        ("event_groups", lambda: map(event_group_record, contents.event_groups)),
        ("claims", lambda: map(claim_record, contents.claims)),
    )
    for section, build in built:
        if section in wanted:
            for record in build():
                yield section, record
    if graph is not None:
        graph.add_event_groups(contents.event_groups)
        yield "graph", graph.payload(entities)


def document(contents: Contents) -> dict[str, Any]:
    doc: dict[str, Any] = {name: [] for name in SECTIONS}
    for section, record in records(contents):
        if section == "graph":
            doc["graph"] = record
        else:
            doc[section].append(record)
    return doc


def _json(contents: Contents, out: IO[str]) -> int:
    doc = document(contents)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(doc["articles"])


def _jsonl(contents: Contents, out: IO[str]) -> int:
    """One object per line, each naming its kind in ``record`` (``type`` is a
    field of time expressions), in the order of ``records``."""
    count = 0
    for section, record in records(contents):
        out.write(
            json.dumps({"record": RECORD_TYPES[section], **record}, ensure_ascii=False) + "\n"
        )
        count += section == "articles"
    return count


# --- CSV: one file per table ---


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# Each table's columns, in file order. A record's nested lists and objects are
# JSON strings; a child table's rows carry their parent's id (derivations:
# the article and source ids).
CSV_TABLES: dict[str, tuple[str, ...]] = {
    "articles": CSV_COLUMNS,
    "entities": ("id", "name", "label", "aliases", "roles"),
    "mentions": ("article_id", *_fields(Mention)),
    "timexes": ("article_id", *_fields(Timex)),
    "quotes": ("article_id", *_fields(Quote)),
    "events": ("article_id", *_fields(Event)),
    "derivations": ("article_id", "source_id", "share", "direction", "rule"),
    "aligned_sentences": ("article_id", "source_id", *_fields(AlignedSentence)),
    "quote_groups": ("id", "speaker", "occasion", "earliest", "rule", "repeats"),
    "quote_renderings": ("group_id", "article_id", "seq", "text", "published", "score", "diff"),
    "stories": ("id", "title", "first", "last", "count", "rule", "outlets", "events", "timeline"),
    "story_members": ("story_id", "article_id", "score", "opened"),
    "event_groups": (
        "id",
        "kind",
        "participants",
        "place",
        "date",
        "status",
        "occasion",
        "rule",
        "disagreements",
        "status_history",
    ),
    "event_reports": ("group_id", *_fields(EventReport)[1:]),
    "claims": ("id", "story_id", "status", "origins", "entities", "conflicts", "rule"),
    "claim_evidence": ("claim_id", *_fields(ClaimEvidence)),
    "graph_nodes": ("id", "name", "label"),
    "graph_edges": (
        "source",
        "target",
        "relation",
        "date",
        "kind",
        "place",
        "status",
        "event_group",
        "articles",
        "article_id",
    ),
}
# Sections split into a table of their own (None: no row) and child tables:
# (the record's list, the child table, (child column, parent field) pairs).
CSV_SPLIT: dict[
    str, tuple[str | None, tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]]
] = {
    "derivations": (
        "derivations",
        (
            (
                "sentences",
                "aligned_sentences",
                (("article_id", "article_id"), ("source_id", "source_id")),
            ),
        ),
    ),
    "quote_groups": ("quote_groups", (("renderings", "quote_renderings", (("group_id", "id"),)),)),
    "stories": ("stories", (("articles", "story_members", (("story_id", "id"),)),)),
    "event_groups": ("event_groups", (("reports", "event_reports", (("group_id", "id"),)),)),
    "claims": ("claims", (("evidence", "claim_evidence", (("claim_id", "id"),)),)),
    "graph": (None, (("nodes", "graph_nodes", ()), ("edges", "graph_edges", ()))),
}


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def article_row(record: dict[str, Any]) -> dict[str, Any]:
    """An article record as a row of articles.csv."""
    return {
        **{k: _cell(v) for k, v in record.items()},
        "derivation_class": record["derivation"]["class"],
        "derivation_share": record["derivation"]["share"],
    }


def csv_rows(section: str, record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs of one export record: its own row and its children's."""
    if section == "articles":
        yield "articles", article_row(record)
        return
    table, children = CSV_SPLIT.get(section, (section, ()))
    nested = {key for key, _, _ in children}
    if table:
        yield table, {k: _cell(v) for k, v in record.items() if k not in nested}
    for key, child, parents in children:
        for item in record[key]:
            yield (
                child,
                {
                    **{column: record[field] for column, field in parents},
                    **{k: _cell(v) for k, v in item.items()},
                },
            )


def _csv(contents: Contents, out: IO[str]) -> int:
    """articles.csv alone (``-o FILE.csv`` or ``-o -``): one row per article."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for _, record in records(contents, sections=("articles",)):
        writer.writerow(article_row(record))
        count += 1
    return count


def _csv_tables(contents: Contents, folder: Path) -> int:
    """Every table of ``CSV_TABLES`` as ``folder/TABLE.csv``, each with its header."""
    with contextlib.ExitStack() as files:
        writers = {}
        for table, columns in CSV_TABLES.items():
            stream = files.enter_context(
                open(folder / f"{table}.csv", "w", encoding="utf-8", newline="")
            )
            writers[table] = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore")
            writers[table].writeheader()
        count = 0
        for section, record in records(contents):
            for table, row in csv_rows(section, record):
                writers[table].writerow(row)
            count += section == "articles"
    return count


# --- The entity graph as GraphML or GEXF (export_graph) ---


def _graph_file(fmt: str) -> Callable[[Contents, IO[bytes]], int]:
    def write_graph(contents: Contents, out: IO[bytes]) -> int:
        from . import export_graph  # networkx, only when asked for

        [(_, payload)] = records(contents, sections=("graph",))
        export_graph.WRITERS[fmt](payload, out)
        return len(payload["edges"])

    return write_graph


# Each format's writer and whether it writes bytes.
WRITERS: dict[str, tuple[Callable[..., int], bool]] = {
    "json": (_json, False),
    "jsonl": (_jsonl, False),
    "csv": (_csv, False),
    "graphml": (_graph_file("graphml"), True),
    "gexf": (_graph_file("gexf"), True),
}


def csv_folder(fmt: str, out: Path | str) -> bool:
    """Whether ``out`` gets one CSV file per table: a csv export to anything
    but ``-`` or a name ending in ``.csv``."""
    return fmt == "csv" and str(out) != "-" and not str(out).lower().endswith(".csv")


def write(contents: Contents, fmt: str, out: Path | str) -> int:
    """Write ``contents`` to ``out`` (``-`` for stdout) via a temporary file,
    so a failed export never leaves half a file where a good one was. A csv
    export to a folder writes every table into a temporary folder beside it,
    then moves each file in. Returns the number of articles written (for
    graphml and gexf: the number of edges)."""
    if fmt not in WRITERS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if csv_folder(fmt, out):
        return _into_folder(Path(out), lambda folder: _csv_tables(contents, folder))
    writer, binary = WRITERS[fmt]
    if str(out) == "-":
        stream = sys.stdout.buffer if binary else sys.stdout
        count = writer(contents, stream)
        stream.flush()
        return count
    target = Path(out)
    handle, temp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with (
            os.fdopen(handle, "wb")
            if binary
            else os.fdopen(handle, "w", encoding="utf-8", newline="")
        ) as stream:
            count = writer(contents, stream)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return count


def _into_folder(target: Path, fill: Callable[[Path], int]) -> int:
    """Run ``fill`` on a temporary folder beside ``target``, then move each
    file it wrote into ``target`` (made if missing; other files are left)."""
    if target.exists() and not target.is_dir():
        raise ConfigError(
            f"{target} is not a folder: a csv export writes one file per table "
            "into a folder (a name ending in .csv gets the articles alone)"
        )
    temp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        count = fill(temp)
        target.mkdir(exist_ok=True)
        for path in sorted(temp.iterdir()):
            os.replace(path, target / path.name)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return count
