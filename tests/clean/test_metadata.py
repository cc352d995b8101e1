"""Metadata read from scraped text, one field at a time: each row is a short
page (its lines) and the value with the rule that found it, or None."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.clean.metadata import extract_language, text_metadata
from newsweave.clean.text import clean_text
from samples import BUS_TITLE as T, P1, P2, P3

REFERENCE = date(2026, 11, 23)

CAPTION = "Firefighters at the scene in Lentisse. Photo: AP"
WIRE_CAPS = (
    "WASHINGTON (AP) _ THE PRESIDENT SAID TODAY HE WOULD VETO THE BUS BILL PASSED BY CONGRESS."
)
SIGNED = (
    "MOSCOW{} (Sputnik) - The treaty, signed on March 3, 2019, expired on Tuesday, "
    "and neither side has proposed talks on a new one."
)


def field(name: str, *lines: str) -> tuple[str, str] | None:
    found = getattr(text_metadata(clean_text("\n".join(lines)), REFERENCE), name)
    return (found.value, found.rule) if found else None


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ([T, "MOSCOW (Sputnik) - " + P1, P2], ("Sputnik", "outlet.dateline.v3")),
        ([T, "(Reuters) – " + P1, P2], ("Reuters", "outlet.dateline.v3")),
        ([T, "NEW YORK, March 3 (Reuters) - " + P1, P2], ("Reuters", "outlet.dateline.v3")),
        (
            [T, "LENTISSE, 11 March 2025 (Meridian Wire) – " + P1, P2],
            ("Meridian Wire", "outlet.dateline.v3"),
        ),
        (
            [T, "Wang Yi - Sputnik International, 1920, 19.09.2023", P1, P2],
            ("Sputnik International", "outlet.credit_line.v1"),
        ),
        # the dateline's agency is trusted over a credit line
        (
            [T, "Wang Yi - Sputnik International, 1920, 19.09.2023", "(Reuters) – " + P1, P2],
            ("Reuters", "outlet.dateline.v3"),
        ),
        # a photo agency in a caption is never the outlet
        ([T, CAPTION, P1, P2], None),
        ([T, "(Photo by AP)", P1, P2], None),
        ([T, "AP Photo/John Smith", P1, P2], None),
        ([T, CAPTION, "LENTISSE (Reuters) - " + P1, P2], ("Reuters", "outlet.dateline.v3")),
        # a region of more than two words; a story in capitals after an agency
        (
            [T, "DUBAI, United Arab Emirates (Reuters) - " + P1, P2],
            ("Reuters", "outlet.dateline.v3"),
        ),
        ([T, WIRE_CAPS, P2], ("AP", "outlet.dateline.v3")),
        # a place without an agency names no outlet
        ([T, "LENTISSE – " + P1, P2], None),
        ([T, P1, P2], None),
    ],
)
def test_metadata_outlet(page, expected):
    assert field("outlet", *page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ([T, P1, P2], (T, "title.headline_line.v1")),
        (["Home", "News", T, "By Jane Smith", P1, P2], (T, "title.headline_line.v1")),
        (["• " + T, P1, P2], (T, "title.headline_line.v1")),
        (["Storm warning issued for the coast this weekend", P1, P2], None),
        ([P1, P2], None),
    ],
)
def test_metadata_title(page, expected):
    assert field("title", *page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ([T, "By Jane Smith", P1, P2], ("Jane Smith", "byline.by_line.v1")),
        ([T, "By richardbrown // 2024-07-10", P1, P2], ("richardbrown", "byline.by_line.v1")),
        ([T, "By JANE SMITH, Associated Press", P1, P2], ("JANE SMITH", "byline.by_line.v1")),
        ([T, "By Jane Smith | 3 March 2024", P1, P2], ("Jane Smith", "byline.by_line.v1")),
        ([T, "By Jane Smith and Tom Lee", P1, P2], ("Jane Smith and Tom Lee", "byline.by_line.v1")),
        (
            [T, P1, P2, "(Reporting by Jake Cordell; editing by Guy Faulconbridge)"],
            ("Jake Cordell", "byline.by_line.v1"),
        ),
        ([T, P1, "By the way, the council never replied to questions about the cost.", P2], None),
        (
            [T, P1, "Buses will run every ten minutes by day and every half hour by night.", P2],
            None,
        ),
        ([T, P1, P2], None),
        pytest.param([T, P1, "By Tuesday, the river had risen two metres.", P2], None),
    ],
)
def test_metadata_byline(page, expected):
    assert field("byline", *page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ([T, "MOSCOW (Sputnik) - " + P1, P2], ("MOSCOW", "dateline.place.v3")),
        (
            [T, "LENTISSE, 11 March 2025 (Meridian Wire) – " + P1, P2],
            ("LENTISSE", "dateline.place.v3"),
        ),
        ([T, "NEW YORK, March 3 (Reuters) - " + P1, P2], ("NEW YORK", "dateline.place.v3")),
        ([T, "LENTISSE, Calif. – " + P1, P2], ("LENTISSE, Calif.", "dateline.place.v3")),
        ([T, "LENTISSE -- " + P1, P2], ("LENTISSE", "dateline.place.v3")),
        ([T, "EL PARDO _ " + P1, P2], ("EL PARDO", "dateline.place.v3")),
        ([T, "ORVESK 2025-03-11", P1, P2], ("ORVESK", "dateline.place.v3")),
        (
            [T, "DUBAI, United Arab Emirates (Reuters) - " + P1, P2],
            ("DUBAI, United Arab Emirates", "dateline.place.v3"),
        ),
        (
            [T, "PORT MORESBY, Papua New Guinea (AP) — " + P1, P2],
            ("PORT MORESBY, Papua New Guinea", "dateline.place.v3"),
        ),
        (
            [T, "SARAJEVO, Bosnia and Herzegovina (AP) - " + P1, P2],
            ("SARAJEVO, Bosnia and Herzegovina", "dateline.place.v3"),
        ),
        ([T, WIRE_CAPS, P2], ("WASHINGTON", "dateline.place.v3")),
        ([T, "FRANKFURT (Reuters) - ECB...", P1, P2], ("FRANKFURT", "dateline.place.v3")),
        # the first of the story's first two paragraphs that opens with one
        ([T, P1, "LENTISSE (Reuters) - " + P2], ("LENTISSE", "dateline.place.v3")),
        ([T, P1, P2, "LENTISSE (Reuters) - " + P3], None),
        ([T, "STRIKE OVER - DOCKS REOPEN AT DAWN", P1, P2], None),  # a headline in capitals
        ([T, "(Reuters) – " + P1, P2], None),  # an agency but no place
        ([T, "On Monday - " + P1, P2], None),
        ([T, P1, P2], None),
        ([T, P1, P2, "USA - China trade talks resumed on Monday in Geneva, officials said."], None),
    ],
)
def test_metadata_dateline(page, expected):
    assert field("dateline", *page) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ([T, "By richardbrown // 2024-07-10", P1, P2], ("2024-07-10", "published.byline.v1")),
        (
            [T, "Wang Yi - Sputnik International, 1920, 19.09.2023", P1, P2],
            ("2023-09-19", "published.credit_line.v1"),
        ),
        (
            [T, "LENTISSE, 11 March 2025 (Meridian Wire) – " + P1, P2],
            ("2025-03-11", "published.dateline.v3"),
        ),
        ([T, "Published 3 March 2024", P1, P2], ("2024-03-03", "published.head_date.v1")),
        ([T, "Updated 14:05, 3 March 2024", P1, P2], ("2024-03-03", "published.head_date.v1")),
        (
            [T, P1, P2, P3, "Protesters in Lentisse on Wednesday, September 20. Photo: AP"],
            ("2023-09-20", "published.caption_weekday.v1"),
        ),
        # order of trust: byline < credit line < dateline < head date < caption weekday
        (
            [T, "By Jane Smith | 3 March 2024", "Updated 4 March 2024", P1, P2],
            ("2024-03-03", "published.byline.v1"),
        ),
        (
            [
                T,
                "Updated 4 March 2024",
                "Wang Yi - Sputnik International, 1920, 19.09.2023",
                P1,
                P2,
            ],
            ("2023-09-19", "published.credit_line.v1"),
        ),
        (
            [T, "Updated 4 March 2024", "LENTISSE, 11 March 2025 (Meridian Wire) – " + P1, P2],
            ("2025-03-11", "published.dateline.v3"),
        ),
        # the dateline's own date, not one in the story after it
        ([T, SIGNED.format(""), P2], None),
        ([T, SIGNED.format(", March 5"), P2], None),  # the dateline's date has no year
        ([T, SIGNED.format(", March 5, 2021"), P2], ("2021-03-05", "published.dateline.v3")),
        # a date in the story that is not the article's
        ([T, P1, P2, "The plant closed on 12 June 2019 after a fire in its boiler room."], None),
        (
            [T, P1, P2, P3, "The vote was held on Wednesday, September 20, in the old town hall."],
            None,
        ),
        (
            [
                T,
                P1,
                (
                    "A report published on 4 May 2021 found that buses in the eastern districts "
                    "ran late on more than half of all weekday mornings."
                ),
                P2,
            ],
            None,
        ),
        ([T, P1, P2], None),
        pytest.param([T, P1, "The plant closed on 12 June 2019.", P2], None),
        pytest.param([T, "The plant that closed on 12 June 2019 will reopen.", P1, P2], None),
    ],
)
def test_metadata_published(page, expected):
    assert field("published", *page) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (P1, "en"),
        (
            "Le conseil municipal de Lentisse a voté mardi pour ajouter trois lignes de bus "
            "dans les quartiers est.",
            "fr",
        ),
        (
            "Der Stadtrat von Lentisse hat am Dienstag beschlossen, drei neue Buslinien in den "
            "östlichen Bezirken einzurichten.",
            "de",
        ),
        (
            "Совет во вторник проголосовал за расширение автобусной сети в трёх районах города.",
            "ru",
        ),
        (T, None),  # fewer than 10 words: too little to tell
        ("", None),
    ],
)
def test_metadata_language(text, expected):
    found = extract_language(text)
    assert (found.value if found else None) == expected
    assert found is None or found.rule == "language.langid.v1"


@pytest.mark.parametrize(
    ("page", "name", "expected_line"),
    [
        ([T, "By Jane Smith", P1, P2], "byline", 2),
        ([T, "By Jane Smith", P1, P2], "title", 1),
        ([T, "", "MOSCOW (Sputnik) - " + P1, P2], "outlet", 3),
        ([T, P1, P2, "(Reporting by Jake Cordell; editing by Guy Faulconbridge)"], "byline", 4),
    ],
)
def test_metadata_field_names_raw_line(page, name, expected_line):
    found = getattr(text_metadata(clean_text("\n".join(page)), REFERENCE), name)
    assert found.line == expected_line
    assert found.evidence == page[expected_line - 1][:200]
