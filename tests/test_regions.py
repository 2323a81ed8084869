"""Protected regions: what each format protects, from which rules, and the
filter that drops edits touching them."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.edits import Edit, apply_edits
from cleaner.regions import (
    WORD_LEVEL,
    Region,
    Regions,
    cut_allowed,
    filter_edits,
    format_for_name,
    protected_regions,
    uncuttable_spans,
)
from cleaner.regions.plain import code_like_lines


def protected(text: str, format: str = "markdown") -> list[tuple[str, str]]:
    """(kind, protected text) of every region, in document order."""
    return [(r.kind, text[r.start : r.end]) for r in protected_regions(text, format)]


# --- Regions.allows and filter_edits --------------------------------------------------


def test_an_edit_overlapping_a_region_is_refused_and_one_beside_it_allowed():
    regions = Regions([Region(10, 20, "code-span")])
    assert not regions.allows("whitespace", 15, 16)
    assert not regions.allows("whitespace", 5, 11)
    assert not regions.allows("whitespace", 19, 25)
    assert regions.allows("whitespace", 5, 10)
    assert regions.allows("whitespace", 20, 22)


def test_an_insertion_is_refused_only_strictly_inside_a_region():
    regions = Regions([Region(10, 20, "code-span")])
    assert regions.allows("joined-words", 10, 10)
    assert not regions.allows("joined-words", 11, 11)
    assert not regions.allows("joined-words", 19, 19)
    assert regions.allows("joined-words", 20, 20)


def test_a_region_blocks_only_its_rules():
    regions = Regions([Region(0, 10, "code-line", WORD_LEVEL)])
    assert not regions.allows("joined-words", 3, 4)
    assert not regions.allows("punctuation-spacing", 3, 3)
    assert regions.allows("unicode", 3, 4)
    assert regions.allows("boilerplate", 0, 10)


def test_a_removable_region_may_be_removed_whole_but_not_edited_inside():
    regions = Regions([Region(10, 20, "link-destination", None, frozenset({"boilerplate"}))])
    assert regions.allows("boilerplate", 0, 30)
    assert regions.allows("boilerplate", 10, 20)
    assert not regions.allows("boilerplate", 15, 30)
    assert not regions.allows("boilerplate", 12, 12)
    assert not regions.allows("unicode", 0, 30)


def test_overlapping_regions_of_different_reach_all_count():
    regions = Regions([Region(0, 30, "table-row", frozenset({"whitespace"})), Region(5, 9, "code-span")])
    assert not regions.allows("whitespace", 20, 22)
    assert not regions.allows("unicode", 6, 7)
    assert regions.allows("unicode", 20, 22)


def test_filter_edits_keeps_the_allowed_edits_in_order():
    text = "a  b `c  d` e  f"
    regions = protected_regions(text, "markdown")
    edits = [Edit(1, 3, " "), Edit(7, 9, " "), Edit(13, 15, " ")]
    assert filter_edits(edits, regions, "whitespace") == [Edit(1, 3, " "), Edit(13, 15, " ")]
    assert apply_edits(text, filter_edits(edits, regions, "whitespace")) == "a b `c  d` e f"


def test_mapped_regions_follow_the_text_through_edits():
    text = "a  b `c  d` e"
    regions = protected_regions(text, "markdown")
    edits = [Edit(1, 3, " ")]
    after = apply_edits(text, edits)
    assert [after[r.start : r.end] for r in regions.mapped(edits)] == ["`c  d`"]


def test_mapped_regions_keep_text_inserted_at_their_edges_outside():
    regions = Regions([Region(4, 8, "code-span")])
    assert [(r.start, r.end) for r in regions.mapped([Edit(4, 4, "xx"), Edit(8, 8, "y")])] == [(6, 10)]
    assert [(r.start, r.end) for r in regions.mapped([Edit(2, 6, "")])] == [(2, 4)]
    assert [(r.start, r.end) for r in regions.mapped([Edit(6, 10, "zzzzzz")])] == [(4, 12)]


def test_format_follows_the_markdown_suffixes():
    assert [format_for_name(n) for n in ("a.md", "B.MARKDOWN", "c.mdown", "d.mkd", "e.txt", None, "md")] == [
        "markdown",
        "markdown",
        "markdown",
        "markdown",
        "text",
        "text",
        "text",
    ]


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown format 'rst'"):
        protected_regions("x", "rst")


# --- Markdown -----------------------------------------------------------------------


def test_fenced_code_blocks_are_protected_whole_with_their_fences():
    text = 'Intro.\n\n```python\nx = "prisonersof"  # said.“We\n```\n\n~~~\nb  c\n~~~\n'
    assert protected(text) == [
        ("fenced-code", '```python\nx = "prisonersof"  # said.“We\n```'),
        ("fenced-code", "~~~\nb  c\n~~~"),
    ]


def test_an_unclosed_fence_runs_to_the_end():
    assert protected("a\n\n```\ncode  here\n\nmore\n") == [("fenced-code", "```\ncode  here\n\nmore")]


def test_indented_code_blocks_are_protected_but_indented_list_text_is_not():
    text = "Para.\n\n    indented  code\n    more\n\n- item\n\n  continued  text\n"
    kinds = protected(text)
    assert ("indented-code", "    indented  code\n    more") in kinds
    assert all("continued" not in part for _, part in kinds)


def test_code_spans_are_protected_with_their_backticks():
    text = "Run `x  = 1` or ``a ` b`` now; a lone ` is text.\n"
    assert protected(text) == [("code-span", "`x  = 1`"), ("code-span", "``a ` b``")]


def test_link_and_image_destinations_and_reference_labels_are_protected():
    text = 'See [the prisonersof text](http://a.b/c?d=1&amp;e=2 "T") and ![alt  text](img.png), [full][ref], [ref].\n\n[ref]: http://example.com/x  "Title"\n'
    assert protected(text) == [
        ("link-destination", '](http://a.b/c?d=1&amp;e=2 "T")'),
        ("image-destination", "](img.png)"),
        ("link-destination", "][ref]"),
        ("link-destination", "[ref]"),
        ("reference-definition", '[ref]: http://example.com/x  "Title"'),
    ]


def test_autolinks_inline_html_entities_and_escapes_are_protected():
    text = "Mail <https://example.com/a> <b>bold</b> &amp; &amp;copy; &lt;div&gt; \\* here.\n"
    assert protected(text) == [
        ("autolink", "<https://example.com/a>"),
        ("inline-html", "<b>"),
        ("inline-html", "</b>"),
        ("entity", "&amp;"),
        ("entity", "&lt;"),
        ("entity", "&gt;"),
        ("escape", "\\*"),
    ]


def test_html_blocks_are_protected_whole():
    text = "<div>\nhtml  block\n</div>\n\n<!--\na  comment\n-->\n\nprose\n"
    assert protected(text) == [("html-block", "<div>\nhtml  block\n</div>"), ("html-block", "<!--\na  comment\n-->")]


def test_yaml_and_toml_front_matter_are_protected():
    assert protected("---\ntitle:  x\n---\n\nText.\n") == [("front-matter", "---\ntitle:  x\n---")]
    assert protected("+++\ntitle  = 'x'\n+++\n\nText.\n") == [("front-matter", "+++\ntitle  = 'x'\n+++")]


def test_a_horizontal_rule_later_on_is_not_front_matter():
    assert protected("Text.\n\n---\n\nMore  text.\n---\n") == []


def test_math_is_protected_but_money_is_not():
    text = "Area $\\pi r^2$ and\n\n$$\nx  ^2\n$$\n\nIt cost $5 and $10 today.\n"
    assert protected(text) == [("math-inline", "$\\pi r^2$"), ("math-block", "$$\nx  ^2\n$$")]


def test_hard_breaks_keep_their_trailing_spaces_and_backslash():
    text = "first line  \nsecond line\\\nthird line \nfourth\n"
    assert protected(text) == [("hard-break", "  \n"), ("escape", "\\\n")]


def test_table_rows_keep_their_padding_and_the_delimiter_row_is_untouched():
    text = "| a  |  b |\n|----|---:|\n| `x` | y  |\n"
    regions = protected_regions(text, "markdown")
    assert [(r.kind, text[r.start : r.end], r.rules) for r in regions] == [
        ("table-row", "| a  |  b |", frozenset({"whitespace"})),
        ("table-delimiter-row", "|----|---:|", None),
        ("table-row", "| `x` | y  |", frozenset({"whitespace"})),
        ("code-span", "`x`", None),
    ]
    assert regions.allows("joined-words", 2, 2)  # cell text is prose to the other rules


def test_list_markers_keep_the_spaces_that_set_the_indentation():
    text = "-   spaced item\n1.  ordered\n> -  quoted\n"
    assert [(k, p) for k, p in protected(text)] == [
        ("list-marker", "-   "),
        ("list-marker", "1.  "),
        ("list-marker", "> -  "),
    ]


def test_prose_in_paragraphs_headings_lists_quotes_and_cells_is_not_protected():
    text = "# A prisonersof title\n\nSome prisonersof prose.\n\n- a prisonersof item\n\n> a prisonersof quote\n\n| h |\n|---|\n| prisonersof |\n"
    regions = protected_regions(text, "markdown")
    for start in [i for i in range(len(text)) if text.startswith("prisonersof", i)]:
        assert regions.allows("joined-words", start + 9, start + 9), text[start - 10 : start]


def test_inline_offsets_are_found_in_nested_containers_and_with_crlf():
    text = "> - quoted item with `co  de`\r\n>   and `more  code`\r\n"
    assert protected(text) == [("list-marker", "> - "), ("code-span", "`co  de`"), ("code-span", "`more  code`")]


def test_inline_offsets_in_a_multiline_paragraph_with_indented_continuation():
    text = "Para with\n   `indented  code` and\n\ttab `x  y` end\n"
    assert protected(text) == [("code-span", "`indented  code`"), ("code-span", "`x  y`")]


def test_a_table_cell_with_an_escaped_pipe_protects_its_row_conservatively():
    text = "| h | i |\n|---|---|\n| a \\| `b  c` | d |\n"
    assert ("code-span", "| a \\| `b  c` | d |") in protected(text)


def test_code_in_the_same_text_in_two_cells_is_found_in_each():
    text = "| `a` | `a` |\n|---|---|\n"
    assert [(r.kind, r.start, r.end) for r in protected_regions(text, "markdown") if r.kind == "code-span"] == [
        ("code-span", 2, 5),
        ("code-span", 8, 11),
    ]


# --- the off switch -------------------------------------------------------------------


def test_markdown_off_switch_protects_the_lines_between_the_comments():
    text = "a  b\n\n<!-- cleaner: off -->\nkeep   this\n\nand  this\n<!-- cleaner: on -->\n\nc  d\n"
    regions = protected_regions(text, "markdown")
    [off] = [r for r in regions if r.kind == "off-switch"]
    assert text[off.start : off.end] == "<!-- cleaner: off -->\nkeep   this\n\nand  this\n<!-- cleaner: on -->"
    assert regions.allows("whitespace", 1, 3)
    assert regions.allows("whitespace", len(text) - 4, len(text) - 2)


def test_markdown_off_without_on_lasts_to_the_end():
    text = "a\n\n<!-- cleaner: off -->\nkeep   this\n"
    [off] = [r for r in protected_regions(text, "markdown") if r.kind == "off-switch"]
    assert text[off.start : off.end] == "<!-- cleaner: off -->\nkeep   this\n"


def test_markdown_skip_comment_at_the_end_of_a_line_protects_that_line():
    text = "keep   this <!-- cleaner: skip -->\nclean  this\n"
    assert ("skip-line", "keep   this <!-- cleaner: skip -->") in protected(text)
    mid = "not <!-- cleaner: skip --> at the end\n"
    assert all(kind != "skip-line" for kind, _ in protected(mid))


def test_a_switch_inside_a_code_block_is_code_not_a_switch():
    text = "```\n<!-- cleaner: off -->\n```\n\nclean  me\n"
    assert all(r.kind != "off-switch" for r in protected_regions(text, "markdown"))


@pytest.mark.parametrize("marker", ["cleaner: off", "# cleaner: off", "// cleaner: off", "/* cleaner: off */", "-- CLEANER: OFF"])
def test_text_off_switch_in_a_comment_or_a_plain_line(marker):
    on = marker.replace("off", "on").replace("OFF", "ON")
    text = f"prose\n{marker}\nx = said.The\n{on}\nmore\n"
    [off] = [r for r in protected_regions(text, "text") if r.kind == "off-switch"]
    assert text[off.start : off.end] == f"{marker}\nx = said.The\n{on}"
    assert off.rules is None  # every rule


def test_text_skip_at_the_end_of_a_line():
    text = "table  row  here   # cleaner: skip\nprose cleaner: skip\nthe cleaner: skipped\n"
    assert [part for kind, part in protected(text, "text") if kind == "skip-line"] == [
        "table  row  here   # cleaner: skip",
        "prose cleaner: skip",
    ]


def test_a_mention_of_the_switch_in_prose_is_not_a_switch():
    assert protected("Write cleaner: off in a comment to stop it.\n", "text") == []


# --- code-like lines of plain text ----------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "$ sudo apt-get install foo",
        ">>> print('a')",
        "PS> Get-Item .",
        "x = 1",
        "    CFLAGS += -O2",
        "if (x) { y(); }",
        "    ./configure --prefix=/usr",
        "    apt install cleaner",
        "a\tb\tc",
        "int main(void) {",
    ],
)
def test_code_like_lines(line):
    assert code_like_lines([line]) == [True]


@pytest.mark.parametrize(
    "line",
    [
        "The prisonersof war said it (again) today.",
        "Note: this is prose with a colon.",
        "See https://example.com/a/b/c/d for details.",
        "    An indented paragraph of ordinary prose, as man pages have.",
        "It cost $5 and $10 and $15.",
        "Use the --help option for details.",
        "   cd",
    ],
)
def test_prose_lines_are_not_code_like(line):
    assert code_like_lines([line]) == [line == "   cd"]


def test_rows_of_aligned_columns_are_code_like_and_double_spaced_prose_is_not():
    assert code_like_lines(["Name    Size    Date", "a.txt   12      2024", "", "Said.  The  end  came."]) == [
        True,
        True,
        False,
        False,
    ]
    assert code_like_lines(["He said  it.  Then  she", "went  home and  slept."]) == [False, False]


def test_a_continuation_prompt_counts_only_after_a_prompt():
    assert code_like_lines([">>> def f():", "...     return 1", "", "... and so on."]) == [True, True, False, False]


def test_key_colon_value_lines_count_in_runs():
    lines = ["Package: cleaner", "Version: 1.0", "", "Note: prose here.", "More prose."]
    assert code_like_lines(lines) == [True, True, False, False, False]


def test_a_prose_value_in_a_key_colon_run_is_not_configuration():
    lines = [
        "Option: Aptitude::Auto-Install",
        "Default: true",
        "Description: If this option is true, aptitude will attempt to fulfill the dependencies of a package when you mark it.",
        "Option: Aptitude::Auto-Fix-Broken",
    ]
    assert code_like_lines(lines) == [True, True, False, True]


def test_a_long_setting_in_a_key_colon_run_stays_configuration():
    lines = [
        "Depends: libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 11), zlib1g (>= 1:1.2.0), libssl3 (>= 3.0.0)",
        "Description: short summary",
        "Tags: admin, devel, games, network, the web, sound, video, science, text, utils, with x11, mail.",
        "Note: this is a value that goes on and on with the words of a sentence but never ends it",
        "Command: cp -a /etc/apt/sources.list /tmp and then run apt-get update && apt-get upgrade -y now",
        "Comment: The value is read from the file at startup; see the manual for each of the options.",
    ]
    assert code_like_lines(lines) == [True, True, True, True, True, False]


def test_joins_in_a_prose_value_are_repaired_and_the_settings_around_it_kept():
    text = (
        "Option: Aptitude::Safety-Cost\n"
        "Default: max(removals,installs)\n"
        "Description: See the section called “Safety costs”for a description of what the safety costs are used for.\n"
        "Option: Aptitude::Log\n"
    )
    assert clean(text, format="text") == text.replace("costs”for", "costs” for")


def test_an_indented_block_of_mostly_code_is_code_as_a_whole():
    lines = ["Example:", "    setup(", "        name='x',", "        version = '1',", "        author='A Person'", "    )"]
    assert code_like_lines(lines) == [False, True, True, True, True, True]


def test_code_lines_block_the_word_level_rules_only():
    text = "Install:\n$ pip install said.The\nProse said.The end.\n"
    regions = protected_regions(text, "text")
    at = text.index("said.The") + 5
    assert not regions.allows("punctuation-spacing", at, at)
    assert not regions.allows("joined-words", at, at)
    assert regions.allows("unicode", at, at + 1)
    later = text.rindex("said.The") + 5
    assert regions.allows("punctuation-spacing", later, later)


# --- segment cuts ---------------------------------------------------------------------


def test_a_cut_inside_a_fence_or_html_block_or_off_region_is_refused():
    text = "a\n\n```\ncode\n\nmore\n```\n\n<pre>\nx\n\ny\n</pre>\n\n<!-- cleaner: off -->\nk\n\nl\n<!-- cleaner: on -->\n\nz\n"
    cuts = [i + 1 for i in range(len(text) - 1) if text[i] == "\n" and text[i + 1] != "\n" and text[i - 1] == "\n"]
    allowed = {text[cut:].split("\n", 1)[0]: cut_allowed(text, cut, "markdown") for cut in cuts}
    assert allowed == {"```": True, "more": False, "<pre>": True, "y": False, "<!-- cleaner: off -->": True, "l": False, "z": True}


def test_a_cut_after_an_open_fence_is_refused_whatever_follows():
    head = "a\n\n```\ncode\n\n"
    assert not cut_allowed(head, len(head), "markdown")
    assert not cut_allowed(head + "more\n```\n", len(head), "markdown")


def test_text_cuts_are_refused_only_in_off_regions():
    text = "a\n\n```\nb\n\nc\n"
    assert cut_allowed(text, text.index("c"), "text")
    text = "a\n# cleaner: off\nb\n\nc\n"
    assert not cut_allowed(text, text.index("c"), "text")


def test_no_cut_right_after_an_indented_code_block_whatever_follows():
    text = "p\n\n    code\n\n    more\n\nq\n"
    assert not cut_allowed(text, text.index("    more"), "markdown")
    assert not cut_allowed(text, text.index("q"), "markdown")
    assert not cut_allowed(text[: text.index("q")], text.index("q"), "markdown")


def test_cuts_around_blocks_nested_in_lists_and_quotes():
    text = "- item\n\n  ```\n  x\n\n  y\n  ```\n\n> ```\n> x\n>\n> y\n> ```\n\nq\n"
    assert not cut_allowed(text, text.index("  y"), "markdown")
    assert cut_allowed(text, text.index("> ```"), "markdown")
    assert cut_allowed(text, text.index("q"), "markdown")


def test_a_plain_cell_before_a_cell_with_code_moves_the_row_search_on():
    text = "| x `a` | y |\n|---|---|\n| `a` | `a` |\n"
    spans = [(r.start, r.end) for r in protected_regions(text, "markdown") if r.kind == "code-span"]
    assert [text[s:e] for s, e in spans] == ["`a`", "`a`", "`a`"]
    assert spans[1:] == [(text.index("| `a` |") + 2, text.index("| `a` |") + 5), (len(text) - 6, len(text) - 3)]


def test_quoted_literals_in_text_prose_are_closed_to_the_word_level_rules():
    text = "Run ``make testall`` or `git init` or `oldfind' now; it's `quoted.\n"
    assert protected(text, "text") == [
        ("inline-literal", "``make testall``"),
        ("inline-literal", "`git init`"),
        ("inline-literal", "`oldfind'"),
    ]
    assert [r.rules for r in protected_regions(text, "text")] == [WORD_LEVEL] * 3


def test_code_lines_keep_their_alignment_but_lose_trailing_blanks():
    text = "key      = 1   \nName    Size    Date\nx       1       2\nprose  here\n"
    regions = protected_regions(text, "text")
    assert [text[r.start : r.end] for r in regions] == ["key      = 1", "Name    Size    Date", "x       1       2"]
    assert not regions.allows("whitespace", 4, 8)
    assert regions.allows("whitespace", 12, 15)


def test_entities_do_not_make_a_line_code_like():
    assert code_like_lines(["Tom &amp; Jerry &amp; Spike"]) == [False]


def test_markdown_is_cut_only_after_a_blank_line_and_never_in_open_front_matter():
    text = "para one\nstill para\n\nnext\n"
    assert not cut_allowed(text, text.index("still"), "markdown")
    assert cut_allowed(text, text.index("next"), "markdown")
    assert not cut_allowed(text, text.index("still"), "text")
    head = "---\ntitle: x\n\nmore: y\n\n"
    assert not cut_allowed(head, len(head), "markdown")
    assert cut_allowed(head + "---\n\n", len(head) + 5, "markdown")


def test_inline_content_too_long_to_parse_quickly_is_protected_whole():
    text = "intro\n\n" + "[" * 30_000 + "\n\nafter  this\n"
    assert [(r.kind, r.end - r.start) for r in protected_regions(text, "markdown")] == [("long-inline", 30_000)]


def test_a_stray_tab_in_prose_is_not_a_table():
    assert code_like_lines(["He said &amp;\ttabs  here", "a\tb\tc"]) == [False, True]
