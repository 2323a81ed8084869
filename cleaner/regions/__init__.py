"""Protected regions: stretches of a document that some or all rules must not
edit (code, link targets, hard breaks, off switches), found once per document.

The pipeline drops every edit that touches a region blocking its rule
(``filter_edits``); the rules themselves never look for code.

>>> regions = protected_regions("Use `a  b` here.  \\n", "markdown")
>>> regions.allows("whitespace", 6, 7), regions.allows("whitespace", 10, 11)
(False, True)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, TypeVar

from cleaner.segments import CutLine

FORMATS = ("text", "markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

# Rules that judge words and the spaces between them: the only ones that
# code-like lines of a plain text document are protected from.
WORD_LEVEL = frozenset({"joined-words", "punctuation-spacing"})
# The rule that may remove a whole stretch of text (a footer), and so may
# remove an inline region whole, though it may not edit inside one.
REMOVING = frozenset({"boilerplate"})


class Region(NamedTuple):
    """``text[start:end]`` is protected: ``rules`` may not edit inside it
    (None: no rule may); rules in ``removable_by`` may still remove or
    replace it whole. ``kind`` says what it is, for tests and reports."""

    start: int
    end: int
    kind: str
    rules: frozenset[str] | None = None
    removable_by: frozenset[str] = frozenset()

    def blocks(self, rule: str) -> bool:
        return self.rules is None or rule in self.rules


class _Spans:
    """Sorted starts and ends of intervals, for bisecting."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.ends = [end for _, end in ordered]


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class Regions:
    """The protected regions of one text, asked edit by edit: ``allows``."""

    def __init__(self, regions: Iterable[Region] = ()):
        self.regions: tuple[Region, ...] = tuple(sorted(r for r in regions if r.end > r.start))
        self._by_rule: dict[str, tuple[_Spans, _Spans]] = {}

    def __bool__(self) -> bool:
        return bool(self.regions)

    def __len__(self) -> int:
        return len(self.regions)

    def __iter__(self):
        return iter(self.regions)

    def __repr__(self) -> str:
        return f"Regions({list(self.regions)!r})"

    def _spans(self, rule: str) -> tuple[_Spans, _Spans]:
        """(hard, whole-only) intervals for ``rule``: merged intervals it may
        not touch at all, and intervals it may only remove whole."""
        if rule not in self._by_rule:
            hard, whole = [], []
            for region in self.regions:
                if region.blocks(rule):
                    (whole if rule in region.removable_by else hard).append((region.start, region.end))
            self._by_rule[rule] = (_Spans(_merged(hard)), _Spans(_merged(whole)))
        return self._by_rule[rule]

    def allows(self, rule: str, start: int, end: int) -> bool:
        """True when ``rule`` may replace ``text[start:end]``: the edit overlaps
        no region blocking ``rule`` (an insertion, ``start == end``, must not
        fall strictly inside one), except that it may cover a region it is
        allowed to remove whole."""
        if not self.regions:
            return True
        hard, whole = self._spans(rule)
        if _overlaps(hard, start, end):
            return False
        if not whole.starts:
            return True
        # Intervals are disjoint, so only the first and last that overlap the
        # edit can stick out of it; the ones between lie inside.
        first = bisect_right(whole.ends, start)
        last = bisect_left(whole.starts, end) - 1
        if first > last:
            return True
        return start <= whole.starts[first] and whole.ends[last] <= end and start < end

    def filter(self, edits: Iterable[EditLike], rule: str) -> list[EditLike]:
        """The ``edits`` (tuples starting ``start, end``) of ``rule`` that these regions allow."""
        return filter_edits(edits, self, rule)

    def mapped(self, edits: Sequence[tuple[int, int, str]], text: str | None = None) -> Regions:
        """These regions in the coordinates of the text after ``edits`` (sorted,
        non-overlapping ``(start, end, replacement, ...)``) were applied. Text
        inserted at a region's edge stays outside it. (``text``, the text
        after the edits, is not needed here.)"""
        if not edits or not self.regions:
            return self
        starts = [edit[0] for edit in edits]
        shifts, total = [], 0
        for edit in edits:
            total += len(edit[2]) - (edit[1] - edit[0])
            shifts.append(total)

        def moved(position: int, is_end: bool) -> int:
            index = bisect_right(starts, position) - 1
            while index >= 0:
                start, end, replacement = edits[index][:3]
                if start < position < end:  # inside a replaced stretch: to the replacement's edge
                    before = shifts[index - 1] if index else 0
                    return start + before + (len(replacement) if is_end else 0)
                if end < position or (end == position and (start < end or not is_end)):
                    return position + shifts[index]
                index -= 1  # an edit starting at ``position``, or an insertion at a region's end
            return position

        return Regions(
            region._replace(start=moved(region.start, False), end=moved(region.end, True)) for region in self.regions
        )


def _overlaps(spans: _Spans, start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the disjoint ``spans`` (an
    insertion, ``start == end``, when it lies strictly inside one)."""
    index = bisect_left(spans.starts, end) - 1  # the last interval starting before ``end``
    return index >= 0 and spans.ends[index] > start


EditLike = TypeVar("EditLike", bound=tuple)


def filter_edits(edits: Iterable[EditLike], regions: Regions, rule: str) -> list[EditLike]:
    """The ``edits`` (tuples starting ``start, end``) of ``rule`` that ``regions`` allow."""
    if not regions:
        return list(edits)
    return [edit for edit in edits if regions.allows(rule, edit[0], edit[1])]


def format_for_name(name: str | None) -> str:
    """``markdown`` for a file name with a Markdown suffix, else ``text``."""
    if name and name.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


# The rules that a plain text's code-like lines are closed to (the rest of a
# plain text's regions are off switches, which close it to every rule).
TEXT_CODE_LINE_RULES = WORD_LEVEL | {"whitespace"}


def might_hold_switch(text: str) -> bool:
    """Whether ``text`` holds "cleaner:" in any case (as in ``text.lower()``:
    only ASCII letters lower to these), found from its rare "r:" by
    substring searches, much faster than lowering or a case-blind regex."""
    for tail in ("r:", "R:"):
        found = text.find(tail)
        while found >= 0:
            if text[max(found - 6, 0) : found + 1].lower() == "cleaner":
                return True
            found = text.find(tail, found + 2)
    return False


def may_block(text: str, format: str, rule: str) -> bool:
    """Whether any region of ``text`` could close it to ``rule``: a cheap test,
    so that finding the regions (a parse, or reading every line) is done only
    when some rule's edits need it."""
    return format != "text" or rule in TEXT_CODE_LINE_RULES or might_hold_switch(text)


def protected_regions(text: str, format: str = "text") -> Regions:
    """Every protected region of ``text`` read as ``format`` (``text`` or
    ``markdown``), the off switches included."""
    if format == "markdown":
        from cleaner.regions import markdown  # the parser is imported only for Markdown

        return Regions(markdown.markdown_regions(text))
    if format == "text":
        from cleaner.regions import plain, switches

        return Regions([*plain.code_line_regions(text), *switches.text_switch_regions(text)])
    raise ValueError(f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")


def uncuttable_spans(text: str, format: str = "text") -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches of ``text`` that a segment cut must
    not fall inside: in Markdown, code, HTML and math blocks and front matter
    (a block still open at the end of ``text`` runs to its end); in any
    format, off-switch regions. Compute once per buffer and test each
    candidate cut against them (``cut_allowed`` does both)."""
    from cleaner.regions import switches

    if format == "markdown":
        from cleaner.regions import markdown  # the parser is imported only for Markdown

        return markdown.uncuttable_spans(text)
    return [(r.start, r.end) for r in switches.text_switch_regions(text) if r.kind == "off-switch"]


def cut_allowed(text: str, cut: int, format: str = "text") -> bool:
    """Whether ``text`` may be cut into segments at ``cut`` (a line start)
    without splitting a block that must be read whole. A block that ends at
    ``cut`` with an empty line is still open there. Text is cut only after a
    blank line: elsewhere the cut would split a paragraph (whose inline code
    may run across lines) or a run of code-like lines (found by their
    neighbours: aligned columns, ``key: value`` runs, indented blocks)."""
    if 0 < cut and not _after_blank_line(text, cut):
        return False
    return not any(start < cut <= end for start, end in uncuttable_spans(text, format))


def _after_blank_line(text: str, cut: int) -> bool:
    if text[cut - 1] not in "\r\n":
        return False
    before = text[: cut - 1].rstrip(" \t\r")
    return not before or before.endswith("\n")


# The most characters held back waiting for a block to close before a
# segment is let go anyway (an unclosed fence at the top of a huge file).
MAX_HELD = 1 << 22


def joined_at_allowed_cuts(segments: Iterable[str], format: str = "text") -> Iterator[str]:
    """``segments`` (``cleaner.segments``), each joined to the next while the
    cut after it would fall inside a block that must be read whole
    (``cut_allowed``), so that cleaning segment by segment reads every block
    as the whole document does. The decision depends only on the text before
    the cut, so a stream cut in any pieces is joined the same way."""
    joiner = SegmentJoiner(format)
    for segment in segments:
        joined = joiner.feed(segment)
        if joined is not None:
            yield joined
    rest = joiner.close()
    if rest is not None:
        yield rest


class SegmentJoiner:
    """``joined_at_allowed_cuts`` one segment at a time, for a consumer that
    must see what happens between segments (``cleaner.parallel``)."""

    def __init__(self, format: str = "text"):
        from cleaner import segments as segmenting

        self.format = format
        # Plain text is read whole up to the segmenter's own bound (a paragraph of
        # over a million characters is let go at a line break or a space, where
        # the code-like lines around the cut are read without their neighbours);
        # Markdown up to MAX_HELD, for a block left open.
        self.limit = MAX_HELD if format == "markdown" else segmenting.MAX_SEGMENT_SIZE
        self.held: list[str] = []
        self.length = 0

    def feed(self, segment: str) -> str | None:
        """The next joined segment, once ``segment`` completes one; else None."""
        self.held.append(segment)
        self.length += len(segment)
        if self.length < self.limit and not cut_allowed("".join(self.held), self.length, self.format):
            return None
        joined = "".join(self.held)
        self.held, self.length = [], 0
        return CutLine(joined) if isinstance(segment, CutLine) else joined

    def close(self) -> str | None:
        """What is held at the end of the text, if anything."""
        if not self.held:
            return None
        joined = "".join(self.held)
        self.held, self.length = [], 0
        return joined
