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
NON_PROSE_PENALTY = 20  # 15 until the tune/check split: 20 is better on both halves (BENCHMARKS.md)
RULE_PENALTY = 20
TEASER_MIN_WORDS = 7
LABEL_MAX_WORDS = 1
TITLE_WINDOW = 8
TITLE_MAX_WORDS = 30
TITLE_CONTEXT = 8
TITLE_CONTEXT_WORDS = 200
TITLE_MIN_SHARE = 0.15
STEM = 5
BULLET_MIN_WORDS = 8
BULLETS = "•·▪●■◦‣-–*"

EARLY_SHARE = 0.4
MAX_GAP = 10
CONTINUATION_SHARE = 0.35
BARRIER = float("-inf")  # a story never runs across "More stories:"
FOOTER_MARKER = "footer.marker.v1"
# v2 with prose.long.v1: a text whose only prose is a paragraph that lost its full
# stop (60 words or more, no sentence line anywhere) keeps it; v1 dropped it all.
OUTSIDE = "outside_story.v2"
TEASER = "related.headline.v1"
LABEL = "section.label.v1"
EMBEDDED = "embedded.block.v1"
AFTER_FOOTER = "footer.after_marker.v1"


@dataclass(frozen=True)
class Region:
    """Indices into the line list: the story runs from ``start`` to ``end``
    inclusive; ``title`` is the headline line above it, if one was found;
    ``embedded`` are lines of blocks inside the story that are not part of it."""

    start: int
    end: int
    title: int | None
    embedded: frozenset[int] = frozenset()


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


def densest_run(weights: list[float], offset: int = 0) -> tuple[float, int, int] | None:
    """The maximum-sum contiguous run (Kadane) as (total, first, last), or None
    if nothing is positive; indices are shifted by ``offset``."""
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if best is None or total > best[0]:
            best = (total, start + offset, i + offset)
    return best if best and best[0] > 0 else None


def story_run(weights: list[float]) -> tuple[int, int] | None:
    """The densest run of each stretch between barriers, then the first of
    those that is not much smaller than the largest: stories come before the
    comments and story lists that follow them, which are often longer."""
    cuts = [-1] + [i for i, w in enumerate(weights) if w == BARRIER] + [len(weights)]
    runs = [
        run
        for a, b in zip(cuts, cuts[1:])
        if (run := densest_run(weights[a + 1 : b], a + 1)) is not None
    ]
    if not runs:
        return None
    largest = max(total for total, _, _ in runs)
    total, start, end = next(run for run in runs if run[0] >= EARLY_SHARE * largest)
    return start, end


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, cut to five ("strike" and "strikers" meet)."""
    return {w[:STEM] for w in WORD.findall(text.casefold()) if len(w) > 3}


def find_title(lines: list[Line], reasons: list[str | None], start: int, end: int) -> int | None:
    """The headline: of the headline-like lines just above the story, the one
    sharing the largest part of its words with the opening paragraphs (menus
    and promos share none), the nearest on a tie."""
    opening_words = " ".join(
        l.text for l in lines[start : min(end + 1, start + TITLE_CONTEXT)]
    ).split()
    opening = _content_words(" ".join(opening_words[:TITLE_CONTEXT_WORDS]))
    best, best_share = None, TITLE_MIN_SHARE
    for i in range(start - 1, max(-1, start - 1 - TITLE_WINDOW), -1):
        line = lines[i]
        if reasons[i] is not None or not 3 <= line.words <= TITLE_MAX_WORDS or line.ends_sentence:
            continue
        words = _content_words(line.text)
        share = len(words & opening) / len(words) if words else 0.0
        if share > best_share or (best is None and share >= best_share):
            best, best_share = i, share
    return best


def resumed(
    lines: list[Line], reasons: list[str | None], edge: int, step: int, story: set[str]
) -> tuple[int, set[int]]:
    """How far the story really runs from ``edge`` in direction ``step`` (+1 or
    -1): an embedded block (a photo with its buttons, a teaser card) often cuts
    a story in two, so prose beyond a short gap whose words are the story's own
    is taken back in, block by block. Returns the new edge and the gap lines
    crossed, which are not story."""
    order = range(edge + step, len(lines) if step > 0 else -1, step)
    position, crossed = 0, set()
    while position < len(order):
        gap = position
        while (
            gap < len(order)
            and gap - position < MAX_GAP
            and not is_prose(lines[order[gap]])
            and reasons[order[gap]] != FOOTER_MARKER
        ):
            gap += 1
        block = gap
        while (
            block < len(order) and is_prose(lines[order[block]]) and reasons[order[block]] is None
        ):
            block += 1
        words = _content_words(" ".join(lines[order[i]].text for i in range(gap, block)))
        if block == gap or len(words & story) < CONTINUATION_SHARE * len(words):
            break
        story |= words
        crossed |= {order[i] for i in range(position, gap)}
        edge, position = order[block - 1], block
    return edge, crossed


def find_region(lines: list[Line], reasons: list[str | None]) -> Region | None:
    weights = [weight(l, r) for l, r in zip(lines, reasons)]
    span = story_run(weights)
    if span is None:  # prose.long.v1: with no sentence line at all, a long one is prose
        span = story_run(
            [
                WORD_CAP if r is None and line.words >= WORD_CAP else w
                for line, r, w in zip(lines, reasons, weights)
            ]
        )
    if span is None:
        return None
    story = _content_words(" ".join(l.text for l in lines[span[0] : span[1] + 1]))
    end, after = resumed(lines, reasons, span[1], +1, story)
    start, _ = resumed(lines, reasons, span[0], -1, story)
    # Lines crossed going up are the story's head (byline, date, tags) and are
    # judged like the story's own; lines crossed going down are an embedded block.
    return Region(start, end, find_title(lines, reasons, start, end), frozenset(after))


def inside_reason(line: Line) -> str | None:
    """Inside the story, a long headline-like line is a teaser for another story;
    a short one is a subheading and stays; a one- or two-word label goes."""
    if line.ends_sentence or is_prose(line) or line.words >= WORD_CAP:  # prose.long.v1
        return None
    if line.words <= LABEL_MAX_WORDS:
        return LABEL
    return TEASER if line.words >= TEASER_MIN_WORDS else None


def story_reasons(
    lines: list[Line], reasons: list[str | None]
) -> tuple[list[str | None], int | None]:
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
        elif i in region.embedded:
            final.append(EMBEDDED)
        elif region.start <= i <= region.end:
            final.append(inside_reason(line))
        elif region.title is not None and region.title <= i < region.start:
            final.append(None)  # the headline and what stands under it: byline, date

        else:
            final.append(AFTER_FOOTER if footer_seen else OUTSIDE)
    return final, region.title
