"""The protected regions of a plain text, found block by block when an edit
first needs them, so that reading every line for code (``plain``) costs
nothing where no rule wants to change anything.

A block is a run of lines between whitespace-only lines. Whether a line is
code-like depends only on its own block (its neighbours' columns, a run of
``key: value`` lines, an indented block, a prompt line above it), so reading
the blocks an edit touches gives the same regions as reading the whole text.
Off switches can span blocks and are found on the whole text at once.

Once read, a block's regions are carried through later edits like
``Regions.mapped``; ``stale`` reads the blocks again on the final text and
says whether what was carried still holds, as the chain's last check.

>>> regions = TextRegions("Prose here.\\n\\n    $ make  install\\n")
>>> regions.allows("whitespace", 24, 26), len(regions.found)
(False, 1)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from cleaner.regions import TEXT_CODE_LINE_RULES, Region, Regions, might_hold_switch


def _blank(line: str) -> bool:
    return not line.strip()


def block_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest ``(start, end)`` of whole blocks holding the lines that
    ``text[start:end]`` touches: from a line after a whitespace-only line (or
    the text's start) to a line before one (or the text's end), line breaks
    at the edges excluded."""
    block_start = text.rfind("\n", 0, start) + 1
    while block_start > 0:
        previous = text.rfind("\n", 0, block_start - 1) + 1
        if _blank(text[previous : block_start - 1]):
            break
        block_start = previous
    block_end = text.find("\n", end)
    if block_end < 0:
        return block_start, len(text)
    while True:
        following = text.find("\n", block_end + 1)
        if following < 0:
            following = len(text)
        if _blank(text[block_end + 1 : following]):
            return block_start, block_end
        block_end = following
        if block_end == len(text):
            return block_start, block_end


def _code_regions(text: str, start: int, end: int, memo: dict[str, tuple[Region, ...]]) -> list[Region]:
    """The code-like regions of the blocks ``text[start:end]``. ``memo`` keeps
    them by the blocks' text: the chain's last check reads again the blocks
    that edits touched, most of them unchanged."""
    from cleaner.regions import plain

    block = text[start:end]
    regions = memo.get(block)
    if regions is None:
        regions = memo[block] = tuple(plain.code_line_regions(block))
    return [Region(region.start + start, region.end + start, region.kind, region.rules) for region in regions]


class TextRegions:
    """The regions of one plain text (without lone CRs), asked edit by edit
    like ``Regions``; code-like lines are read per block on first need."""

    def __init__(
        self,
        text: str,
        switches: Regions | None = None,
        found: Regions | None = None,
        read: Regions | None = None,
        memo: dict[str, tuple[Region, ...]] | None = None,
    ):
        self.text = text
        self.memo = memo if memo is not None else {}  # block text -> its regions, within one segment
        if switches is None:
            from cleaner.regions.switches import text_switch_regions

            switches = Regions(text_switch_regions(text) if might_hold_switch(text) else ())
        self.switches = switches
        self.found = found if found is not None else Regions()  # code-like lines of the blocks read
        self.read = read if read is not None else Regions()  # the blocks read, as regions of kind "read"
        self._all: Regions | None = None

    def __bool__(self) -> bool:
        return True  # code may lie in any block not read yet

    def _read_blocks(self, edits: Iterable[tuple]) -> None:
        """Read the blocks that ``edits`` touch and have not been read."""
        text = self.text
        read_starts = [region.start for region in self.read]
        read_ends = [region.end for region in self.read]
        spans: list[tuple[int, int]] = []
        for edit in edits:
            start, end = edit[0], edit[1]
            index = bisect_right(read_starts, start) - 1
            if index >= 0 and read_ends[index] >= end:
                continue  # inside a block already read (blocks are whole lines)
            if spans and spans[-1][0] <= start and end <= spans[-1][1]:
                continue  # inside the block the previous edit read
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            index = bisect_right(read_starts, line_start) - 1
            if index >= 0 and read_ends[index] >= line_end:
                continue  # inside a block already read
            if spans and spans[-1][0] <= line_start and line_end <= spans[-1][1]:
                continue  # inside the block the previous edit read
            spans.append(block_span(text, start, end))
        if not spans:
            return
        found = [region for span in spans for region in _code_regions(text, *span, self.memo)]
        self.found = Regions(set([*self.found, *found]))
        self.read = Regions(_merged([*((r.start, r.end) for r in self.read), *spans]))
        self._all = None

    def filter(self, edits: Sequence[tuple], rule: str) -> list:
        """The ``edits`` of ``rule`` that the regions allow."""
        if rule in TEXT_CODE_LINE_RULES:
            self._read_blocks(edits)
        regions = self._regions()
        if not regions:
            return list(edits)
        return [edit for edit in edits if regions.allows(rule, edit[0], edit[1])]

    def allows(self, rule: str, start: int, end: int) -> bool:
        return bool(self.filter([(start, end)], rule))

    def _regions(self) -> Regions:
        if self._all is None:
            self._all = Regions([*self.switches, *self.found]) if self.switches else self.found
        return self._all

    def mapped(self, edits: Sequence[tuple], text: str) -> TextRegions:
        """These regions in the coordinates of ``text``, the text after ``edits``."""
        return TextRegions(
            text, self.switches.mapped(edits), self.found.mapped(edits), self.read.mapped(edits), self.memo
        )

    def stale(self, text: str) -> TextRegions | None:
        """None when the regions carried to ``text`` are what reading it afresh
        gives (its switches, and the blocks read so far); else the fresh ones."""
        fresh = TextRegions(text, memo=self.memo)
        if fresh.switches.regions != self.switches.regions:
            return fresh
        fresh._read_blocks([(region.start, region.end) for region in self.read])
        if fresh.found.regions != self.found.regions:
            return fresh
        return None


def _merged(spans: Iterable[tuple[int, int]]) -> list[Region]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Region(start, end, "read") for start, end in merged]
