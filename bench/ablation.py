"""Each product rule switched off, one at a time, for the scorers' ``--ablate``.

A rule's share on a half is the figure with every rule minus the figure without
that one (DEVELOPERS.md: a rule stays only if it also helps the check half).
The switches replace a module attribute for the length of a ``with`` block and
put it back after; the product itself has no switches, so the scorers measure
exactly the code ``newsweave analyze`` runs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from functools import partial

import newsweave.clean.html as html
import newsweave.clean.region as region
import newsweave.clean.rules as rules


def _line_rule(name: str) -> Callable:
    """The HTML line rule stored as ``html.<name>`` (``html.RULE_NAMES``)."""
    for rule, stored in html.RULE_NAMES.items():
        if stored == f"html.{name}":
            return rule
    raise KeyError(name)


def _without_line_rule(name: str) -> list[tuple[object, str, object]]:
    rule = _line_rule(name)
    return [(html, "LINE_RULES", tuple(r for r in html.LINE_RULES if r is not rule))]


def _bare_extraction(**forced):
    """trafilatura with ``forced`` options over the ones the product passes."""
    original = html.bare_extraction
    return [
        (html, "bare_extraction", lambda *args, **options: original(*args, **{**options, **forced}))
    ]


def _noop(*_, **__):
    return None


# Each switch: the (module, attribute, replacement) triples that turn one rule off.
EXTRACTION: dict[str, Callable[[], list]] = {
    "favor_precision": lambda: _bare_extraction(favor_precision=False),
    "precision-fallback.v1": lambda: [
        (html, "_trafilatura_lines", lambda tree, url: html._lines(tree, url, favor_precision=True))
    ],
    "embeds.v1": lambda: [(html, "_keep_embedded_posts", _noop)],
    "continued-body.v1": lambda: [(html, "continued_body", lambda tree, lines: [])],
    **{
        name: partial(_without_line_rule, name)
        for name in ("headline.v2", "related.v1", "promo.v1", "dateline.v1", "tags.v1")
    },
}

PUBDATE: dict[str, Callable[[], list]] = {
    "itemprop-published.v1": lambda: [(html, "_itemprop_published", lambda tree: None)],
    "url-vs-meta.v1": lambda: [(html, "_from_url", lambda day, tree, url: False)],
    "modified-fallback.v2": lambda: [(html, "_modified_days", lambda tree: set())],
}


def _without_text_rule(name: str) -> list[tuple[object, str, object]]:
    kept = tuple(r for r in rules.LINE_RULES if r.name != name)
    if len(kept) == len(rules.LINE_RULES):
        raise KeyError(name)
    return [(rules, "LINE_RULES", kept)]


CLEANING: dict[str, Callable[[], list]] = {
    **{rule.name: partial(_without_text_rule, rule.name) for rule in rules.LINE_RULES},
    "resume-across-blocks": lambda: [
        (region, "resumed", lambda lines, reasons, edge, step, story: (edge, set()))
    ],
    "inside-story-labels": lambda: [(region, "inside_reason", lambda line: None)],
    "headline-by-share": lambda: [(region, "find_title", lambda *a: None)],
}


@contextlib.contextmanager
def without(switches: dict[str, Callable[[], list]], name: str) -> Iterator[None]:
    """Run the block with rule ``name`` of ``switches`` turned off."""
    patches = switches[name]()
    for module, attr, _ in patches:  # a renamed function would make the switch a silent no-op
        if not hasattr(module, attr):
            raise AttributeError(f"switch {name!r}: {module.__name__} has no {attr!r}")
    saved = [(module, attr, getattr(module, attr)) for module, attr, _ in patches]
    try:
        for module, attr, value in patches:
            setattr(module, attr, value)
        yield
    finally:
        for module, attr, value in saved:
            setattr(module, attr, value)


def shares(switches: dict[str, Callable[[], list]], figure: Callable[[], float]) -> dict:
    """``{rule: figure with all rules - figure without it}``, with ``all`` itself."""
    full = figure()
    result = {"all": full}
    for name in switches:
        with without(switches, name):
            result[name] = round(full - figure(), 4)
    return result


__all__ = ["CLEANING", "EXTRACTION", "PUBDATE", "shares", "without"]
