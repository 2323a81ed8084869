"""Selects rules from the registry and runs them in registry order.

Line endings are handled here, once, so that rules only ever see ``\\n``:
a CRLF document is cleaned as LF and given its CRLF back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.rule import Rule
from cleaner.segments import Segment, segments_of

WHITESPACE = "whitespace"  # the rule that owns blank lines between segments


class UnknownRuleError(ValueError):
    """A rule name in ``select`` or ``ignore`` that the registry does not know."""

    def __init__(self, unknown: list[str]):
        self.unknown = unknown
        valid = ", ".join(RULES_BY_NAME)
        names = ", ".join(unknown)
        super().__init__(f"unknown rule {names}; valid rules: {valid}")


def _names(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    return [name.strip() for name in value if name.strip()]


def select_rules(
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules to run, in chain order. Names may be a list or a comma-separated string."""
    selected, ignored = _names(select), _names(ignore)
    unknown = [n for n in (selected or []) + (ignored or []) if n not in RULES_BY_NAME]
    if unknown:
        raise UnknownRuleError(unknown)
    return tuple(
        rule
        for rule in RULES
        if (selected is None or rule.name in selected) and rule.name not in (ignored or ())
    )


def uses_crlf(text: str) -> bool:
    """True when most line breaks in ``text`` are CRLF."""
    crlf = text.count("\r\n")
    return crlf > 0 and crlf * 2 > text.count("\n")


def run_rules(text: str, rules: Iterable[Rule]) -> str:
    """Apply ``rules`` in order. A text whose rules change nothing is returned
    as it came (mixed line endings included); otherwise CRLF is restored."""
    crlf = uses_crlf(text)
    original = text.replace("\r\n", "\n") if crlf else text
    work = original
    for rule in rules:
        work = rule.apply(work)
    if work == original:
        return text
    return work.replace("\n", "\r\n") if crlf else work


def clean_segments(segments: Iterable[Segment], rules: Sequence[Rule]) -> Iterator[str]:
    """Clean segment by segment, joining them as the whole text would be.

    The whitespace rule ends every cleaned segment with exactly one line break;
    where a cut fell on a blank line, that blank line is put back between
    non-empty segments.
    """
    keeps_blank_lines = WHITESPACE in {rule.name for rule in rules}
    pending_blank_line = False
    started = False
    for segment in segments:
        cleaned = run_rules(segment.text, rules)
        if keeps_blank_lines:
            if not cleaned:
                pending_blank_line = pending_blank_line or (started and segment.at_blank_line)
                continue
            if started and pending_blank_line:
                yield "\r\n" if cleaned.endswith("\r\n") else "\n"
            pending_blank_line = segment.at_blank_line
            started = True
        yield cleaned


def clean_stream(
    pieces: Iterable[str],
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> Iterator[str]:
    """Clean a text that arrives in pieces (of any size), yielding cleaned text
    as soon as a segment is complete. Joined, the output equals ``clean`` of
    the joined pieces."""
    return clean_segments(segments_of(pieces), select_rules(select, ignore))


def clean(
    text: str,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> str:
    """Clean ``text`` with the chosen rules (all of them by default).

    ``select`` and ``ignore`` take rule names, as a list or a comma-separated
    string; an unknown name raises ``UnknownRuleError``. Any ``str`` is valid
    input. Texts longer than a segment (256 Ki characters) are cleaned one
    segment at a time, exactly as ``clean_stream`` does.
    """
    return "".join(clean_stream([text], select, ignore))
