"""Main text and metadata of one HTML page.

trafilatura finds the article body and htmldate the date candidates; the rules
here correct what those two get wrong on news pages. Each rule was measured on
the extraction-html and pubdate-html development splits (``bench/``) and kept
only if it helped there without fitting single pages.
"""

from __future__ import annotations

import json
import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, timedelta

from htmldate import find_date
from htmldate.extractors import try_date_expr
from htmldate.validators import get_max_date, get_min_date
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from newsweave.model import Field

from . import promos
from .lines import WORD

# trafilatura and htmldate log every discarded page at WARNING or ERROR; a
# library caller gets empty text instead, so the noise only hides real errors.
for _name in ("trafilatura", "htmldate", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class HtmlLine:
    """One line of what trafilatura (or ``continued-body.v1``) gave, and the rule
    that dropped it from the main text (None: kept)."""

    text: str
    rule: str | None = None


@dataclass(frozen=True)
class HtmlExtract:
    text: str  # main article text, title not included; paragraphs separated by "\n"
    title: str | None
    author: str | None
    sitename: str | None
    published: Field | None
    language: str | None  # ISO 639-1, only when the page declares it
    # Every extracted line in page order, kept or dropped; the lines kept are ``text``.
    lines: tuple[HtmlLine, ...] = ()


_EMPTY = HtmlExtract("", None, None, None, None, None)


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """The article text and metadata of ``html``; never raises on bad markup."""
    tree = _parse(html)
    if tree is None:
        return _EMPTY
    title, author, sitename = _metadata(tree)
    lines = main_lines(tree, url=url, title=title)
    return HtmlExtract(
        text="\n".join(line.text for line in lines if line.rule is None),
        title=title,
        author=author,
        sitename=sitename,
        published=published_date(tree, url=url),
        language=page_language(tree),
        lines=lines,
    )


def _parse(html: str) -> HtmlElement | None:
    if not html or not html.strip():
        return None
    try:
        return load_html(html)
    except (ValueError, TypeError):  # lxml rejects some byte soups outright
        return None


def _metadata(tree: HtmlElement) -> tuple[str | None, str | None, str | None]:
    """Title, author and site name, as trafilatura reads them (meta, JSON-LD, markup)."""
    try:
        meta = extract_meta_json(tree, examine_meta(tree))
    except (ValueError, TypeError, KeyError, AttributeError):  # json_metadata.py bugs
        meta = examine_meta(tree)
    title = meta.title or extract_title(tree)
    author = meta.author or extract_author(tree)
    sitename = meta.sitename or extract_sitename(tree)
    return title or None, author or None, (sitename or "").lstrip("@") or None


# ---------------------------------------------------------------- main text


def main_lines(
    tree: HtmlElement, *, url: str | None = None, title: str | None = None
) -> tuple[HtmlLine, ...]:
    """Every line trafilatura found, each with the line rule that dropped it (or None)."""
    prepared = deepcopy(tree)
    _keep_embedded_posts(prepared)
    lines = _trafilatura_lines(prepared, url)
    if not lines:
        return ()
    lines += continued_body(tree, lines)
    return apply_line_rules(lines, tree=tree, title=title)


PRECISION_KEPT = 0.5  # precision-fallback.v1: the share of the default's text it must keep


def _trafilatura_lines(tree: HtmlElement, url: str | None) -> list[str]:
    """The body's lines as trafilatura reads them with ``favor_precision``
    (+0.9 F1 on extraction-html dev before the halves, 0.9548 -> 0.9639; it
    raised recall too), unless that keeps less than half the text of
    trafilatura's default reading (``precision-fallback.v1``): then the
    precise reading cut the article itself, and the default is taken.
    Comments are never part of an article body."""
    precise = _lines(tree, url, favor_precision=True)
    default = _lines(tree, url, favor_precision=False)
    if sum(map(len, precise)) < PRECISION_KEPT * sum(map(len, default)):
        return default
    return precise


def _lines(tree: HtmlElement, url: str | None, *, favor_precision: bool) -> list[str]:
    doc = bare_extraction(
        tree,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        with_metadata=False,
    )
    if doc is None or doc.body is None:
        return []
    lines = [line.strip() for line in xmltotxt(doc.body, False).split("\n")]
    return [line for line in lines if line]


_EMBED_WRAPPER = re.compile(r"social|embed|share", re.I)


def _keep_embedded_posts(tree: HtmlElement) -> None:
    """embeds.v1: quoted tweets and Instagram posts are part of the story, but
    their wrappers carry "social"/"embed" classes that trafilatura discards."""
    posts = tree.xpath(
        '//blockquote[contains(@class, "twitter-tweet") or contains(@class, "instagram-media")]'
    )
    for post in posts:
        for ancestor in list(post.iterancestors())[:3]:
            if _EMBED_WRAPPER.search(ancestor.get("class", "") + ancestor.get("id", "")):
                ancestor.set("class", "quoted-post")
                ancestor.attrib.pop("id", None)


_PROSE_END = re.compile(r"[.!?…][\"”’»)]*$")


def continued_body(tree: HtmlElement, lines: list[str]) -> list[str]:
    """continued-body.v1: some sites cut the body into several containers with the
    same class, split by ads; trafilatura keeps the first. Paragraphs of later
    containers that repeat the class of the first one and of its parent are added."""
    first = _container_of(tree, lines)
    if first is None:
        return []
    parent = first.getparent()
    seen = " ".join(word for line in lines for word in _words(line))
    added = []
    for other in _later(first):
        other_parent = other.getparent()
        if other_parent is None or other_parent.get("class") != parent.get("class"):
            continue
        for para in other.iterchildren("p"):
            text = " ".join(para.text_content().split())
            # prose only: a teaser block in the same container ends without a full stop
            if _PROSE_END.search(text) and " ".join(_words(text)) not in seen:
                added.append(text)
    return added


def _container_of(tree: HtmlElement, lines: list[str]) -> HtmlElement | None:
    """The classed element holding the paragraph that is the first long line."""
    target = next((_words(line) for line in lines if len(WORD.findall(line)) >= 12), None)
    if target is None:
        return None
    for para in tree.iter("p"):
        if _words(para.text_content()) == target:
            parent = para.getparent()
            grand = parent.getparent() if parent is not None else None
            ok = grand is not None and parent.get("class") and grand.get("class")
            return parent if ok else None
    return None


def _later(first: HtmlElement) -> list[HtmlElement]:
    """Elements after ``first`` in the page with its tag and class, outside it."""
    found, after = [], False
    for element in first.getroottree().iter(first.tag):
        if element is first:
            after = True
        elif (
            after
            and element.get("class") == first.get("class")
            and first not in element.iterancestors()
        ):
            found.append(element)
    return found


# ---------------------------------------------------------------- line rules
# Each takes the list of text lines the rules before it kept (``tree`` is the
# untouched page) and returns the positions of the lines it drops.


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in WORD.findall(text))


def _title_candidates(tree: HtmlElement, title: str | None) -> set[tuple[str, ...]]:
    """Every way the page states its headline: metadata, <title> and its parts, h1."""
    texts = [title or ""]
    texts += tree.xpath('//meta[@property="og:title" or @name="twitter:title"]/@content')
    texts += [" ".join(h1.text_content().split()) for h1 in tree.iter("h1")]
    for element in tree.iter("title"):
        whole = element.text_content()
        texts += [whole, *re.split(r"\s[|\-–—:»]\s", whole)]
    return {words for words in map(_words, texts) if words}


KICKER_MAX_WORDS = 3


def drop_headline(lines: list[str], *, tree: HtmlElement, title: str | None) -> set[int]:
    """headline.v2: the headline is not body text, but trafilatura keeps it
    when it sits inside the article container (18 of 92 dev pages), sometimes
    under a kicker ("Business") that goes with it."""
    candidates = _title_candidates(tree, title)
    matches = [i for i, line in enumerate(lines[:3]) if _words(line) in candidates]
    if not matches:
        return set()
    last = matches[-1]
    if all(i in matches or len(_words(lines[i])) <= KICKER_MAX_WORDS for i in range(last)):
        return set(range(last + 1))
    return {0} if matches[0] == 0 else set()


# Lines that introduce links to other stories; what follows them as a list goes too.
_RELATED = re.compile(r"^" + promos.any_of(*promos.HTML_RELATED) + r"\s*(?::|\.\.\.|…|$)", re.I)
# Calls to act and credit lines that close an article but are not its text.
_PROMO = re.compile(
    r"\b" + promos.any_of(*promos.HTML_CALLS) + r"\b"
    r"|^" + promos.any_of(*promos.HTML_CREDIT_OPENINGS) + r"\b",
    re.I,
)


def drop_related_links(lines: list[str], **_: object) -> set[int]:
    """related.v1: "Related: ..." / "READ MORE" lines and the link list after them."""
    dropped, in_list = set(), False
    for i, line in enumerate(lines):
        if len(line) < 150 and _RELATED.match(line):
            in_list = True
        elif not (in_list and line.startswith("- ")):
            in_list = False
            continue
        dropped.add(i)
    return dropped


def drop_promos(lines: list[str], **_: object) -> set[int]:
    """promo.v1: short newsletter, subscription, contact and credit lines."""
    return {
        i for i, line in enumerate(lines) if len(WORD.findall(line)) <= 40 and _PROMO.search(line)
    }


_TIME_OR_DATE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
)
_READING_TIME = re.compile(
    r"^(reading time|tempo de leitura|lesezeit|temps de lecture)\b"
    r"|^\d+\s*min(ute)?s?\s+read$",
    re.I,
)


def drop_datelines(lines: list[str], **_: object) -> set[int]:
    """dateline.v1: a short line at the top or bottom stating when the page was
    published or updated, or its reading time, is page furniture."""

    def furniture(i: int) -> bool:
        line = lines[i]
        edge = i < 3 or i >= len(lines) - 2
        short = len(WORD.findall(line)) <= 14
        return edge and short and bool(_TIME_OR_DATE.search(line) or _READING_TIME.search(line))

    return {i for i in range(len(lines)) if furniture(i)}


def drop_tag_lists(lines: list[str], **_: object) -> set[int]:
    """tags.v1: a "Tags" label and the keyword line after it."""
    dropped, skip_next = set(), False
    for i, line in enumerate(lines):
        if skip_next and len(WORD.findall(line)) <= 60:
            skip_next = False
            dropped.add(i)
            continue
        skip_next = bool(re.fullmatch(r"(tags?|schlagwörter|etiquetas)\s*:?", line, re.I))
        if skip_next or re.match(r"(tags?|schlagwörter|etiquetas)\s*:", line, re.I):
            dropped.add(i)
    return dropped


# link-run.v1 (two or more lines that are each a whole link) was dropped after the
# tune/check split: +0.004 F1 on the extraction-html tune half, 0 on check (BENCHMARKS.md).
LINE_RULES = (drop_headline, drop_related_links, drop_promos, drop_datelines, drop_tag_lists)
# The name each rule's drops are stored under (``Removed.reason``); a docstring
# opens with the same name without "html.".
RULE_NAMES = {
    drop_headline: "html.headline.v2",
    drop_related_links: "html.related.v1",
    drop_promos: "html.promo.v1",
    drop_datelines: "html.dateline.v1",
    drop_tag_lists: "html.tags.v1",
}


def apply_line_rules(
    lines: list[str], *, tree: HtmlElement, title: str | None
) -> tuple[HtmlLine, ...]:
    """The rules in order, each on the lines the ones before kept; every line
    keeps the name of the rule that dropped it."""
    rules: list[str | None] = [None] * len(lines)
    alive = list(range(len(lines)))
    for rule in LINE_RULES:
        dropped = rule([lines[i] for i in alive], tree=tree, title=title)
        for position in dropped:
            rules[alive[position]] = RULE_NAMES[rule]
        alive = [i for position, i in enumerate(alive) if position not in dropped]
    return tuple(HtmlLine(text, rule) for text, rule in zip(lines, rules))


# ---------------------------------------------------------------- language

_LANG = re.compile(r"^([a-z]{2})(?:$|[-_])", re.I)


def page_language(tree: HtmlElement) -> str | None:
    """lang.v1: what the page declares (html lang, content-language, og:locale)."""
    declared = tree.xpath(
        "/html/@lang | /html/@xml:lang"
        ' | //meta[translate(@http-equiv, "CLANGUET", "clanguet")'
        '="content-language"]/@content'
        ' | //meta[@property="og:locale"]/@content'
    )
    for value in declared:
        found = _LANG.match(value.strip())
        if found:
            return found.group(1).lower()
    return None


# ---------------------------------------------------------------- date
# Order: explicit publication markup first, then htmldate's search. Measured on
# pubdate-html dev: htmldate alone picks a "today" date in the navigation or a
# modified date on pages whose microdata states the publication day.

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _parse_day(text: str | None) -> str | None:
    """``YYYY-MM-DD`` from a date expression, within htmldate's plausible range."""
    if not text:
        return None
    found = _ISO_DAY.match(text)
    if found:
        try:
            day = date(*map(int, found.groups()))
        except ValueError:
            return None
        return day.isoformat() if _MIN_DAY <= day <= date.today() + timedelta(days=1) else None
    return try_date_expr(text, "%Y-%m-%d", False, get_min_date(None), get_max_date(None))


_MIN_DAY = date(1995, 1, 1)


def _itemprop_published(tree: HtmlElement) -> Field | None:
    """itemprop-published.v1: schema.org microdata ``datePublished``, written next
    to the visible date, so in the page's own time zone."""
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        raw = element.get("datetime") or element.get("content") or element.text_content()
        day = _parse_day(raw)
        if day:
            return Field(
                value=day,
                rule="html.itemprop-published.v1",
                evidence=f'itemprop="datePublished" {raw.strip()[:60]}',
            )
    return None


_PUBLISHED_META = (
    '//meta[@property="article:published_time" or @property="og:published_time"'
    ' or @name="article:published_time"]/@content'
)


def _meta_published(tree: HtmlElement) -> Field | None:
    """meta-published.v1: Open Graph ``article:published_time`` or JSON-LD
    ``datePublished``: stated publication times, better than a date guessed
    from the URL or the text."""
    for raw in tree.xpath(_PUBLISHED_META) + _jsonld_values(tree, "datePublished"):
        day = _parse_day(raw)
        if day:
            return Field(value=day, rule="html.meta-published.v1", evidence=raw.strip()[:80])
    return None


def _jsonld_values(tree: HtmlElement, key: str) -> list[str]:
    values = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]/text()'):
        try:
            stack = [json.loads(script)]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(item.get(key), str):
                    values.append(item[key])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(reversed(item))
    return values


def _htmldate(tree: HtmlElement, url: str | None, rule: str = "html.htmldate.v1") -> Field | None:
    """htmldate.v1: htmldate's extensive search (metadata, URL, then the text)."""
    found = find_date(deepcopy(tree), url=url, original_date=True, extensive_search=True)
    if not found:
        return None
    return Field(
        value=found,
        rule=rule,
        evidence="htmldate find_date(original_date=True, "
        f"extensive_search=True){' without modified-date tags' if 'modified' in rule else ''}",
    )


def published_date(tree: HtmlElement, *, url: str | None = None) -> Field | None:
    """The day the page was first published, with the rule that chose it."""
    found = _itemprop_published(tree)
    if found:
        return found
    guess, stated = _htmldate(tree, url), _meta_published(tree)
    if guess and not stated and guess.value in _modified_days(tree):
        guess = _htmldate(_without_modified(tree), url, "html.modified-fallback.v2") or guess
    if guess and stated and _from_url(guess.value, tree, url) and _days_apart(guess, stated) > 1:
        return stated
    return guess or stated


_URL_DAY = re.compile(r"(?<!\d)(\d{4})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")


def _from_url(day: str, tree: HtmlElement, url: str | None) -> bool:
    """url-vs-meta.v1: htmldate trusts a date in the URL first, but "/2023/10/3-fragen"
    is a month and a slug, so a stated publication time more than a day away wins.
    Within a day the URL is kept: it is local time, metadata often UTC."""
    urls = [
        url or "",
        *tree.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content'),
    ]
    for found in (_URL_DAY.search(u) for u in urls):
        if found and "-".join(f"{int(n):02d}" for n in found.groups()) == day:
            return True
    return False


_MODIFIED_META = (
    "//meta[re:test(@property|@name|@itemprop|@http-equiv,"
    ' "updated_time|modified|last-modified|dateModified|^date$", "i")]'
)
_RE = {"re": "http://exslt.org/regular-expressions"}


def _modified_days(tree: HtmlElement) -> set[str]:
    values = [m.get("content") for m in tree.xpath(_MODIFIED_META, namespaces=_RE)]
    return {day for day in map(_parse_day, values + _jsonld_values(tree, "dateModified")) if day}


def _without_modified(tree: HtmlElement) -> HtmlElement:
    """modified-fallback.v2: htmldate falls back to a "modified" meta tag before it
    reads the page; without those tags it finds the visible publication date.
    v2 also counts a bare ``<meta name="date">``: on pubdate-html dev it was the
    last-change day on 3 of the 9 pages where this rule fired, and never better
    than the visible date on the other 6."""
    copy = deepcopy(tree)
    for element in copy.xpath(_MODIFIED_META, namespaces=_RE):
        element.getparent().remove(element)
    return copy


def _days_apart(first: Field, second: Field) -> int:
    return abs((date.fromisoformat(first.value) - date.fromisoformat(second.value)).days)
