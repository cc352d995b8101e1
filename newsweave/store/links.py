"""Link records in the store: candidate keys and their counts, derivations with
their aligned sentences, quote groups, stories, claims and event groups; one
``save_links`` per batch, and the reads linking and the views need."""

from __future__ import annotations

import dataclasses
import json
from typing import Iterable, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ..model import (
    AlignedSentence,
    Claim,
    ClaimEvidence,
    Derivation,
    EventGroup,
    EventReport,
    Links,
    QuoteGroup,
    QuoteRendering,
    QuoteRepeat,
    Story,
    StoredText,
    StoryMember,
)
from .entities import redirects
from .sql import chunked, insert_ignore
from .schema import (
    aligned_sentences,
    articles,
    claim_evidence,
    claims,
    derivations,
    event_groups,
    event_keys,
    event_reports,
    events,
    link_key_counts,
    link_keys,
    quote_groups,
    quote_keys,
    quote_renderings,
    quote_repeats,
    quotes,
    stories,
    story_members,
    story_merges,
)

MAX_POSTING = 100  # a key held by more articles than this is left out of queries (passim: 100)


def save_links(connection: Connection, links: Links) -> None:
    insert_ignore(connection, link_keys, [dict(key=k, article_id=a) for a, k in links.link_keys])
    _count_keys(connection, [k for _, k in links.link_keys])
    for d in links.derivations:
        insert_ignore(
            connection,
            derivations,
            [
                dict(
                    article_id=d.article_id,
                    source_id=d.source_id,
                    share=d.share,
                    direction=d.direction,
                    rule=d.rule,
                )
            ],
        )
        insert_ignore(
            connection,
            aligned_sentences,
            [
                dict(article_id=d.article_id, source_id=d.source_id, seq=i, **dataclasses.asdict(s))
                for i, s in enumerate(d.sentences)
            ],
        )
    for group in links.quote_groups:
        _save_group(connection, group)
    insert_ignore(
        connection,
        quote_repeats,
        [
            dict(group_id=r.group_id, other_id=r.other_id, score=r.score)
            for r in links.quote_repeats
        ],
    )
    insert_ignore(connection, quote_keys, [dict(key=k, group_id=g) for g, k in links.quote_keys])
    for story in links.stories:
        _save_story(connection, story)
    insert_ignore(
        connection,
        story_members,
        [
            dict(
                article_id=m.article_id,
                story_id=m.story_id,
                score=m.score,
                opened=m.opened,
                rule=m.rule,
            )
            for m in links.story_members
        ],
    )
    for merge in links.story_merges:
        connection.execute(
            update(story_members)
            .where(story_members.c.story_id == merge.absorbed)
            .values(story_id=merge.into)
        )
        for table in (quote_groups, event_groups):
            connection.execute(
                update(table).where(table.c.occasion == merge.absorbed).values(occasion=merge.into)
            )
        connection.execute(claims.delete().where(claims.c.story_id == merge.absorbed))
        insert_ignore(
            connection,
            story_merges,
            [dict(absorbed=merge.absorbed, into=merge.into, score=merge.score, rule=merge.rule)],
        )
        connection.execute(stories.delete().where(stories.c.id == merge.absorbed))
    for story_id, found in links.claims:
        _save_claims(connection, story_id, found)
    for group in links.event_groups:
        _save_event_group(connection, group)
    insert_ignore(connection, event_keys, [dict(key=k, group_id=g) for g, k in links.event_keys])


def _save_event_group(connection: Connection, group: EventGroup) -> None:
    """A new group, or a stored one reconciled again with its new reports."""
    values = dict(
        kind=group.kind,
        participants=json.dumps(list(group.participants)),
        place=group.place,
        date=group.date,
        status=group.status,
        occasion=group.occasion,
        disagreements=json.dumps([[f, v, list(ids)] for f, v, ids in group.disagreements]),
        status_history=json.dumps([list(h) for h in group.status_history]),
        rule=group.rule,
    )
    if not connection.execute(
        update(event_groups).where(event_groups.c.id == group.id).values(**values)
    ).rowcount:
        insert_ignore(connection, event_groups, [dict(id=group.id, **values)])
    insert_ignore(
        connection,
        event_reports,
        [
            dict(article_id=r.article_id, seq=r.seq, group_id=group.id, position=i)
            for i, r in enumerate(group.reports)
        ],
    )


def _save_claims(connection: Connection, story_id: str, found: tuple[Claim, ...]) -> None:
    """The claims of one story now: those stored before are replaced."""
    connection.execute(claims.delete().where(claims.c.story_id == story_id))
    insert_ignore(
        connection,
        claims,
        [
            dict(
                id=c.id,
                story_id=story_id,
                status=c.status,
                origins=json.dumps(list(c.origins)),
                entities=json.dumps(list(c.entities)),
                conflicts=json.dumps([[name, list(values)] for name, values in c.conflicts]),
                rule=c.rule,
            )
            for c in found
        ],
    )
    insert_ignore(
        connection,
        claim_evidence,
        [
            dict(
                claim_id=c.id,
                seq=i,
                article_id=e.article_id,
                start=e.start,
                end=e.end,
                origin=e.origin,
                facts=json.dumps(
                    {
                        "numbers": list(e.numbers),
                        "dates": list(e.dates),
                        "places": list(e.places),
                        "speaker": e.speaker,
                    }
                ),
            )
            for c in found
            for i, e in enumerate(c.evidence)
        ],
    )


def _save_story(connection: Connection, story: Story) -> None:
    """A new story, or a stored one with its profile now."""
    values = dict(
        title=story.title,
        first=story.first,
        last=story.last,
        count=story.count,
        profile=json.dumps(story.profile, sort_keys=True),
        rule=story.rule,
    )
    if not connection.execute(
        update(stories).where(stories.c.id == story.id).values(**values)
    ).rowcount:
        insert_ignore(connection, stories, [dict(id=story.id, **values)])


def _save_group(connection: Connection, group: QuoteGroup) -> None:
    """A new group, or a stored one with its renderings so far (new ones added)."""
    values = dict(
        speaker=group.speaker, occasion=group.occasion, earliest=group.earliest, rule=group.rule
    )
    done = connection.execute(
        update(quote_groups).where(quote_groups.c.id == group.id).values(**values)
    ).rowcount
    if not done:
        insert_ignore(connection, quote_groups, [dict(id=group.id, **values)])
    insert_ignore(
        connection,
        quote_renderings,
        [
            dict(article_id=r.article_id, seq=r.seq, group_id=group.id, position=i, score=r.score)
            for i, r in enumerate(group.renderings)
        ],
    )


def _count_keys(connection: Connection, keys: list[int]) -> None:
    """Add one article per key to ``link_key_counts`` (the keys of a batch
    are each new for their article)."""
    added: dict[int, int] = {}
    for key in keys:
        added[key] = added.get(key, 0) + 1
    if not added:
        return
    dialect = {"sqlite": sqlite, "postgresql": postgresql}[connection.dialect.name]
    statement = dialect.insert(link_key_counts)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["key"],
            set_={"articles": link_key_counts.c.articles + statement.excluded.articles},
        ),
        [dict(key=k, articles=n) for k, n in sorted(added.items())],
    )


def _selective(connection: Connection, keys: list[int]) -> list[int]:
    """Those of ``keys`` held by at most ``MAX_POSTING`` articles."""
    common = set()
    for part in chunked(keys):
        common |= set(
            connection.execute(
                select(link_key_counts.c.key).where(
                    link_key_counts.c.key.in_(part) & (link_key_counts.c.articles > MAX_POSTING)
                )
            ).scalars()
        )
    return [k for k in keys if k not in common]


def _sharing(connection: Connection, column, owner, keys: Iterable[int]) -> dict[str, int]:
    """Owners (``owner`` column) of any of ``keys`` (in ``column``), with how
    many of them each holds; one ``IN`` query per ``sql.CHUNK`` keys."""
    found: dict[str, int] = {}
    for part in chunked(sorted(set(keys))):
        query = select(owner, func.count()).where(column.in_(part)).group_by(owner)
        for owner_id, count in connection.execute(query):
            found[owner_id] = found.get(owner_id, 0) + count
    return found


def shared_keys(connection: Connection, keys: Iterable[int]) -> dict[str, int]:
    """Stored articles sharing any of ``keys``, with how many they share;
    keys held by more than ``MAX_POSTING`` articles are left out."""
    return _sharing(
        connection,
        link_keys.c.key,
        link_keys.c.article_id,
        _selective(connection, sorted(set(keys))),
    )


def stored_texts(connection: Connection, ids: Sequence[str]) -> list[StoredText]:
    """The texts of ``ids``, in that order (unknown ids left out)."""
    query = select(articles.c.id, articles.c.text, articles.c.published, articles.c.outlet).where(
        articles.c.id.in_(list(ids))
    )
    rows = {
        r.id: StoredText(r.id, r.text, r.published, r.outlet) for r in connection.execute(query)
    }
    return [rows[i] for i in ids if i in rows]


def load_derivations(
    connection: Connection,
    *,
    article_id: str | None = None,
    source_id: str | None = None,
    article_ids: Sequence[str] | None = None,
) -> list[Derivation]:
    """Derivations of one article (its sources), of each of ``article_ids``,
    or from one source (its copies); every derivation when none is given.
    Ordered by article, then largest share."""
    query = select(derivations).order_by(
        derivations.c.article_id, derivations.c.share.desc(), derivations.c.source_id
    )
    if article_id is not None:
        query = query.where(derivations.c.article_id == article_id)
    if source_id is not None:
        query = query.where(derivations.c.source_id == source_id)
    if article_ids is None:
        rows = list(connection.execute(query))
    else:  # sorted slices of ids: the rows stay in the query's order
        parts = chunked(sorted(set(article_ids)))
        rows = [
            r
            for part in parts
            for r in connection.execute(query.where(derivations.c.article_id.in_(part)))
        ]
    sentences = _sentences(connection, sorted({r.article_id for r in rows}))
    return [
        Derivation(
            r.article_id,
            r.source_id,
            r.share,
            r.direction,
            tuple(sentences.get((r.article_id, r.source_id), ())),
            r.rule,
        )
        for r in rows
    ]


# an aligned sentence's columns in the order of its fields
_FIELDS_OF_SENTENCE = tuple(
    aligned_sentences.c[f.name] for f in dataclasses.fields(AlignedSentence)
)


def _sentences(
    connection: Connection, article_ids: Sequence[str]
) -> dict[tuple[str, str], list[AlignedSentence]]:
    """The aligned sentences of every derivation of ``article_ids``, by
    (article, source), in order."""
    found: dict[tuple[str, str], list[AlignedSentence]] = {}
    table = aligned_sentences
    for part in chunked(article_ids):
        query = (
            select(table.c.article_id, table.c.source_id, *_FIELDS_OF_SENTENCE)
            .where(table.c.article_id.in_(part))
            .order_by(table.c.article_id, table.c.source_id, table.c.seq)
        )
        for article_id, source_id, *values in connection.execute(query):
            found.setdefault((article_id, source_id), []).append(AlignedSentence(*values))
    return found


def quote_candidates(connection: Connection, keys: Iterable[int]) -> dict[str, int]:
    """Stored quote groups sharing any of ``keys``, with how many they share."""
    return _sharing(connection, quote_keys.c.key, quote_keys.c.group_id, keys)


def load_quote_groups(
    connection: Connection, ids: Sequence[str] | None = None, *, article_id: str | None = None
) -> list[QuoteGroup]:
    """Quote groups by id (every group when ``ids`` is None; those with a
    rendering in ``article_id`` when given), renderings in order of arrival."""
    query = select(quote_groups).order_by(quote_groups.c.id)
    if ids is not None:
        query = query.where(quote_groups.c.id.in_(list(ids)))
    if article_id is not None:
        query = query.where(
            quote_groups.c.id.in_(
                select(quote_renderings.c.group_id).where(
                    quote_renderings.c.article_id == article_id
                )
            )
        )
    groups = list(connection.execute(query))
    if not groups:
        return []
    rows = connection.execute(
        select(
            quote_renderings.c.group_id,
            quote_renderings.c.article_id,
            quote_renderings.c.seq,
            quote_renderings.c.score,
            quotes.c.text,
            articles.c.published,
        )
        .join(
            quotes,
            (quotes.c.article_id == quote_renderings.c.article_id)
            & (quotes.c.seq == quote_renderings.c.seq),
        )
        .join(articles, articles.c.id == quote_renderings.c.article_id)
        .where(quote_renderings.c.group_id.in_([g.id for g in groups]))
        .order_by(quote_renderings.c.group_id, quote_renderings.c.position)
    )
    renderings: dict[str, list[QuoteRendering]] = {}
    for r in rows:
        renderings.setdefault(r.group_id, []).append(
            QuoteRendering(r.group_id, r.article_id, r.seq, r.text, r.score, r.published)
        )
    moved = redirects(connection, [g.speaker for g in groups])
    return [
        QuoteGroup(
            g.id,
            moved.get(g.speaker, g.speaker),
            g.occasion,
            g.earliest,
            tuple(renderings.get(g.id, ())),
            g.rule,
        )
        for g in groups
    ]


def load_quote_repeats(
    connection: Connection, ids: Sequence[str] | None = None
) -> list[QuoteRepeat]:
    """Repeats touching any of ``ids`` (all when None)."""
    query = select(quote_repeats).order_by(quote_repeats.c.group_id, quote_repeats.c.other_id)
    if ids is not None:
        wanted = list(ids)
        query = query.where(
            quote_repeats.c.group_id.in_(wanted) | quote_repeats.c.other_id.in_(wanted)
        )
    return [QuoteRepeat(r.group_id, r.other_id, r.score) for r in connection.execute(query)]


def stories_of(connection: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> story id, for those of ``article_ids`` in a story."""
    query = select(story_members.c.article_id, story_members.c.story_id).where(
        story_members.c.article_id.in_(list(article_ids))
    )
    return dict(connection.execute(query).all())


def load_stories(connection: Connection, ids: Sequence[str] | None = None) -> list[Story]:
    """Stories by id (all when None), earliest first."""
    query = select(stories).order_by(stories.c.first.nulls_last(), stories.c.id)
    if ids is not None:
        query = query.where(stories.c.id.in_(list(ids)))
    return [
        Story(r.id, r.title, r.first, r.last, r.count, json.loads(r.profile), r.rule)
        for r in connection.execute(query)
    ]


def load_story_members(connection: Connection, story_id: str | None = None) -> list[StoryMember]:
    query = select(story_members).order_by(story_members.c.story_id, story_members.c.article_id)
    if story_id is not None:
        query = query.where(story_members.c.story_id == story_id)
    return [
        StoryMember(r.article_id, r.story_id, r.score, bool(r.opened), r.rule)
        for r in connection.execute(query)
    ]


def load_claims(
    connection: Connection, story_id: str | None = None, *, ids: Sequence[str] | None = None
) -> list[Claim]:
    """Claims of one story (of all when None; those of ``ids`` when given),
    with their evidence sentences."""
    query = select(claims).order_by(claims.c.story_id, claims.c.id)
    if story_id is not None:
        query = query.where(claims.c.story_id == story_id)
    if ids is not None:
        query = query.where(claims.c.id.in_(list(ids)))
    rows = list(connection.execute(query))
    if not rows:
        return []
    evidence: dict[str, list[ClaimEvidence]] = {}
    texts: dict[str, str] = {}
    found = connection.execute(
        select(claim_evidence, articles.c.text)
        .join(articles, articles.c.id == claim_evidence.c.article_id)
        .where(claim_evidence.c.claim_id.in_([r.id for r in rows]))
        .order_by(claim_evidence.c.claim_id, claim_evidence.c.seq)
    )
    for e in found:
        facts = json.loads(e.facts)
        texts.setdefault(e.article_id, e.text)
        evidence.setdefault(e.claim_id, []).append(
            ClaimEvidence(
                e.article_id,
                e.start,
                e.end,
                e.text[e.start : e.end],
                e.origin,
                tuple(facts["numbers"]),
                tuple(facts["dates"]),
                tuple(facts["places"]),
                facts["speaker"],
            )
        )
    moved = redirects(connection, {e for r in rows for e in json.loads(r.entities)})
    return [
        Claim(
            r.id,
            r.story_id,
            r.status,
            tuple(json.loads(r.origins)),
            tuple(sorted({moved.get(e, e) for e in json.loads(r.entities)})),
            tuple(evidence.get(r.id, ())),
            tuple((name, tuple(values)) for name, values in json.loads(r.conflicts)),
            r.rule,
        )
        for r in rows
    ]


def event_candidates(connection: Connection, keys: Iterable[int]) -> dict[str, int]:
    """Stored event groups sharing any of ``keys``, with how many they share."""
    return _sharing(connection, event_keys.c.key, event_keys.c.group_id, keys)


def load_event_groups(
    connection: Connection,
    ids: Sequence[str] | None = None,
    *,
    occasion: str | None = None,
    article_id: str | None = None,
) -> list[EventGroup]:
    """Event groups by id (all when None), of one story, or reported by one
    article; their reports in order of arrival."""
    query = select(event_groups).order_by(event_groups.c.date.nulls_last(), event_groups.c.id)
    if ids is not None:
        query = query.where(event_groups.c.id.in_(list(ids)))
    if occasion is not None:
        query = query.where(event_groups.c.occasion == occasion)
    if article_id is not None:
        query = query.where(
            event_groups.c.id.in_(
                select(event_reports.c.group_id).where(event_reports.c.article_id == article_id)
            )
        )
    groups = list(connection.execute(query))
    if not groups:
        return []
    rows = connection.execute(
        select(
            event_reports.c.group_id,
            event_reports.c.article_id,
            event_reports.c.seq,
            events.c.kind,
            events.c.participants,
            events.c.place,
            events.c.date,
            events.c.status,
            articles.c.published,
        )
        .join(
            events,
            (events.c.article_id == event_reports.c.article_id)
            & (events.c.seq == event_reports.c.seq),
        )
        .join(articles, articles.c.id == event_reports.c.article_id)
        .where(event_reports.c.group_id.in_([g.id for g in groups]))
        .order_by(event_reports.c.group_id, event_reports.c.position)
    )
    rows = list(rows)
    named = {p for r in rows for p in json.loads(r.participants)}
    named |= {p for g in groups for p in json.loads(g.participants)}
    moved = redirects(connection, named)

    def now(ids: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(moved.get(p, p) for p in json.loads(ids)))

    reports: dict[str, list[EventReport]] = {}
    for r in rows:
        reports.setdefault(r.group_id, []).append(
            EventReport(
                r.group_id,
                r.article_id,
                r.seq,
                r.kind,
                now(r.participants),
                r.place,
                r.date,
                r.status,
                r.published,
            )
        )
    return [
        EventGroup(
            g.id,
            g.kind,
            now(g.participants),
            g.place,
            g.date,
            g.status,
            g.occasion,
            tuple(reports.get(g.id, ())),
            tuple((f, v, tuple(ids)) for f, v, ids in json.loads(g.disagreements)),
            tuple(tuple(h) for h in json.loads(g.status_history)),
            g.rule,
        )
        for g in groups
    ]
