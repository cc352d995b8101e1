"""Sentence vectors: grouping texts of similar length for the model changes
no vector, and the groups keep padding bounded."""

import numpy as np

from newsweave.link import embed as vectors


def test_vectors_do_not_depend_on_the_other_texts_of_the_call():
    short = ["Putin met Xi in Beijing.", "The talks were constructive, Wang said."]
    long = " ".join(["The delegations discussed trade, energy and security at length."] * 400)
    together = vectors.embed([short[0], long, short[1], ""])
    alone = np.vstack([vectors.embed([t]) for t in (short[0], long, short[1], "")])
    assert np.array_equal(together, alone)
    assert np.allclose(np.linalg.norm(together[:3], axis=1), 1.0, atol=1e-5)
    assert not together[3].any()  # no token: a zero row
    assert vectors.embed([]).shape == (0, 256)


def test_groups_hold_texts_of_similar_length_in_bounded_batches():
    texts = ["x" * n for n in (10, 12, 14, 15, 40, 2000, 2100, 9)] + ["y" * 30] * 200
    groups = vectors._similar_lengths(texts)
    assert sorted(i for g in groups for i in g) == list(range(len(texts)))
    for group in groups:
        lengths = [len(texts[i]) for i in group]
        assert max(lengths) <= vectors.SPREAD * min(lengths)
        assert len(group) <= vectors.BATCH


def test_kept_vectors_are_the_models_and_stay_bounded(monkeypatch):
    """A text embedded again comes from the kept vectors, the same row the
    model gives; the oldest are dropped past ``KEPT``."""
    monkeypatch.setattr(vectors, "_kept", type(vectors._kept)())
    monkeypatch.setattr(vectors, "KEPT", 3)
    computed: list[str] = []
    real = vectors._compute

    def spy(texts):
        computed.extend(texts)
        return real(texts)

    monkeypatch.setattr(vectors, "_compute", spy)
    texts = ["Putin met Xi.", "Wang spoke.", "Putin met Xi.", "Lavrov arrived in Beijing."]
    first = vectors.embed(texts)
    assert computed == ["Putin met Xi.", "Wang spoke.", "Lavrov arrived in Beijing."]
    again = vectors.embed(["Lavrov arrived in Beijing.", "Putin met Xi."])
    assert computed[3:] == []
    assert np.array_equal(again, first[[3, 0]])
    assert np.array_equal(again, real(["Lavrov arrived in Beijing.", "Putin met Xi."]))
    vectors.embed(["Shoigu flew to Moscow."])  # a fourth: the oldest kept goes
    assert list(vectors._kept) == [
        "Lavrov arrived in Beijing.",
        "Putin met Xi.",
        "Shoigu flew to Moscow.",
    ]
