"""An offset map between an original text and the text edits made of it, so
that a position found in cleaned text (an entity, a match) can be found in the
original, and back."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from cleaner.edits import Edit


class Stretch(NamedTuple):
    """``cleaned[clean_start:clean_end]`` was made by edits from ``original[orig_start:orig_end]``."""

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int


class OffsetMap:
    """Which stretches of the cleaned text edits produced, and from what.
    Outside them the two texts hold the same characters, shifted."""

    def __init__(self, stretches: Sequence[Stretch] = ()):
        self.stretches: list[Stretch] = list(stretches)

    def _identity(self, before: int, offset: int) -> int:
        """Original offset of cleaned ``offset``, the first ``before`` stretches lying wholly before it."""
        if not before:
            return offset
        last = self.stretches[before - 1]
        return last.orig_end + offset - last.clean_end

    def compose(self, edits: Sequence[Edit]) -> list[tuple[int, int]]:
        """Record sorted, non-overlapping ``edits`` made to the cleaned text as
        it stands, and return each edit's span in the original text. An edit
        and the earlier stretches it overlaps become one stretch."""
        old = self.stretches
        # (start, end, orig_start, orig_end, growth) in the current coordinates:
        # the edits, then the stretches already made.
        items: list[tuple[int, int, int, int, int]] = []
        before = 0
        for start, end, replacement, *_ in edits:
            while before < len(old) and old[before].clean_end <= start:
                before += 1
            orig_start = self._identity(before, start)
            if before < len(old) and old[before].clean_start < start:  # the edit starts inside a stretch
                orig_start = old[before].orig_start
            after = before
            while after < len(old) and old[after].clean_end <= end:
                after += 1
            if after < len(old) and old[after].clean_start < end:  # it ends inside one
                orig_end = old[after].orig_end
            else:
                orig_end = max(orig_start, self._identity(after, end))
            items.append((start, end, orig_start, orig_end, len(replacement) - (end - start)))
        spans = [(item[2], item[3]) for item in items]
        if not items:
            return spans
        # Old stretches sort before an edit starting at the same place, so a
        # deletion's mark there stays apart from an edit that follows it.
        merged = sorted([(s.clean_start, 0, s.clean_end, s.orig_start, s.orig_end, 0) for s in old] + [
            (start, 1, end, orig_start, orig_end, growth) for start, end, orig_start, orig_end, growth in items
        ])
        new: list[Stretch] = []
        delta = 0
        low = high = orig_low = orig_high = growth_sum = 0
        open_block = False
        for start, _, end, orig_start, orig_end, growth in merged:
            if open_block and start < high:
                high, orig_low, orig_high = max(high, end), min(orig_low, orig_start), max(orig_high, orig_end)
                growth_sum += growth
                continue
            if open_block:
                new.append(Stretch(low + delta, high + delta + growth_sum, orig_low, orig_high))
                delta += growth_sum
            low, high, orig_low, orig_high, growth_sum = start, end, orig_start, orig_end, growth
            open_block = True
        new.append(Stretch(low + delta, high + delta + growth_sum, orig_low, orig_high))
        self.stretches = new
        return spans

    def to_original(self, offset: int) -> int:
        """The original offset of cleaned ``offset``; inside a replaced stretch, that stretch's start."""
        return self._across(offset, 0, 2)

    def to_cleaned(self, offset: int) -> int:
        """The cleaned offset of original ``offset``; inside a replaced stretch, the start of what replaced it."""
        return self._across(offset, 2, 0)

    def _across(self, offset: int, side: int, other: int) -> int:
        """``offset`` on one side (0: cleaned, 2: original; each stretch holds
        start and end of both) mapped to the other side."""
        index = bisect_right(self.stretches, offset, key=lambda stretch: stretch[side]) - 1
        if index < 0:
            return offset
        stretch = self.stretches[index]
        if offset < stretch[side + 1]:
            return stretch[other]
        return offset - stretch[side + 1] + stretch[other + 1]

    def extend(self, other: OffsetMap, clean_offset: int, orig_offset: int) -> None:
        """Append ``other``'s stretches (for a later part of the text), shifted by where that part starts."""
        self.stretches.extend(
            Stretch(s.clean_start + clean_offset, s.clean_end + clean_offset, s.orig_start + orig_offset, s.orig_end + orig_offset)
            for s in other.stretches
        )
