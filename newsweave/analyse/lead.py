"""The lead of an article: its first lines, and the first day they name."""

from __future__ import annotations

from typing import Sequence

from ..model import Article, Timex

LEAD_LINES = 3  # the headline, perhaps a standfirst, and the first paragraph


def lead_end(text: str) -> int:
    """Where the lead (the first ``LEAD_LINES`` lines) ends in ``text``."""
    return sum(len(line) + 1 for line in text.split("\n")[:LEAD_LINES])


def lead_day(article: Article, timexes: Sequence[Timex]) -> str | None:
    """The first day the lead names, on or before publication: the day of the
    story's main event."""
    end = lead_end(article.text)
    published = article.meta.value("published")
    for timex in timexes:
        if (
            timex.start < end
            and timex.precision == "day"
            and timex.value
            and (published is None or timex.value <= published)
        ):
            return timex.value
    return None
