"""Cutting a text of any size into segments that are cleaned one at a time.

A segment ends at the first blank line found after ``SEGMENT_SIZE``
characters; a single line break after ``MAX_SEGMENT_SIZE`` characters is the
fallback for text with no blank lines, and for a line longer than that, a
single space between two words ``LONG_LINE_SLACK`` characters later (no rule
looks across a space between words) when the consumer asks for it and
cleans through ``rejoin_cut_lines``, which puts back the space that cleaning
takes from the end of such a piece. The cut depends only on
the text before it, so a stream read in pieces of any size is cut exactly
where the whole text would be, and cleaning it piece by piece gives the same
result. Only a run of over ``MAX_SEGMENT_SIZE`` characters with no space or
line break in it stays whole, as nothing can be cut there without changing
what the rules see.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

SEGMENT_SIZE = 1 << 18  # characters; shorter documents are one segment
MAX_SEGMENT_SIZE = 1 << 20  # cleaning a segment takes about 100 bytes per character at its peak
LONG_LINE_SLACK = 1 << 16  # how far past MAX_SEGMENT_SIZE a line break is awaited before a space will do
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
WORD_SPACE = re.compile(r"(?<=[^\s]) (?=[^\s])")  # one space between two words
PAUSE = object()  # a piece meaning "input has paused": cut at the last blank line


class CutLine(str):
    """A segment that ends inside a line, just after a space between two words."""


class Segmenter:
    """Accumulates pieces of text and hands out complete segments."""

    def __init__(self, size: int | None = None, max_size: int | None = None, cut_lines: bool = False):
        self.size = size or SEGMENT_SIZE
        self.max_size = max(self.size, max_size or MAX_SEGMENT_SIZE)
        self.cut_lines = cut_lines  # cut a long line at a space (the consumer uses ``rejoin_cut_lines``)
        self.buffer = ""
        self.waiting: list[str] = []  # pieces not yet added to ``buffer``
        self.waiting_size = 0
        self.searched = 0  # no cut can start in ``buffer`` before this offset

    def feed(self, piece: str) -> list[str]:
        self.waiting.append(piece)
        self.waiting_size += len(piece)
        # Join small buffers at once; a long one without a place to cut only
        # when it has half as much again waiting, so joining stays linear.
        if len(self.buffer) > 2 * self.max_size and self.waiting_size < len(self.buffer) // 2:
            return []
        self._join()
        return self._cut_ready()

    def flush_paragraphs(self) -> list[str]:
        """Cut at the last blank line so far (used when input pauses)."""
        self._join()
        segments = self._cut_ready()
        last = None
        for last in BLANK_LINE.finditer(self.buffer):
            pass
        if last is None:
            return segments
        cut = last.end()
        head, self.buffer, self.searched = self.buffer[:cut], self.buffer[cut:], 0
        return [*segments, head]

    def close(self) -> list[str]:
        self._join()
        segments = self._cut_ready()
        if self.buffer:
            segments.append(self.buffer)
            self.buffer = ""
        return segments

    def _join(self) -> None:
        if self.waiting:
            self.buffer += "".join(self.waiting)
            self.waiting, self.waiting_size = [], 0

    def _cut_ready(self) -> list[str]:
        segments = []
        start = 0  # cut by offsets and copy the rest once: a huge piece is not re-sliced per segment
        while len(self.buffer) - start > self.size:
            cut = self._next_cut(start)
            if cut is None:
                self.searched = max(start, self._resume_offset())
                break
            segment = self.buffer[start:cut]
            segments.append(CutLine(segment) if segment[-1] == " " else segment)
            start = cut
        if start:
            self.buffer = self.buffer[start:]
            self.searched = max(0, self.searched - start)
        return segments

    def _resume_offset(self) -> int:
        """Where the next search must start so that a cut begun near the end
        of the buffer (a blank line still open, a space not yet followed by a
        word) is found once more text arrives."""
        end = len(self.buffer)
        while end and self.buffer[end - 1] in " \t\r":
            end -= 1
        return max(0, end - 2)

    def _next_cut(self, start: int) -> int | None:
        """The end of the segment starting at ``start``: the earliest of the
        three kinds of cut, so that text arriving later cannot move it."""
        length = len(self.buffer) - start
        searched = max(start, self.searched)
        candidates = []
        gap = BLANK_LINE.search(self.buffer, max(searched, start + self.size))
        if gap:
            candidates.append(gap.end())
        if length > self.max_size:
            newline = self.buffer.find("\n", max(searched, start + self.max_size))
            if newline != -1:
                candidates.append(newline + 1)
        if self.cut_lines and length > self.max_size + LONG_LINE_SLACK:
            space = WORD_SPACE.search(self.buffer, max(searched, start + self.max_size + LONG_LINE_SLACK))
            if space:
                candidates.append(space.end())
        return min(candidates) if candidates else None


def segments_of(
    pieces: Iterable[str | object],
    size: int | None = None,
    max_size: int | None = None,
    cut_lines: bool = False,
    keep_pauses: bool = False,
) -> Iterator[str]:
    """Every segment of the text made of ``pieces``, in order. A ``PAUSE``
    piece releases the complete paragraphs received so far (followed, with
    ``keep_pauses``, by the ``PAUSE`` itself). With ``cut_lines``, a line too
    long for one segment is cut at a space between words, and the segments
    must be cleaned through ``rejoin_cut_lines``."""
    segmenter = Segmenter(size, max_size, cut_lines)
    for piece in pieces:
        if piece is PAUSE:
            yield from segmenter.flush_paragraphs()
            if keep_pauses:
                yield piece  # type: ignore[misc]
        else:
            yield from segmenter.feed(piece)
    yield from segmenter.close()


def rejoin_cut_lines(segments: Iterable[str], clean: Callable[[Iterable[str]], Iterable[str]]) -> Iterator[str]:
    """``clean(segments)``, with the space back where a segment was cut inside
    a line (a ``CutLine``) and cleaning took it away with the blanks at the
    segment's end. ``clean`` must take segments one at a time and yield each
    one's cleaned text before taking the next."""
    state = {"taken": 0, "cut": False}  # segments taken so far; was the last one cut inside a line

    def taken() -> Iterator[str]:
        for segment in segments:
            state["taken"] += 1
            state["cut"] = isinstance(segment, CutLine)
            yield segment

    held, held_from = None, 0  # the last output of a cut segment, and which segment it came from
    for piece in clean(taken()):
        if held is not None:
            yield held + (cut_line_gap(held, piece) if state["taken"] != held_from else "")
            held = None
        if state["cut"]:
            held, held_from = piece, state["taken"]
        else:
            yield piece
    if held is not None:
        yield held


def cut_line_gap(before: str, after: str) -> str:
    """What goes between the cleaned end of a ``CutLine`` and the cleaned text
    after it: the space it was cut at, unless one of them still has it."""
    if before and after and not before[-1].isspace() and not after[0].isspace():
        return " "
    return ""


def for_each_segment_cleaned(
    segments: Iterable[str], clean: Callable[[Iterable[str]], Iterable[str]], take: Callable[[str, str], None]
) -> None:
    """Call ``take(segment, cleaned)`` for every segment, with all the text
    ``clean(segments)`` gave for it ("" for a segment cleaned away), as soon
    as ``clean`` takes the next one. ``clean`` must take segments one at a
    time and yield each one's cleaned text before taking the next."""
    current: list[str] = []  # the segment being cleaned
    parts: list[str] = []  # and its cleaned text so far

    def taken() -> Iterator[str]:
        for segment in segments:
            if current:
                take(current.pop(), "".join(parts))
                parts.clear()
            current.append(segment)
            yield segment

    for piece in clean(taken()):
        parts.append(piece)
    if current:
        take(current.pop(), "".join(parts))
