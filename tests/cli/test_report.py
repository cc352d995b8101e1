"""``newsweave report``: one self-contained file, HTML or Markdown by the suffix,
with every story's timeline, claims, quote lineage and copies; article text
never becomes markup."""

from __future__ import annotations

import pytest
from markupsafe import escape
from typer.testing import CliRunner

from newsweave import api
from newsweave.cli import app
from newsweave.report import markdown_text, timeline

EVIL = (
    'Harbour <script>alert("title")</script> reopens after the storm\n\n'
    "PORTVILLE, 3 March 2025 (Coastal Wire) - The harbour of Portville reopened on Monday "
    '<script>alert("text")</script> after a storm closed it for three days, the city '
    'council said. "We are back in business <b>today</b>," said Mayor Ana Lopez. Ships '
    "queued outside the harbour for hours as pilots guided them in one by one.\n"
)


@pytest.fixture
def report(seeds_store, tmp_path):
    """Run ``newsweave report ARGS -o NAME`` on the seeds; the result and the file."""

    def run(name: str, *args: str):
        target = tmp_path / name
        result = CliRunner().invoke(
            app,
            ["report", *args, "-o", str(target), "--db", seeds_store.db],
            catch_exceptions=False,
        )
        return result, target

    return run


def titles(store) -> list[str]:
    return [s["title"] for s in api.stories_page(store)["stories"]]


def september(store) -> str:
    return next(s["id"] for s in api.stories_page(store)["stories"] if s["first"] == "2023-09-19")


def test_report_html_is_one_page_with_every_story_a_chart_and_the_quote_diff(report, seeds_store):
    result, target = report("report.html")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote a report of 3 stories to {target}\n"
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert all(str(escape(title)) in html for title in titles(seeds_store))
    assert html.count("<svg ") == 3 and html.count('<g class="mark event">') > 0
    assert "<del>double contain</del> <ins>contain both</ins>" in html
    for section in ("Timeline", "Claims by outlet", "Quote lineage", "Copies and rewrites"):
        assert html.count(f"<h3>{section}</h3>") == 3
    assert "59%" in html  # 000 borrows 59% of 002


@pytest.mark.parametrize("fetches", ["<script", "<link", " src=", 'href="http', "url("])
def test_report_html_fetches_nothing(report, fetches):
    _, target = report("report.html")
    assert fetches not in target.read_text(encoding="utf-8")


def test_report_markdown_has_the_same_sections_as_text(report, seeds_store):
    result, target = report("report.md")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# newsweave report\n")
    assert all(f"\n## {markdown_text(title)}\n" in text for title in titles(seeds_store))
    assert text.count("### Timeline") == 3 and "\n1. **2023-09-18** event: talks" in text
    assert "| Status | Origins | Claim | Sputnik | unknown |" in text
    assert "~~double contain~~ **contain both**" in text
    assert "The same words on another occasion" in text


@pytest.mark.parametrize("prefix", ["story:", ""])
def test_report_of_one_story(report, seeds_store, prefix):
    story_id = september(seeds_store)
    result, target = report("one.md", "--story", prefix + story_id.removeprefix("story:"))
    assert result.stderr == f"Wrote a report of 1 story to {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.count("\n## ") == 2 and f"`{story_id}`" in text  # the listing and the story


@pytest.mark.parametrize(
    "name, start",
    [
        ("r.html", "<!doctype html>"),
        ("r.htm", "<!doctype html>"),
        ("R.HTML", "<!doctype html>"),
        ("r.md", "# newsweave report"),
    ],
)
def test_report_format_follows_the_suffix(report, name, start):
    _, target = report(name)
    assert target.read_text(encoding="utf-8").startswith(start)


@pytest.mark.parametrize("name", ["report.txt", "report", "report.pdf"])
def test_report_unknown_suffix_fails_in_one_line(report, name):
    result, target = report(name)
    assert result.exit_code == 1 and not target.exists()
    assert result.stderr == (
        f"Error: cannot tell the report format of {str(target)!r}: name "
        "the file with one of .html, .htm, .md\n"
    )


def test_report_failure_keeps_the_existing_file(report, tmp_path):
    (tmp_path / "r.html").write_text("the report sent yesterday", encoding="utf-8")
    result, target = report("r.html", "--story", "story:0000000000000000")
    assert result.exit_code == 1 and result.stderr.startswith("Error: no story with id")
    assert target.read_text(encoding="utf-8") == "the report sent yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left


def test_report_failed_write_leaves_no_half_file(report, tmp_path, monkeypatch):
    (tmp_path / "r.md").write_text("the report sent yesterday", encoding="utf-8")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsweave.report.os.replace", full_disk)
    result, target = report("r.md")
    assert result.exit_code == 1 and result.stderr == "Error: [Errno 28] No space left on device\n"
    assert target.read_text(encoding="utf-8") == "the report sent yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


@pytest.mark.parametrize(
    "name, kept",
    [
        ("r.html", "&lt;script&gt;alert(&#34;{}&#34;)&lt;/script&gt;"),
        ("r.md", '\\<script\\>alert("{}")\\</script\\>'),
    ],
)
def test_report_escapes_article_text(run_cli, write_file, tmp_path, name, kept):
    assert run_cli("analyze", write_file("evil.txt", EVIL)).exit_code == 0
    result = run_cli("report", "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert "<script>" not in text and "<b>" not in text
    assert kept.format("title") in text and kept.format("text") in text  # title and body


@pytest.mark.parametrize(
    "value, expected",
    [
        ("<script>x</script>", r"\<script\>x\</script\>"),
        ("a | b", r"a \| b"),
        ("*bold* _it_ `code` [link](x)", r"\*bold\* \_it\_ \`code\` \[link\](x)"),
        ("# heading\nnext  line", r"\# heading next line"),
        ("AT&T ~~gone~~", r"AT\&T \~\~gone\~\~"),
        (None, ""),
        (42, "42"),
    ],
)
def test_report_markdown_text_is_literal(value, expected):
    assert markdown_text(value) == expected


@pytest.mark.parametrize(
    "value, day",
    [
        ("2023-09-19", 738782),
        ("2023-09", 738764),
        ("2023", 738521),
        (None, None),
        ("", None),
        ("2023-13-01", None),
        ("soon", None),
    ],
)
def test_report_timeline_day_number(value, day):
    assert timeline.day_number(value) == day


def test_report_timeline_chart_stacks_marks_that_would_touch():
    entries = [
        {"n": n, "date": d, "kind": k, "id": str(n), "label": ""}
        for n, (d, k) in enumerate(
            [
                ("2023-09-19", "event"),
                ("2023-09-19", "event"),
                ("2023-10-19", "event"),
                ("2023-09-19", "article"),
                (None, "event"),
            ],
            start=1,
        )
    ]
    chart = timeline.chart(entries)
    marks = {m["n"]: m for m in chart["marks"]}
    assert sorted(marks) == [1, 2, 3, 4]  # the undated entry is left to the list
    assert marks[1]["x"] == marks[2]["x"] < marks[3]["x"] and marks[1]["y"] != marks[2]["y"]
    assert marks[3]["y"] == marks[1]["y"]  # a month later there is room on the first level
    assert marks[4]["y"] < marks[1]["y"]  # articles above events
    assert all(chart["left"] <= m["x"] <= chart["right"] for m in marks.values())


def test_report_timeline_chart_of_undated_entries_is_empty():
    assert (
        timeline.chart([{"n": 1, "date": None, "kind": "event", "id": "e", "label": ""}])["marks"]
        == []
    )
