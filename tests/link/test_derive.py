"""link/derive.py: sentence alignment, shares, classes and direction."""

import pytest

from newsweave.link import derive
from newsweave.link.derive import Text

SOURCE = (
    "The harbour bridge in Portville reopened on Friday after six months of repairs, the city "
    "council said.\n"
    "Engineers replaced all of the steel cables and repainted the whole deck in grey.\n"
    "Traffic was flowing normally across the bridge by the evening, officials said.\n"
    "The repairs cost 12 million euros, two million more than planned."
)
COPY = SOURCE.replace("the city council said", "the council said")
REORDERED = "\n".join(reversed(SOURCE.split("\n")))
OWN = "Local shops said they hoped the reopening would bring back weekend visitors from the coast."
UNRELATED = (
    "The national football team lost its opening match of the tournament by three goals.\n"
    "The coach blamed the heat and a long flight for the poor first half.\n"
    "Fans who travelled to the stadium booed the players at the final whistle."
)


def text(id_, body, published=None, outlet=None):
    return Text(id_, body, published, outlet=outlet)


def test_copy_is_wholly_derived_and_verbatim():
    article, source = text("copy", COPY), text("src", SOURCE)
    aligned = derive.align(article, source)
    assert [s.kind for s in aligned] == ["verbatim"] * 4
    assert derive.classify(derive.share(article, aligned)) == "wholly-derived"
    for a, s in zip(aligned, aligned):
        assert source.text[s.source_start : s.source_end] in SOURCE


def test_reordered_paragraphs_keep_their_sources():
    article, source = text("re", REORDERED), text("src", SOURCE)
    aligned = derive.align(article, source)
    for (start, end), s in zip(article.sentences, aligned):
        assert source.text[s.source_start : s.source_end] == article.text[start:end]


def test_added_sentence_is_own_and_lowers_the_share():
    article = text("more", SOURCE + "\n" + OWN)
    aligned = derive.align(article, text("src", SOURCE))
    assert aligned[-1].kind == "own" and aligned[-1].source_start is None
    assert 0.7 < derive.share(article, aligned) < 1.0


def test_unrelated_articles_are_not_linked():
    assert derive.derive_pair(text("a", UNRELATED), text("b", SOURCE)) is None


@pytest.mark.parametrize(
    ("new", "old", "source", "direction"),
    [
        # the earlier publication is the source, whichever is new
        (dict(published="2023-03-04"), dict(published="2023-03-03"), "old", "dates"),
        (dict(published="2023-03-02"), dict(published="2023-03-03"), "new", "dates"),
        # a date missing: the one that credits an origin is the source
        (dict(outlet="Coastal Wire"), dict(), "new", "credit"),
        (dict(), dict(published="2023-03-03", outlet="Coastal Wire"), "old", "credit"),
    ],
)
def test_direction(new, old, source, direction):
    a, b = text("new", COPY, **new), text("old", SOURCE, **old)
    found = derive.derive_pair(a, b)
    assert (found.source_id, found.direction) == (source, direction)
    assert found.article_id == ({"new", "old"} - {source}).pop()
    assert found.rule == derive.RULE


def test_direction_by_containment_when_nothing_else_tells():
    longer = text("longer", SOURCE + "\n" + OWN + " " + OWN.replace("weekend", "summer"))
    found = derive.derive_pair(longer, text("short", SOURCE))
    # all of the shorter text is in the longer one: the cut copy is the derived one
    assert (found.article_id, found.source_id, found.direction) == (
        "short",
        "longer",
        "containment",
    )
    assert found.share == 1.0


def test_shared_quotation_alone_is_no_derivation():
    quote = '"We will rebuild every quay before the winter storms arrive," the mayor said.'
    a = text("a", quote + "\n" + UNRELATED)
    b = text("b", quote + "\n" + "The city budget for next year was approved by a wide margin.")
    assert derive.derive_pair(a, b) is None


@pytest.mark.parametrize(
    ("body", "quoted"),
    [
        ('He said "we will win." They left.', [True, False]),
        ("“All of it,” he said, “is fine.”", [True]),
        ("No quotes here at all.", [False]),
    ],
)
def test_quoted_sentences(body, quoted):
    assert list(text("q", body).quoted) == quoted


@pytest.mark.parametrize(
    ("share", "klass"),
    [
        (1.0, "wholly-derived"),
        (derive.WHOLLY, "wholly-derived"),
        (derive.WHOLLY - 0.01, "partially-derived"),
        (derive.PARTIALLY, "partially-derived"),
        (derive.PARTIALLY - 0.01, "non-derived"),
        (0.0, "non-derived"),
    ],
)
def test_classify(share, klass):
    assert derive.classify(share) == klass


def test_combined_share_counts_a_sentence_once():
    article = text("more", SOURCE + "\n" + OWN, published="2023-03-04")
    one = derive.derive_pair(article, text("src", SOURCE, published="2023-03-03"))
    assert one.article_id == "more" and one.share < 1
    assert derive.combined_share(article, [one, one]) == pytest.approx(one.share, abs=1e-4)


def test_summary_marks_a_verbatim_copy_a_near_duplicate():
    copy = text("copy", COPY, published="2023-03-04")
    found = derive.derive_pair(copy, text("src", SOURCE, published="2023-03-03"))
    summary = derive.summarise(copy, [found])
    assert (summary.klass, summary.verbatim, summary.near_duplicate) == (
        "wholly-derived",
        1.0,
        True,
    )
    rewrite = text("more", SOURCE + "\n" + OWN, published="2023-03-04")
    partial = derive.summarise(
        rewrite, [derive.derive_pair(rewrite, text("src", SOURCE, published="2023-03-03"))]
    )
    assert not partial.near_duplicate and partial.verbatim == partial.share < 1


def test_sentence_containments_are_containment_in_each_sentence():
    from samples import seed_files

    texts = [Text(f"s{i}", path.read_text("utf-8")) for i, path in enumerate(seed_files())]
    source = texts[0]
    checked = 0
    for article in texts:
        for tokens in (*article.tokens, ("Putin",), ("Wang", "Yi"), ()):
            found = derive.sentence_containments(tokens, source)
            expected = [
                derive.containment(tokens, derive.trigrams(s), set(s)) for s in source.tokens
            ]
            assert found.tolist() == expected
            checked += any(expected)
    assert checked > 20  # sentences that share words with the source, not only zeros
