"""The off switch in the text, like black's ``fmt: off``: ``cleaner: off`` ...
``cleaner: on`` leaves the lines between them (the switch lines included)
untouched by every rule, and ``cleaner: skip`` at the end of a line leaves
that line. An ``off`` without an ``on`` lasts to the end of the document.

In plain text a switch is a line of its own, bare or after a comment marker
(``#``, ``//``, ``--``, ``;``, ``%``, or inside ``/* */`` or ``<!-- -->``);
``skip`` ends a line, after a space or a comment marker. In Markdown the
switches are HTML comments (``<!-- cleaner: off -->``), which do not render.

>>> [(r.start, r.end) for r in text_switch_regions("a\\n# cleaner: off\\nx  =  1\\n# cleaner: on\\nb\\n")]
[(2, 38)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleaner.regions import Region, might_hold_switch

OFF, ON, SKIP = "off", "on", "skip"

# The words of a switch; "cleaner:" then the state, any case.
_STATE = r"cleaner:[ \t]*(?P<state>off|on|skip)"

# A switch in an HTML comment (Markdown): the whole comment holds only it.
SWITCH_COMMENT = re.compile(rf"<!--[ \t]*{_STATE}[ \t]*-->", re.IGNORECASE)

# A line of plain text that is only an off/on switch, bare or commented.
TEXT_SWITCH_LINE = re.compile(
    rf"""
    [ \t]*
    (?:\#+|//|--|;+|%+|/\*|<!--)?      # an optional comment marker
    [ \t]*{_STATE}[ \t]*
    (?:\*/|-->)?[ \t]*                  # the end of a block comment
    \Z
    """,
    re.VERBOSE | re.IGNORECASE,
)

# ``cleaner: skip`` ending a line of plain text, after a space or a comment marker.
TEXT_SKIP_END = re.compile(
    r"(?:^|[ \t]|\#|//|--|;|/\*|<!--)[ \t]*cleaner:[ \t]*skip[ \t]*(?:\*/|-->)?[ \t]*\Z",
    re.IGNORECASE,
)

LINE_BREAK = re.compile(r"\r\n?|\n")


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``, its line break excluded;
    CRLF, a lone CR and LF each end a line (as in markdown-it)."""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def switch_regions(switches: Iterable[tuple[int, str]], lines: list[tuple[int, int]]) -> list[Region]:
    """Regions from ``(line number, state)`` switches in document order: from
    each ``off`` to the next ``on`` (or the end), and each ``skip`` line."""
    regions, off_line = [], None
    for line, state in sorted(switches):
        if state == SKIP:
            regions.append(Region(lines[line][0], lines[line][1], "skip-line"))
        elif state == OFF and off_line is None:
            off_line = line
        elif state == ON and off_line is not None:
            regions.append(Region(lines[off_line][0], lines[line][1], "off-switch"))
            off_line = None
    if off_line is not None:
        regions.append(Region(lines[off_line][0], lines[-1][1], "off-switch"))
    return regions


def text_switch_regions(text: str, lines: list[tuple[int, int]] | None = None) -> list[Region]:
    """The off-switch and skip regions of a plain text."""
    if not might_hold_switch(text):
        return []
    lines = lines or line_spans(text)
    switches = []
    for number, (start, end) in enumerate(lines):
        line = text[start:end]
        if "cleaner:" not in line.lower():
            continue
        match = TEXT_SWITCH_LINE.match(line)
        if match:
            switches.append((number, match["state"].lower()))
        elif TEXT_SKIP_END.search(line):
            switches.append((number, SKIP))
    return switch_regions(switches, lines)
