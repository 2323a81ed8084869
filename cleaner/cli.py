"""The ``cleaner`` command: a thin shell over ``cleaner.clean``.

It parses options, reads inputs through ``cleaner.files``, cleans them with the
library and writes results; it never edits text itself.
Exit codes: 0 success, 1 changes found under ``--check``, 2 usage or input errors.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from types import SimpleNamespace
from typing import Any, TextIO

import click
from click.core import ParameterSource

from cleaner import __version__, select_rules
from cleaner.config import DEFAULT_INCLUDE, JSONL_INCLUDE, Config, ConfigError, resolve_config
from cleaner.discovery import Found, Patterns, expand_inputs, once_each
from cleaner.files import STDIN_NAME, check_encoding, describe_os_error, same_file_as_an_input
from cleaner.jsonl import split_field_path
from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.report import EXIT_ERROR, Run
from cleaner.rule import Rule
from cleaner.runner import CHECK, DIFF, IN_PLACE, PRINT, Job, run_jobs


def _rule_names_help() -> str:
    return ", ".join(RULES_BY_NAME)


def _parse_rules(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str] | None:
    """Rule names from every use of the option, combined; None when it was not given."""
    if not value:
        return None
    names = [name.strip() for part in value for name in part.split(",") if name.strip()]
    if not names:
        raise click.BadParameter("names no rule")
    unknown = [name for name in names if name not in RULES_BY_NAME]
    if unknown:
        raise click.BadParameter(f"unknown rule {', '.join(unknown)}; valid rules: {_rule_names_help()}")
    return names


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    try:
        check_encoding(value)
    except LookupError:
        raise click.BadParameter(f"{value!r} is not a text encoding") from None
    return value


def _show(text: str) -> str:
    """An example string, quoted so that spaces and newlines are visible."""
    import json

    return json.dumps(text, ensure_ascii=False)


def format_rule_table(rules: Sequence[Rule]) -> str:
    width = max(len(rule.name) for rule in rules)
    lines = [f"{'rule':<{width}}  summary", f"{'-' * width}  {'-' * 7}"]
    lines += [f"{rule.name:<{width}}  {rule.summary}" for rule in rules]
    return "\n".join(lines)


def format_explanation(rule: Rule) -> str:
    # A rule configured by options may describe itself as configured (the
    # boilerplate catalog with the user's templates).
    explanation = getattr(rule.find_edits, "explanation", None) or rule.explanation
    lines = [f"{rule.name}: {rule.summary}", "", explanation.rstrip(), "", "Examples:"]
    for source, expected in rule.examples:
        lines.append(f"  {_show(source)}")
        lines.append(f"    -> {_show(expected)}" if expected != source else "    (unchanged)")
    return "\n".join(lines)


def _error(message: str) -> None:
    click.echo(f"cleaner: {message}", err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
# readable=False: an unreadable file is one error line when it is read, not a
# usage error that stops every other file.
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True, readable=False))
@click.option("-i", "--in-place", is_flag=True, help="Rewrite FILES in place (atomically) instead of printing them.")
@click.option("--backup", metavar="SUFFIX", help="With -i, keep each changed original as FILE+SUFFIX.")
@click.option(
    "--check", is_flag=True, help="Exit 1 if any input would change; alone, write nothing and name those inputs."
)
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the changes instead of the text.")
@click.option(
    "--select",
    multiple=True,
    callback=_parse_rules,
    metavar="RULES",
    help="Run only these rules (comma-separated, repeatable); replaces the configuration's select and ignore.",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_parse_rules,
    metavar="RULES",
    help="Skip these rules (comma-separated, repeatable), besides those the configuration ignores.",
)
@click.option(
    "--encoding", default="utf-8", show_default=True, callback=_check_encoding, help="Encoding of inputs and outputs."
)
@click.option(
    "--keep-undecodable",
    is_flag=True,
    help="Clean inputs with bytes that are invalid in the encoding and write those bytes back unchanged.",
)
@click.option(
    "--format",
    "text_format",
    type=click.Choice(["auto", "text", "markdown"]),
    help="How to read inputs: markdown leaves code, links and HTML alone; auto picks markdown for "
    ".md, .markdown, .mdown and .mkd files.  [default: auto]",
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The file name standard input stands for, to pick its format (standard input is text otherwise).",
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
    "--include",
    multiple=True,
    metavar="GLOB",
    help="Files to take from directories (repeatable; gitignore-style).  [default: *.txt, *.md; with --jsonl, *.jsonl]",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="Paths to skip in directories (repeatable).")
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply --exclude and the configuration's exclude to files named on the command line too (for pre-commit).",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Read settings from this file.")
@click.option("--no-config", is_flag=True, help="Ignore pyproject.toml and cleaner.toml.")
@click.option(
    "--report",
    type=click.Choice(["json"]),
    help="Write a JSON Lines report: one record per input with every change (rule, line, column, before, after).",
)
@click.option(
    "--report-file",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    help="Where --report goes.  [default: standard output with -i or --check]",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour --diff output; auto means on a terminal, unless NO_COLOR is set.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Clean this many files in parallel.  [default: number of cores]",
)
@click.option("-q", "--quiet", is_flag=True, help="Print no notes, per-file messages, summary or progress bar.")
@click.version_option(__version__, "-V", "--version", prog_name="cleaner")
@click.pass_context
def main(ctx: click.Context, **options: Any) -> None:
    """Clean scraped, syndicated or pasted text.

    With no FILES, or FILE "-", reads standard input and writes the cleaned
    text to standard output. With FILES, prints each cleaned file, or with -i
    rewrites them in place; directories are searched for .txt and .md files
    (.jsonl files with --jsonl), honouring .gitignore.
    Rules run in chain order; see --list-rules. Settings may come from
    [tool.cleaner] in pyproject.toml or from cleaner.toml; flags override them.

    Exit status: 0 success; 1 changes found under --check; 2 usage or input error.
    """
    settings = SimpleNamespace(**options)
    if settings.list_rules:
        click.echo(format_rule_table(RULES))
        return
    if settings.explain is not None:
        if settings.explain not in RULES_BY_NAME:
            message = f"unknown rule {settings.explain}; valid rules: {_rule_names_help()}"
            raise click.BadParameter(message, param_hint="--explain")
        rule = RULES_BY_NAME[settings.explain]
        try:
            config = resolve_config(settings.files, settings.config_path, settings.no_config)
        except ConfigError as error:
            _error(str(error))
            ctx.exit(EXIT_ERROR)
        click.echo(format_explanation(rule.with_options(**config.rule_options.get(rule.name, {}))))
        return
    mode = _mode(ctx, settings)
    try:
        config = resolve_config(settings.files, settings.config_path, settings.no_config)
    except ConfigError as error:
        _error(str(error))
        ctx.exit(EXIT_ERROR)
    inputs, skipped = _inputs(settings, config)
    job = _job(settings, config, mode, summary=len(inputs) > 1 and not settings.quiet)
    _refuse_closed_streams(ctx, settings, mode, inputs)
    report = _open_report(settings, mode, inputs)
    report_on_stdout = report is not None and settings.report_file in (None, "-")
    run = Run(mode, settings.check, settings.quiet, _use_color(settings.color), report, report_on_stdout)
    for found in skipped:
        if found.error:
            run.fail(found.note)
        else:
            run.note(found.note)
    jobs = settings.jobs or default_workers()
    with _output_failures(ctx), run.progress(inputs, jobs) as on_read:
        stream = sys.stdout.buffer if sys.stdout is not None else None
        for outcome in run_jobs(job, inputs, jobs, stream=stream, on_read=on_read):
            run.take(outcome)
        run.finish(len(inputs))
    ctx.exit(run.exit_code)


def _mode(ctx: click.Context, settings: SimpleNamespace) -> str:
    """The output mode; ``--check`` is not one, it only sets the exit code (and
    alone, prints nothing), as black's ``--check`` beside ``--diff``."""
    if settings.backup and not settings.in_place:
        raise click.UsageError("--backup only makes sense with -i/--in-place")
    if settings.in_place and (settings.check or settings.show_diff):
        raise click.UsageError("-i/--in-place cannot be combined with --check or --diff")
    if settings.in_place and (not settings.files or STDIN_NAME in settings.files):
        raise click.UsageError("-i/--in-place needs files, not standard input")
    if settings.jsonl:
        try:
            split_field_path(settings.field)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--field") from None
    else:
        for name in ("field", "strict"):
            if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE:
                raise click.UsageError(f"--{name} only applies to JSON Lines: add --jsonl")
    return DIFF if settings.show_diff else CHECK if settings.check else IN_PLACE if settings.in_place else PRINT


def _inputs(settings: SimpleNamespace, config: Config) -> tuple[list[str], list[Found]]:
    """The files to clean, and what was skipped (with notes) on the way."""
    # Include globs match names in any case; excludes are case-sensitive, as git's.
    if settings.include:
        include = Patterns.of(settings.include, any_case=True)  # relative to each directory walked
    elif config.include is not None:
        include = Patterns.of(config.include, config.root, any_case=True)
    else:
        include = Patterns.of(JSONL_INCLUDE if settings.jsonl else DEFAULT_INCLUDE, any_case=True)
    excludes = [Patterns.of(settings.exclude), Patterns.of(config.exclude, config.root)]
    inputs, skipped = [], []
    names = list(settings.files) or [STDIN_NAME]
    for found in once_each(expand_inputs(names, include, excludes, settings.force_exclude)):
        if found.note:
            skipped.append(found)
        else:
            inputs.append(found.path)
    return inputs, skipped


def _job(settings: SimpleNamespace, config: Config, mode: str, summary: bool) -> Job:
    """The job; ``--select`` replaces the configuration's select and ignore,
    ``--ignore`` adds to the configuration's ignore (as in ruff)."""
    if settings.select is not None:
        select, ignore = settings.select, settings.ignore
    else:
        select, ignore = config.select, _combined(config.ignore, settings.ignore)
    job = Job(
        mode=mode,
        select=_tuple(select),
        ignore=_tuple(ignore),
        encoding=settings.encoding,
        keep_undecodable=settings.keep_undecodable,
        backup=settings.backup,
        jsonl_field=settings.field if settings.jsonl else None,
        strict=settings.strict,
        options=config.rule_options,
        list_changes=bool(settings.report),
        count_changes=summary,
        color=_use_color(settings.color),
        format=settings.text_format or config.format,
        stdin_filename=settings.stdin_filename,
    )
    if not select_rules(select, ignore):
        raise click.UsageError(f"no rule left to run (select: {_listed(select)}; ignore: {_listed(ignore)})")
    return job


def _combined(first: Sequence[str] | None, second: Sequence[str] | None) -> list[str] | None:
    if first is None and second is None:
        return None
    return [*(first or ()), *(second or ())]


def _listed(names: Sequence[str] | None) -> str:
    return "all" if names is None else ", ".join(names) or "none"


def _open_report(settings: SimpleNamespace, mode: str, inputs: Sequence[str]) -> TextIO | None:
    if settings.report is None:
        if settings.report_file:
            raise click.UsageError("--report-file needs --report json")
        return None
    target = settings.report_file
    if target is None:
        if mode in (PRINT, DIFF):
            raise click.UsageError("--report json needs --report-file when the text or diff goes to standard output")
        target = "-"
    if target != STDIN_NAME and same_file_as_an_input(target, inputs):
        raise click.UsageError(f"--report-file {target} is one of the inputs; name another file")
    try:
        return click.open_file(target, "w", encoding="utf-8")
    except OSError as error:
        _error(f"cannot write the report to {target}: {describe_os_error(error)}")
        raise SystemExit(EXIT_ERROR) from None


def _refuse_closed_streams(ctx: click.Context, settings: SimpleNamespace, mode: str, inputs: Sequence[str]) -> None:
    """A closed standard input or output that the run needs is one clear line, not a traceback."""
    if sys.stdin is None and STDIN_NAME in inputs:
        _error("standard input is closed; name files to clean")
        ctx.exit(EXIT_ERROR)
    reports_to_stdout = settings.report is not None and settings.report_file in (None, STDIN_NAME)
    if sys.stdout is None and (mode in (PRINT, DIFF) or reports_to_stdout):
        _error("standard output is closed; use -i or --check, or redirect it")
        ctx.exit(EXIT_ERROR)


@contextlib.contextmanager
def _output_failures(ctx: click.Context) -> Iterator[None]:
    """A failed write to standard output or the report (a full disk) ends the
    run with one line and exit 2. Inputs' own failures never get here: they
    are reported per file."""
    try:
        yield
    except OSError as error:
        _error(f"cannot write output: {describe_os_error(error)}")
        # What is left in the output buffer would fail again at exit, with a traceback.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        ctx.exit(EXIT_ERROR)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _tuple(names: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if names is None else tuple(names)


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run() -> None:
    """The ``cleaner`` program: ``main`` as a process of its own."""
    if hasattr(signal, "SIGPIPE"):
        # Like other filters, stop quietly when the reader goes away (`cleaner | head`).
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # Ctrl-C, `kill`, a closed terminal or a stopping service: unwind, so a
    # half-written temporary file is removed, then exit 128 + the signal's
    # number as shells expect (click's own Ctrl-C exit, 1, means "would change").
    for name in STOP_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)
    main(prog_name="cleaner")


STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def _exit_on_signal(number: int, frame: object) -> None:
    for name in STOP_SIGNALS:  # once is enough: a second one must not cut the unwinding short
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise SystemExit(128 + number)
