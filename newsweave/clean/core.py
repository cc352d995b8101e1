"""The clean stage's one entry point, ``clean``: a ``RawDoc`` to an ``Article`` with its metadata and what was removed."""

from __future__ import annotations

import dataclasses
from datetime import date

from ..model import Article, Field, Hints, Metadata, RawDoc, Removed, article_id
from .align import Located, Span, dropped_reasons, locate, mapped, page_lines, uncovered
from ..dates import parse_date
from .html import HtmlExtract, extract_html
from .metadata import text_metadata
from .render import render_html
from .text import TextCleaning, clean_text

# v2: a rendered line one of the named HTML rules dropped (``html.headline.v2``,
# ...) now carries that rule's name; v1 marked every line outside the main text.
HTML_LEFT_OUT = "html.not_main_text.v2"


def _hint_fields(hints: Hints, rule: str) -> dict[str, Field]:
    """Hints as metadata fields; a date is normalised, an unreadable one dropped."""
    fields = {}
    for name, key in (
        ("outlet", "outlet"),
        ("title", "title"),
        ("byline", "author"),
        ("published", "published"),
        ("language", "language"),
    ):
        value = getattr(hints, key)
        if name == "published" and value:
            parsed = parse_date(value)
            value = parsed.isoformat() if parsed else None
        if name == "language" and value:
            value = language_code(value)
        if value:
            fields[name] = Field(value=value, rule=rule, evidence=getattr(hints, key))
    return fields


def language_code(tag: str) -> str:
    """The primary subtag of a language tag: "en-GB" and "en_us" are "en"."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def merge(found: Metadata, *layers: dict[str, Field]) -> Metadata:
    """Later layers win over earlier ones and over what the text said."""
    values = {name: getattr(found, name) for name in Metadata.NAMES}
    for layer in layers:
        values.update(layer)
    return Metadata(**values)


def _html_cleaning(doc: RawDoc) -> tuple[str, TextCleaning, dict[str, Field]]:
    """The page's rendered text, its main text as a cleaning, and markup metadata."""
    extract = extract_html(doc.content, url=doc.hints.url)
    raw = render_html(doc.content)
    body = extract.text.strip() or raw
    text = (
        f"{extract.title}\n{body}" if extract.title and not body.startswith(extract.title) else body
    )
    located = locate(raw, text)
    offsets, covered = mapped(raw, located)
    # Datelines and bylines inside the main text are still read by the text rules;
    # their lines are numbered as the page's raw lines they were found at.
    inner = clean_text(text)
    cleaning = dataclasses.replace(
        inner,
        text=text,
        offsets=offsets,
        removed=_html_removed(raw, extract, located, covered),
        page_lines=page_lines(raw, located),
    )
    markup = {
        name: Field(value=value, rule=f"html.{name}.v1")
        for name, value in (
            ("title", extract.title),
            ("byline", extract.author),
            ("outlet", extract.sitename),
            ("language", extract.language and language_code(extract.language)),
        )
        if value
    }
    if extract.published:
        markup["published"] = extract.published
    return raw, cleaning, markup


def _html_removed(
    raw: str, extract: HtmlExtract, located: Located, covered: list[Span]
) -> tuple[Removed, ...]:
    """Every rendered line the main text does not cover, with the HTML rule that
    dropped it, or ``html.not_main_text.v2`` where no named rule did: trafilatura
    left it out, or its text differs from the main text's."""
    kept = [line.text for line in extract.lines if line.rule is None]
    body = located[len(located) - len(kept) :] if kept else []
    spans = [span for _, span in body] if [line.text for line, _ in body] == kept else []
    left_out = uncovered(raw, covered)
    reasons = dropped_reasons(
        raw, left_out, [(line.text, line.rule) for line in extract.lines], spans
    )
    return tuple(Removed(raw[s:e], s, e, reasons.get(s, HTML_LEFT_OUT)) for s, e in left_out)


def clean(doc: RawDoc, *, overrides: Hints = Hints(), reference: date | None = None) -> Article:
    """One raw item to an article; ``overrides`` are the user's own options."""
    reference = reference or date.today()
    if doc.kind == "html":
        raw, cleaning, markup = _html_cleaning(doc)
    else:
        raw, cleaning, markup = doc.content, clean_text(doc.content), {}
    found = text_metadata(cleaning, reference)
    meta = merge(
        found,
        markup,
        _hint_fields(doc.hints, "container.field.v1"),
        _hint_fields(overrides, "user.option.v1"),
    )
    return Article(
        id=article_id(cleaning.text),
        source=doc.locator,
        kind=doc.kind,
        raw_text=raw,
        text=cleaning.text,
        offsets=cleaning.offsets,
        removed=cleaning.removed,
        meta=meta,
        url=doc.hints.url,
    )
