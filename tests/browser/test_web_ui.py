"""Every page kind of the web UI in real headless Chromium, on the seeds:
what a person sees and clicks, a screenshot saved per page kind
(tests/browser/screenshots/), and the phone width."""

import re


def story_link(page, first_day):
    row = page.locator("table tr", has_text=first_day).first
    return row.locator("a[href^='/stories/']").first


def test_stories_page_filters_and_search(page, server, shot):
    page.goto(server + "/")
    rows = page.locator("a[href^='/stories/']")
    assert rows.count() == 3
    assert "origins" in page.inner_text("table.stories thead").lower()
    shot(page, "stories")
    page.fill("input[name=since]", "2024")
    page.locator("form.filters button, form.filters [type=submit]").first.click()
    page.wait_for_url(re.compile(r"since=2024"))
    assert page.locator("a[href^='/stories/']").count() == 1
    assert "Astana" in page.inner_text("body") or "2024-07-10" in page.inner_text("body")
    page.goto(server + "/")
    page.fill("input[name=q]", "nuclear arms treaty")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"q=nuclear"))
    assert page.locator("a[href^='/stories/']").count() == 1
    assert "2023-02-21" in page.inner_text("body")


def test_search_page_marks_matches(page, server, shot):
    page.goto(server + "/search?q=containment")
    marks = page.locator("mark")
    assert marks.count() >= 1 and marks.first.inner_text().lower().startswith("contain")
    assert "Sputnik" in page.inner_text("body")
    shot(page, "search")


def test_story_page_timeline_matrix_and_click_to_sentence(page, server, shot):
    page.goto(server + "/")
    story_link(page, "2023-09-19").click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator("#timeline svg").count() >= 1
    assert page.locator("#timeline svg a, #timeline svg circle, #timeline svg rect").count() >= 3
    assert page.locator("#articles .column").count() >= 2  # side by side by outlet
    cells = page.locator("table.matrix td.cell a")
    assert cells.count() >= 1
    assert page.locator("#copies").count() == 1 and "Sputnik" in page.inner_text("#articles")
    shot(page, "story")
    shot(page, "story-top", full_page=False)  # the README's picture (docs/images/)
    href = cells.first.get_attribute("href")
    assert re.search(r"/articles/[0-9a-f]+#s\d+$", href)
    cells.first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    anchor = href.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.count() >= 1 and target.first.inner_text().strip()


def test_rewrite_view_aligns_sentences_by_kind(page, server, shot):
    page.goto(server + "/search?q=approximately+90+countries")
    page.locator("a[href^='/articles/']").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator("#rewrite").count() == 1
    assert page.locator("#rewrite .sent.k-rewritten").count() >= 1
    own = page.locator("#rewrite .sent.k-own", has_text="90")
    assert own.count() >= 1  # 000's own claim
    assert "Sputnik" in page.inner_text("#rewrite")
    assert page.locator("#text-section .entity, #text-section [class*=entity]").count() >= 3
    shot(page, "article")
    page.locator("#rewrite").screenshot(
        path=str(shot(page, "rewrite")).replace(".png", "-only.png")
    )


def test_article_metadata_and_removed_boilerplate(page, server, shot):
    page.goto(server + "/search?q=colour+revolution")
    page.locator("a[href^='/articles/']").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert "rule" in page.inner_text("#metadata").lower()
    page.goto(page.url.split("#")[0] + "?removed=1")
    assert page.locator("#removed").count() == 1


def test_quote_page_diff_and_repeat(page, server, shot):
    page.goto(server + "/quotes")
    page.locator("a[href^='/quotes/']", has_text="2 renderings").first.click()
    page.wait_for_url(re.compile(r"/quotes/."))
    assert "double contain" in page.locator("del").all_inner_texts()
    assert "contain both" in page.locator("ins").all_inner_texts()
    body = page.inner_text("body")
    assert "earliest" in body.lower() and "Sputnik" in body and "Reuters" in body  # the repeat
    shot(page, "quote")


def test_entity_graph_pans_zooms_and_clicks_through(page, server, shot):
    page.goto(server + "/entities/Wang%20Yi")
    circles = page.locator("svg.graph circle")
    assert circles.count() >= 2
    assert "Patrushev" in page.inner_text("#roles, #cooccurring") or "Patrushev" in page.inner_text(
        "body"
    )
    shot(page, "entity")

    def spot():
        return float(circles.first.get_attribute("cx")), float(circles.first.get_attribute("cy"))

    before = spot()
    page.locator("button[data-zoom='1.25']").click()
    zoomed = spot()
    assert zoomed != before
    box = page.locator("svg.graph").bounding_box()
    page.mouse.move(box["x"] + 8, box["y"] + box["height"] - 8)
    page.mouse.down()
    page.mouse.move(box["x"] + 88, box["y"] + box["height"] - 48, steps=5)
    page.mouse.up()
    panned = spot()
    assert panned != zoomed
    other = page.locator("svg.graph a.node:not(.focus)").first
    href = other.get_attribute("href")
    other.locator("circle").click()
    page.wait_for_url(re.compile(re.escape(href.split("/")[-1])))
    assert page.locator("svg.graph circle").count() >= 1


def test_graph_timeline_and_claims_pages(page, server, shot):
    page.goto(server + "/graph")
    assert page.locator("svg.graph circle").count() >= 5
    shot(page, "graph")
    page.goto(server + "/timeline")
    assert page.locator("svg").count() >= 1 and "2023-09-19" in page.inner_text("body")
    shot(page, "timeline")
    page.goto(server + "/claims?status=single-origin")
    assert "single-origin" in page.inner_text("body")
    shot(page, "claims")


def test_phone_width_has_no_sideways_scroll(browser, server, shot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        for path in (
            "/",
            "/entities/Wang%20Yi",
            "/quotes",
            "/search?q=Putin",
            "/timeline",
            "/claims",
            "/graph",
            "/articles",
        ):
            page.goto(server + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at phone width"
        page.goto(server + "/")
        story_link(page, "2023-09-19").click()
        page.wait_for_url(re.compile(r"/stories/"))
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
        shot(page, "story-phone")
    finally:
        context.close()


def test_every_page_kind_on_the_example_corpus(page, examples_server, shot):
    """Click from the story list through a story, an article, a rewrite, a
    quotation and an entity on examples/corpus; every page renders with no
    script error (the ``page`` fixture checks) and is saved."""
    base = examples_server
    page.goto(base + "/")
    assert page.locator("a[href^='/stories/']").count() == 3
    shot(page, "examples-stories")
    page.locator("table.stories a[href^='/stories/']", has_text="Kesmarro").first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert page.locator("#timeline svg").count() == 1 and page.locator("table.matrix").count() == 1
    assert page.locator("td.st-corroborated").count() >= 1  # the Chamber of Commerce figure
    shot(page, "examples-story")
    page.locator("#copies a[href*='#rewrite']").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator("#rewrite .sent.k-verbatim, #rewrite .sent.k-rewritten").count() >= 1
    shot(page, "examples-rewrite")
    page.goto(base + "/quotes")
    page.locator("a[href^='/quotes/']", has_text="2 renderings").first.click()
    page.wait_for_url(re.compile(r"/quotes/."))
    shot(page, "examples-quote")
    page.locator("a[href^='/entities/']").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("h1").inner_text().strip()
    shot(page, "examples-entity")
    for path in ("/graph", "/timeline", "/claims", "/search?q=bridge"):
        page.goto(base + path)
        assert page.locator("main").inner_text().strip()
    assert page.locator("mark").count() >= 1
