"""Claims: the lexical neighbours found through a trigram index are exactly
the pairs whose trigram containment reaches ``LEXICAL``."""

from pathlib import Path

from newsweave.link import claims
from newsweave.link.sentences import split

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def brute_force(texts):
    return [
        {j for j in range(i) if claims._lexical(texts[j], texts[i]) >= claims.LEXICAL}
        for i in range(len(texts))
    ]


def test_lexical_neighbours_are_the_pairs_that_reach_lexical():
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text[a:b] for a, b in split(text)]
    assert len(texts) > 100
    # short texts (under three words) are compared by their words
    texts += ["Xi Jinping", "Moscow", "Jinping said", "Xi"]
    found = claims._lexical_neighbours(texts)
    assert found == brute_force(texts)
    assert sum(map(len, found)) > 20  # the rewrites share sentences with their sources


def test_lexical_neighbours_of_copies_and_near_copies():
    base = "The two ministers met in Beijing on Tuesday to discuss trade and energy."
    texts = [
        base,
        base.replace("Tuesday", "Wednesday"),
        "Officials said nothing about the meeting.",
        base + " They agreed to meet again.",
        "Trade",
    ]
    assert claims._lexical_neighbours(texts) == brute_force(texts)
    assert claims._lexical_neighbours(texts)[1] == {0} and 0 in claims._lexical_neighbours(texts)[3]
