"""Realistic news corpora of any size from real texts, for the scale benchmarks.

    python bench/corpus.py --size 10000 --out corpus.jsonl [--truth truth.jsonl] [--seed 7]
        [--days 365] [--start 2024-01-01]
        [--singletons 0.5] [--copies 0.35] [--rewrites 0.4] [--follow-ups 0.25]

A corpus is a pile of stories. Each story has a base text, a first date (spread evenly
over ``--days`` from ``--start``) and its articles, from fifteen invented outlets with
``.example`` domains (three wires, twelve papers and sites):

- ``original``: the base as a wire filed it; a story of one article is a ``singleton``
  from any outlet;
- ``copy``: the same body under the paper's own title, with its title line, byline or
  standfirst above and its footer below (newsletter calls, copyright notices, credits),
  the same day or the next;
- ``rewrite``: the base with a new first sentence (the lead of another text of the same
  real story where the material has one, else of any other), 20-40 % of the other
  sentences dropped, some adjacent ones swapped, clauses trimmed and words replaced
  from a small fixed map outside quotations, up to two days later;
- ``follow-up``: two to ten days later, a run of another real text (of the same real
  story where there is one), the base's lead reworded as background, and one or two of
  the base's quoted sentences word for word (named speakers first), so the same quote
  recurs across outlets. A story whose base quotes no one gets a rewrite instead.

Half the stories are singletons; the rest have 2-3 articles (62 %), 4-6 (27 %) or 7-10
(11 %), so most stories have one to three articles and some five to ten; the articles
after the original are copies, rewrites and follow-ups in the shares given.

Output: one JSON line per article (``text``, ``title``, ``outlet``, ``published``
``YYYY-MM-DD``, ``url``), sorted by date as a pile arrives, which ``newsweave analyze``
reads. With ``--truth``, a line per article in the same order: its ``url``, ``story``,
``kind``, ``source`` (the original's url; null for originals and singletons), ``base``
and ``family`` (the material texts behind its story's base and the real stories they
come from) and, for follow-ups, the ``quotes`` it carries. A progress line goes to stderr.

Material: the 1,166 real texts of ``material.py`` (reuse-meter newspaper and PA wire
texts, clustering-ecbplus dev, extraction-html gold bodies, quotes-polnear dev,
TempEval-3 and the five seeds: benchmark data, for benchmark corpora only, never
shipped). Each text is a base once; beyond that (about 1,166 stories, 2,800 articles) a
base is a run of 50-80 % of one text with two to five sentences of a text of another
family spliced in, so bases do not repeat exactly, but their sentences do: at 100,000
articles each real sentence is in about thirty bases, and stories sharing material can
link to each other. The truth's ``base`` and ``family`` (texts of one real story share
one) let a scorer tell those links from mistakes.

Streaming: a first pass draws only each story's number of articles, to place the exact
``--size`` over the days; the second plans stories in date order and keeps each plan
(references to material sentences, not texts) only until its last article, at most
``MAX_LAG`` days later, is written; each text is made as it is written. The same seed
gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import heapq
import json
import random
import re
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from material import MIN_SENTENCES, Text, real_texts, related, stranger  # noqa: E402

SEED = 7
DAYS = 365
START = dt.date(2024, 1, 1)
LAGS = {"original": (0, 0), "singleton": (0, 0), "copy": (0, 1), "rewrite": (0, 2)}
LAGS["follow-up"] = (2, 10)
MAX_LAG = max(high for _, high in LAGS.values())
KINDS = ("copy", "rewrite", "follow-up")  # the articles after a story's original


# ------------------------------------------------------------------------- outlets


@dataclass(frozen=True)
class Outlet:
    """An invented outlet: how its headlines read and what it puts around a copy.
    Lines may name ``{title}``, ``{wire}``, ``{date}`` and ``{year}``."""

    name: str
    domain: str
    wire: bool = False
    title: str = "{title}"
    header: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()
    section: str = "news"


OUTLETS = (
    Outlet("Halcyon Wire", "halcyonwire.example", wire=True, section="world"),
    Outlet("Corvane News Agency", "corvane.example", wire=True, section="stories"),
    Outlet("Tessaly Press Service", "tessalypress.example", wire=True),
    Outlet(
        "The Tolverne Gazette",
        "tolvernegazette.example",
        title="{title} | The Tolverne Gazette",
        header=("By Gazette reporters and {wire}",),
        footer=(
            "Sign up for the Tolverne Gazette morning newsletter.",
            "Copyright {year} The Tolverne Gazette. All rights reserved.",
        ),
    ),
    Outlet(
        "Eastmoor Evening Post",
        "eastmoorpost.example",
        title="{title} - Eastmoor Evening Post",
        header=("{title}", "Published {date}"),
        footer=("Follow us on Facebook and X for the latest Eastmoor news.",),
        section="uk-news",
    ),
    Outlet(
        "Kelmsby Herald",
        "kelmsbyherald.example",
        header=("Kelmsby Herald",),
        footer=("This article was supplied by {wire}.", "© {year} Kelmsby Herald Media Ltd"),
    ),
    Outlet(
        "Pellmont Daily",
        "pellmontdaily.example",
        title="{title} | Pellmont Daily",
        footer=(
            "Read more: Pellmont Daily's top stories today",
            "Copyright {year} Pellmont Daily. All rights reserved.",
        ),
    ),
    Outlet(
        "Caskwell Chronicle",
        "caskwellchronicle.example",
        title="{title} – Caskwell Chronicle",
        header=("From {wire}",),
    ),
    Outlet(
        "Norland Ledger",
        "norlandledger.example",
        header=("{title}", "By {wire} | {date}"),
        footer=("Subscribe to the Norland Ledger for full access.",),
        section="national",
    ),
    Outlet(
        "Brackwater Sentinel",
        "brackwatersentinel.example",
        title="{title} | Brackwater Sentinel",
        footer=(
            "Have a story? Email news@brackwatersentinel.example",
            "We use cookies to improve your experience on our site.",
        ),
    ),
    Outlet(
        "Vestry Hill Today",
        "vestryhilltoday.example",
        header=("Vestry Hill Today", "{date}"),
        footer=("Click here to sign up for breaking news alerts.",),
    ),
    Outlet(
        "Quillstone Report",
        "quillstonereport.example",
        title="{title} - Quillstone Report",
        footer=("{wire} contributed to this report.", "All rights reserved."),
        section="politics",
    ),
    Outlet(
        "Orrin Valley Star",
        "orrinvalleystar.example",
        title="{title} | Orrin Valley Star",
        header=("Staff and wire reports",),
        footer=("Download our app for the latest Orrin Valley news.",),
    ),
    Outlet(
        "Saltmarsh Register",
        "saltmarshregister.example",
        footer=("Copyright {year} Saltmarsh Register. All rights reserved.",),
        section="local",
    ),
    Outlet(
        "Fenwick Digest",
        "fenwickdigest.example",
        title="{title} | Fenwick Digest",
        header=("Source: {wire}",),
        footer=("Get the latest news with the Fenwick Digest daily briefing.",),
    ),
)
WIRES = tuple(o for o in OUTLETS if o.wire)
PAPERS = tuple(o for o in OUTLETS if not o.wire)


# ------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Mix:
    """The shape of a pile: the share of one-article stories, the sizes of the rest
    as ``(weight, fewest, most)`` articles, and the weights of the kinds after the
    original."""

    singletons: float = 0.5
    sizes: tuple[tuple[float, int, int], ...] = ((0.62, 2, 3), (0.27, 4, 6), (0.11, 7, 10))
    copies: float = 0.35
    rewrites: float = 0.4
    follow_ups: float = 0.25


@dataclass(frozen=True)
class Piece:
    kind: str
    outlet: Outlet
    day: dt.date


@dataclass
class Story:
    """A story's plan: its base (material sentences, by reference) and its articles."""

    number: int
    texts: tuple[Text, ...]
    base: tuple[str, ...]
    title: str
    quotes: tuple[str, ...]
    wire: Outlet
    layout: int
    pieces: list[Piece] = field(default_factory=list)
    left: int = 0
    origin: str = ""  # the url of its first article


def _size(rng: random.Random, mix: Mix) -> int:
    if rng.random() < mix.singletons:
        return 1
    weights = [w for w, _, _ in mix.sizes]
    _, fewest, most = rng.choices(mix.sizes, weights)[0]
    return rng.randint(fewest, most)


def _shapes(seed: int, mix: Mix) -> Iterator[tuple[int, float]]:
    """Each story's number of articles and where in its slot of days it starts."""
    rng = random.Random(f"{seed}/shapes")
    while True:
        yield _size(rng, mix), rng.random()


def _count_stories(size: int, seed: int, mix: Mix) -> int:
    total, stories = 0, 0
    for count, _ in _shapes(seed, mix):
        if total >= size:
            return stories
        total, stories = total + count, stories + 1
    raise AssertionError("unreachable")


def _base(number: int, rng: random.Random, order: list[int]) -> tuple[tuple[Text, ...], tuple]:
    """The material's texts in turn; once each is used, a run of one spliced with a
    run of a text of another family."""
    material = real_texts()
    main = material[order[number % len(order)]]
    if number < len(order):
        return (main,), main.sentences
    own = main.sentences
    run = max(MIN_SENTENCES, round(len(own) * rng.uniform(0.5, 0.8)))
    at = rng.randrange(len(own) - run + 1)
    graft_text = stranger(main, rng)
    length = rng.randint(2, 5)
    start = rng.randrange(max(1, len(graft_text.sentences) - length + 1))
    graft = graft_text.sentences[start : start + length]
    where = rng.randint(1, run)
    base = (*own[at : at + where], *graft, *own[at + where : at + run])
    return (main, graft_text), base


def _plan(
    number: int, count: int, day: dt.date, rng: random.Random, order: list[int], mix: Mix
) -> Story:
    """Story ``number``: its base, title, quotes and dated, outlet-assigned articles."""
    texts, base = _base(number, rng, order)
    main = texts[0]
    title = main.title if base[0] == main.sentences[0] and main.title else _headline(base[0])
    story = Story(number, texts, base, title, _quotes(base), rng.choice(WIRES), rng.getrandbits(32))
    if count == 1:
        story.pieces.append(Piece("singleton", rng.choice(OUTLETS), day))
    else:
        story.pieces.append(Piece("original", story.wire, day))
    papers = rng.sample(PAPERS, min(count - 1, len(PAPERS)))
    for i in range(count - 1):
        kind = rng.choices(KINDS, (mix.copies, mix.rewrites, mix.follow_ups))[0]
        kind = "rewrite" if kind == "follow-up" and not story.quotes else kind
        lag = rng.randint(*LAGS[kind])
        story.pieces.append(Piece(kind, papers[i % len(papers)], day + dt.timedelta(days=lag)))
    story.left = count
    story.origin = _url(story, 0, title)
    return story


# --------------------------------------------------------------------------- texts

# Quotations as newsweave's quote finder reads them: doubles and curly singles (a
# straight single quote is also an apostrophe, and it reads none).
_QUOTED = re.compile(r'"[^"]{12,}"|“[^”]{12,}”|(?<![\w’])‘[^‘’]{12,}’(?!\w)')
_QUOTATION = re.compile(r'("[^"]*"|“[^”]*”|(?<![\w’])‘[^‘’]*’(?!\w))')
_SPEECH = re.compile(r"\b(?:said|says|told|added|asked|replied|according to)\b")
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+")
_SMALL_WORDS = frozenset(
    "a an the of to in on at for with by from and or but that as his her its their".split()
)
_CREDIT = re.compile(r"^[^()]{0,40}\([^)]{1,40}\)\s*[-–—_:]+\s*")


NAMED, SPOKEN, QUOTED, UNQUOTED = range(4)


@functools.cache
def _quote_rank(sentence: str) -> int:
    """``NAMED``: a quotation with a speech verb and a capitalised word outside it;
    ``SPOKEN``: with a speech verb only; ``QUOTED``: a quotation alone; else ``UNQUOTED``.
    Cached: material sentences recur in many bases."""
    if not _QUOTED.search(sentence):
        return UNQUOTED
    outside = " ".join(_QUOTATION.split(sentence)[::2])
    if not _SPEECH.search(outside):
        return QUOTED
    return NAMED if _NAME.search(outside) else SPOKEN


def _quotes(base: tuple[str, ...]) -> tuple[str, ...]:
    """The base's quoted sentences, those attributed by name first."""
    quoted = [s for s in base if _quote_rank(s) != UNQUOTED]
    return tuple(sorted(quoted, key=_quote_rank))


def _headline(sentence: str) -> str:
    """A headline from a lead: its credit cut, up to ten words, up to a comma after
    five, no small word last, a shouted first word ("SOCCER boss") made plain."""
    words = _CREDIT.sub("", sentence).split()[:10]
    for i, word in enumerate(words[5:], 5):
        if word.endswith((",", ";", ":")):
            words = words[: i + 1]
            break
    while len(words) > 3 and words[-1].casefold() in _SMALL_WORDS:
        words.pop()
    if words and len(words[0]) > 1 and words[0].isupper():
        words[0] = words[0].capitalize()
    return " ".join(words).rstrip(",;:.!?\"'“”‘’ ")


def _paragraphs(lines: list[str] | tuple[str, ...], rng: random.Random) -> str:
    """Sentences in paragraphs of one to three, a blank line between."""
    out, i = [], 0
    while i < len(lines):
        draw = rng.random()
        take = 1 if draw < 0.45 else 2 if draw < 0.85 else 3
        out.append(" ".join(lines[i : i + take]))
        i += take
    return "\n\n".join(out)


SUBSTITUTIONS = {
    "told reporters": "said",
    "more than": "over",
    "per cent": "percent",
    "percent": "per cent",
    "said": "stated",
    "says": "states",
    "about": "around",
    "after": "following",
    "police": "officers",
    "officials": "authorities",
    "government": "administration",
    "nearly": "almost",
    "almost": "nearly",
    "approximately": "about",
    "began": "started",
    "started": "began",
    "children": "youngsters",
    "several": "a number of",
    "quickly": "rapidly",
    "wanted": "sought",
    "buy": "purchase",
    "big": "major",
}
_SUBSTITUTE = re.compile(
    r"\b(" + "|".join(sorted(SUBSTITUTIONS, key=len, reverse=True)) + r")\b", re.I
)
_RELATIVE = re.compile(r", (?:who|which|whose|where)\b[^,\"“”]*,")
SUBSTITUTE_SHARE = 0.5
TRIM_SHARE = 0.3
SWAP_SHARE = 0.12


def _reword(sentence: str, rng: random.Random) -> str:
    """Words of the map replaced, half the time each, outside quotations."""

    def swap(found: re.Match) -> str:
        word = found.group(0)
        if rng.random() >= SUBSTITUTE_SHARE:
            return word
        new = SUBSTITUTIONS[word.casefold()]
        return new[0].upper() + new[1:] if word[0].isupper() else new

    parts = _QUOTATION.split(sentence)
    parts[::2] = [_SUBSTITUTE.sub(swap, part) for part in parts[::2]]
    return "".join(parts)


def _trim(sentence: str) -> str:
    """A relative clause cut, else a last clause after a comma of at most two fifths of
    the words, keeping six or more (never in a quotation)."""
    if _QUOTATION.search(sentence) or "”" in sentence:
        return sentence
    cut = _RELATIVE.sub("", sentence, count=1)
    if cut != sentence:
        return cut
    comma = sentence.rfind(", ")
    kept, words = len(sentence[:comma].split()), len(sentence.split())
    if comma > 0 and sentence.endswith(".") and kept >= 6 and kept >= 0.6 * words:
        return sentence[:comma] + "."
    return sentence


def _rewrite(story: Story, rng: random.Random) -> list[str]:
    """A new lead, 20-40 % of the rest dropped, neighbours swapped, clauses trimmed."""
    rest = list(story.base[1:])
    keep = max(min(len(rest), 2), len(rest) - round(len(rest) * rng.uniform(0.2, 0.4)))
    rest = [rest[i] for i in sorted(rng.sample(range(len(rest)), keep))]
    i = 0
    while i < len(rest) - 1:
        if rng.random() < SWAP_SHARE:
            rest[i], rest[i + 1] = rest[i + 1], rest[i]
            i += 1
        i += 1
    rest = [_trim(s) if rng.random() < TRIM_SHARE else s for s in rest]
    lead = related(story.texts[0], rng).sentences[0]
    return [lead, *(_reword(s, rng) for s in rest)]


def _follow_up(story: Story, rng: random.Random) -> tuple[list[str], tuple[str, ...]]:
    """A run of another text around the base's reworded lead and one or two of its
    quoted sentences (attributed by name first); also the quotes it carries."""
    other = related(story.texts[0], rng).sentences
    length = rng.randint(4, 8)
    at = rng.randrange(max(1, len(other) - length + 1))
    run = list(other[at : at + length])
    named = [q for q in story.quotes if _quote_rank(q) == NAMED] or list(story.quotes[:2])
    quotes = tuple(rng.sample(named, min(len(named), rng.randint(1, 2))))
    background = _reword(_trim(story.base[0]), rng)
    where = rng.randint(1, len(run))
    return [run[0], background, *run[1:where], *quotes, *run[where:]], quotes


# ------------------------------------------------------------------------ articles


def _slug(title: str) -> str:
    return "-".join(re.findall(r"\w+", title.casefold())[:8]) or "story"


def _url(story: Story, index: int, title: str) -> str:
    piece = story.pieces[index]
    return (
        f"https://www.{piece.outlet.domain}/{piece.outlet.section}/{piece.day:%Y/%m/%d}/"
        f"{_slug(title)}-{story.number}-{index}"
    )


def _fill(line: str, story: Story, piece: Piece, title: str) -> str:
    date = f"{piece.day.day} {piece.day:%B %Y}"
    return line.format(title=title, wire=story.wire.name, date=date, year=piece.day.year)


def _original_body(story: Story) -> str:
    return _paragraphs(story.base, random.Random(story.layout))


def _copy_body(story: Story, piece: Piece, title: str) -> str:
    header = [_fill(line, story, piece, title) for line in piece.outlet.header]
    footer = [_fill(line, story, piece, title) for line in piece.outlet.footer]
    return "\n\n".join([*header, _original_body(story), *footer])


def _article(story: Story, index: int, rng: random.Random) -> tuple[dict, dict]:
    """The record of one planned article, and its truth."""
    piece = story.pieces[index]
    quotes: tuple[str, ...] = ()
    if piece.kind in ("original", "singleton"):
        title, text = story.title, _original_body(story)
    elif piece.kind == "copy":
        title = story.title
        text = _copy_body(story, piece, title)
    elif piece.kind == "rewrite":
        title, text = _reword(story.title, rng), _paragraphs(_rewrite(story, rng), rng)
    else:
        lines, quotes = _follow_up(story, rng)
        title, text = _headline(lines[0]), _paragraphs(lines, rng)
    url = story.origin if index == 0 else _url(story, index, title)
    record = {
        "text": text,
        "title": piece.outlet.title.format(title=title),
        "outlet": piece.outlet.name,
        "published": piece.day.isoformat(),
        "url": url,
    }
    return record, _truth(story, index, url, quotes)


def _truth(story: Story, index: int, url: str, quotes: tuple[str, ...]) -> dict:
    kind = story.pieces[index].kind
    truth = {
        "url": url,
        "story": f"story-{story.number}",
        "kind": kind,
        "source": None if index == 0 else story.origin,
        "base": [t.name for t in story.texts],
        "family": [t.family for t in story.texts],
    }
    if quotes:
        truth["quotes"] = list(quotes)
    return truth


def pairs(
    size: int, *, seed: int = SEED, days: int = DAYS, start: dt.date = START, mix: Mix = Mix()
) -> Iterator[tuple[dict, dict]]:
    """Each article's record and its truth, ``size`` in all, sorted by date."""
    stories = _count_stories(size, seed, mix)
    rng = random.Random(f"{seed}/content")
    order = list(range(len(real_texts())))
    rng.shuffle(order)
    pending: list[tuple[int, int, int]] = []  # (day, story, article): a heap
    live: dict[int, Story] = {}
    made = 0
    for number, (count, offset) in zip(range(stories), _shapes(seed, mix)):
        count = min(count, size - made)
        day = start + dt.timedelta(days=int(days * (number + offset) / stories))
        while pending and pending[0] < (day.toordinal(), number):
            yield _emit(heapq.heappop(pending), live, rng)
        story = live[number] = _plan(number, count, day, rng, order, mix)
        for index, piece in enumerate(story.pieces):
            heapq.heappush(pending, (piece.day.toordinal(), number, index))
        made += count
    while pending:
        yield _emit(heapq.heappop(pending), live, rng)


def _emit(
    entry: tuple[int, int, int], live: dict[int, Story], rng: random.Random
) -> tuple[dict, dict]:
    """The article of a heap entry; a story's plan goes with its last article."""
    _, number, index = entry
    story = live[number]
    story.left -= 1
    if not story.left:
        del live[number]
    return _article(story, index, rng)


def generate(size: int, **options) -> Iterator[dict]:
    """The records alone (options as ``pairs``), ready for ``newsweave``'s reader."""
    return (record for record, _ in pairs(size, **options))


# ----------------------------------------------------------------------------- CLI


def write(size: int, out: Path, truth: Path | None = None, **options) -> int:
    """Write ``size`` records to ``out`` (and their truth to ``truth``), with a
    progress line on stderr; options as ``pairs``. Returns the records written."""
    started, step, written = time.perf_counter(), max(1, size // 20), 0
    with ExitStack() as files:
        records = files.enter_context(out.open("w", encoding="utf-8"))
        facts = files.enter_context(truth.open("w", encoding="utf-8")) if truth else None
        for written, (record, fact) in enumerate(pairs(size, **options), 1):
            records.write(json.dumps(record, ensure_ascii=False) + "\n")
            if facts:
                facts.write(json.dumps(fact, ensure_ascii=False) + "\n")
            if written % step == 0:
                seconds = time.perf_counter() - started
                print(f"\r{written:,}/{size:,} articles, {seconds:.1f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return written


def _share(value: str) -> float:
    share = float(value)
    if not 0 <= share <= 1:
        raise argparse.ArgumentTypeError(f"{value} is not a share from 0 to 1")
    return share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True, help="articles to write")
    parser.add_argument("--out", type=Path, required=True, help="JSONL records")
    parser.add_argument("--truth", type=Path, help="JSONL: story, kind, source per article")
    parser.add_argument("--seed", type=int, default=SEED, help="the same seed, the same pile")
    parser.add_argument("--days", type=int, default=DAYS, help="days the first dates span")
    parser.add_argument("--start", type=dt.date.fromisoformat, default=START, help="first day")
    parser.add_argument(
        "--singletons", type=_share, default=Mix.singletons, help="share of one-article stories"
    )
    after = "weight among the articles after an original"
    parser.add_argument("--copies", type=_share, default=Mix.copies, help=after)
    parser.add_argument("--rewrites", type=_share, default=Mix.rewrites, help=after)
    parser.add_argument("--follow-ups", type=_share, default=Mix.follow_ups, help=after)
    args = parser.parse_args(argv)
    if args.size < 0 or args.days < 1:
        parser.error("--size must be 0 or more and --days 1 or more")
    if args.singletons < 1 and not args.copies + args.rewrites + args.follow_ups:
        parser.error(
            "--copies, --rewrites and --follow-ups cannot all be 0 (unless --singletons 1)"
        )
    mix = Mix(args.singletons, Mix.sizes, args.copies, args.rewrites, args.follow_ups)
    write(
        args.size, args.out, args.truth, seed=args.seed, days=args.days, start=args.start, mix=mix
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
