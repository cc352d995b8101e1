"""The export contract: everything stored, as JSON, JSON lines or CSV.

``export.schema.json`` (beside this file) is the JSON Schema of the JSON form;
docs/export.md describes each field. The analysis stage fills the
per-article sections (mentions, timexes, quotes, events); the linking stage
fills ``derivations`` (and each article's ``derivation``), ``quote_groups``,
``stories``, ``event_groups``, ``claims`` and ``graph``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import ConfigError
from .link.derive import summarise, text_of
from .link.graph import GraphBuilder
from .link.quotes import diff
from .model import (Analysis, Article, ArticleDerivation, ArticleSummary, ArticleView, Claim,
                    Derivation, Entity, EventGroup, Metadata, QuoteGroup, QuoteRepeat, Story,
                    StoryMember)

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


FORMATS = ("json", "jsonl", "csv")
SECTIONS = ("articles", "entities", "quotes", "quote_groups", "events", "event_groups",
            "derivations", "stories", "claims", "graph", "mentions", "timexes")
# Analysis sections whose records belong to one article each.
PER_ARTICLE = ("mentions", "timexes", "quotes", "events")
RECORD_TYPES = {"mentions": "mention", "timexes": "timex", "quotes": "quote", "events": "event",
                "derivations": "derivation", "quote_groups": "quote_group", "stories": "story",
                "claims": "claim", "event_groups": "event_group"}
SCHEMA_PATH = Path(__file__).with_name("export.schema.json")
CSV_COLUMNS = ("id", "source", "url", "outlet", "title", "byline", "dateline", "published",
               "published_source", "language", "text", "removed", "derivation_class",
               "derivation_share")


def article_record(article: Article, derivation: dict[str, Any] | None = None) -> dict[str, Any]:
    """An article as the export writes it; ``derivation`` is its class and
    borrowed share (non-derived, 0, when not given)."""
    published = article.meta.published
    return {
        "id": article.id, "source": article.source, "kind": article.kind, "url": article.url,
        **{name: article.meta.value(name) for name in Metadata.NAMES},
        "published_source": published.rule if published else None,
        "provenance": {name: {"rule": f.rule, "line": f.line, "evidence": f.evidence}
                       for name in Metadata.NAMES if (f := getattr(article.meta, name))},
        "text": article.text,
        "raw_text": article.raw_text,
        "removed": [{"text": r.text, "start": r.start, "end": r.end, "reason": r.reason}
                    for r in article.removed],
        "offsets": [[s.clean_start, s.raw_start, s.length] for s in article.offsets.segments],
        "derivation": derivation or {"class": "non-derived", "share": 0.0, "verbatim": 0.0,
                                     "near_duplicate": False},
    }


def quote_group_records(groups: Iterable[QuoteGroup], repeats: Iterable[QuoteRepeat] = ()
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
    return {"id": group.id, "speaker": group.speaker, "occasion": group.occasion,
            "earliest": group.earliest, "rule": group.rule,
            "renderings": [{"article_id": r.article_id, "seq": r.seq, "text": r.text,
                            "published": r.published, "score": r.score,
                            "diff": [list(op) for op in diff(first.text, r.text)]}
                           for r in group.renderings],
            "repeats": [{"group_id": r.other_id if r.group_id == group.id else r.group_id,
                         "score": r.score} for r in repeats
                        if group.id in (r.group_id, r.other_id)]}


def event_group_record(group: EventGroup) -> dict[str, Any]:
    return {"id": group.id, "kind": group.kind, "participants": list(group.participants),
            "place": group.place, "date": group.date, "status": group.status,
            "occasion": group.occasion, "rule": group.rule,
            "reports": [{"article_id": r.article_id, "seq": r.seq, "kind": r.kind,
                         "participants": list(r.participants), "place": r.place, "date": r.date,
                         "status": r.status, "published": r.published} for r in group.reports],
            "disagreements": [{"field": f, "value": v, "articles": list(ids)}
                              for f, v, ids in group.disagreements],
            "status_history": [{"published": p, "status": st, "article_id": a}
                               for p, st, a in group.status_history]}


def story_records(stories: Iterable[Story], members: Iterable[StoryMember],
                  events: Iterable[EventGroup] = (),
                  summaries: dict[str, ArticleSummary] | None = None) -> list[dict[str, Any]]:
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
                m.article_id)
        timeline = [{"date": g.date, "kind": "event", "id": g.id,
                     "label": f"{g.kind} ({g.status})"} for g in by_occasion.get(s.id, [])]
        timeline += [{"date": found.published, "kind": "article", "id": m.article_id,
                      "label": found.title or found.source}
                     for m in mine if (found := summaries.get(m.article_id))]
        timeline.sort(key=lambda t: (t["date"] is None, t["date"] or "", t["kind"], t["id"]))
        records.append({"id": s.id, "title": s.title, "first": s.first, "last": s.last,
                        "count": s.count, "rule": s.rule,
                        "articles": [{"article_id": m.article_id, "score": m.score,
                                      "opened": m.opened} for m in mine],
                        "outlets": outlets,
                        "events": [g.id for g in by_occasion.get(s.id, [])],
                        "timeline": timeline})
    return records


def claim_record(claim: Claim) -> dict[str, Any]:
    return {"id": claim.id, "story_id": claim.story_id, "status": claim.status,
            "origins": list(claim.origins), "entities": list(claim.entities),
            "conflicts": [{"field": name, "values": list(values)}
                          for name, values in claim.conflicts],
            "rule": claim.rule,
            "evidence": [{**dataclasses.asdict(e), "numbers": list(e.numbers),
                          "dates": list(e.dates), "places": list(e.places)}
                         for e in claim.evidence]}


def article_view_record(view: ArticleView) -> dict[str, Any]:
    """The JSON of ``show --json``: the article's export record with what is
    linked to it."""
    record = article_record(view.article, derivation_summary(view.derivation))
    story = (story_records([view.story], view.members, view.events)[0] if view.story else None)
    return {**record, "derived_from": [derivation_record(d) for d in view.derivation.sources],
            "copied_by": list(view.copied_by),
            "quote_groups": list(quote_group_records(view.quote_groups, view.quote_repeats)),
            "story": story, "claims": [claim_record(c) for c in view.claims],
            "event_groups": [event_group_record(g) for g in view.events]}


def derivation_summary(found: ArticleDerivation) -> dict[str, Any]:
    return {"class": found.klass, "share": found.share, "verbatim": found.verbatim,
            "near_duplicate": found.near_duplicate}


def derivation_record(derivation: Derivation) -> dict[str, Any]:
    return {"article_id": derivation.article_id, "source_id": derivation.source_id,
            "share": derivation.share, "direction": derivation.direction, "rule": derivation.rule,
            "sentences": [dataclasses.asdict(s) for s in derivation.sentences]}


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
    return {"id": entity.id, "name": entity.name, "label": entity.label,
            "aliases": list(entity.aliases),
            "roles": [dataclasses.asdict(role) for role in entity.roles]}


def document(contents: Contents) -> dict[str, Any]:
    doc: dict[str, Any] = {name: [] for name in SECTIONS}
    graph = GraphBuilder()
    for article in contents.articles:
        doc["articles"].append(article_record(article, contents.derivation_of(article)))
        analysis = contents.analyses(article.id)
        for section, record in analysis_records(analysis) if analysis else ():
            doc[section].append(record)
        if analysis:
            graph.add_analysis(analysis, article.meta.value("published"))
    entities = list(contents.entities)
    doc["entities"] = [entity_record(e) for e in entities]
    doc["derivations"] = [derivation_record(d) for d in contents.derivations]
    doc["quote_groups"] = list(quote_group_records(contents.quote_groups, contents.quote_repeats))
    doc["stories"] = story_records(contents.stories, contents.story_members,
                                   contents.event_groups, contents.summaries)
    doc["event_groups"] = [event_group_record(g) for g in contents.event_groups]
    doc["claims"] = [claim_record(c) for c in contents.claims]
    graph.add_event_groups(contents.event_groups)
    doc["graph"] = graph.payload(entities)
    return doc


def _json(contents: Contents, out: io.TextIOBase) -> int:
    doc = document(contents)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(doc["articles"])


def _jsonl(contents: Contents, out: io.TextIOBase) -> int:
    """One object per line, each naming its kind in ``record`` (``type`` is a
    field of time expressions): every article followed by its analysis
    records, then the entities, derivations, quote groups, stories, event
    groups, claims and the entity graph (one record)."""
    def line(kind: str, record: dict[str, Any]) -> None:
        out.write(json.dumps({"record": kind, **record}, ensure_ascii=False) + "\n")
    count, graph = 0, GraphBuilder()
    for article in contents.articles:
        line("article", article_record(article, contents.derivation_of(article)))
        analysis = contents.analyses(article.id)
        for section, record in analysis_records(analysis) if analysis else ():
            line(RECORD_TYPES[section], record)
        if analysis:
            graph.add_analysis(analysis, article.meta.value("published"))
        count += 1
    entities = list(contents.entities)
    for entity in entities:
        line("entity", entity_record(entity))
    for derivation in contents.derivations:
        line("derivation", derivation_record(derivation))
    for record in quote_group_records(contents.quote_groups, contents.quote_repeats):
        line("quote_group", record)
    for story in story_records(contents.stories, contents.story_members, contents.event_groups,
                               contents.summaries):
        line("story", story)
    for group in contents.event_groups:
        line("event_group", event_group_record(group))
    graph.add_event_groups(contents.event_groups)
    line("graph", graph.payload(entities))
    for claim in contents.claims:
        line("claim", claim_record(claim))
    return count


def _csv(contents: Contents, out: io.TextIOBase) -> int:
    """Articles only: one row each (the analysis sections need JSON)."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for article in contents.articles:
        record = article_record(article, contents.derivation_of(article))
        record["removed"] = json.dumps(record["removed"], ensure_ascii=False)
        record["derivation_class"] = record["derivation"]["class"]
        record["derivation_share"] = record["derivation"]["share"]
        writer.writerow(record)
        count += 1
    return count


WRITERS = {"json": _json, "jsonl": _jsonl, "csv": _csv}


def write(contents: Contents, fmt: str, out: Path | str) -> int:
    """Write ``contents`` to ``out`` (``-`` for stdout) via a temporary file,
    so a failed export never leaves half a file where a good one was."""
    if fmt not in WRITERS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if str(out) == "-":
        return WRITERS[fmt](contents, sys.stdout)
    target = Path(out)
    handle, temp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            count = WRITERS[fmt](contents, stream)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise
    return count
