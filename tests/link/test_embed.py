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
