"""The ``cleaner`` command: a thin shell over ``cleaner.clean``.

It parses options, reads inputs through ``cleaner.files``, cleans them with the
library and writes results; it never edits text itself.
Exit codes: 0 success, 1 changes found under ``--check``, 2 usage or input errors.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import io
import itertools
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

import click

from cleaner import __version__
from cleaner.files import STDIN_NAME, AtomicReplacement, InputError, OutputError, Source
from cleaner.pipeline import UnknownRuleError, clean_segments, select_rules
from cleaner.registry import RULES, RULES_BY_NAME
from cleaner.rule import Rule
from cleaner.segments import segments_of

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


def _unified_diff(name: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"{name}\t(original)",
            tofile=f"{name}\t(cleaned)",
        )
    )


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
@click.option("--encoding", default="utf-8", show_default=True, callback=_check_encoding, help="Encoding of inputs and outputs.")
@click.option(
    "--keep-undecodable",
    is_flag=True,
    help="Clean inputs with bytes that are invalid in the encoding and write those bytes back unchanged.",
)
@click.option("--list-rules", is_flag=True, help="Print the rules in chain order and exit.")
@click.option("--explain", metavar="RULE", help="Print what RULE changes and leaves alone, with examples, and exit.")
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
    list_rules: bool,
    explain: str | None,
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
            raise click.BadParameter(f"unknown rule {explain}; valid rules: {_rule_names_help()}", param_hint="--explain")
        click.echo(format_explanation(RULES_BY_NAME[explain]))
        return
    if backup and not in_place:
        raise click.UsageError("--backup only makes sense with -i/--in-place")
    if in_place and (check or show_diff):
        raise click.UsageError("-i/--in-place cannot be combined with --check or --diff")
    inputs = list(files) or [STDIN_NAME]
    if in_place and STDIN_NAME in inputs:
        raise click.UsageError("-i/--in-place needs files, not standard input")
    try:
        rules = select_rules(select, ignore)
    except UnknownRuleError as error:  # pragma: no cover - the callbacks catch names first
        raise click.UsageError(str(error)) from None

    failed = changed = False
    for name in inputs:
        try:
            if show_diff or check:
                text = _source(name, encoding, keep_undecodable).read_text(_stdin_or_none(name))
                cleaned = "".join(clean_segments(segments_of([text]), rules))
                is_changed = cleaned != text
                if is_changed and show_diff:
                    click.echo(_unified_diff(name, text, cleaned), nl=False)
                elif is_changed and not quiet:
                    click.echo(f"would clean {name}", err=True)
            elif in_place:
                is_changed = _clean_in_place(_source(name, encoding, keep_undecodable), rules, backup)
                if is_changed and not quiet:
                    click.echo(f"cleaned {name}", err=True)
            else:
                is_changed = _clean_to_stdout(_source(name, encoding, keep_undecodable), rules)
        except (InputError, OutputError) as error:
            _error(str(error))
            failed = True
            continue
        changed = changed or is_changed
    ctx.exit(EXIT_ERROR if failed else EXIT_CHANGED if (check and changed) else EXIT_OK)


def _source(name: str, encoding: str, keep_undecodable: bool) -> Source:
    return Source(name, encoding, keep_undecodable)


def _stdin_or_none(name: str) -> BinaryIO | None:
    return sys.stdin.buffer if name == STDIN_NAME else None


def _is_stream(handle: BinaryIO) -> bool:
    """True for pipes, terminals and sockets, where input may pause."""
    try:
        mode = os.fstat(handle.fileno()).st_mode
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _cleaned_pieces(source: Source, rules: Sequence[Rule], digests: tuple | None = None) -> Iterator[str]:
    """Cleaned text of ``source`` as it becomes ready; optionally hashes input
    and output into ``digests`` so callers can tell whether anything changed."""
    handle = _stdin_or_none(source.name)
    pieces = source.pieces(handle, pause_aware=handle is not None and _is_stream(handle))
    if digests is not None:
        pieces = _hashed(pieces, digests[0])
    for cleaned in clean_segments(segments_of(pieces), rules):
        if digests is not None:
            digests[1].update(cleaned.encode("utf-8", "surrogatepass"))
        yield cleaned


def _hashed(pieces: Iterable[object], digest: "hashlib._Hash") -> Iterator[object]:
    for piece in pieces:
        if isinstance(piece, str):
            digest.update(piece.encode("utf-8", "surrogatepass"))
        yield piece


def _encoded(source: Source, pieces: Iterable[str]) -> Iterator[bytes]:
    """``pieces`` encoded as the source was, BOM included; an unencodable
    character is an ``OutputError``."""
    encoder = source.encoder()
    try:
        if source.bom:
            yield codecs.BOM_UTF8
        for piece in pieces:
            data = encoder.encode(piece)
            if data:
                yield data
        yield encoder.encode("", True)
    except UnicodeEncodeError as error:
        raise OutputError(f"{source.name}: cannot encode the result as {source.encoding}: {error.reason}") from None


def _clean_to_stdout(source: Source, rules: Sequence[Rule]) -> bool:
    digests = (hashlib.blake2b(), hashlib.blake2b())
    output = sys.stdout.buffer
    for data in _encoded(source, _cleaned_pieces(source, rules, digests)):
        output.write(data)
        output.flush()
    return digests[0].digest() != digests[1].digest()


def _clean_in_place(source: Source, rules: Sequence[Rule], backup: str | None) -> bool:
    """Rewrite ``source`` atomically if cleaning changes it; True if it did."""
    digests = (hashlib.blake2b(), hashlib.blake2b())
    cleaned = _cleaned_pieces(source, rules, digests)
    first = next(cleaned, "")  # reads the start: a missing or binary file fails here, before any write
    with AtomicReplacement(source, backup) as replacement:
        for data in _encoded(source, itertools.chain([first], cleaned)):
            replacement.write(data)
        if digests[0].digest() == digests[1].digest():
            return False
        replacement.commit()
    return True
