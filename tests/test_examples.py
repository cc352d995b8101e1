"""The example corpus against its answer key (examples/corpus_key.json)."""

import json
from datetime import date
from pathlib import Path

import pytest

from newsweave.clean import clean
from newsweave.ingest import read_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KEY = json.loads((EXAMPLES / "corpus_key.json").read_text(encoding="utf-8"))
FIELDS = ("outlet", "title", "byline", "dateline", "published", "language")


@pytest.fixture(scope="module")
def articles():
    docs = read_paths([str(EXAMPLES / "corpus")])
    found = {}
    for doc in docs:
        name = str(Path(doc.locator).relative_to(EXAMPLES / "corpus"))
        found[name] = clean(doc, reference=date(2026, 11, 23))
    return found


def test_examples_every_item_read(articles):
    assert sorted(articles) == sorted(KEY["items"])


@pytest.mark.parametrize("item, field", [(i, f) for i in KEY["items"] for f in FIELDS])
def test_examples_metadata(articles, item, field):
    expected = KEY["items"][item].get(field)
    if field == "title" and expected is None:
        return  # a title line may be kept or not where the key names none
    assert articles[item].meta.value(field) == expected


@pytest.mark.parametrize(
    "item, line", [(i, l) for i, v in KEY["items"].items() for l in v["remove"]]
)
def test_examples_boilerplate_removed(articles, item, line):
    assert line not in {l.strip() for l in articles[item].text.splitlines()}


@pytest.mark.parametrize("item, line", [(i, l) for i, v in KEY["items"].items() for l in v["keep"]])
def test_examples_story_kept(articles, item, line):
    assert line in articles[item].text


def test_examples_exact_duplicate_same_id(articles):
    for group in KEY["duplicates"]:
        assert len({articles[name].id for name in group}) == 1


def test_examples_field_line_is_the_raw_line_read(articles):
    """A value read from the text names the raw line it came from, for HTML
    pages too (the page as rendered, not its extracted main text)."""
    read = {
        (item, name): found
        for item, article in articles.items()
        for name in FIELDS
        if (found := getattr(article.meta, name)) and found.line
    }
    assert ("calvora_courier_strike.html", "dateline") in read
    wrong = [
        (item, name, found.line)
        for (item, name), found in read.items()
        if not " ".join(articles[item].raw_text.splitlines()[found.line - 1].split()).startswith(
            " ".join(found.evidence.split())
        )
    ]
    assert wrong == []
