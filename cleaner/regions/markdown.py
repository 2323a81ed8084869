"""Protected regions of a Markdown document, found with markdown-it-py (a
CommonMark parser) and its plugins for front matter and math.

Blocks come with line maps from the parser. Inline constructs have no
offsets in markdown-it's tokens, so the inline rules are wrapped to record
where each one started and stopped in the inline source, and that source is
located line by line in the document.
"""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from cleaner.regions import REMOVING, Region
from cleaner.regions.switches import OFF, ON, SKIP, SWITCH_COMMENT, line_spans, switch_regions

# Blocks whose every character is kept: (token type, region kind).
VERBATIM_BLOCKS = {
    "fence": "fenced-code",
    "code_block": "indented-code",
    "html_block": "html-block",
    "front_matter": "front-matter",
    "toml_front_matter": "front-matter",
    "math_block": "math-block",
    "math_block_label": "math-block",
}
# Blocks a segment cut must not fall inside: cleaned apart, their halves
# would not read as the whole does.
UNCUTTABLE_BLOCKS = frozenset(VERBATIM_BLOCKS)
LAYOUT = frozenset({"whitespace"})  # the rule that would collapse padding and indentation

# Inline parser rules whose matches are protected, and the region kind.
RECORDED_INLINE = {
    "backticks": "code-span",
    "math_inline": "math-inline",
    "autolink": "autolink",
    "html_inline": "inline-html",
    "entity": "entity",
    "escape": "escape",
    "newline": "hard-break",
    "link": "link-destination",
    "image": "image-destination",
}
ENTITY_NAME_AHEAD = re.compile(r"#?\w+;")  # what would follow "&" in an entity
SPANS, ROOT, REFERENCES = "cleaner.spans", "cleaner.root", "cleaner.reference-lines"
# markdown-it's inline parser turns quadratic on some long runs (50,000 "["
# take seconds): inline content longer than this is protected whole instead
# of parsed. Real paragraphs are far shorter.
MAX_INLINE_CHARS = 20_000


def _toml_front_matter(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Hugo's TOML front matter: a ``+++`` line opening the document, up to
    the next ``+++`` line (the front-matter plugin knows only ``---``)."""
    if start_line != 0 or _line(state, 0) != "+++":
        return False
    closing = next((n for n in range(1, end_line) if _line(state, n) == "+++"), None)
    if closing is None:
        return False
    if not silent:
        token = state.push("toml_front_matter", "", 0)
        token.hidden, token.markup, token.block = True, "+++", True
        token.map = [0, closing + 1]
        state.line = closing + 1
    return True


def _line(state: StateBlock, number: int) -> str:
    return state.src[state.bMarks[number] : state.eMarks[number]].rstrip(" \t")


def _recording_block(rule: Callable[..., bool]) -> Callable[..., bool]:
    """``rule`` (link reference definitions) noting the lines it consumed."""

    def record(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            state.env.setdefault(REFERENCES, []).append((start_line, state.line))
        return True

    return record


def _recording_inline(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """``rule`` noting ``(name, start, end, label end, token types)`` for each
    match in the inline source being parsed (not in an image's alt text,
    which is parsed as a separate source)."""

    def record(state: StateInline, silent: bool) -> bool:
        start = state.pos
        count = len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent and state.src is state.env.get(ROOT):
            label_end = -1  # where a link's or image's label ends, found only for a match (it costs a scan)
            if name == "link" and state.src[start] == "[":
                label_end = state.md.helpers.parseLinkLabel(state, start, True)
            elif name == "image" and state.src.startswith("![", start):
                label_end = state.md.helpers.parseLinkLabel(state, start + 1, False)
            types = tuple(token.type for token in state.tokens[count:])
            state.env[SPANS].append((name, start, state.pos, label_end, types))
        return True

    return record


@functools.cache
def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough, YAML and TOML front
    matter and dollar math; inline content is left for ``_inline_spans``."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    # "$5 and $10" is money: math needs no space inside its dollars and no digit after.
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.block.ruler.before("front_matter", "toml_front_matter", _toml_front_matter)
    md.block.ruler.at("reference", _recording_block(md.block.ruler.__rules__[md.block.ruler.__find__("reference")].fn))
    for rule in md.inline.ruler.__rules__:
        if rule.name in RECORDED_INLINE:
            md.inline.ruler.at(rule.name, _recording_inline(rule.name, rule.fn), {"alt": rule.alt})
    md.disable(["inline", "text_join"])  # core rules: inline content is parsed here, token by token
    return md


def block_tokens(text: str) -> tuple[list[Token], dict]:
    """The block tokens of ``text`` and the parse's environment (references)."""
    env: dict = {}
    return parser().parse(text, env), env


def uncuttable_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every block a segment cut must not fall inside:
    code blocks, HTML blocks, front matter, math blocks, off-switch regions.
    A block left open runs to the end of ``text``, as it would to the end of
    the document."""
    tokens, _ = block_tokens(text)
    lines = line_spans(text)
    if _front_matter_open(text, tokens):
        return [(0, len(text))]
    spans = [_block_span(t, lines, to_the_end=True) for t in tokens if t.type in UNCUTTABLE_BLOCKS and t.map]
    # An indented code block goes on after blank lines when the next line is
    # indented too, which the text before a cut cannot tell: no cut between
    # one and the next line with text.
    spans += [_through_blank_lines(text, t, lines) for t in tokens if t.type == "code_block" and t.map]
    spans += [(r.start, r.end) for r in switch_regions(_block_switches(tokens), lines) if r.kind == "off-switch"]
    return sorted(spans)


def _block_span(token: Token, lines: list[tuple[int, int]], to_the_end: bool = False) -> tuple[int, int]:
    """The block's lines; with ``to_the_end``, a block that reaches the last
    line runs to the end of the text (a fence left open takes the blank lines
    after it)."""
    first, stop = token.map  # type: ignore[misc]
    parsed_lines = len(lines) - (1 if lines[-1][0] == lines[-1][1] else 0)
    if to_the_end and stop >= parsed_lines:
        return lines[first][0], lines[-1][1]
    return lines[first][0], lines[max(first, stop - 1)][1]


def _front_matter_open(text: str, tokens: list[Token]) -> bool:
    """Whether ``text`` opens front matter it has not closed yet: it would be
    front matter if its closing line came next."""
    first_line = text.split("\n", 1)[0].rstrip(" \t\r")
    if first_line not in ("---", "+++") or any(t.type in ("front_matter", "toml_front_matter") for t in tokens):
        return False
    probe, _ = block_tokens(text + ("" if text.endswith("\n") else "\n") + first_line + "\n")
    return any(t.type in ("front_matter", "toml_front_matter") for t in probe)


def _through_blank_lines(text: str, token: Token, lines: list[tuple[int, int]]) -> tuple[int, int]:
    start, end = _block_span(token, lines)
    number = token.map[1]  # type: ignore[index]
    while number < len(lines) and not text[lines[number][0] : lines[number][1]].strip():
        number += 1
    return start, lines[number][0] if number < len(lines) else len(text)


def _block_switches(tokens: list[Token]) -> Iterator[tuple[int, str]]:
    for token in tokens:
        if token.type == "html_block" and token.map:
            match = SWITCH_COMMENT.fullmatch(token.content.strip())
            if match:
                state = match["state"].lower()
                yield (token.map[0] if state == OFF else token.map[1] - 1), state


def markdown_regions(text: str) -> list[Region]:
    """Every protected region of the Markdown document ``text``."""
    tokens, env = block_tokens(text)
    lines = line_spans(text)
    regions: list[Region] = []
    switches = list(_block_switches(tokens))
    in_table = False
    row_cursors: dict[int, int] = {}  # per table row line: where the next cell's search starts
    for token in tokens:
        if token.type in VERBATIM_BLOCKS and token.map:
            regions.append(Region(*_block_span(token, lines), VERBATIM_BLOCKS[token.type]))
        elif token.type == "table_open":
            in_table = True
            regions.append(Region(*_block_span(_delimiter_row(token), lines), "table-delimiter-row"))
        elif token.type == "table_close":
            in_table = False
        elif token.type == "tr_open" and token.map:
            regions.append(Region(*_block_span(token, lines), "table-row", LAYOUT))
        elif token.type == "list_item_open" and token.map:
            regions.extend(_list_marker(text, token, lines))
        elif token.type == "inline" and token.map and len(token.content) > MAX_INLINE_CHARS:
            regions.append(Region(*_block_span(token, lines), "long-inline"))
        elif token.type == "inline" and token.map:
            inline_regions, inline_switches = _inline_regions(text, token, env, lines, row_cursors if in_table else None)
            regions += inline_regions
            switches += inline_switches
    for first, stop in env.get(REFERENCES, ()):
        regions.append(Region(lines[first][0], lines[stop - 1][1], "reference-definition"))
    regions += switch_regions(switches, lines)
    return regions


def _delimiter_row(table: Token) -> Token:
    row = Token("tr_open", "tr", 1)
    row.map = [table.map[0] + 1, table.map[0] + 2]  # type: ignore[index]
    return row


def _list_marker(text: str, item: Token, lines: list[tuple[int, int]]) -> list[Region]:
    """The list marker and the spaces after it, which set the item's indentation."""
    start, end = lines[item.map[0]]  # type: ignore[index]
    marker = item.info + item.markup  # "1" + "." for ordered items, "" + "-" for bullets
    at = text.find(marker, start, end)
    if at == -1:
        return []
    after = at + len(marker)
    while after < end and text[after] in " \t":
        after += 1
    return [Region(start, after, "list-marker", LAYOUT)]


class _InlineSource:
    """Where each line of an inline token's content sits in the document."""

    def __init__(self, text: str, token: Token, lines: list[tuple[int, int]], row_cursors: dict[int, int] | None):
        self.text, self.lines, self.row_cursors = text, lines, row_cursors
        self.first_line = token.map[0]  # type: ignore[index]
        self.line_starts: list[int] = []  # content offset where each content line starts
        self.bases: list[int | None] = []  # document offset of its first non-blank character
        self.leads: list[int] = []
        offset = 0
        for number, content_line in enumerate(token.content.split("\n")):
            self.line_starts.append(offset)
            offset += len(content_line) + 1
            stripped = content_line.lstrip(" \t")
            self.leads.append(len(content_line) - len(stripped))
            self.bases.append(self._locate(self.first_line + number, stripped))

    def _locate(self, number: int, stripped: str) -> int | None:
        if number >= len(self.lines):
            return None
        start, end = self.lines[number]
        source = self.text[start:end]
        if self.row_cursors is None:  # a paragraph line is its source line less container markers and indentation
            for candidate in (source, source.rstrip(" \t")):
                if candidate.endswith(stripped):
                    return start + len(candidate) - len(stripped)
            at = source.find(stripped)
        else:  # a table cell: after the cells before it in the row
            at = source.find(stripped, self.row_cursors.get(number, 0))
            if at != -1:
                self.row_cursors[number] = at + len(stripped)
        return None if at == -1 else start + at

    def offset(self, position: int, is_end: bool = False) -> int | None:
        """The document offset of content offset ``position`` (an end: just after ``position - 1``)."""
        if is_end:
            found = self.offset(position - 1)
            return None if found is None else found + 1
        number = bisect_right(self.line_starts, position) - 1
        base = self.bases[number]
        if base is None:
            return None
        return base + max(0, position - self.line_starts[number] - self.leads[number])

    def whole_lines(self, start: int, end: int, kind: str) -> Region:
        """The document lines holding content ``start..end``: where the content cannot be located."""
        first = self.first_line + bisect_right(self.line_starts, start) - 1
        last = self.first_line + bisect_right(self.line_starts, max(start, end - 1)) - 1
        last = min(last, len(self.lines) - 1)
        return Region(self.lines[first][0], self.lines[last][1], kind)


def _inline_regions(
    text: str, token: Token, env: dict, lines: list[tuple[int, int]], row_cursors: dict[int, int] | None
) -> tuple[list[Region], list[tuple[int, str]]]:
    """The protected regions inside one inline token, and its skip/off/on switches."""
    spans = _inline_spans(token.content, env)
    if not spans and row_cursors is None:
        return [], []
    source = _InlineSource(text, token, lines, row_cursors)
    regions, switches = [], []
    content = token.content
    for name, start, end, label_end, types in spans:
        protected = _protected_part(name, content, start, end, label_end, types)
        if protected is None:
            continue
        low, high = protected
        kind = RECORDED_INLINE[name]
        if name == "html_inline":
            match = SWITCH_COMMENT.fullmatch(content[low:high])
            if match:
                line = source.first_line + bisect_right(source.line_starts, low) - 1
                state = match["state"].lower()
                if state != SKIP or not content[high:].split("\n", 1)[0].strip():
                    switches.append((line, state))
        first, last = source.offset(low), source.offset(high, is_end=True)
        if first is None or last is None:
            regions.append(source.whole_lines(low, high, kind))
        else:
            regions.append(Region(first, last, kind, None, REMOVING))
    return regions, switches


def _protected_part(
    name: str, content: str, start: int, end: int, label_end: int, types: tuple[str, ...]
) -> tuple[int, int] | None:
    """The part of a recorded match that is protected, in content offsets."""
    if name == "newline":
        if "hardbreak" not in types:
            return None
        spaces = start
        while spaces > 0 and content[spaces - 1] == " ":
            spaces -= 1
        return spaces, start + 1
    if name in ("link", "image"):
        if label_end < 0:
            return start, end
        after = content[label_end + 1 : label_end + 3]
        if end == label_end + 1 or after.startswith("[]"):  # [label] or [label][]: the label is the key
            return start, end
        return label_end, end
    if name == "backticks" and "code_inline" not in types:
        return None  # a lone run of backticks is text
    if name == "entity" and not _entity_matters(content, start, end):
        return None
    return start, end


# Characters that mean something to Markdown: an entity standing for one of
# them must stay an entity (decoded, "&lt;div&gt;" would become raw HTML).
MARKDOWN_SIGNIFICANT = frozenset("<>*_`[]()\\#!|~$&")


def _entity_matters(content: str, start: int, end: int) -> bool:
    """Whether decoding the entity at ``content[start:end]`` could change
    how the Markdown reads: it stands for a significant character, or for an
    ampersand that would start another entity ("&amp;copy;")."""
    decoded = html.unescape(content[start:end])
    if decoded == "&":
        return ENTITY_NAME_AHEAD.match(content, end) is not None
    return any(char in MARKDOWN_SIGNIFICANT for char in decoded)


def _inline_spans(content: str, env: dict) -> list[tuple]:
    """Recorded matches of the protected inline constructs in ``content``."""
    md = parser()
    inline_env = {**env, SPANS: [], ROOT: content}
    md.inline.parse(content, md, inline_env, [])
    return inline_env[SPANS]
