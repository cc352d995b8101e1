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


@pytest.mark.parametrize(
    "text, kind, participants, place, status",
    [
        (
            "Russian President Vladimir Putin will meet with Chinese President Xi Jinping in Beijing "
            "next month.",
            "meeting",
            {"Vladimir Putin", "Xi Jinping"},
            "Beijing",
            "planned",
        ),
        (
            "During a meeting in Moscow with Wang Yi on Tuesday, Patrushev emphasized the ties.",
            "meeting",
            {"Wang Yi", "Patrushev"},
            "Moscow",
            "happened",
        ),
        (
            "Wang was also due to meet Russian Foreign Minister Sergei Lavrov on Wednesday.",
            "meeting",
            {"Wang", "Sergei Lavrov"},
            None,
            "planned",
        ),
        (
            "Putin and Xi Jinping signed a strategic partnership in Moscow.",
            "signing",
            {"Putin", "Xi Jinping"},
            "Moscow",
            "happened",
        ),
        ("The prime minister visited Kenya last week.", "visit", set(), "Kenya", "happened"),
        (
            "Chancellor Angela Merkel cancelled a planned meeting with Emmanuel Macron in Paris.",
            "meeting",
            {"Angela Merkel", "Emmanuel Macron"},
            "Paris",
            "cancelled",
        ),
        (
            "Foreign Minister Angela Merkel and her counterpart, Emmanuel Macron, met in Paris.",
            "meeting",
            {"Angela Merkel", "Emmanuel Macron"},
            "Paris",
            "happened",
        ),
    ],
)
def test_events_first_event(text, kind, participants, place, status):
    [event, *_] = events_of(text)
    assert (event.kind, set(event.participants), event.place, event.status) == (
        kind,
        participants,
        place,
        status,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The strategy fully meets and coincides with Russia's interests.",
        "The two leaders did not meet during the summit week.",
        "Protesters called for restraint.",
    ],
)
def test_events_none(text):
    assert [e for e in events_of(text) if e.kind in ("meeting", "call")] == []


def test_events_date_after_publication_is_planned():
    text = "Russia looks forward to negotiations between Putin and Xi in Beijing this October."
    start = text.index("this October")
    october = Timex(start, start + 12, "this October", "DATE", "2023-10", "month", "timex.test.v1")
    [event] = events_of(text, timexes=[october], published=date(2023, 9, 19))
    assert (event.kind, event.date, event.status) == ("talks", "2023-10", "planned")


def test_events_week_of_publication_is_not_later():
    # "2025-W11" spelled after "2025-03-17" is no later date: the week ended the day before
    text = "Angela Merkel and Emmanuel Macron held talks in Paris last week."
    start = text.index("last week")
    week = Timex(start, start + 9, "last week", "DATE", "2025-W11", "week", "timex.test.v1")
    [talks] = [
        e for e in events_of(text, timexes=[week], published=date(2025, 3, 17)) if e.kind == "talks"
    ]
    assert (talks.date, talks.status) == ("2025-W11", "happened")


def test_events_mentions_of_one_meeting_merge():
    text = (
        "Putin met Wang Yi in St Petersburg. During the meeting, Putin praised the ties with China."
    )
    meetings = [e for e in events_of(text) if e.kind == "meeting"]
    assert len(meetings) == 1 and meetings[0].place == "St Petersburg"


@pytest.mark.parametrize(
    "text, verb",
    [
        ("Nikolai Patrushev told Wang Yi that Moscow backed Beijing.", "told"),
        ("Vladimir Putin confirmed he will attend the forum in Beijing.", "confirmed"),
        ("Lavrov said the relationship was built on mutual respect.", "said"),
        ("The Kremlin announced the decision on Monday.", "announced"),
        (
            "Nikolai Patrushev revealed on Tuesday that Vladimir Putin will meet Xi Jinping.",
            "revealed",
        ),
        ("Reuters reported that Wang Yi declared his support.", "reported"),
    ],
)
def test_events_reporting_verb_is_no_event(text, verb):
    # A verb of speech is a quote's cue (analyse/quotes.py), not an event.
    found = events_of(text)
    assert [e for e in found if e.trigger == verb or e.kind == "statement"] == []


def test_events_reporting_verb_keeps_the_meeting_it_reports():
    text = "Putin told Wang Yi during a meeting in St Petersburg that the ties were strong."
    assert [(e.kind, e.trigger, e.place) for e in events_of(text)] == [
        ("meeting", "meeting", "St Petersburg")
    ]


@pytest.mark.parametrize(
    "text, participants",
    [
        (
            "Vladimir Putin and Xi Jinping issued a joint statement on Tuesday.",
            {"Vladimir Putin", "Xi Jinping"},
        ),
        ("The Kremlin released a statement after the talks.", {"Kremlin"}),
    ],
)
def test_events_issued_statement_is_an_event(text, participants):
    [statement] = [e for e in events_of(text) if e.kind == "statement"]
    assert set(statement.participants) == participants
    assert statement.trigger in ("issued", "released")


@pytest.mark.parametrize(
    "text",
    [
        "Putin praised the ties, according to a statement released by the Kremlin.",
        "Germany issued visas to 300 students.",
        "Japan issued a warning to Chinese ships.",
    ],
)
def test_events_statement_as_attribution_is_no_event(text):
    assert [e for e in events_of(text) if e.kind == "statement"] == []


@pytest.mark.parametrize(
    "text, participants",
    [
        # "the two" are the subject and object of the sentence before, not the
        # person that sentence mentions in passing
        (
            "Nikolai Patrushev, a close ally of Vladimir Putin, told Wang Yi that Moscow backed "
            "Beijing. The two were meeting in Moscow.",
            {"Nikolai Patrushev", "Wang Yi"},
        ),
        (
            "Anna Berg met Karl Osk on Monday. Both leaders were meeting again in Vellmar.",
            {"Anna Berg", "Karl Osk"},
        ),
        # the sentence before joins one person only: no pair to take
        ("Wang Yi arrived in Moscow on Monday. The two were meeting in Moscow.", set()),
        # "he" with no one before it in its sentence is the subject of the one before
        (
            "Wang Yi has been in Russia since Monday. Earlier in Moscow, he held separate meetings "
            "with Sergey Lavrov.",
            {"Wang Yi", "Sergey Lavrov"},
        ),
    ],
)
def test_events_participants_from_the_sentence_before(text, participants):
    meetings = [e for e in events_of(text) if e.kind == "meeting"]
    assert set(meetings[-1].participants) == participants


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Wang Yi held separate meetings with Sergey Lavrov and Nikolai Patrushev in Moscow.",
            [{"Wang Yi", "Sergey Lavrov"}, {"Wang Yi", "Nikolai Patrushev"}],
        ),
        (
            "Wang Yi held meetings with Sergey Lavrov and Nikolai Patrushev in Moscow.",
            [{"Wang Yi", "Sergey Lavrov", "Nikolai Patrushev"}],
        ),
    ],
)
def test_events_separate_meetings_are_several(text, expected):
    assert [set(e.participants) for e in events_of(text) if e.kind == "meeting"] == expected


def test_events_between_names_all_the_parties():
    text = "Russia looks forward to negotiations between Vladimir Putin and Xi Jinping in Beijing."
    [talks] = [e for e in events_of(text) if e.kind == "talks"]
    assert set(talks.participants) == {"Vladimir Putin", "Xi Jinping"}
