"""Cutting a text of any size into segments that are cleaned one at a time.

A segment ends at the first blank line found after ``SEGMENT_SIZE``
characters; a single line break after ``MAX_SEGMENT_SIZE`` characters is the
fallback for text with no blank lines. The cut depends only on the text before
it, so a stream read in pieces of any size is cut exactly where the whole text
would be, and cleaning it piece by piece gives the same result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

SEGMENT_SIZE = 1 << 18  # characters; shorter documents are one segment
MAX_SEGMENT_SIZE = 1 << 22
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
PAUSE = object()  # a piece meaning "input has paused": cut at the last blank line


class Segmenter:
    """Accumulates pieces of text and hands out complete segments."""

    def __init__(self, size: int | None = None, max_size: int | None = None):
        self.size = size or SEGMENT_SIZE
        self.max_size = max(self.size, max_size or MAX_SEGMENT_SIZE)
        self.buffer = ""

    def feed(self, piece: str) -> list[str]:
        self.buffer += piece
        return self._cut_ready()

    def flush_paragraphs(self) -> list[str]:
        """Cut at the last blank line so far (used when input pauses)."""
        last = None
        for last in BLANK_LINE.finditer(self.buffer):
            pass
        if last is None:
            return []
        cut = last.end()
        head, self.buffer = self.buffer[:cut], self.buffer[cut:]
        return [head]

    def close(self) -> list[str]:
        segments = self._cut_ready()
        if self.buffer:
            segments.append(self.buffer)
            self.buffer = ""
        return segments

    def _cut_ready(self) -> list[str]:
        segments = []
        start = 0  # cut by offsets and copy the rest once: a huge piece is not re-sliced per segment
        while len(self.buffer) - start > self.size:
            cut = self._next_cut(start)
            if cut is None:
                break
            segments.append(self.buffer[start:cut])
            start = cut
        if start:
            self.buffer = self.buffer[start:]
        return segments

    def _next_cut(self, start: int) -> int | None:
        gap = BLANK_LINE.search(self.buffer, start + self.size)
        newline = -1
        if len(self.buffer) - start > self.max_size:
            newline = self.buffer.find("\n", start + self.max_size)
        if gap and (newline == -1 or gap.start() <= newline):
            return gap.end()
        if newline != -1:
            return newline + 1
        return None


def segments_of(
    pieces: Iterable[str | object], size: int | None = None, max_size: int | None = None
) -> Iterator[str]:
    """Every segment of the text made of ``pieces``, in order. A ``PAUSE``
    piece releases the complete paragraphs received so far."""
    segmenter = Segmenter(size, max_size)
    for piece in pieces:
        if piece is PAUSE:
            yield from segmenter.flush_paragraphs()
        else:
            yield from segmenter.feed(piece)
    yield from segmenter.close()
