"""The records every stage reads and writes: the one vocabulary of newsweave.

The flow is ``RawDoc -> Article -> Analysis -> Links``; each stage is a function from
a batch of one record type to a batch of the next. Offsets are character offsets into
Python strings (code points), start inclusive, end exclusive.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Hints:
    """What a container said about an item, before any cleaning.

    JSON records, feed items and WARC headers carry these; a plain file carries none.
    A hint from the user (``--outlet``, ``--published``) also arrives here and wins
    over anything read from the text.
    """

    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class RawDoc:
    """The content of one input item and where it came from.

    ``source`` names the file (or ``-`` for stdin); ``record`` numbers the item
    inside a container (JSON line, feed item, WARC record), from 1; ``kind`` is
    the detected format of ``content``: ``text`` or ``html``.
    """

    source: str
    content: str
    kind: str
    record: int | None = None
    hints: Hints = field(default_factory=Hints)

    @property
    def locator(self) -> str:
        """A stable name for this item: the file, plus the record inside it."""
        return self.source if self.record is None else f"{self.source}#{self.record}"


@dataclass(frozen=True)
class Removed:
    """One block taken out of the raw text, with why (a versioned rule name)."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Segment:
    """One stretch of clean text copied verbatim from the raw text."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in the clean text back to the raw text.

    The clean text is kept raw spans joined by separators; each kept span is a
    ``Segment``. A clean offset inside a separator maps to no raw offset.
    """

    segments: tuple[Segment, ...] = ()

    def to_raw(self, clean_offset: int) -> int | None:
        for seg in self.segments:
            if seg.clean_start <= clean_offset < seg.clean_start + seg.length:
                return seg.raw_start + clean_offset - seg.clean_start
        return None


@dataclass(frozen=True)
class Field:
    """A metadata value with its provenance: the rule that found it and where.

    ``line`` is the 1-based raw line the value was read from (None when it came
    from a container hint, the user, or HTML markup); ``evidence`` is the text
    the rule read.
    """

    value: str
    rule: str
    line: int | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Metadata:
    outlet: Field | None = None
    title: Field | None = None
    byline: Field | None = None
    dateline: Field | None = None
    published: Field | None = None
    language: Field | None = None

    NAMES = ("outlet", "title", "byline", "dateline", "published", "language")

    def value(self, name: str) -> str | None:
        found = getattr(self, name)
        return found.value if found else None


@dataclass(frozen=True)
class Article:
    """One cleaned article: raw and clean text, the map between them, what was
    removed and why, and its metadata. ``id`` is a hash of the normalised clean
    text, so the same story read twice gets the same id."""

    id: str
    source: str
    kind: str
    raw_text: str
    text: str
    offsets: OffsetMap
    removed: tuple[Removed, ...]
    meta: Metadata
    url: str | None = None

    @property
    def published_date(self) -> date | None:
        value = self.meta.value("published")
        return date.fromisoformat(value) if value else None


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of a text that decides whether two articles are the same."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


_POSSESSIVE = re.compile(r"['’]s$")
_NAME_WORD = re.compile(r"[^\W_]+")


def name_key(text: str) -> str:
    """The form of a name that decides whether two names are one: the text's
    ``normalise_text`` form without accents, hyphens, other punctuation or a
    final possessive ("Zelénskyy's", "ZELENSKYY" and "Zelenskyy" share a key)."""
    text = unicodedata.normalize("NFKD", normalise_text(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NAME_WORD.findall(_POSSESSIVE.sub("", text)))


def label_family(label: str) -> str:
    """Labels that name the same kind of entity: a GPE, a LOC and a FAC are all places."""
    return {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label.lower())


def entity_keys(entity: "Entity") -> set[tuple[str, str]]:
    """The keys an entity is found by when entities are merged across
    articles: ``("name", "person:vladimir putin")`` for its name and each
    alias, ``("surname", "person:putin")`` for each one of more than one word;
    for a person, ``("holder", word)`` for each word of a name of several
    words and ``("one", word)`` for a one-word name. The store keeps them, so
    an index finds an entity without holding every one."""
    family = label_family(entity.label)
    found = set()
    for name in (entity.name, *entity.aliases):
        key = name_key(name)
        found.add(("name", f"{family}:{key}"))
        if len(key.split()) > 1:
            found.add(("surname", f"{family}:{key.split()[-1]}"))
    if entity.label == "PERSON":
        words = name_key(entity.name).split()
        kind = "holder" if len(words) > 1 else "one"
        found.update((kind, w) for w in words)
    return found


def article_id(clean_text: str) -> str:
    return hashlib.sha256(normalise_text(clean_text).encode("utf-8")).hexdigest()[:16]


def content_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Skipped:
    """An input item that was not stored, and why (shown in the run summary)."""

    locator: str
    reason: str


@dataclass
class RunSummary:
    """What one ``analyze`` run did with its input."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    unchanged: int = 0
    new_versions: int = 0
    derivations: int = 0  # article-source pairs found by linking
    stories: int = 0  # stories opened
    quote_groups: int = 0  # quote groups with several renderings that the run changed
    event_groups: int = 0  # event groups with several reports that the run changed
    skipped: list[Skipped] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # each item's article, stored or known


@dataclass(frozen=True)
class ArticleSummary:
    """One line of a listing: enough to pick an article out."""

    id: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    words: int


@dataclass(frozen=True)
class SearchHit:
    """An article found by full-text search, with a snippet as (text,
    matched) pieces, so that every interface can escape and mark it."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: tuple[tuple[str, bool], ...]
    score: float  # lower is better (SQLite's bm25, PostgreSQL's negated rank)


# --- Analysis: what one article says. Offsets are into ``Article.text``. ---


@dataclass(frozen=True)
class Mention:
    """A name or description of an entity in one article ("Putin", "the Russian
    leader"); ``entity`` is the canonical entity's id once resolved; ``rule``
    the rule that made or last changed it (``spacy.ner`` for a span the model
    found and no rule changed; None in stores written before it was kept)."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    entity: str | None = None
    rule: str | None = None


@dataclass(frozen=True)
class Role:
    """A title an article gives an entity ("Chinese Foreign Minister"), with the
    article's date, so roles can be read as of a time."""

    title: str
    article_id: str
    date: str | None = None


@dataclass(frozen=True)
class Entity:
    """One real-world person, organisation or place across all articles."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class StoredEntity:
    """A stored entity as an index of entities needs it: its record without
    the roles (they grow with every article), the keys of its role titles
    (``name_key``), and ``seq``, its place in the order entities were met."""

    entity: Entity
    titles: frozenset[str]
    seq: int


@dataclass(frozen=True)
class Timex:
    """A time expression and its normalised TIMEX3-style value.

    ``value`` is ISO-like ("2023-09-19", "2023-10", "2023-W38", "P3Y",
    "PAST_REF"), or None where the expression cannot be resolved (a relative
    date in an article with no publication date); ``precision`` is day, month,
    year, week, quarter, season, decade, century, time, range or duration."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    precision: str | None
    rule: str


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker: the content span, who said it (the span
    naming the speaker, resolved through pronouns and descriptions, and its
    entity), the cue ("said", "told Wang") and whom it was said to."""

    start: int
    end: int
    text: str
    kind: str  # direct, indirect, mixed
    speaker: str | None = None  # entity id
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: str | None = None  # entity id
    addressee_start: int | None = None
    addressee_end: int | None = None
    rule: str | None = None  # the versioned rule that found it


@dataclass(frozen=True)
class Event:
    """Something that happened or is planned: a meeting, talks, a call, a visit,
    a summit, a signing or a statement."""

    kind: str
    start: int  # the trigger's span
    end: int
    trigger: str
    participants: tuple[str, ...] = ()  # entity ids
    place: str | None = None
    date: str | None = None  # a Timex value
    status: str = "happened"  # happened, planned, cancelled


@dataclass(frozen=True)
class Analysis:
    """Everything found in one article."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class LocalAnalysis:
    """One article's analysis before its entities join the corpus's: entity
    keys are the article's own (``entities``), to be replaced by canonical ids
    where the corpus's entity index lives (``analyse.canonicalise``)."""

    analysis: Analysis
    entities: tuple[Entity, ...] = ()


# --- Links: what relates articles to each other. Offsets are into each article's text. ---

SENTENCE_KINDS = ("verbatim", "rewritten", "own")
DERIVATION_CLASSES = ("wholly-derived", "partially-derived", "non-derived")


@dataclass(frozen=True)
class AlignedSentence:
    """One sentence of a derived article and the source sentence it comes from:
    ``verbatim`` (copied, up to punctuation and small edits), ``rewritten``
    (the same content reworded) or ``own`` (no source sentence; ``source_*``
    are None). Sentences are aligned without an order constraint, so a
    rewrite that moves paragraphs keeps its sources."""

    start: int
    end: int
    kind: str
    source_start: int | None = None
    source_end: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class Derivation:
    """``article_id`` is built, at least in part, from ``source_id``: the share
    of its text (non-space characters of the sentences not ``own``) taken from
    that source, how the direction was decided (``dates``: the source was
    published first; ``credit``: dates tie or are missing and only the source
    credits an origin; ``containment``: the article is the more contained in
    the other), and every sentence of the
    article aligned against the source."""

    article_id: str
    source_id: str
    share: float
    direction: str  # dates, credit, containment
    sentences: tuple[AlignedSentence, ...]
    rule: str


@dataclass(frozen=True)
class ArticleDerivation:
    """What one article owes to others, over all its sources: its class by
    the borrowed share (``DERIVATION_CLASSES``), the share itself (a sentence
    counts once however many sources it has), the share copied verbatim, and
    the sources by share. A near duplicate is a copy nearly all verbatim."""

    article_id: str
    klass: str
    share: float
    sources: tuple[Derivation, ...] = ()
    verbatim: float = 0.0

    @property
    def near_duplicate(self) -> bool:
        return self.klass == "wholly-derived" and self.verbatim >= 0.9


@dataclass(frozen=True)
class QuoteRendering:
    """One article's rendering of a quotation: the quote (``seq``, its place
    in the article's analysis, and its text), the article's date, and how
    close it is to the group's other renderings (0-100)."""

    group_id: str
    article_id: str
    seq: int
    text: str
    score: float
    published: str | None = None


@dataclass(frozen=True)
class QuoteGroup:
    """Every rendering of one quotation on one occasion: exact, truncated,
    reworded or translated differently. ``occasion`` is the story the
    renderings belong to (None when not known); ``earliest`` the article that
    carried it first (by publication date, then by when it was read)."""

    id: str
    speaker: str | None
    occasion: str | None
    earliest: str
    renderings: tuple[QuoteRendering, ...]
    rule: str


@dataclass(frozen=True)
class QuoteRepeat:
    """The same words by the same speaker on another occasion: two groups
    linked, not merged."""

    group_id: str
    other_id: str
    score: float


@dataclass(frozen=True)
class EventReport:
    """One article's account of a real-world event: its per-article event
    (``seq``, the event's place in the article's analysis) and what it says."""

    group_id: str
    article_id: str
    seq: int
    kind: str
    participants: tuple[str, ...]
    place: str | None
    date: str | None
    status: str
    published: str | None = None


@dataclass(frozen=True)
class EventGroup:
    """One real-world event and every report of it. ``participants``,
    ``place``, ``date`` and ``status`` are reconciled over the reports;
    ``disagreements`` keeps each value a report gives that differs from the
    reconciled one, as ``(field, value, article ids)``; ``status_history``
    the status as the reports gave it, in publication order, as
    ``(published, status, article id)``. ``occasion`` is the story."""

    id: str
    kind: str
    participants: tuple[str, ...]
    place: str | None
    date: str | None
    status: str
    occasion: str | None
    reports: tuple[EventReport, ...]
    disagreements: tuple[tuple[str, str, tuple[str, ...]], ...]
    status_history: tuple[tuple[str | None, str, str], ...]
    rule: str


@dataclass(frozen=True)
class Links:
    """What linking found for one batch of new articles against the store and
    each other. Each list holds only new or changed records; the store merges
    them (a quote group is written whole: its renderings so far)."""

    derivations: tuple[Derivation, ...] = ()
    link_keys: tuple[tuple[str, int], ...] = ()  # (article id, candidate-search key)
    quote_groups: tuple[QuoteGroup, ...] = ()
    quote_repeats: tuple[QuoteRepeat, ...] = ()
    quote_keys: tuple[tuple[str, int], ...] = ()  # (quote group id, key)
    stories: tuple["Story", ...] = ()
    story_members: tuple["StoryMember", ...] = ()
    story_merges: tuple["StoryMerge", ...] = ()
    claims: tuple[tuple[str, tuple["Claim", ...]], ...] = ()  # (story id, all its claims now)
    event_groups: tuple[EventGroup, ...] = ()
    event_keys: tuple[tuple[str, int], ...] = ()  # (event group id, key)


@dataclass(frozen=True)
class StoredText:
    """The part of a stored article that linking reads: its text and date."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class BatchResult:
    """Everything one batch adds to the store, committed in one transaction:
    each cleaned item with the hash of its content (a new version of its
    source), the ids among them that are new articles, their analyses, the
    canonical entities they name with each one's place in the order met
    (``entity_seq``, kept for a new one), entities absorbed by others (old id
    -> new) and the links found."""

    items: tuple[tuple[Article, str], ...] = ()
    new_ids: frozenset[str] = frozenset()
    analyses: tuple[Analysis, ...] = ()
    entities: tuple[Entity, ...] = ()
    entity_seq: tuple[tuple[str, int], ...] = ()
    moved: tuple[tuple[str, str], ...] = ()
    links: Links = Links()


@dataclass(frozen=True)
class StoryMember:
    """One article's place in a story: the story it joined (or opened, when
    ``opened``), the similarity it joined with, and the rule that decided."""

    article_id: str
    story_id: str
    score: float
    opened: bool
    rule: str


@dataclass(frozen=True)
class StoryMerge:
    """Story ``absorbed`` was found to be one story with ``into``: its articles
    now belong to ``into``; the record keeps that it happened and why."""

    absorbed: str
    into: str
    score: float
    rule: str


@dataclass(frozen=True)
class Story:
    """Articles about one story: its title (its first article's), its day
    range, how many articles, and what the clusterer knows of it
    (``profile``: ``link.stories.Profile.to_record()``, a JSON-able dict)."""

    id: str
    title: str | None
    first: str | None
    last: str | None
    count: int
    profile: dict = field(default_factory=dict, compare=False, repr=False)
    rule: str = ""


CLAIM_STATUSES = ("corroborated", "single-origin", "conflict")


@dataclass(frozen=True)
class ClaimEvidence:
    """One sentence stating a claim: where it is, its origin (the article or
    wire it comes from: a copy or rewrite has its source's origin), and the
    facts it gives: numbers, dates (time expression values), places (entity
    ids), and the speaker when it is a quotation."""

    article_id: str
    start: int
    end: int
    text: str
    origin: str
    numbers: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    speaker: str | None = None


@dataclass(frozen=True)
class Claim:
    """A statement of fact within one story, matched across its articles:
    ``corroborated`` by two or more independent origins, ``single-origin``, or
    in ``conflict`` (the same fact with different numbers, dates, places or
    speakers: each such field with the values given, in ``conflicts``)."""

    id: str
    story_id: str
    status: str
    origins: tuple[str, ...]
    entities: tuple[str, ...]
    evidence: tuple[ClaimEvidence, ...]
    conflicts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule: str = ""


@dataclass(frozen=True)
class ArticleView:
    """Everything a person reading one article sees: the article and its
    analysis, the canonical names it refers to, what it owes to other
    articles (with those sources), who copied it, the quote groups of its
    quotations, its story with its members, the story's claims and events
    this article takes part in."""

    article: Article
    analysis: Analysis | None
    names: dict
    derivation: ArticleDerivation
    sources: dict  # source id -> Article
    copied_by: tuple[str, ...]
    quote_groups: tuple[QuoteGroup, ...]
    quote_repeats: tuple[QuoteRepeat, ...]
    story: Story | None
    members: tuple[StoryMember, ...]
    claims: tuple[Claim, ...]
    events: tuple[EventGroup, ...]
