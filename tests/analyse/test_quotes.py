"""Quotations: marks on plain text without the model, then attributions on short
hand-written texts and on the seed articles, parsed with the model."""

from __future__ import annotations


import pytest

from newsweave.analyse.quotes import _kind, find_quotes, quote_marks
from newsweave.analyse.resolve import DESCRIPTION_RULE
from samples import seed_files


# ------------------------------------------------------- no model: marks


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" today.', ['"yes"']),
        ("“One,” he said, “two.”", ["“One,”", "“two.”"]),
        ("''It is over,'' Mr. Rubio said.", ["''It is over,''"]),
        ("saying the strategy ‘fully meets’ Russia’s interests", ["‘fully meets’"]),
        ("Xi’s visit and the states’ rights", []),  # apostrophes are no quotation marks
        (
            "“A paragraph left open\n\n“and closed here.”",
            ["“A paragraph left open", "“and closed here.”"],
        ),
        ("“Outer ‘inner’ outer,” she said.", ["“Outer ‘inner’ outer,”"]),
    ],
)
def test_quote_marks_rows(text, expected):
    assert [text[s:e] for s, e in quote_marks(text)] == expected


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("“All quoted,”", (0, 13), "direct"),
        ("the plan “fully meets” it", (0, 25), "mixed"),
        ("the plan meets it", (0, 17), "indirect"),
    ],
)
def test_kind_rows(text, span, kind):
    assert _kind(text, span, quote_marks(text)) == kind


# ---------------------------------------------------- model: attributions

# (text, [(speaker, cue, content, kind), ...]) in text order of the content.
CASES = [
    ("“We will win,” Smith said.", [("Smith", "said", "“We will win,”", "direct")]),
    ('Smith said: "We will win."', [("Smith", "said", '"We will win."', "direct")]),
    (
        "John Smith spoke on Monday. “We will win,” he said, “and we will win soon.”",
        [
            ("John Smith", "said", "“We will win,”", "direct"),
            ("John Smith", "said", "“and we will win soon.”", "direct"),
        ],
    ),
    (
        "Patrushev said on Tuesday that Moscow backed Beijing.",
        [("Patrushev", "said", "that Moscow backed Beijing", "indirect")],
    ),
    (
        "Jones said the plan was “a total disaster” for the town.",
        [("Jones", "said", "the plan was “a total disaster” for the town", "mixed")],
    ),
    (
        "Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi on Monday. "
        "“We look forward to it,” the Russian leader was quoted as saying.",
        [("Vladimir Putin", "was quoted as saying", "“We look forward to it,”", "direct")],
    ),
    (
        "Mary Jones arrived late.\n\n“The first part is here,” Jones said.\n\n“The second paragraph follows.”",
        [
            ("Mary Jones", "said", "“The first part is here,”", "direct"),
            ("Mary Jones", "said", "“The second paragraph follows.”", "direct"),
        ],
    ),
    # A quotation running over two paragraphs is one quote.
    (
        "Smith said: “The first paragraph runs on.\n\n“And the second one ends here.”",
        [
            (
                "Smith",
                "said",
                "“The first paragraph runs on.\n\n“And the second one ends here.”",
                "direct",
            )
        ],
    ),
    (
        "According to the Kremlin, the talks were productive.",
        [("Kremlin", "According to", "the talks were productive", "indirect")],
    ),
    ("''It is over,'' Mr. Rubio said.", [("Mr. Rubio", "said", "''It is over,''", "direct")]),
    (
        "The economy is growing, the minister said.",
        [("the minister", "said", "The economy is growing", "indirect")],
    ),
    ("The two leaders signed a “no limits” partnership in February.", []),
    # A dateline is no part of a quotation or of its source.
    (
        "PORT SALLE, Ont., Feb. 9 (Harbour News) — Pilots will strike on Friday, their union said.",
        [("their union", "said", "Pilots will strike on Friday", "indirect")],
    ),
    (
        "(Tidewire) – The harbour master said the port would reopen.",
        [("The harbour master", "said", "the port would reopen", "indirect")],
    ),
]


# (text, each quote's speaker as resolved) for descriptions: those that refer back
# ("the official", "the Chinese leader": the heads of ``speakers.VAGUE_HEADS``),
# then role words that ``description.v2`` resolves (v1 knew eight heads).
SPEAKER_CASES = [
    # nobody has spoken yet: nobody else is taken for "the official" (v3: Vladimir Putin)
    (
        'Vladimir Putin met officials on Monday. "We are ready," the official said.',
        ["the official"],
    ),
    # the last speaker is "the official"
    ('Ann Lee spoke. “No,” she said. "We are ready," the official said.', ["Ann Lee", "Ann Lee"]),
    # ... unless the description names a nationality the speaker's roles do not
    (
        "Russian President Vladimir Putin said the talks went well. "
        '"We are pleased," the Chinese leader said.',
        ["Vladimir Putin", "the Chinese leader"],
    ),
    (
        "Russian President Vladimir Putin said the talks went well. "
        '"We are pleased," the Russian leader said.',
        ["Vladimir Putin", "Vladimir Putin"],
    ),
    ('John Smith, a senator, spoke.\n\n"No," the senator said.', ["John Smith"]),
    ('Foreign Minister Sergei Lavrov spoke.\n\n"Yes," the minister said.', ["Sergei Lavrov"]),
    ('Mayor Bill de Blasio spoke.\n\n"Soon," the mayor said.', ["Bill de Blasio"]),
]


@pytest.fixture(scope="module")
def parsed():
    from newsweave.analyse.nlp import parse

    texts = [text for text, _ in CASES + SPEAKER_CASES] + [
        "The minister told reporters that the deal was done.",
        "Putin says ties “fully meet” interests\n\nPutin said on Wednesday that ties “fully meet” Russia’s interests.",
        "Ann Lee spoke. “No,” she said.",
    ]
    return dict(zip(texts, parse(texts)))


def _rows(doc, quotes):
    text = doc.text
    return [
        (
            text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
            q.cue,
            q.text,
            q.kind,
        )
        for q in quotes
    ]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", CASES)
def test_find_quotes_rows(parsed, text, expected):
    doc = parsed[text]
    quotes = find_quotes(doc)
    assert _rows(doc, quotes) == expected
    for q in quotes:  # every span is an offset into doc.text
        assert doc.text[q.start : q.end] == q.text
        assert doc.text[q.cue_start : q.cue_end] == q.cue
        assert q.speaker is None and q.addressee is None  # entity ids come later


@pytest.mark.model
@pytest.mark.parametrize("text, speakers", SPEAKER_CASES)
def test_find_quotes_description_speakers(parsed, text, speakers):
    doc = parsed[text]
    assert [text[q.speaker_start : q.speaker_end] for q in find_quotes(doc)] == speakers


@pytest.mark.model
def test_find_quotes_addressee_told_reporters(parsed):
    doc = parsed["The minister told reporters that the deal was done."]
    [quote] = find_quotes(doc)
    assert quote.cue == "told reporters"
    assert doc.text[quote.addressee_start : quote.addressee_end] == "reporters"


@pytest.mark.model
def test_find_quotes_headline_repeat_found_once(parsed):
    text = "Putin says ties “fully meet” interests\n\nPutin said on Wednesday that ties “fully meet” Russia’s interests."
    quotes = find_quotes(parsed[text])
    assert [q.text for q in quotes] == ["that ties “fully meet” Russia’s interests"]


@pytest.mark.model
def test_find_quotes_resolve_false_keeps_source_as_written(parsed):
    doc = parsed["Ann Lee spoke. “No,” she said."]
    [written] = find_quotes(doc, resolve=False)
    [named] = find_quotes(doc)
    assert doc.text[written.speaker_start : written.speaker_end] == "she"
    assert doc.text[named.speaker_start : named.speaker_end] == "Ann Lee"


# ------------------------------------------------------------------ seeds


def _seed(prefix: str):
    found = seed_files(f"{prefix}_")
    from newsweave.analyse.nlp import parse

    doc = next(parse([found[0].read_text("utf-8")]))
    return doc, find_quotes(doc)


def _by(doc, quotes, words: str):
    """The quotes whose content holds ``words``, as (speaker, cue, kind) rows."""
    return [
        (
            doc.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
            q.cue,
            q.kind,
        )
        for q in quotes
        if words in q.text
    ]


@pytest.mark.model
def test_seed_001_putin_quotes():
    doc, quotes = _seed("001")
    assert _by(doc, quotes, "We believe in merging") == [("Vladimir Putin", "said", "direct")]
    assert _by(doc, quotes, "fully meets and coincides") == [
        ("Vladimir Putin", "told Wang", "mixed")
    ]
    assert _by(doc, quotes, "served as a positive impetus") == [
        ("Vladimir Putin", "told Wang", "mixed")
    ]
    assert _by(doc, quotes, "This relates to international affairs") == [
        ("Vladimir Putin", "told Wang", "direct")
    ]
    assert _by(doc, quotes, "We look forward to strengthening") == [
        ("Vladimir Putin", "was quoted as saying", "direct")
    ]
    assert _by(doc, quotes, "should strengthen multilateral") == [("Wang Yi", "said", "mixed")]


@pytest.mark.model
def test_seed_002_patrushev_quotes():
    doc, quotes = _seed("002")
    for words, kinds in [
        ("In the context of the campaign launched", ["direct"]),
        ("the approaches of Russia and China", ["indirect", "direct"]),
        ("In October, we look forward", ["direct"]),
    ]:
        rows = _by(doc, quotes, words)
        assert [kind for _, _, kind in rows] == kinds
        assert all(speaker == "Nikolai Patrushev" and cue == "said" for speaker, cue, _ in rows)


@pytest.mark.model
def test_seed_003_patrushev_via_ria_and_added():
    doc, quotes = _seed("003")
    assert _by(doc, quotes, "In the context of a campaign") == [
        ("Nikolai Patrushev", "cited Patrushev as saying", "direct")
    ]
    assert _by(doc, quotes, "I want to confirm our continued support") == [
        ("Nikolai Patrushev", "added", "direct")
    ]


# ------------------------------------------- descriptions: one resolver


@pytest.mark.model
def test_find_quotes_description_names_the_mentions_person():
    """A description that is a quotation's source is resolved by ``resolve``'s
    ``description.v2``, as the mentions are: both name the same entity."""
    from newsweave.analyse import link_quote
    from newsweave.analyse.entities import find_mentions, resolve_article
    from newsweave.analyse.nlp import load, parse

    text = (
        "French President Anne Morel met German Foreign Minister Karl Weiss in Lyon on Monday."
        "\n\n“The bridge will open in April,” the German diplomat said."
        "\n\n“We agreed on the tolls,” the French leader said."
    )
    [doc] = parse([text])
    mentions, _ = resolve_article(doc, find_mentions(doc, nlp=load()), article_id="a")
    described = {m.text: m.entity for m in mentions if m.rule == DESCRIPTION_RULE}
    quotes = [link_quote(q, mentions) for q in find_quotes(doc)]
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["Karl Weiss", "Anne Morel"]
    assert [q.speaker for q in quotes] == [
        described["the German diplomat"],
        described["the French leader"],
    ]


@pytest.mark.model
def test_find_quotes_plural_description_names_nobody():
    """ "Port officials" are not the titled speaker named before them."""
    from newsweave.analyse.nlp import parse

    text = (
        "“We will not go back on nights,” union leader Mira Holt told a rally at the gates.\n"
        "Talks stalled on Monday.\nPort officials said frozen cargo would be unloaded first."
    )
    [doc] = parse([text])
    assert [text[q.speaker_start : q.speaker_end] for q in find_quotes(doc)] == [
        "Mira Holt",
        "Port officials",
    ]
