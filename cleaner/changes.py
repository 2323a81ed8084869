"""What each rule changed in a text, as records a person or a program can
read: rule, line, column, before, after (for ``explain`` and ``--report``)."""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Change:
    """One change by one rule. ``line`` and ``column`` count from 1 in the
    text as that rule received it: after the rules before it in the chain
    (for the whitespace rule's tidying before the first rule, the text as
    given; in the rare second pass of the chain, the first pass's output)."""

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


# How far ahead a line removed by a rule is looked for. Rules edit lines in
# place or remove them (never reorder or add them), so a greedy walk with a
# short look-ahead aligns old and new lines in linear time, where a general
# diff (difflib) turns quadratic on documents of many identical lines.
LOOK_AHEAD = 64


def rule_changes(rule: str, before: str, after: str) -> list[Change]:
    """The changes that turned ``before`` into ``after``: each edited line,
    and each run of removed lines, as one change."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    changes = []
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            i, j = i + 1, j + 1
            continue
        ahead = old[i + 1 : i + 1 + LOOK_AHEAD]
        if len(old) - i > len(new) - j and new[j] in ahead:  # old[i:k] were removed
            k = i + 1 + ahead.index(new[j])
            changes.append(_narrowed(rule, i + 1, "".join(old[i:k]), ""))
            i = k
            continue
        changes.append(_narrowed(rule, i + 1, old[i], new[j]))
        i, j = i + 1, j + 1
    if i < len(old) or j < len(new):
        changes.append(_narrowed(rule, i + 1, "".join(old[i:]), "".join(new[j:])))
    return changes


def shifted(change: Change, lines: int) -> Change:
    """``change`` with its line moved down by ``lines``."""
    return dataclasses.replace(change, line=change.line + lines) if lines else change
