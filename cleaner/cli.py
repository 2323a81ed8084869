"""The ``cleaner`` command: a thin shell over ``cleaner.clean``.

It parses options, reads inputs through ``cleaner.files``, cleans them with the
library and writes results; it never edits text itself.
Exit codes: 0 success, 1 changes found under ``--check``, 2 usage or input errors.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Sequence

import click

from cleaner import __version__
from cleaner.files import STDIN_NAME
from cleaner.jsonl import split_field_path
from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.rule import Rule
from cleaner.runner import CHECK, DIFF, IN_PLACE, PRINT, Job, run_jobs

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2


def _rule_names_help() -> str:
    return ", ".join(RULES_BY_NAME)


def _parse_rules(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in RULES_BY_NAME]
    if unknown:
        raise click.BadParameter(f"unknown rule {', '.join(unknown)}; valid rules: {_rule_names_help()}")
    return names


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def _show(text: str) -> str:
    """An example string, quoted so that spaces and newlines are visible."""
    return json.dumps(text, ensure_ascii=False)


def format_rule_table(rules: Sequence[Rule]) -> str:
    width = max(len(rule.name) for rule in rules)
    lines = [f"{'rule':<{width}}  summary", f"{'-' * width}  {'-' * 7}"]
    lines += [f"{rule.name:<{width}}  {rule.summary}" for rule in rules]
    return "\n".join(lines)


def format_explanation(rule: Rule) -> str:
    lines = [f"{rule.name}: {rule.summary}", "", rule.explanation.rstrip(), "", "Examples:"]
    for source, expected in rule.examples:
        lines.append(f"  {_show(source)}")
        lines.append(f"    -> {_show(expected)}" if expected != source else "    (unchanged)")
    return "\n".join(lines)


def _error(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-i", "--in-place", is_flag=True, help="Rewrite FILES in place (atomically) instead of printing them.")
@click.option("--backup", metavar="SUFFIX", help="With -i, keep each changed original as FILE+SUFFIX.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and name the inputs that would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes instead of the text.")
@click.option("--select", callback=_parse_rules, metavar="RULES", help="Run only these rules (comma-separated).")
@click.option("--ignore", callback=_parse_rules, metavar="RULES", help="Skip these rules (comma-separated).")
@click.option(
    "--encoding", default="utf-8", show_default=True, callback=_check_encoding, help="Encoding of inputs and outputs."
)
@click.option(
    "--keep-undecodable",
    is_flag=True,
    help="Clean inputs with bytes that are invalid in the encoding and write those bytes back unchanged.",
)
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines (UTF-8): clean one field of every record.")
@click.option(
    "--field",
    default="text",
    show_default=True,
    metavar="PATH",
    help="With --jsonl, the field to clean; a dotted path reaches into nested objects (meta.body).",
)
@click.option("--strict", is_flag=True, help="With --jsonl, fail on a malformed record instead of passing it through.")
@click.option("--list-rules", is_flag=True, help="Print the rules in chain order and exit.")
@click.option("--explain", metavar="RULE", help="Print what RULE changes and leaves alone, with examples, and exit.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Clean this many files in parallel.  [default: number of cores]",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not report files that would change or were cleaned.")
@click.version_option(__version__, "-V", "--version", prog_name="cleaner")
@click.pass_context
def main(
    ctx: click.Context,
    files: tuple[str, ...],
    in_place: bool,
    backup: str | None,
    check: bool,
    show_diff: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    encoding: str,
    keep_undecodable: bool,
    jsonl: bool,
    field: str,
    strict: bool,
    list_rules: bool,
    explain: str | None,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Clean scraped, syndicated or pasted text.

    With no FILES, or FILE "-", reads standard input and writes the cleaned
    text to standard output. With FILES, prints each cleaned file, or with -i
    rewrites them in place. Rules run in chain order; see --list-rules.

    Exit status: 0 success; 1 changes found under --check; 2 usage or input error.
    """
    if list_rules:
        click.echo(format_rule_table(RULES))
        return
    if explain is not None:
        if explain not in RULES_BY_NAME:
            message = f"unknown rule {explain}; valid rules: {_rule_names_help()}"
            raise click.BadParameter(message, param_hint="--explain")
        click.echo(format_explanation(RULES_BY_NAME[explain]))
        return
    if backup and not in_place:
        raise click.UsageError("--backup only makes sense with -i/--in-place")
    if in_place and (check or show_diff):
        raise click.UsageError("-i/--in-place cannot be combined with --check or --diff")
    inputs = list(files) or [STDIN_NAME]
    if in_place and STDIN_NAME in inputs:
        raise click.UsageError("-i/--in-place needs files, not standard input")
    mode = DIFF if show_diff else CHECK if check else IN_PLACE if in_place else PRINT
    if jsonl:
        try:
            split_field_path(field)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--field") from None
    job = Job(mode, _tuple(select), _tuple(ignore), encoding, keep_undecodable, backup, field if jsonl else None, strict)
    failed = changed = False
    for outcome in run_jobs(job, inputs, jobs or default_workers(), stream=sys.stdout.buffer):
        for warning in outcome.warnings:
            _error(warning)
        if outcome.error:
            _error(outcome.error)
            failed = True
            continue
        changed = changed or outcome.changed
        if outcome.output:
            sys.stdout.buffer.write(outcome.output)
            sys.stdout.buffer.flush()
        if outcome.changed and not quiet and mode in (CHECK, IN_PLACE):
            verb = "would clean" if mode == CHECK else "cleaned"
            click.echo(f"{verb} {outcome.name}", err=True)
    ctx.exit(EXIT_ERROR if failed else EXIT_CHANGED if (check and changed) else EXIT_OK)


def _tuple(names: list[str] | None) -> tuple[str, ...] | None:
    return None if names is None else tuple(names)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
