"""The shared keys of ``model.py``: what makes two texts one article, two names one name."""

import pytest

from newsweave.model import article_id, name_key, normalise_text


@pytest.mark.parametrize(
    "a, b",
    [
        ("Irena Dovask", "IRENA DOVASK"),
        ("Zelénskyy", "Zelenskyy"),
        ("Dovask's", "Dovask"),
        ("Dovask’s", "dovask"),
        ("Jean-Luc Marrin", "Jean Luc Marrin"),
        ("Ｍarrin", "Marrin"),  # a full-width letter, as some feeds print it
        ("Mara  Osk", "Mara Osk"),
    ],
)
def test_name_key_same_name(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("Mara Osk", "Mara Oske"), ("Osk's Bridge", "Osk Bridge"), ("Kessel", "Kassel")],
)
def test_name_key_other_name(a, b):
    # only a final possessive goes: "Osk's Bridge" keeps its "s"
    assert name_key(a) != name_key(b)


def test_name_key_words():
    assert name_key("  Jean-Luc Marrin’s ") == "jean luc marrin"


def test_name_key_builds_on_the_article_form():
    """Accents and punctuation tell articles apart, not names."""
    assert normalise_text("Zelénskyy, Kyiv") != normalise_text("Zelenskyy Kyiv")
    assert name_key("Zelénskyy, Kyiv") == name_key("Zelenskyy Kyiv")
    assert article_id("Zelénskyy, Kyiv") != article_id("Zelenskyy Kyiv")
