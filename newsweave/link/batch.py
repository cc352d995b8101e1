"""The link stage for one batch: new articles against the store and each other.

For each new article, in input order:

1. its candidate-search keys (``candidates``) and the stored articles and
   earlier articles of the batch that share most of them: the only articles
   it is compared with. Nothing scans the store; only the candidates' texts
   and their stories are read;
2. its story (``stories``): the best of the candidates' stories, or a new one;
3. a sentence alignment with each candidate of the same story (``derive``):
   copies and rewrites. A copy tells the story its source tells; reports of
   other events that share a quotation or a paragraph of background are
   not copies of each other.

Then each analysed quote joins the group of its quotation on the article's
occasion (its story) or opens one (``quotes``), each event the group of the
real-world event it reports (``events``), and the claims of every story
the batch touched are matched again over its latest ``CLAIM_ARTICLES``
articles (``claims``). The same input in the same order gives the same links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Sequence

from ..model import Analysis, Article, Claim, Derivation, Links, Story, StoredText, StoryMember
from . import candidates, stories
from .claims import Member, story_claims
from .derive import Text, derive_pair, text_of
from .events import EventGrouping, EventView
from .quotes import Quoting, QuoteView

DEFAULT_CANDIDATES = 10
CLAIM_ARTICLES = 100  # a story's claims are matched over its latest articles, this many
TITLE_CHARS = 160


class LinkView(QuoteView, EventView, Protocol):
    """What linking reads from the store (``Store`` provides it)."""

    def shared_keys(self, keys) -> dict[str, int]: ...

    def stored_texts(self, ids: Sequence[str]) -> list[StoredText]: ...

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str]: ...

    def stories(self, ids: Sequence[str]) -> list[Story]: ...

    def story_members(self, story_id: str) -> list[StoryMember]: ...

    def get_many(self, ids: Sequence[str]) -> dict[str, Article]: ...

    def analyses_of(self, ids: Sequence[str]) -> dict[str, Analysis]: ...

    def derivations(self, *, article_ids: Sequence[str]) -> list[Derivation]: ...

    def published_of(self, ids: Sequence[str]) -> dict[str, str | None]: ...


def _text_of_stored(stored: StoredText) -> Text:
    return Text(stored.id, stored.text, stored.published, outlet=stored.outlet)


def title_of(article: Article) -> str:
    """A story's title: its first article's headline, else its first line."""
    title = article.meta.value("title") or article.text.strip().split("\n", 1)[0]
    return title[:TITLE_CHARS]


@dataclass
class _Batch:
    """What the loop over a batch's articles has found so far."""

    view: LinkView
    limit: int
    texts: list[Text] = field(default_factory=list)
    keys: list[set[int]] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    link_keys: list[tuple[str, int]] = field(default_factory=list)
    clusterer: stories.Clusterer = field(default_factory=stories.Clusterer)
    titles: dict[str, str] = field(default_factory=dict)  # story id -> title
    members: list[StoryMember] = field(default_factory=list)

    def candidates(self, text: Text, own: set[int]) -> list[str]:
        """Ids of the stored or earlier batch articles sharing most keys."""
        stored = self.view.shared_keys(own) if own else {}
        return candidates.rank_shared(
            stored,
            zip((t.id for t in self.texts), self.keys),
            own,
            limit=self.limit,
            exclude=text.id,
        )

    def derive(self, text: Text, chosen: list[str]) -> None:
        earlier = {t.id: t for t in self.texts}
        stored = {
            s.id: _text_of_stored(s)
            for s in self.view.stored_texts([c for c in chosen if c not in earlier])
        }
        for candidate in chosen:
            other = earlier.get(candidate) or stored.get(candidate)
            if other is not None and (derivation := derive_pair(text, other)) is not None:
                self.derivations.append(derivation)

    def place(self, article: Article, profile: stories.Profile, chosen: list[str]) -> list[str]:
        """Put the article in the best story of its candidates, or a new one;
        returns the candidates in that story."""
        in_batch = {c: self.clusterer.members[c] for c in chosen if c in self.clusterer.members}
        stored = self.view.stories_of([c for c in chosen if c not in in_batch])
        wanted = sorted(set(stored.values()) - set(self.clusterer.stories))
        for story in self.view.stories(wanted):
            self.clusterer.stories[story.id] = stories.Profile.from_record(story.profile)
            self.titles.setdefault(story.id, story.title)
        known = set(in_batch.values()) | set(stored.values())
        everything = self.clusterer.stories  # the clusterer decides among the candidates' only
        self.clusterer.stories = {k: v for k, v in everything.items() if k in known}
        member = self.clusterer.add(article.id, profile)
        self.clusterer.stories = {**everything, **self.clusterer.stories}
        if member.opened:
            self.titles[member.story_id] = title_of(article)
        self.members.append(member)
        story_of = {**stored, **in_batch}
        return [c for c in chosen if story_of.get(c) == member.story_id]

    def stories(self) -> tuple[Story, ...]:
        touched = sorted({m.story_id for m in self.members})
        return tuple(
            Story(s, self.titles.get(s), p.first, p.last, p.count, p.to_record(), stories.RULE)
            for s in touched
            if (p := self.clusterer.stories.get(s)) is not None
        )


def link_batch(
    articles: Sequence[Article],
    analyses: Sequence[Analysis],
    view: LinkView,
    *,
    limit: int = DEFAULT_CANDIDATES,
) -> Links:
    """Everything linking finds for ``articles`` (new, not yet stored; with
    ``analyses``, one per article): derivations with the ``limit`` best
    candidates, each article's story, the quote groups their quotes join or
    open, and the keys that make them findable by later batches."""
    batch = _Batch(view, limit)
    profiles = stories.profiles(articles, analyses)
    for article, profile in zip(articles, profiles):
        text = text_of(article)
        own = candidates.keys(text)
        chosen = batch.candidates(text, own)
        batch.derive(text, batch.place(article, profile, chosen))
        batch.texts.append(text)
        batch.keys.append(own)
        batch.link_keys.extend((text.id, key) for key in sorted(own))
    quoting, grouping = Quoting(view, limit=limit), EventGrouping(view, limit=limit)
    for article, analysis in zip(articles, analyses):
        occasion = batch.clusterer.members.get(article.id)
        quoting.add_article(article, analysis, occasion=occasion)
        grouping.add_article(article, analysis, occasion=occasion)
    groups, repeats, quote_keys = quoting.results()
    event_groups, event_keys = grouping.results()
    return Links(
        derivations=tuple(batch.derivations),
        link_keys=tuple(batch.link_keys),
        quote_groups=groups,
        quote_repeats=repeats,
        quote_keys=quote_keys,
        stories=batch.stories(),
        story_members=tuple(batch.members),
        story_merges=tuple(batch.clusterer.merges),
        claims=_claims(batch, articles, analyses, view),
        event_groups=event_groups,
        event_keys=event_keys,
    )


def _claims(
    batch: _Batch, articles: Sequence[Article], analyses: Sequence[Analysis], view: LinkView
) -> tuple[tuple[str, tuple[Claim, ...]], ...]:
    """The claims now of each story the batch touched."""
    fresh = {a.id: (a, x) for a, x in zip(articles, analyses)}
    by_story: dict[str, list[str]] = {}
    for member in batch.members:
        by_story.setdefault(member.story_id, []).append(member.article_id)
    found = []
    for story_id in sorted(by_story):
        stored = [m.article_id for m in view.story_members(story_id) if m.article_id not in fresh]
        published = view.published_of(stored)
        # Only the latest CLAIM_ARTICLES can be among the latest of the story with the batch's.
        stored = sorted(stored, key=lambda i: published.get(i) or "")[-CLAIM_ARTICLES:]
        loaded, analysed = view.get_many(stored), view.analyses_of(stored)
        sources: dict[str, list[Derivation]] = {}
        for derivation in view.derivations(article_ids=list(loaded)):
            sources.setdefault(derivation.article_id, []).append(derivation)
        members = [
            Member(loaded[i], analysed.get(i), tuple(sources.get(i, ())))
            for i in stored
            if i in loaded
        ]
        for article_id in by_story[story_id]:
            article, analysis = fresh[article_id]
            mine = tuple(d for d in batch.derivations if d.article_id == article_id)
            members.append(Member(article, analysis, mine))
        members = sorted(members, key=lambda m: (m.article.meta.value("published") or "",))
        found.append((story_id, story_claims(story_id, members[-CLAIM_ARTICLES:])))
    return tuple(found)
