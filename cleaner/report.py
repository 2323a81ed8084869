"""What the command line tells its user while and after it runs: per-file
messages, coloured diffs, the JSON Lines report, the closing summary, the
progress bar, and the exit code. Cleaning itself happens elsewhere."""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

import click

from cleaner.runner import DIFF, IN_PLACE, PRINT, Outcome

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
PROGRESS_MIN_BYTES = 10_000_000  # a single input this large gets a progress bar too
DIFF_COLORS = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))


def colorize_diff(diff: str) -> str:
    """A unified diff with ANSI colours: additions green, removals red, hunks cyan."""
    lines = []
    for line in diff.splitlines(keepends=True):
        for prefix, color in DIFF_COLORS:
            if line.startswith(prefix):
                body = line.rstrip("\n")
                style = {"bold": True} if color == "bold" else {"fg": color}
                line = click.style(body, **style) + line[len(body) :]
                break
        lines.append(line)
    return "".join(lines)


def summary_line(mode: str, inputs: int, changed: int, per_rule: Counter[str], failed: int = 0) -> str:
    """``cleaned 120 files, 37 changed, 1 failed: joined-words 52, boilerplate 31``.

    Only ``-i`` cleans files; other runs write none, so they ``checked`` files
    that ``would change``. Files that failed are not counted as checked or cleaned.
    """
    verb, outcome = ("cleaned", "changed") if mode == IN_PLACE else ("checked", "would change")
    done = inputs - failed
    files = f"{done} file" + ("" if done == 1 else "s")
    line = f"{verb} {files}, {changed} {outcome}"
    if failed:
        line += f", {failed} failed"
    if per_rule:
        line += ": " + ", ".join(f"{rule} {count}" for rule, count in per_rule.most_common())
    return line


class Run:
    """Collects outcomes in input order and reports them. ``check`` is not an
    output mode: it sets the exit code when something would change, whatever
    is printed (black's ``Report.check`` beside its ``WriteBack``)."""

    def __init__(
        self, mode: str, check: bool, quiet: bool, color: bool, report: TextIO | None, report_on_stdout: bool = False
    ):
        self.mode, self.check, self.quiet, self.color, self.report = mode, check, quiet, color, report
        self.report_on_stdout = report_on_stdout
        self.failed = self.changed_any = False
        self.changed_files = self.failed_files = 0
        self.per_rule: Counter[str] = Counter()
        self._clear_progress: Callable[[], None] = lambda: None
        self._show_progress: Callable[[], None] = lambda: None

    def note(self, message: str) -> None:
        """A note on standard error (not with ``--quiet``)."""
        if not self.quiet:
            self._say(f"cleaner: {message}")

    def fail(self, message: str) -> None:
        """An error that is not about one input's content (an unreadable folder): exit 2."""
        self.failed = True
        self._say(f"cleaner: {message}")

    def take(self, outcome: Outcome) -> None:
        self._clear_progress()
        try:
            self._take(outcome)
        finally:
            self._show_progress()

    def _take(self, outcome: Outcome) -> None:
        for warning in outcome.warnings:
            _note(warning)
        if self.report is not None:
            _write_record(self.report, outcome)
            self.report.flush()  # whole, before any message on standard error (2>&1 keeps lines whole)
        if outcome.error:
            _note(outcome.error)
            self.failed = True
            self.failed_files += 1
            return
        self.per_rule.update(dict(outcome.rule_counts))
        if outcome.changed:
            self.changed_any = True
            self.changed_files += 1
        if outcome.output:
            output = outcome.output
            if self.color and outcome.output.startswith(b"--- "):
                output = colorize_diff(output.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
            sys.stdout.buffer.write(output)
            sys.stdout.buffer.flush()
        if outcome.changed and not self.quiet and (self.check or self.mode == IN_PLACE):
            verb = "cleaned" if self.mode == IN_PLACE else "would clean"
            click.echo(f"{verb} {outcome.name}", err=True)

    def _say(self, line: str) -> None:
        self._clear_progress()
        click.echo(line, err=True)
        self._show_progress()

    def finish(self, inputs: int) -> None:
        if self.report is not None and self.report is not sys.stdout:
            self.report.close()
        if inputs > 1 and not self.quiet:
            summary = summary_line(self.mode, inputs, self.changed_files, self.per_rule, self.failed_files)
            click.echo(summary, err=True)

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        return EXIT_CHANGED if self.check and self.changed_any else EXIT_OK

    def _output_to_stdout(self) -> bool:
        return self.mode in (PRINT, DIFF) or self.report_on_stdout

    @contextlib.contextmanager
    def progress(self, inputs: Sequence[str], workers: int) -> Iterator[Callable[[int], None] | None]:
        """A progress bar on standard error, for many files or a large one;
        yields the callback that advances it as bytes are read (or None).

        Only where it cannot mix with other output: standard error is a
        terminal and standard output is not the same terminal receiving text,
        a diff or the report. Each message clears it first; it ends at 100%.
        """
        sizes = [_size(name) for name in inputs]
        known = None not in sizes
        wanted = known and (len(inputs) > 1 or sum(sizes) >= PROGRESS_MIN_BYTES)
        shared_terminal = self._output_to_stdout() and sys.stdout.isatty()
        if self.quiet or not wanted or shared_terminal or not sys.stderr.isatty():
            yield None
            return
        with click.progressbar(length=sum(sizes), label="cleaning", file=sys.stderr) as bar:
            ends = dict(zip(inputs, itertools.accumulate(sizes)))  # where the bar stands after each input

            def clear() -> None:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()

            def show() -> None:
                bar._last_line = None  # drawn again even if unchanged: clear() erased it
                bar.render_progress()

            def advance(outcome: Outcome) -> None:
                # Whole files, by their size before cleaning: workers cannot call
                # back, a file may shrink, and one that failed was not read.
                bar.pos = min(bar.pos, ends.get(outcome.name, bar.pos))
                bar.update(max(0, ends.get(outcome.name, bar.pos) - bar.pos))

            take = self.take

            def take_and_advance(outcome: Outcome) -> None:
                take(outcome)
                advance(outcome)

            self._clear_progress, self._show_progress = clear, show
            self.take = take_and_advance  # type: ignore[method-assign]
            try:
                yield bar.update if workers <= 1 or len(inputs) <= 1 else None
            finally:
                self._clear_progress = self._show_progress = lambda: None
                del self.take


def _size(name: str) -> int | None:
    try:
        return os.path.getsize(name) if name != "-" else None
    except OSError:
        return 0


def _write_record(report: TextIO, outcome: Outcome) -> None:
    """One line of the JSON report, ``{"file": …, "changed": …, "error": …,
    "changes": […]}``, written as the changes are read from their spool (the
    same text as ``json.dumps`` of the whole record, without holding it)."""
    import json

    head = json.dumps({"file": outcome.name, "changed": outcome.changed, "error": outcome.error}, ensure_ascii=False)
    report.write(head[:-1] + ', "changes": [')
    items = outcome.changes.json_items() if outcome.changes else iter(())
    for number, item in enumerate(items):
        report.write(", " + item if number else item)
    report.write("]}\n")


def _note(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)
