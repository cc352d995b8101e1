"""link/candidates.py: MinHash band keys find copies and rewrites, not strangers."""

from newsweave.link import candidates
from newsweave.link.derive import Text

from test_derive import COPY, SOURCE, UNRELATED


def keys(body):
    return candidates.keys(Text("x", body))


def test_copy_shares_most_keys_and_stranger_few():
    source = keys(SOURCE)
    assert len(source & keys(COPY)) > len(source) // 2
    assert len(source & keys(UNRELATED)) < len(source & keys(COPY)) // 4


def test_keys_are_deterministic_signed_64_bit():
    found = keys(SOURCE)
    assert found == keys(SOURCE)
    assert all(-(2**63) <= k < 2**63 for k in found)


def test_empty_text_has_no_keys():
    assert keys("") == set()


def test_rank_by_shared_keys_then_id():
    assert candidates.rank({"b": 3, "a": 3, "c": 9, "d": 1}, limit=3) == ["c", "a", "b"]


def test_stop_words_are_scikit_learns():
    """The content keys leave out scikit-learn's English stop words, copied
    so that linking does not import scikit-learn."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as theirs

    from newsweave.link.stopwords import ENGLISH_STOP_WORDS as ours

    assert ours == theirs
