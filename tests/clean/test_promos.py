"""One promo vocabulary, and the subset each rule takes of it: a phrase one rule reads
and another does not is a measured choice (BENCHMARKS.md, "One promo vocabulary"),
so each row says which of the three rules' patterns match a line."""

from __future__ import annotations

import re

import pytest

from newsweave.clean import html, promos, rules, trim

PATTERNS = {
    "promo.v1": lambda line: bool(rules.PROMO.search(line)),
    "footer.marker.v1": lambda line: bool(rules.FOOTER.search(line)),
    "html.promo.v1": lambda line: bool(html._PROMO.search(line)),
    "html.related.v1": lambda line: bool(html._RELATED.match(line)),
    "promo.sentence.v1": lambda line: bool(trim._PROMO_START.match(line)),
    "promo.sentence.v1 aside": lambda line: bool(trim._RELATED.match(line)),
}


@pytest.mark.parametrize(
    ("line", "readers"),
    [
        # shared phrases, each rule in its own shape
        ("Click here to watch", {"promo.v1", "html.promo.v1", "promo.sentence.v1"}),
        ("Sign up for our newsletter", {"promo.v1", "html.promo.v1", "promo.sentence.v1"}),
        # bare calls: a short extracted line or a sentence's opening, not a scraped line
        ("Sign up", {"html.promo.v1", "promo.sentence.v1"}),
        ("Subscribe", {"html.promo.v1"}),
        ("Head over to Example.news for more", {"promo.v1", "promo.sentence.v1"}),
        ("Read more: Xi arrives in Moscow", {"html.related.v1", "promo.sentence.v1"}),
        ("All rights reserved", {"promo.v1"}),
        ("Reporting by Ann Lee; editing by Bo Ray", {"html.promo.v1"}),
        ("Related stories:", {"footer.marker.v1", "html.related.v1"}),
        ("Recommended", {"html.related.v1"}),
        ("More stories from the region", {"footer.marker.v1"}),
        ("(See also: the vote in March.)", {"promo.sentence.v1 aside"}),
        ("The council voted on Tuesday.", set()),
    ],
)
def test_promos_each_rule_reads_its_subset(line, readers):
    assert {name for name, matches in PATTERNS.items() if matches(line)} == readers


def test_promos_any_of_is_one_group():
    pattern = re.compile(r"^" + promos.any_of("a b", "c") + r"$")
    assert [bool(pattern.match(text)) for text in ("a b", "c", "a bc")] == [True, True, False]
