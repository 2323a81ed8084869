"""Selects rules from the registry and runs them in registry order.

Line endings are handled here, once, so that rules only ever see ``\\n``:
a CRLF document is cleaned as LF and given its CRLF back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from cleaner.changes import Change, rule_changes, shifted
from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.rule import Rule
from cleaner.segments import segments_of

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
    if "\r" not in text:
        return False
    crlf = text.count("\r\n")
    return crlf > 0 and crlf * 2 > text.count("\n")


def _lone_carriage_returns(text: str) -> int:
    return text.count("\r") - text.count("\r\n") if "\r" in text else 0


# Called as observe(rule_name, before, after) for each rule that changed a text.
Observer = Callable[[str, str, str], None]


class ChangeSink(Protocol):
    """Where recorded changes go: a list, or anything with ``extend``."""

    def extend(self, changes: Iterable[Change], /) -> None: ...


# The most passes ``run_rules`` makes over one text (see there).
MAX_PASSES = 3


def run_rules(
    text: str,
    rules: Iterable[Rule],
    observe: Observer | None = None,
    before_whitespace: Callable[[str], None] | None = None,
) -> str:
    """Apply ``rules`` in order. A text whose rules change nothing is returned
    as it came (mixed line endings included); otherwise CRLF is restored.
    ``before_whitespace`` sees the text as the whitespace rule first receives it.

    Rules judge text by its spacing, and a rule with a ``prepare`` step (the
    whitespace rule) re-spaces text after them. So its ``prepare`` step runs
    before the first rule too. The chain runs again on its own output (up to
    ``MAX_PASSES`` passes in all) when the earlier rules' judgement may no
    longer hold: other rules left text that ``prepare`` would change (removing
    a control character between two spaces leaves a run of spaces), ``finish``
    removed a lone carriage return (ftfy reads a line differently without
    it), or the output's line endings are no longer mostly what the input's
    were (removing ``&#2;`` joins a CR to an LF). This is what makes the chain
    idempotent; on most texts it is one pass.
    """
    rules = tuple(rules)
    current = text
    for _ in range(MAX_PASSES):
        crlf = uses_crlf(current)
        start = current.replace("\r\n", "\n") if crlf else current
        work, respaced = _one_pass(start, rules, observe, before_whitespace)
        before_whitespace = None  # the first pass's view is the one joining needs
        if work == start:
            break
        current = work.replace("\n", "\r\n") if crlf else work
        if not respaced and uses_crlf(current) == crlf:
            break
    return current


def _one_pass(
    work: str, rules: tuple[Rule, ...], observe: Observer | None, before_whitespace: Callable[[str], None] | None
) -> tuple[str, bool]:
    """``rules`` over ``work`` once; and whether a rule with a ``finish`` step
    re-spaced text the others had judged (see ``run_rules``)."""
    prepared = _Prepared(work, rules)
    work = prepared.text
    respaced = touched = False  # touched: a rule has changed the prepared text
    for rule in rules:
        if rule.name == WHITESPACE and before_whitespace is not None:
            before_whitespace(work)
        if rule.finish is None:
            result = rule.apply(work)
        else:
            if touched:  # prepare again, and see whether the other rules left it anything to do
                prepared_again = rule.prepare(work)
                respaced = respaced or prepared_again != work
            else:  # the text is as the prepare step left it
                prepared_again = work
            result = rule.finish(prepared_again)
            lone = _lone_carriage_returns(prepared_again)
            respaced = respaced or lone != _lone_carriage_returns(result)
        if observe is not None:
            prepared.observe(observe, rule.name, work, result)
        touched = touched or result is not work and result != work
        work = result
    if observe is not None:
        prepared.flush(observe)
    return work, respaced


class _Prepared:
    """A text after the chain's prepare steps, with the changes they made not
    yet reported: a step's change is reported together with its own rule's
    change when no rule changed the text in between, so one edit is one record."""

    def __init__(self, text: str, rules: tuple[Rule, ...]):
        self.steps: list[tuple[str, str, str]] = []  # (rule, before, after)
        for rule in rules:
            if rule.prepare is not None:
                result = rule.prepare(text)
                if result != text:
                    self.steps.append((rule.name, text, result))
                text = result
        self.text = text

    def observe(self, observe: Observer, rule: str, before: str, after: str) -> None:
        """Report ``rule``'s change from ``before`` to ``after``, after or with the prepared ones."""
        if len(self.steps) == 1 and self.steps[0][0] == rule and before == self.text:
            _, before, _ = self.steps.pop()
        elif after != before:
            self.flush(observe)
        if after != before:
            observe(rule, before, after)

    def flush(self, observe: Observer) -> None:
        for step in self.steps:
            observe(*step)
        self.steps.clear()


BLANK_LINE_FIRST = re.compile(r"[ \t]*\n")
BLANK_LINE_LAST = re.compile(r"\n[ \t]*\n[ \t\n]*\Z")


class _Edges:
    """Whether a segment, just before the whitespace rule tidies it, starts or
    ends with a blank line, or holds only blank space with a line break: the
    paragraph breaks that the whitespace rule strips from each segment's ends
    and that joining must put back."""

    def __init__(self) -> None:
        self.first = self.last = self.blank = False

    def __call__(self, text: str) -> None:
        self.blank = "\n" in text and not text.strip()
        self.first = BLANK_LINE_FIRST.match(text) is not None
        self.last = BLANK_LINE_LAST.search(text) is not None


def clean_segments(
    segments: Iterable[str], rules: Sequence[Rule], record: ChangeSink | None = None
) -> Iterator[str]:
    """Clean segment by segment, joining them as the whole text would be.

    The whitespace rule strips blank lines from the ends of every segment and
    ends it with one line break; where the whole text would keep a blank line
    between two segments' content, one is put back. With ``record``, every
    change is appended to it, its line counted from the start of the document.
    """
    keeps_blank_lines = WHITESPACE in {rule.name for rule in rules}
    pending_blank_line = False
    started = False
    lines_before = 0
    for segment in segments:
        observe = None
        if record is not None:

            def observe(rule: str, before: str, after: str, offset: int = lines_before) -> None:
                record.extend(shifted(change, offset) for change in rule_changes(rule, before, after))

            lines_before += segment.count("\n")
        edges = _Edges() if keeps_blank_lines else None
        cleaned = run_rules(segment, rules, observe, edges)
        if edges is not None:
            if not cleaned:
                pending_blank_line = pending_blank_line or edges.blank
                continue
            if started and (pending_blank_line or edges.first):
                yield "\r\n" if cleaned.endswith("\r\n") else "\n"
            pending_blank_line = edges.last
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


class Cleaner:
    """A configured chain, for cleaning many texts the same way.

    >>> cleaner = Cleaner(ignore=["boilerplate"])
    >>> cleaner.clean("Tom &amp; Jerry  met.")
    'Tom & Jerry met.\\n'
    >>> [change.rule for change in cleaner.explain("Tom &amp; Jerry")]
    ['unicode', 'whitespace']

    ``select`` and ``ignore`` take rule names as ``clean`` does; ``options``
    maps a rule name to keyword options for that rule (see its explanation),
    e.g. ``{"boilerplate": {"entries": [...]}}``.
    """

    def __init__(
        self,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ):
        options = dict(options or {})
        unknown = [name for name in options if name not in RULES_BY_NAME]
        if unknown:
            raise UnknownRuleError(unknown)
        self.rules: tuple[Rule, ...] = tuple(
            rule.with_options(**options.get(rule.name, {})) for rule in select_rules(select, ignore)
        )

    def clean(self, text: str) -> str:
        """``text`` cleaned by this chain."""
        return "".join(clean_segments(segments_of([text]), self.rules))

    def clean_stream(self, pieces: Iterable[str]) -> Iterator[str]:
        """Like ``clean``, for text arriving in pieces; yields cleaned text as it is ready."""
        return clean_segments(segments_of(pieces), self.rules)

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Each of ``texts`` cleaned, lazily and in order (for pipelines and corpora)."""
        for text in texts:
            yield self.clean(text)

    def explain(self, text: str) -> list[Change]:
        """Every change the chain would make to ``text``: rule, line, column, before, after."""
        changes: list[Change] = []
        for _ in clean_segments(segments_of([text]), self.rules, changes):
            pass
        return changes
