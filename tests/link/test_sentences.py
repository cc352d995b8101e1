"""link/sentences.py: where sentences start and end (the unit linking aligns)."""

import pytest

from newsweave.link.sentences import split


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Headline\nBody one. Body two.", ["Headline", "Body one.", "Body two."]),
        ("Mr. Smith met Gen. Lee. Then he left.", ["Mr. Smith met Gen. Lee.", "Then he left."]),
        ("J. Smith arrived in the U.S. Army camp.", ["J. Smith arrived in the U.S. Army camp."]),
        ('"We won." They cheered.', ['"We won."', "They cheered."]),
        ("It rose 3.5 percent. Shares fell.", ["It rose 3.5 percent.", "Shares fell."]),
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        # an ellipsis inside an open quotation marks words left out, not a sentence end
        (
            '"Talks between ... Putin and ... Xi in Beijing," he said.',
            ['"Talks between ... Putin and ... Xi in Beijing," he said.'],
        ),
        (
            "“We hope … Brask will agree,” she said. Next.",
            ["“We hope … Brask will agree,” she said.", "Next."],
        ),
        ("lower case after. a stop stays", ["lower case after. a stop stays"]),
        ("  spaced out.  \n\n  Next line  ", ["spaced out.", "Next line"]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert pieces(text) == expected


def test_split_offsets_point_into_the_text():
    text = "First line here.\nSecond: two sentences. Yes!"
    for start, end in split(text):
        assert text[start:end] == text[start:end].strip() and text[start:end]
