"""Events from hand-written sentences: kind, participants, place, status."""

from datetime import date

import pytest

from newsweave.analyse.events import find_events
from newsweave.analyse.nlp import parse
from newsweave.model import Mention, Timex

pytestmark = pytest.mark.model


def events_of(text: str, timexes=(), published=None):
    doc = next(parse([text]))
    mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    return find_events(doc, mentions=mentions, timexes=timexes, published=published)


@pytest.mark.parametrize("text, kind, participants, place, status", [
    ("Russian President Vladimir Putin will meet with Chinese President Xi Jinping in Beijing "
     "next month.", "meeting", {"Vladimir Putin", "Xi Jinping"}, "Beijing", "planned"),
    ("During a meeting in Moscow with Wang Yi on Tuesday, Patrushev emphasized the ties.",
     "meeting", {"Wang Yi", "Patrushev"}, "Moscow", "happened"),
    ("Wang was also due to meet Russian Foreign Minister Sergei Lavrov on Wednesday.",
     "meeting", {"Wang", "Sergei Lavrov"}, None, "planned"),
    ("Putin and Xi Jinping signed a strategic partnership in Moscow.",
     "signing", {"Putin", "Xi Jinping"}, "Moscow", "happened"),
    ("The prime minister visited Kenya last week.", "visit", set(), "Kenya", "happened"),
    ("Chancellor Angela Merkel cancelled a planned meeting with Emmanuel Macron in Paris.",
     "meeting", {"Angela Merkel", "Emmanuel Macron"}, "Paris", "cancelled"),
])
def test_events_first_event(text, kind, participants, place, status):
    [event, *_] = events_of(text)
    assert (event.kind, set(event.participants), event.place, event.status) == \
        (kind, participants, place, status)


@pytest.mark.parametrize("text", [
    "The strategy fully meets and coincides with Russia's interests.",
    "The two leaders did not meet during the summit week.",
    "Protesters called for restraint.",
])
def test_events_none(text):
    assert [e for e in events_of(text) if e.kind in ("meeting", "call")] == []


def test_events_date_after_publication_is_planned():
    text = "Russia looks forward to negotiations between Putin and Xi in Beijing this October."
    start = text.index("this October")
    october = Timex(start, start + 12, "this October", "DATE", "2023-10", "month", "timex.test.v1")
    [event] = events_of(text, timexes=[october], published=date(2023, 9, 19))
    assert (event.kind, event.date, event.status) == ("talks", "2023-10", "planned")


def test_events_mentions_of_one_meeting_merge():
    text = ("Putin met Wang Yi in St Petersburg. During the meeting, Putin praised the ties "
            "with China.")
    meetings = [e for e in events_of(text) if e.kind == "meeting"]
    assert len(meetings) == 1 and meetings[0].place == "St Petersburg"
