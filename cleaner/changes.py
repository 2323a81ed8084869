"""What each rule changed in a text, as records a person or a program can
read: rule, line, column, before, after (for ``explain`` and ``--report``)."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Change:
    """One change by one rule. ``line`` and ``column`` count from 1 in the
    text as that rule received it (after the rules before it in the chain)."""

    rule: str
    line: int
    column: int
    before: str
    after: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    return index


def _narrowed(rule: str, first_line: int, old: str, new: str) -> Change:
    """The change from ``old`` to ``new`` with their common ends trimmed."""
    prefix = _common_prefix(old, new)
    suffix = _common_prefix(old[prefix:][::-1], new[prefix:][::-1])
    # Widen to whole words, to be readable: "&amp;" -> "&", not "amp;" -> "";
    # "said.The" -> "said. The", not "" -> " ".
    while prefix and not old[prefix - 1].isspace():
        prefix -= 1
    while suffix and not old[len(old) - suffix].isspace():
        suffix -= 1
    line = first_line + old.count("\n", 0, prefix)
    column = prefix - (old.rfind("\n", 0, prefix) + 1) + 1
    return Change(rule, line, column, old[prefix : len(old) - suffix], new[prefix : len(new) - suffix])


def rule_changes(rule: str, before: str, after: str) -> list[Change]:
    """The changes that turned ``before`` into ``after``, line block by line block."""
    old_lines, new_lines = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    changes = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:  # the same lines, each edited
            for offset in range(i2 - i1):
                changes.append(_narrowed(rule, i1 + offset + 1, old_lines[i1 + offset], new_lines[j1 + offset]))
        else:
            changes.append(_narrowed(rule, i1 + 1, "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])))
    return changes


def shifted(change: Change, lines: int) -> Change:
    """``change`` with its line moved down by ``lines``."""
    return dataclasses.replace(change, line=change.line + lines) if lines else change
