"""Plain-text regions read block by block (``cleaner.regions.text_blocks``)
must be what reading the whole text gives, and the chain's last check must
notice an edit that changes whether a line reads as code."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.edits import Edit, apply_edits
from cleaner.regions import Regions, might_hold_switch
from cleaner.regions.plain import code_line_regions
from cleaner.regions.text_blocks import TextRegions, block_span

LINES = [
    "Prose with a comma, and words.",
    "    $ make  install",
    "  ./configure --prefix=/usr",
    "name: cleaner",
    "version: 1.0",
    "a  b   c",
    "x  y   z",
    "Use `git  init` here.",
    ">>> print(1)",
    "... x",
    "",
    "   ",
    "\tindented prose line",
    "if (a) { b(); }",
    "Note: this is prose.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12))
def test_reading_every_block_gives_the_regions_of_the_whole_text(lines):
    text = "\n".join(lines)
    regions = TextRegions(text)
    regions.filter([Edit(at, at, "") for at in range(0, len(text) + 1, 7)] + [Edit(len(text), len(text), "")], "whitespace")
    assert regions.found.regions == Regions(code_line_regions(text)).regions


def test_a_block_runs_between_whitespace_only_lines():
    text = "one\ntwo\n  \nthree\nfour\n\nfive"
    assert text[slice(*block_span(text, 1, 1))] == "one\ntwo"
    assert text[slice(*block_span(text, 13, 14))] == "three\nfour"
    assert text[slice(*block_span(text, len(text), len(text)))] == "five"
    assert text[slice(*block_span(text, 5, 14))] == "one\ntwo\n  \nthree\nfour"


def test_blocks_no_edit_touches_are_not_read():
    text = "A paragraph.\n\n    $ make  install\n\nAnother  paragraph.\n"
    regions = TextRegions(text)
    start = text.index("Another") + 7
    assert regions.filter([Edit(start, start + 2, " ")], "whitespace") == [Edit(start, start + 2, " ")]
    assert len(regions.found) == 0 and [text[r.start : r.end] for r in regions.read] == ["Another  paragraph."]


def test_the_last_check_sees_an_edit_that_unmakes_a_code_line():
    text = "$ \n> a  b\n"  # a prompt line, then its continuation
    regions = TextRegions(text)
    assert not regions.filter([Edit(6, 8, " ")], "whitespace")
    edits = [Edit(1, 2, "")]  # the prompt's trailing blank: no longer a prompt line
    after = apply_edits(text, edits)
    carried = regions.mapped(edits, after)
    assert carried.stale(after) is not None
    assert TextRegions(after).stale(after) is None


def test_a_switch_is_found_in_any_case_and_only_as_the_word():
    assert might_hold_switch("x # CLEANER: off") and might_hold_switch("Cleaner: skip")
    assert not might_hold_switch("Answer: no") and not might_hold_switch("a cleaner room")
