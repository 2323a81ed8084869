"""Properties of Markdown protection on generated documents: every code span,
code block and link target the generator wrote is covered by a region that
no rule may edit inside, and a segment cut decision depends only on the text
before the cut and agrees with markdown-it's reading of the whole document."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.regions import cut_allowed, protected_regions
from cleaner.regions.markdown import UNCUTTABLE_BLOCKS, block_tokens

RULE_NAMES = ["unicode", "boilerplate", "punctuation-spacing", "joined-words", "whitespace"]
WORDS = st.sampled_from("the prisonersof said.The ended,and Tom &amp; Jerry café x".split())
CODE_CHARACTERS = st.sampled_from(list("abcxyz=().;:/ ") + ["  ", "&amp;", "“"])
CODE_TEXT = st.lists(CODE_CHARACTERS, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())

# Each piece is (text, verbatim): verbatim pieces are what must stay byte-identical.
Piece = tuple[str, bool]


@st.composite
def inline_pieces(draw) -> list[Piece]:
    pieces: list[Piece] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["word", "code", "link", "autolink"]))
        if kind == "word":
            pieces.append((draw(WORDS), False))
        elif kind == "code":
            content = draw(CODE_TEXT)
            pieces.append((f"`{content.strip()}`", True))
        elif kind == "link":
            pieces += [(f"[{draw(WORDS)}", False), (f"](http://a.example/{draw(st.sampled_from(['x', 'a&amp;b', 'p?q=1']))})", True)]
        else:
            pieces.append(("<https://b.example/said.The>", True))
        pieces.append((" ", False))
    return pieces


@st.composite
def blocks(draw, after: str) -> tuple[str, list[Piece]]:
    kind = draw(st.sampled_from(["paragraph", "fence", "indented", "quote", "item", "heading"]))
    if kind == "indented" and after == "item":
        kind = "paragraph"  # indented lines after a list item continue the item
    return kind, draw(block(kind))


@st.composite
def block(draw, kind: str) -> list[Piece]:
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        lines = draw(st.lists(st.one_of(CODE_TEXT, st.just("")), min_size=1, max_size=4))
        return [(fence + "\n" + "\n".join(lines) + "\n" + fence, True), ("\n", False)]
    if kind == "indented":
        lines = draw(st.lists(CODE_TEXT, min_size=1, max_size=3))
        return [("\n".join("    " + line for line in lines), True), ("\n", False)]
    prefix = {"paragraph": "", "quote": "> ", "item": "- ", "heading": "## "}[kind]
    return [(prefix, False), *draw(inline_pieces()), ("\n", False)]


@st.composite
def documents(draw) -> list[Piece]:
    pieces: list[Piece] = []
    kind = ""
    for number in range(draw(st.integers(1, 5))):
        if number:
            pieces.append(("\n", False))  # a blank line between blocks
        kind, more = draw(blocks(kind))
        pieces += more
    return pieces


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_generated_code_span_block_and_link_target_is_closed_to_every_rule(pieces):
    text = "".join(piece for piece, _ in pieces)
    regions = protected_regions(text, "markdown")
    offset = 0
    for piece, verbatim in pieces:
        if verbatim:
            for position in range(offset, offset + len(piece)):
                for rule in RULE_NAMES:
                    assert not regions.allows(rule, position, position + 1), (text, piece, rule)
            for position in range(offset + 1, offset + len(piece)):
                assert not regions.allows("joined-words", position, position), (text, piece)
        offset += len(piece)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_cut_decisions_need_no_text_after_the_cut_and_agree_with_the_whole_parse(pieces):
    text = "".join(piece for piece, _ in pieces)
    tokens, _ = block_tokens(text)
    maps = [t.map for t in tokens if t.type in UNCUTTABLE_BLOCKS and t.map]
    # An indented code block may go on after blank lines, which only the
    # text after them can tell: a cut right after one is always refused.
    code_ends = {t.map[1] for t in tokens if t.type == "code_block" and t.map}
    lines = text.split("\n")
    offset = 0
    for number, line in enumerate(lines):
        if number and not lines[number - 1] and line:  # a line right after a blank line: a candidate cut
            last_text_line = max(n for n in range(number) if lines[n].strip()) if text[:offset].strip() else -1
            inside = any(first < number < stop for first, stop in maps) or last_text_line + 1 in code_ends
            assert cut_allowed(text, offset, "markdown") == (not inside), (text, number)
            assert cut_allowed(text[:offset], offset, "markdown") == (not inside), (text, number)
        offset += len(line) + 1
