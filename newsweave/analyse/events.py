"""Events: meetings, talks, calls, visits, summits, signings and issued statements.

A trigger word ("met", "meeting", "talks", "visit", "summit", "signed") opens an
event; its participants are the people, organisations and countries the parse
attaches to it (subject, object, "with ..."), falling back to the people of its
sentence; its place is what stands after "in"/"at"; its date is the nearest
time expression of the sentence; its status comes from tense, modals and
cancelling verbs. Works on a parsed Doc with the mentions and time expressions
other components found.

Reporting is not an event: "said", "told", "confirmed", "announced" are the
cues of quotes, and the quotes stage records them with speaker and addressee.
A statement is an event only as a document an actor issues ("the two
ministers issued a joint statement", "released a communique"); "according to
a statement" is attribution, no event.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Event, Mention, Timex
from .tense import FUTURE, doc_direction

# Lemma of the trigger -> event kind. Nouns and verbs alike; "talk" only as a noun.
TRIGGERS = {
    "meet": "meeting",
    "meeting": "meeting",
    "encounter": "meeting",
    "talk": "talks",
    "negotiation": "talks",
    "consultation": "talks",
    "call": "call",
    "phone": "call",
    "conversation": "call",
    "visit": "visit",
    "trip": "visit",
    "tour": "visit",
    "travel": "visit",
    "summit": "summit",
    "forum": "summit",
    "sign": "signing",
    "signing": "signing",
    "issue": "statement",
    "release": "statement",
    "publish": "statement",
    "adopt": "statement",
    "arrive": "visit",
    "fly": "visit",
    "return": "visit",
    "head": "visit",
    "drive": "visit",
    "cross": "visit",
    "reach": "visit",
}
# Verbs of speech open no event (the quotes stage records them as quote cues):
# "say", "tell", "report", "state", "confirm", "claim", "reveal", "announce",
# "declare" are deliberately absent from TRIGGERS. A statement is the verb that
# issues one of these documents, the issuer its participant.
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "readout"}
ISSUING = {"issue", "release", "publish", "adopt"}
# Triggers that only make an event with a named actor attached: "issued a
# statement" when someone named issued it; "arrived" a visit when someone arrived.
NEEDS_ACTOR = ISSUING | {"arrive", "fly", "return", "head", "drive", "cross", "reach"}
# Verbs that only make an event of their kind with a noun object ("held talks").
NOUN_ONLY = {"talk", "call", "tour", "travel", "forum"}
CANCELLING = {"cancel", "postpone", "scrap", "call off", "suspend", "abandon"}
PLANNING_WORDS = {"upcoming", "next", "forthcoming", "future", "forward", "planned", "scheduled"}
ACTORS = {"PERSON", "ORG", "GPE"}
# Kinds whose repeated mentions in one article are usually one event; summits,
# signings and statements sharing a participant are often several.
MERGEABLE = {"meeting", "talks", "call", "visit"}
PLACE_WORDS = {"in", "at", "to", "into", "from"}
PLACES = {"GPE", "LOC", "FAC"}
# Common nouns that stand for people as the subject of "meet".
PEOPLE_NOUNS = {
    "leader",
    "leaders",
    "minister",
    "ministers",
    "official",
    "officials",
    "president",
    "delegation",
    "delegations",
    "side",
    "sides",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
    "team",
    "teams",
    "two",
    "counterpart",
    "counterparts",
    "head",
    "heads",
}


def find_events(
    doc: Doc,
    *,
    mentions: Sequence[Mention] = (),
    timexes: Sequence[Timex] = (),
    published: date | None = None,
    dateline: str | None = None,
    lead_day: str | None = None,
) -> list[Event]:
    """The events of ``doc`` in text order, mentions of one event merged; an
    event dated after ``published`` is planned, whatever its verb says; the
    ``dateline`` place and the ``lead_day`` fill in the lead's kind of event."""
    found = event_mentions(doc, mentions=mentions, timexes=timexes)
    if published is not None:
        found = [_planned_if_later(event, published) for event in found]
    return merge_events(with_lead_defaults(found, place=dateline, day=lead_day))


_CALENDAR_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _planned_if_later(event: Event, published: date) -> Event:
    """Compares the calendar part the date states ("2025-W11" states its year
    only, so a week is never later than a day of its own year by spelling)."""
    stated = _CALENDAR_PREFIX.match(event.date or "")
    later = stated is not None and stated[0] > published.isoformat()[: len(stated[0])]
    return (
        dataclasses.replace(event, status="planned")
        if later and event.status == "happened"
        else event
    )


def event_mentions(
    doc: Doc, *, mentions: Sequence[Mention] = (), timexes: Sequence[Timex] = ()
) -> list[Event]:
    """One event per trigger, in text order."""
    found = []
    for token in doc:
        kind = trigger_kind(token)
        if (
            kind is None
            or any(child.dep_ == "neg" for child in token.children)
            or _thing_subject(token)
        ):
            continue  # "did not meet" is no event; "the plan meets our needs" neither
        sentence = token.sent
        actors = participants(token, sentence, mentions)
        if token.lemma_.lower() in NEEDS_ACTOR and not actors:
            continue
        where, when, how = (
            place(token, sentence, mentions),
            nearest_date(token, sentence, timexes),
            status(token),
        )
        for people in separately(token, actors, _subject_keys(token, sentence, mentions)):
            found.append(
                Event(
                    kind=kind,
                    start=token.idx,
                    end=token.idx + len(token.text),
                    trigger=token.text,
                    participants=people,
                    place=where,
                    date=when,
                    status=how,
                )
            )
    return found


def separately(token: Token, actors: tuple[str, ...], subjects: set[str]) -> list[tuple[str, ...]]:
    """ "Held separate meetings with A and B", "met A and B separately": one
    event of the subject with each of the others; otherwise one event."""
    others = [a for a in actors if a not in subjects]
    words = {c.lower_ for g in _governors(token) | {token} for c in g.children}
    if not words & {"separate", "separately"} or not set(actors) & subjects or len(others) < 2:
        return [actors]
    return [tuple(a for a in actors if a in subjects) + (other,) for other in others]


def trigger_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    kind = TRIGGERS.get(lemma)
    if kind is None or token.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if (token.pos_ == "VERB" and lemma in NOUN_ONLY) or (
        token.pos_ != "VERB" and lemma in NEEDS_ACTOR
    ):
        return None  # "held talks" but not "talked"; "said" but not "the issues"
    if kind == "call" and token.pos_ == "NOUN" and not _phone_call(token):
        return None
    if lemma in ISSUING and not _issues_statement(token):
        return None  # "issued a joint statement", not "issued visas"
    if lemma == "forum" and token.pos_ != "PROPN":
        return None  # "international forums" in general; "the Belt and Road Forum" is one
    return kind


def _issues_statement(token: Token) -> bool:
    """The verb's object (or passive subject) is a statement-like document."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in STATEMENT_NOUNS
        for c in token.children
    )


def _thing_subject(token: Token) -> bool:
    """A verb trigger whose subject is a thing, not a person or a pronoun."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return token.pos_ == "VERB" and any(
        s.pos_ == "NOUN" and not s.ent_type_ and s.lower_ not in PEOPLE_NOUNS for s in subjects
    )


def _phone_call(token: Token) -> bool:
    """A call in the sense of a conversation ("a phone call", "held a call"), not
    "calls for restraint"."""
    neighbours = {t.lemma_.lower() for t in token.children} | {token.head.lemma_.lower()}
    return bool(neighbours & {"phone", "telephone", "video", "hold", "have", "make"})


def _mentions_in(
    mentions: Sequence[Mention], start: int, end: int, labels: set[str]
) -> list[Mention]:
    return [m for m in mentions if start <= m.start and m.end <= end and m.label in labels]


def _key(mention: Mention) -> str:
    return mention.entity or mention.text


def participants(token: Token, sentence: Span, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Actors the parse attaches to the trigger; places ("in Moscow") are never
    participants; "between A and B" names them all. No guessing from the rest
    of the sentence: "The two were meeting ... after Putin announced" does not
    make Putin one of the two; the two are the pair the sentence before joins
    (``the_two``)."""
    doc = sentence.doc
    actors = [
        m
        for m in _mentions_in(mentions, sentence.start_char, sentence.end_char, ACTORS)
        if not _is_place_phrase(m, doc) and not _visited(token, m, doc)
    ]
    between = [_key(m) for m in actors if _between(token, m, doc)]
    if len(between) >= 2:
        return tuple(dict.fromkeys(between))
    found = [_key(m) for m in actors if _attached(token, m, doc)]
    speaker = _pronoun_subject(token, sentence, mentions)
    pair = the_two(token, sentence, mentions)
    return tuple(dict.fromkeys(([speaker] if speaker else []) + pair + found))


def _between(trigger: Token, mention: Mention, doc: Doc) -> bool:
    """ "Talks between A and B" name all the parties: whoever "looks forward
    to" them, or reports them, is not one."""
    span = _span(mention, doc)
    if span is None:
        return False
    head = span.root
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return (
        head.dep_ == "pobj"
        and head.head.lower_ in ("between", "among")
        and head.head.head == trigger
    )


def _subject_keys(token: Token, sentence: Span, mentions: Sequence[Mention]) -> set[str]:
    """The participants that are the trigger's subject ("Putin and Xi met")."""
    subjects = _subjects(token)
    found = {k for k in [_pronoun_subject(token, sentence, mentions)] if k}
    for mention in _mentions_in(mentions, sentence.start_char, sentence.end_char, ACTORS):
        span = _span(mention, sentence.doc)
        if span is not None and (
            span.root in subjects or (span.root.dep_ == "conj" and span.root.head in subjects)
        ):
            found.add(_key(mention))
    return found


def _subjects(token: Token) -> list[Token]:
    return [c for g in _governors(token) for c in g.children if c.dep_ in ("nsubj", "nsubjpass")]


def _pronoun_subject(token: Token, sentence: Span, mentions: Sequence[Mention]) -> str | None:
    """A "he"/"she" subject of the trigger is the last person named before it in
    the sentence ("Putin confirms he will meet Xi"), or, with none, the person
    who is the subject of the sentence before ("Wang ... has been in Russia.
    Earlier, he held meetings with ...")."""
    subjects = [c for c in _subjects(token) if c.dep_ == "nsubj" and c.lower_ in ("he", "she")]
    if not subjects:
        return None
    before = [m for m in _mentions_in(mentions, sentence.start_char, subjects[0].idx, {"PERSON"})]
    if before:
        return _key(before[-1])
    people = [
        k
        for k, dep in _clause_actors(_previous(sentence), mentions, {"PERSON"})
        if dep.startswith("nsubj")
    ]
    return people[0] if people else None


def the_two(token: Token, sentence: Span, mentions: Sequence[Mention]) -> list[str]:
    """A trigger whose subject is "the two", "both" or "the two leaders" takes
    the two actors the main verb of the sentence before joins as subject and
    object ("Patrushev told Wang ... The two were meeting in Moscow"); nothing
    when that sentence does not join exactly two."""
    if not any(_is_pair_word(s) for s in _subjects(token)):
        return []
    found = list(dict.fromkeys(k for k, _ in _clause_actors(_previous(sentence), mentions, ACTORS)))
    return found if len(found) == 2 else []


def _is_pair_word(subject: Token) -> bool:
    words = {subject.lower_} | {c.lower_ for c in subject.children if c.dep_ in ("nummod", "det")}
    return subject.lower_ in ("two", "both") or (
        subject.lower_ in PEOPLE_NOUNS and bool(words & {"two", "both"})
    )


def _previous(sentence: Span) -> Span | None:
    return sentence.doc[sentence.start - 1].sent if sentence.start > 0 else None


def _clause_actors(
    sentence: Span | None, mentions: Sequence[Mention], labels: set[str]
) -> list[tuple[str, str]]:
    """(entity, dependency) of the actors that are the subject or an object of
    ``sentence``'s main verb ("Patrushev ... told Wang that ...")."""
    if sentence is None:
        return []
    root, found = sentence.root, []
    for mention in _mentions_in(mentions, sentence.start_char, sentence.end_char, labels):
        head = _span(mention, sentence.doc)
        head = head.root if head is not None else None
        if head is None:
            continue
        if head.head == root and head.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "iobj"):
            found.append((_key(mention), head.dep_))
        elif head.dep_ == "pobj" and head.head.head == root and head.head.lower_ == "with":
            found.append((_key(mention), "pobj"))
    return found


def _span(mention: Mention, doc: Doc) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _is_place_phrase(mention: Mention, doc: Doc) -> bool:
    span = _span(mention, doc)
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_WORDS


def _visited(trigger: Token, mention: Mention, doc: Doc) -> bool:
    """The place a visit goes to: "visited Kenya", "a visit to Moscow"."""
    span = _span(mention, doc)
    if span is None or trigger_kind(trigger) != "visit" or mention.label not in PLACES:
        return False
    head = span.root
    return (head.dep_ == "dobj" and head.head == trigger) or (
        head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head == trigger
    )


def _governors(trigger: Token) -> set[Token]:
    """Tokens whose subject and objects take part in the trigger's event: the
    trigger, the verb a noun trigger hangs from ("Putin said during the meeting",
    "held talks"), the verb a "due to meet" depends on."""
    found = {trigger}
    if trigger.pos_ != "VERB" or trigger.dep_ == "xcomp":
        found.add(trigger.head)
    if trigger.dep_ == "xcomp" and trigger.head.pos_ == "ADJ":
        found.add(trigger.head.head)  # "Wang was due to meet ..."
    if trigger.pos_ != "VERB" and trigger.head.dep_ == "prep":
        found.add(trigger.head.head)
    return found


def _attached(trigger: Token, mention: Mention, doc: Doc) -> bool:
    """The mention's head is the subject, object, "with" object or possessor of
    the trigger or of a governing verb."""
    span = _span(mention, doc)
    if span is None:
        return False
    head, governors = span.root, _governors(trigger)
    if head.head in governors and head.dep_ in (
        "nsubj",
        "nsubjpass",
        "dobj",
        "poss",
        "agent",
        "compound",
        "appos",
    ):
        return True
    if (
        head.dep_ == "pobj"
        and head.head.head in governors
        and head.head.lower_ in ("with", "between", "among", "by")
    ):
        return True
    if head.dep_ == "appos":  # "Dovask and her counterpart, Piet Ravensar, met"
        head = head.head
        if head.head in governors and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return True
    return head.dep_ == "conj" and _attached_token(head.head, governors)


def _attached_token(token: Token, governors: set[Token]) -> bool:
    return (
        token.head in governors
        and token.dep_ in ("nsubj", "dobj", "pobj", "poss")
        or (token.dep_ == "pobj" and token.head.head in governors)
    )


def place(token: Token, sentence: Span, mentions: Sequence[Mention]) -> str | None:
    """The place after "in"/"at" attached to the trigger (or to its verb), else
    the first place named after "in" in the sentence."""
    governors = _governors(token) | set(token.subtree)
    for mention in _mentions_in(mentions, sentence.start_char, sentence.end_char, PLACES):
        if _visited(token, mention, sentence.doc):
            return mention.text
        span = _span(mention, sentence.doc)
        if (
            _is_place_phrase(mention, sentence.doc)
            and span.root.head.lower_ in ("in", "at")
            and span.root.head.head in governors
        ):
            return mention.text
    return None


def nearest_date(token: Token, sentence: Span, timexes: Sequence[Timex]) -> str | None:
    inside = [
        t
        for t in timexes
        if sentence.start_char <= t.start
        and t.end <= sentence.end_char
        and t.type in ("DATE", "TIME")
        and t.value
    ]
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t.start - token.idx)).value


def status(token: Token) -> str:
    """Cancelled when a cancelling verb governs the trigger; planned when a
    modal, "due to", "plans to", or "next"/"upcoming" goes with it; else happened."""
    if {t.lemma_.lower() for t in (token.head, token.head.head)} & CANCELLING:
        return "cancelled"
    return "planned" if _future(token) else "happened"


def _future(token: Token) -> bool:
    """The governing verb's tense points forward ("will meet", "is due to meet",
    "the planned visit"), or a planning word goes with the trigger ("next",
    "upcoming", "looks forward to")."""
    if doc_direction(token.doc, token.idx, token.idx + len(token.text)) == FUTURE:
        return True
    context = list(token.children) + [token.head] + list(token.head.children)
    return bool({t.lower_ for t in context} & PLANNING_WORDS)


def merge_events(found: list[Event]) -> list[Event]:
    """Triggers that name one event ("will meet Xi", "the meeting in Beijing"):
    same kind and status, shared participants, no conflicting place or date."""
    merged: list[Event] = []
    for event in found:
        same = next((m for m in merged if event.kind in MERGEABLE and _same_event(m, event)), None)
        if same is None:
            merged.append(event)
            continue
        merged[merged.index(same)] = Event(
            kind=same.kind,
            start=same.start,
            end=same.end,
            trigger=same.trigger,
            participants=tuple(dict.fromkeys(same.participants + event.participants)),
            place=same.place or event.place,
            date=same.date or event.date,
            status=same.status,
        )
    return merged


def _same_event(a: Event, b: Event) -> bool:
    """One event when kind and status agree, a participant is shared, nothing
    conflicts, and a place or a date is the same, or the later one adds
    nothing ("Putin met Wang in St Petersburg. During the meeting, Putin ...")."""

    def compatible(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    anchored = (
        (a.place is not None and a.place == b.place)
        or (a.date is not None and a.date == b.date)
        or (b.place is None and b.date is None and set(b.participants) <= set(a.participants))
    )
    return (
        a.start != b.start  # one trigger's separate events ("separate meetings") stay apart
        and a.kind == b.kind
        and a.status == b.status
        and anchored
        and bool(set(a.participants) & set(b.participants))
        and compatible(a.place, b.place)
        and compatible(a.date, b.date)
    )


# Kinds whose main instance a news lead reports; "the meeting" with no place or
# date of its own is the one the dateline and the lead's date describe.
LEAD_KINDS = {"meeting", "talks", "call", "visit"}


def with_lead_defaults(found: list[Event], *, place: str | None, day: str | None) -> list[Event]:
    """Events of the lead's kinds that happened and state no place or date take
    the dateline's place and the lead's date (news leads report the main event
    there: "MOSCOW (Sputnik) - ... Patrushev said on Tuesday")."""
    return [
        dataclasses.replace(e, place=e.place or place, date=e.date or day)
        if e.kind in LEAD_KINDS and e.status == "happened"
        else e
        for e in found
    ]
