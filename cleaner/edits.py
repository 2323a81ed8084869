"""Edits: what a rule would change and where, as ``(start, end, replacement,
reason)`` against the text the rule received. Rules return edits; the pipeline
applies them, records them and maps offsets back to the original text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``; ``reason`` says why, in a few words."""

    start: int
    end: int
    replacement: str
    reason: str = ""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` made; they must be sorted and must not overlap."""
    pieces, last = [], 0
    for start, end, replacement, *_ in edits:
        pieces += (text[last:start], replacement)
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    return index


def narrowed_edit(before: str, after: str, offset: int = 0, reason: str = "") -> Edit | None:
    """The one edit turning ``before`` into ``after``, shifted by ``offset``:
    their common ends trimmed, then widened to whole words so that a record
    reads ``&amp;`` -> ``&`` rather than ``amp;`` -> ``''``. None when they are equal."""
    if before == after:
        return None
    prefix = _common_prefix(before, after)
    suffix = _common_prefix(before[prefix:][::-1], after[prefix:][::-1])
    while prefix and not before[prefix - 1].isspace():
        prefix -= 1
    while suffix and not before[len(before) - suffix].isspace():
        suffix -= 1
    return Edit(offset + prefix, offset + len(before) - suffix, after[prefix : len(after) - suffix], reason)


def line_edits(before: str, after: str, reason: str = "") -> list[Edit]:
    """Edits turning ``before`` into ``after`` for a rule built on a function
    that returns a string (ftfy): one narrowed edit per changed line when both
    have as many lines, else one narrowed edit for the whole text."""
    if before == after:
        return []
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        edit = narrowed_edit(before, after, 0, reason)
        return [edit] if edit else []
    edits, offset = [], 0
    for old_line, new_line in zip(old, new):
        if old_line != new_line:
            edits.append(narrowed_edit(old_line, new_line, offset, reason))
        offset += len(old_line) + 1
    return edits  # type: ignore[return-value]


def check_edits(text: str, edits: Sequence[Edit]) -> None:
    """Raise ``ValueError`` unless ``edits`` are sorted, non-overlapping and within ``text``."""
    last = 0
    for edit in edits:
        if not (last <= edit.start <= edit.end <= len(text)):
            raise ValueError(f"edit {edit!r} overlaps, is out of order or out of range")
        last = edit.end
