"""Where the story is: the densest run of sentence lines, its headline, its end.

A story is a run of prose lines; menus, teasers and footers are runs of short
lines that do not end sentences. Each line gets a weight (positive for prose,
negative for the rest) and the story is the run with the largest total (the
maximum-sum subarray), so short story lines ("However, progress has been
slow.") are kept because they sit among prose, and a long teaser list around
the story is left out because it does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import WORD, Line

# Tuned on the boilerplate-l3s dev split (see BENCHMARKS.md); kept coarse.
PROSE_MIN_WORDS = 4
WORD_CAP = 60
NON_PROSE_PENALTY = 6
RULE_PENALTY = 10
TEASER_MIN_WORDS = 7
TITLE_WINDOW = 8
TITLE_MAX_WORDS = 30
TITLE_CONTEXT = 8
TITLE_CONTEXT_WORDS = 200
TITLE_MIN_SHARE = 0.15
BULLET_MIN_WORDS = 8
BULLETS = "•·▪●■◦‣-–*"

BARRIER = float("-inf")  # a story never runs across "More stories:"
FOOTER_MARKER = "footer.marker.v1"
OUTSIDE = "outside_story.v1"
TEASER = "related.headline.v1"
LABEL = "section.label.v1"
AFTER_FOOTER = "footer.after_marker.v1"


@dataclass(frozen=True)
class Region:
    """Indices into the line list: the story runs from ``start`` to ``end``
    inclusive; ``title`` is the headline line above it, if one was found."""

    start: int
    end: int
    title: int | None


def is_prose(line: Line) -> bool:
    """A sentence, or a summary bullet (standfirsts often drop the full stop)."""
    if line.text[0] in BULLETS:
        return line.words >= BULLET_MIN_WORDS
    return line.ends_sentence and line.words >= PROSE_MIN_WORDS


def is_label(line: Line) -> bool:
    """A section name ("World", "Diplomacy"): one or two words, no sentence."""
    return line.words <= 2 and not line.ends_sentence and line.text[0].isalpha()


def weight(line: Line, reason: str | None) -> float:
    if reason == FOOTER_MARKER:
        return BARRIER
    if reason is not None:
        return -RULE_PENALTY
    if is_prose(line):
        return min(line.words, WORD_CAP)
    return -NON_PROSE_PENALTY


def densest_run(weights: list[float]) -> tuple[int, int] | None:
    """The maximum-sum contiguous run (Kadane), or None if nothing is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0 or w == BARRIER:
            total, start = 0.0, i
        if w == BARRIER:
            continue
        total += w
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.casefold()) if len(w) > 3}


def find_title(lines: list[Line], reasons: list[str | None], start: int) -> int | None:
    """The headline: the nearest headline-like line above the story that shares
    enough words with its opening paragraphs (menus and promos share none)."""
    opening_words = " ".join(l.text for l in lines[start:start + TITLE_CONTEXT]).split()
    opening = _content_words(" ".join(opening_words[:TITLE_CONTEXT_WORDS]))
    for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1):
        line = lines[i]
        if reasons[i] is not None or not 3 <= line.words <= TITLE_MAX_WORDS or line.ends_sentence:
            continue
        words = _content_words(line.text)
        if words and len(words & opening) / len(words) >= TITLE_MIN_SHARE:
            return i
    return None


def find_region(lines: list[Line], reasons: list[str | None]) -> Region | None:
    span = densest_run([weight(l, r) for l, r in zip(lines, reasons)])
    if span is None:
        return None
    return Region(span[0], span[1], find_title(lines, reasons, span[0]))


def inside_reason(line: Line) -> str | None:
    """Inside the story, a long headline-like line is a teaser for another story;
    a short one is a subheading and stays; a one- or two-word label goes."""
    if line.ends_sentence or is_prose(line):
        return None
    if line.words <= 2:
        return LABEL
    return TEASER if line.words >= TEASER_MIN_WORDS else None


def story_reasons(lines: list[Line], reasons: list[str | None]) -> tuple[list[str | None], int | None]:
    """Final reason per line (None = keep) and the index of the title line."""
    region = find_region(lines, reasons)
    if region is None:
        return [r or OUTSIDE for r in reasons], None
    footer_seen = False
    final: list[str | None] = []
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        footer_seen = footer_seen or (i > region.end and reason == FOOTER_MARKER)
        if reason is not None:
            final.append(reason)
        elif region.start <= i <= region.end:
            final.append(inside_reason(line))
        elif region.title is not None and region.title <= i < region.start:
            final.append(None)  # the headline and what stands under it: byline, date

        else:
            final.append(AFTER_FOOTER if footer_seen else OUTSIDE)
    return final, region.title
