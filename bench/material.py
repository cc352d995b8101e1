"""The material of the synthetic corpora: real news texts as sentences.

    from material import real_texts  # with bench/ on sys.path

Every English text of four or more sentences (``newsweave.link.sentences.split``, each
sentence's white space folded), each once, in: reuse-meter (newspaper articles, and PA
wire copy unwrapped by ``reuse_meter.pa_text``), clustering-ecbplus dev, extraction-html
gold bodies (its Korean, Russian, Portuguese and Italian pages left out), quotes-polnear
dev, the TempEval-3 AQUAINT files (tags out) and the five seeds: 1,166 texts, 23,515
sentences. A headline line opening a text becomes its ``title``; editors' notes before it,
a byline after it, control characters and one-word lines (PA's "end", "mfl") go. Texts of
one real story (a METER story, an ECB+ sub-topic, the seeds) share a ``family``.

Benchmark data, for benchmark corpora (``corpus.py``) and timing (``link_cost.py``)
only: never shipped.
"""

from __future__ import annotations

import functools
import gzip
import html
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuse_meter import pa_text  # noqa: E402

from newsweave.link import sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "../shared/bench"
SEEDS = ROOT / "../shared/seeds"
MIN_SENTENCES = 4


@dataclass(frozen=True)
class Text:
    """One real text: its sentences, and the headline it came with, if any."""

    name: str
    family: str
    sentences: tuple[str, ...]
    title: str | None = None


_TAG = re.compile(r"<[^>]+>")
_AP_DATELINE = re.compile(r"(_|--)\s*\n\s*\n\s*")
_TML_PART = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)
_STOPPED = re.compile(r"""[.!?:;…]["'”’)\]]*$""")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"\w+")
_COMMON = frozenset("the of and to a in is that for on was with he said it at by as from".split())
_END = re.compile(r"\W+$")
_NOTE = re.compile(r"^\([^()]*\)$")
_BYLINE = re.compile(r"^By [A-Z][^.]{0,80}$")


def _text(name: str, family: str, raw: str, title: str | None = None) -> Text:
    """Split ``raw`` into sentences. A first line with no stop and at most 16 words is
    its headline, unless a title is given (a first line repeating it goes). Editors'
    notes before it ("(corrected repetition)") go, as do a byline after it, control
    characters and one-word lines (PA's "end", "mfl")."""
    raw = _CONTROL.sub("", raw)
    split = [" ".join(raw[a:b].split()) for a, b in sentences.split(raw)]
    split = [s for s in split if len(s.split()) > 1]
    while split and _NOTE.match(split[0]):
        split.pop(0)
    if split and title and _END.sub("", split[0]) == _END.sub("", title):
        split.pop(0)
    if title is None and len(split) > 1 and _is_headline(split[0]):
        title = split.pop(0)
    title = title.capitalize() if title and _shouting(title) else title
    if split and _BYLINE.match(split[0]):
        split.pop(0)
    return Text(name, family, tuple(split), title)


def _is_headline(line: str) -> bool:
    return not _STOPPED.search(line) and len(line.split()) <= 16


def _shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _jsonl(path: Path) -> Iterator[dict]:
    with (gzip.open if path.suffix == ".gz" else open)(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _meter() -> Iterator[Text]:
    for r in _jsonl(BENCH / "reuse-meter/articles.jsonl.gz"):
        yield _text(f"meter/{r['id']}", f"meter/{r['story']}", r["text"])
    for r in _jsonl(BENCH / "reuse-meter/pa.jsonl.gz"):
        yield _text(f"meter-pa/{r['id']}", f"meter/{r['story']}", pa_text(r["text"]))


def _others() -> Iterator[Text]:
    for r in _jsonl(BENCH / "clustering-ecbplus/dev.jsonl.gz"):
        yield _text(f"ecbplus/{r['id']}", f"ecbplus/{r['subtopic']}", r["text"])
    for r in _jsonl(BENCH / "extraction-html/gold.jsonl"):
        yield _text(f"html/{r['id'][:12]}", f"html/{r['id'][:12]}", r["articleBody"])
    for r in _jsonl(BENCH / "quotes-polnear/dev.jsonl"):
        yield _text(f"polnear/{r['id']}", f"polnear/{r['id']}", r["text"], r.get("title"))
    for path in sorted((BENCH / "timex-tempeval3/dev").glob("*.tml")):
        parts = dict(_TML_PART.findall(path.read_text(encoding="utf-8")))
        body = html.unescape(_TAG.sub("", parts["TEXT"])).replace("``", '"').replace("''", '"')
        body = _AP_DATELINE.sub(r"\1 ", body)  # "MIAMI _" stands on a line of its own
        title = " ".join(_TAG.sub("", parts.get("TITLE", "")).split()) or None
        yield _text(f"tempeval/{path.stem}", f"tempeval/{path.stem}", body, title)
    for path in sorted(SEEDS.glob("*.txt")):
        yield _text(f"seeds/{path.stem}", "seeds", path.read_text(encoding="utf-8"))


@functools.cache
def real_texts() -> tuple[Text, ...]:
    """Every real English text used as material, in a fixed order, each once (METER
    files one PA text under two stories)."""
    texts: dict[tuple[str, ...], Text] = {}
    for text in (*_meter(), *_others()):
        if len(text.sentences) >= MIN_SENTENCES and _english(text):
            texts.setdefault(text.sentences, text)
    return tuple(texts.values())


def _english(text: Text) -> bool:
    """Common English words make a tenth of the words, and nearly all letters are ASCII
    (extraction-html has Korean, Russian, Portuguese and Italian pages)."""
    body = " ".join(text.sentences)
    words = _WORD.findall(body.casefold())
    letters = [c for c in body if c.isalpha()]
    common = sum(w in _COMMON for w in words) >= 0.1 * len(words)
    return common and sum(not c.isascii() for c in letters) <= 0.05 * len(letters)


@functools.cache
def _families() -> dict[str, tuple[int, ...]]:
    members: dict[str, list[int]] = {}
    for i, text in enumerate(real_texts()):
        members.setdefault(text.family, []).append(i)
    return {family: tuple(m) for family, m in members.items()}


def related(text: Text, rng: random.Random) -> Text:
    """Another text of the same real story if the material has one, else of another."""
    material = real_texts()
    kin = [i for i in _families()[text.family] if material[i] is not text]
    return material[rng.choice(kin)] if kin else stranger(text, rng)


def stranger(text: Text, rng: random.Random) -> Text:
    material = real_texts()
    while (other := material[rng.randrange(len(material))]).family == text.family:
        pass
    return other
