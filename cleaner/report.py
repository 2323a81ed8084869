"""What the command line tells its user while and after it runs: per-file
messages, coloured diffs, the JSON Lines report, the closing summary, the
progress bar, and the exit code. Cleaning itself happens elsewhere."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

import click

from cleaner.runner import CHECK, IN_PLACE, Outcome

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


def summary_line(mode: str, inputs: int, changed: int, per_rule: Counter[str]) -> str:
    """``cleaned 120 files, 37 changed: joined-words 52, boilerplate 31``."""
    verb, outcome = ("checked", "would change") if mode == CHECK else ("cleaned", "changed")
    files = f"{inputs} file" + ("" if inputs == 1 else "s")
    line = f"{verb} {files}, {changed} {outcome}"
    if per_rule:
        line += ": " + ", ".join(f"{rule} {count}" for rule, count in per_rule.most_common())
    return line


class Run:
    """Collects outcomes in input order and reports them."""

    def __init__(self, mode: str, quiet: bool, color: bool, report: TextIO | None):
        self.mode, self.quiet, self.color, self.report = mode, quiet, color, report
        self.failed = self.changed_any = False
        self.changed_files = 0
        self.per_rule: Counter[str] = Counter()

    def take(self, outcome: Outcome) -> None:
        for warning in outcome.warnings:
            _note(warning)
        if self.report is not None:
            self.report.write(json.dumps(_record(outcome), ensure_ascii=False) + "\n")
        if outcome.error:
            _note(outcome.error)
            self.failed = True
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
        if outcome.changed and not self.quiet and self.mode in (CHECK, IN_PLACE):
            verb = "would clean" if self.mode == CHECK else "cleaned"
            click.echo(f"{verb} {outcome.name}", err=True)

    def finish(self, inputs: int) -> None:
        if self.report is not None and self.report is not sys.stdout:
            self.report.close()
        if inputs > 1 and not self.quiet:
            click.echo(summary_line(self.mode, inputs, self.changed_files, self.per_rule), err=True)

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_ERROR
        return EXIT_CHANGED if self.mode == CHECK and self.changed_any else EXIT_OK

    @contextlib.contextmanager
    def progress(self, inputs: Sequence[str], workers: int) -> Iterator[Callable[[int], None] | None]:
        """A progress bar on standard error, only on a terminal, for many files
        or a large one; yields the callback that advances it (or None)."""
        sizes = [_size(name) for name in inputs]
        known = None not in sizes
        wanted = known and (len(inputs) > 1 or sum(sizes) >= PROGRESS_MIN_BYTES)
        if self.quiet or not wanted or not sys.stderr.isatty():
            yield None
            return
        with click.progressbar(length=sum(sizes), label="cleaning", file=sys.stderr) as bar:
            if workers > 1 and len(inputs) > 1:
                # Workers cannot call back: advance by whole files as they finish.
                take = self.take

                def take_and_advance(outcome: Outcome) -> None:
                    take(outcome)
                    bar.update(_size(outcome.name) or 0)

                self.take = take_and_advance  # type: ignore[method-assign]
                yield None
            else:
                yield bar.update


def _size(name: str) -> int | None:
    try:
        return os.path.getsize(name) if name != "-" else None
    except OSError:
        return 0


def _record(outcome: Outcome) -> dict[str, object]:
    return {
        "file": outcome.name,
        "changed": outcome.changed,
        "error": outcome.error,
        "changes": [change.as_dict() for change in outcome.changes],
    }


def _note(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)
