"""web/pages.py: every page kind renders the seeds' real content, as HTML
over the same payload its JSON twin returns."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote

import pytest

from newsweave import api


def visit(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def text_of(html: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/", ["Stories", "3 stories", "2023-09-19 – 2023-09-20", "Sputnik", "Reuters"]),
        ("/?since=2024", ["1 story", "Moscow, Beijing strengthening ties"]),
        ("/?outlet=Reuters", ["1 story", "2023-02-21"]),
        ("/?entity=Wang+Yi", ["2 stories"]),
        ("/?q=Astana", ["1 story", "2024-07-10"]),
        ("/?since=&until=&outlet=&entity=&q=", ["3 stories"]),  # a blank filter form
        (
            "/stories/{september}",
            [
                "Timeline",
                "Articles by outlet",
                "Claims by outlet",
                "Quotations",
                "Who copied whom",
                "3 articles",
            ],
        ),
        ("/articles", ["Articles", "China-Russia ties"]),
        ("/articles/{a000}", ["Metadata", "language.langid.v1", "Built from", "rewritten"]),
        ("/articles/{a002}", ["Sputnik", "Copied or rewritten by"]),
        ("/quotes", ["Quotations", "Nikolai Patrushev"]),
        ("/quotes?speaker=Wang+Yi", ["Wang Yi"]),
        (
            "/quotes/{contain}",
            ["earliest source", "The same words on other occasions (2)", "Reuters", "2023-02-21"],
        ),
        (
            "/entities/Wang%20Yi",
            [
                "Wang Yi",
                "Roles over time",
                "Chinese Foreign Minister",
                "Nikolai Patrushev",
                "Quotations",
                "Events",
            ],
        ),
        ("/entities/person:wang-yi", ["Roles over time"]),
        ("/graph", ["Entity graph", "Vladimir Putin"]),
        ("/graph?entity=Wang+Yi", ["Sergey Lavrov"]),
        ("/search?q=contain", ["3 articles match", "Containment"]),
        ("/search", ["Search"]),
        ("/timeline", ["Timeline", "meeting", "2023-09-19"]),
        ("/timeline?story={september}", ["Patrushev"]),
        ("/claims", ["Claims", "single-origin"]),
        ("/claims?status=single-origin", ["single-origin"]),
        ("/api/v1/docs", ["HTTP API", "GET /api/v1/stories/{story_id}"]),
    ],
)
def test_page_shows_the_seeds(client, seed, path, shown):
    seen = text_of(visit(client, path.format(**seed)))
    for words in shown:
        assert words in seen, (path, words)


def test_every_page_is_responsive_and_links_its_json(client, seed):
    html = visit(client, f"/stories/{seed['september']}")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert f'href="/api/v1/stories/{seed["september"]}"' in html
    assert "@media (max-width" in client.get("/static/style.css").text


def test_story_page_timeline_is_an_svg_chart(client, seed):
    html = visit(client, f"/stories/{seed['september']}")
    chart = html[html.index("<svg viewBox") : html.index("</svg>")]
    assert chart.count("<circle") == 2 and '<rect class="mark' in chart  # dated articles, events
    assert f'href="/articles/{seed["a002"]}"' in chart


def test_story_page_articles_side_by_side_by_outlet(client, seed):
    html = visit(client, f"/stories/{seed['september']}")
    columns = re.findall(r'<div class="column">\s*<h3>([^<]+)<', html)
    assert sorted(c.strip() for c in columns) == ["Sputnik", "unknown"]


def test_story_page_claims_matrix_cells_link_to_their_sentences(client, seed, seeds_store):
    html = visit(client, f"/stories/{seed['september']}")
    matrix = api.story_page(seeds_store, seed["september"])["matrix"]
    assert f'<th class="outlet">{matrix["outlets"][0]}</th>' in html
    for row in matrix["rows"]:
        for cell in row["cells"].values():
            for e in cell:
                assert f'href="/articles/{e["article_id"]}#s{e["start"]}"' in html
        assert f'class="cell st-{row["status"]}"' in html


def test_claim_links_land_on_an_anchor_of_the_article(client, seed, seeds_store):
    matrix = api.story_page(seeds_store, seed["september"])["matrix"]
    target = next(
        e
        for row in matrix["rows"]
        for cell in row["cells"].values()
        for e in cell
        if e["article_id"] == seed["a000"]
    )
    html = visit(client, f"/articles/{seed['a000']}")
    assert f'id="s{target["start"]}"' in html
    assert f'data-s="{target["start"]}"' in html


def test_story_page_quotes_with_speakers_and_copies(client, seed):
    html = visit(client, f"/stories/{seed['september']}")
    quotes = html[html.index('id="quotes"') : html.index('id="copies"')]
    for speaker, name in [
        ("nikolai-patrushev", "Nikolai Patrushev"),
        ("vladimir-putin", "Vladimir Putin"),
    ]:
        assert (
            f'<span class="speaker"><a href="/entities/person%3A{speaker}">{name}</a></span>'
            in quotes
        )
    assert "<q>" in quotes
    copies = html[html.index('id="copies"') : html.index('id="events"')]
    assert f'/articles/{seed["a002"]}"' in copies and f"/articles/{seed['a000']}#rewrite" in copies


def test_article_page_marks_entities_quotes_and_dates(client, seed):
    html = visit(client, f"/articles/{seed['a000']}")
    start = html.index('<div class="text"')
    text = html[start : html.index("</div>", start)]
    assert re.search(
        r'class="pc k-entity"[^>]*><a href="/entities/person%3Anikolai-patrushev"'
        r"[^>]*>Nikolai Patrushev</a>",
        text,
    )
    assert "k-quote" in text and "k-timex" in text


def test_article_page_rewrite_view_aligns_each_sentence_to_its_source(client, seed, seeds_store):
    page = api.article_page(seeds_store, seed["a000"])
    html = visit(client, f"/articles/{seed['a000']}")
    rewrite = html[html.index('id="rewrite"') :]
    [derivation] = page["article"]["derived_from"]
    source = page["sources"][derivation["source_id"]]["text"]
    for s in derivation["sentences"]:
        assert f'class="sent k-{s["kind"]}"' in rewrite
        if s["source_start"] is not None:
            assert unescape(rewrite).count(source[s["source_start"] : s["source_end"]]) >= 1


@pytest.mark.parametrize("query, shows_removed", [("", False), ("?removed=1", True)])
def test_article_page_removed_boilerplate_on_request(client, seeds_store, query, shows_removed):
    article = next(
        a
        for a in (api.article_page(seeds_store, i)["article"] for i in seeds_store.article_ids())
        if a["removed"]
    )
    html = visit(client, f"/articles/{article['id']}{query}")
    section = html[html.index('id="removed"') :]
    removed = unescape(section[: section.index("<section")])
    assert (article["removed"][0]["text"] in removed) is shows_removed
    assert ("?removed=1" in removed) is not shows_removed


def test_quote_page_word_diff_between_renderings(client, seed):
    html = visit(client, f"/quotes/{quote(seed['contain'])}")
    assert "<del>double contain</del><ins>contain both</ins>" in html


def test_entity_page_embeds_its_graph_as_json(client, seeds_store):
    html = visit(client, "/entities/Wang%20Yi")
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert json.loads(found[1]) == api.entity_page(seeds_store, "Wang Yi")["graph"]
    assert 'data-focus="person:wang-yi"' in html and '<script src="/static/graph.js"' in html


def test_search_page_marks_matches(client):
    html = visit(client, "/search?q=contain")
    assert "<mark>contain</mark>" in html and "<mark>Containment</mark>" in html


@pytest.mark.parametrize(
    "path, status",
    [
        ("/stories/story:0000000000000000", 404),
        ("/articles/ffffffffffffffff", 404),
        ("/quotes/quote:nothing", 404),
        ("/entities/Nobody%20Atall", 404),
        ("/graph?entity=Nobody+Atall", 404),
        ("/no-such-page", 404),
        ("/?since=19+Sept", 400),
        ("/?limit=0", 400),
        ("/?limit=many", 400),
        ("/claims?status=true", 400),
        ("/articles?limit=0", 400),
    ],
)
def test_page_errors_are_pages_with_their_status(client, path, status):
    html = visit(client, path, status)
    assert '<p class="error">' in html


def test_static_files_are_served(client):
    for name in ("style.css", "graph.js", "article.js"):
        assert client.get(f"/static/{name}").status_code == 200
