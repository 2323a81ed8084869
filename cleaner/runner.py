"""The work the command line does for one input, and for many in parallel.

``run_job`` cleans one file (or standard input) in one mode and reports what
happened as an ``Outcome``; it is a plain module-level function so worker
processes can run it. Nothing here parses options or prints messages.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import hashlib
import io
import itertools
import os
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from cleaner.changes import Change
from cleaner.files import STDIN_NAME, AtomicReplacement, InputError, OutputError, Source
from cleaner.jsonl import JsonlError, clean_jsonl_lines
from cleaner.pipeline import Cleaner, clean_segments
from cleaner.regions import format_for_name
from cleaner.rule import Rule
from cleaner.segments import segments_of

PRINT, IN_PLACE, CHECK, DIFF = "print", "in-place", "check", "diff"


@dataclass(frozen=True)
class Job:
    """What to do with every input: the mode and the cleaning options."""

    mode: str = PRINT
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    encoding: str = "utf-8"
    keep_undecodable: bool = False
    backup: str | None = None
    jsonl_field: str | None = None  # clean this field of JSON Lines records
    strict: bool = False  # with jsonl_field: a malformed record is an error
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # per-rule options
    list_changes: bool = False  # every change in Outcome.changes (for --report)
    count_changes: bool = False  # changes per rule in Outcome.rule_counts (for the summary)
    format: str = "auto"  # text, markdown, or auto: by the input's file name
    stdin_filename: str | None = None  # the name standard input's format is judged by

    def rules(self) -> tuple[Rule, ...]:
        return Cleaner(self.select, self.ignore, self.options).rules

    def format_of(self, name: str) -> str:
        """The format input ``name`` is read in."""
        if self.format != "auto":
            return self.format
        return format_for_name(self.stdin_filename if name == STDIN_NAME else name)


@dataclass(frozen=True)
class Outcome:
    """What happened to one input. ``output`` holds the cleaned bytes (print
    mode, when not streamed) or the diff (diff mode)."""

    name: str
    changed: bool = False
    error: str | None = None
    output: bytes = b""
    warnings: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    rule_counts: tuple[tuple[str, int], ...] = ()


def run_job(
    job: Job, name: str, stream: BinaryIO | None = None, on_read: Callable[[int], None] | None = None
) -> Outcome:
    """Clean input ``name`` as ``job`` says. In print mode, cleaned text goes
    to ``stream`` as soon as it is ready, or into ``Outcome.output``.
    ``on_read`` is told how many bytes were read, as reading goes on."""
    source = Source(name, job.encoding, job.keep_undecodable, on_read)
    rules = job.rules()
    format = job.format_of(name)
    record = _Record(job.list_changes) if job.list_changes or job.count_changes else None
    try:
        if job.jsonl_field is not None:
            return _run_jsonl(job, source, stream)
        if job.mode in (CHECK, DIFF):
            text = source.read_text(_stdin_or_none(name))
            cleaned = "".join(clean_segments(segments_of([text]), rules, record, format))
            changed = cleaned != text
            diff = unified_diff(name, text, cleaned) if changed and job.mode == DIFF else ""
            return Outcome(name, changed, output=diff.encode("utf-8", "surrogateescape"), **_found(record))
        if job.mode == IN_PLACE:
            return Outcome(name, _clean_in_place(source, rules, job.backup, record, format), **_found(record))
        buffer = io.BytesIO() if stream is None else None
        changed = _clean_to(stream or buffer, source, rules, record, format)
        return Outcome(name, changed, output=buffer.getvalue() if buffer else b"", **_found(record))
    except (InputError, OutputError) as error:
        return Outcome(name, error=str(error))
    except JsonlError as error:
        return Outcome(name, error=f"{name}: {error}")


def run_jobs(
    job: Job,
    names: Sequence[str],
    workers: int,
    stream: BinaryIO | None = None,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """``run_job`` over every input, in input order. With more than one worker
    and input, files are cleaned in parallel processes; printed output is
    then collected per file and yielded in order."""
    if workers <= 1 or len(names) <= 1:
        for name in names:
            yield run_job(job, name, stream, on_read)
        return
    # Load the rules' data (the word list) once here: forked workers share it
    # instead of each loading its own.
    Cleaner(job.select, job.ignore, job.options).clean("Warm up the rules ofthe chain.")
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(names)), initializer=_exit_with_parent, initargs=(os.getpid(),)
    )
    with pool:
        chunksize = max(1, len(names) // (workers * 8))
        yield from pool.map(run_job, itertools.repeat(job), names, chunksize=chunksize)


class _Record:
    """Collects changes: counted per rule always, kept one by one only when
    listed (a huge input's changes would not fit in memory otherwise)."""

    def __init__(self, keep: bool):
        self.keep = keep
        self.changes: list[Change] = []
        self.counts: Counter[str] = Counter()

    def extend(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.counts[change.rule] += 1
            if self.keep:
                self.changes.append(change)


def _found(record: _Record | None) -> dict[str, tuple]:
    if record is None:
        return {}
    return {"changes": tuple(record.changes), "rule_counts": tuple(record.counts.items())}


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the main process is gone (killed, or stopped by
    SIGPIPE when its reader went away) instead of waiting for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def unified_diff(name: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"{name}\t(original)",
            tofile=f"{name}\t(cleaned)",
        )
    )


def _stdin_or_none(name: str) -> BinaryIO | None:
    return sys.stdin.buffer if name == STDIN_NAME else None


def _is_stream(handle: BinaryIO) -> bool:
    """True for pipes, terminals and sockets, where input may pause."""
    try:
        mode = os.fstat(handle.fileno()).st_mode
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


class _Digests:
    """Hashes of what went in and what came out, to tell if anything changed."""

    def __init__(self) -> None:
        self.before, self.after = hashlib.blake2b(), hashlib.blake2b()

    @property
    def changed(self) -> bool:
        return self.before.digest() != self.after.digest()


def _cleaned_pieces(
    source: Source, rules: Sequence[Rule], digests: _Digests, record: _Record | None, format: str
) -> Iterator[str]:
    handle = _stdin_or_none(source.name)
    pieces = source.pieces(handle, pause_aware=handle is not None and _is_stream(handle))
    for cleaned in clean_segments(segments_of(_hashed(pieces, digests.before)), rules, record, format):
        digests.after.update(cleaned.encode("utf-8", "surrogatepass"))
        yield cleaned


def _hashed(pieces: Iterable[object], digest: hashlib.blake2b) -> Iterator[object]:
    for piece in pieces:
        if isinstance(piece, str):
            digest.update(piece.encode("utf-8", "surrogatepass"))
        yield piece


def _encoded(source: Source, pieces: Iterable[str]) -> Iterator[bytes]:
    """``pieces`` encoded as the source was, BOM included."""
    encoder = source.encoder()
    try:
        for index, piece in enumerate(pieces):
            data = encoder.encode(piece)
            if index == 0 and source.bom:
                data = codecs.BOM_UTF8 + data
            if data:
                yield data
        yield encoder.encode("", True)
    except UnicodeEncodeError as error:
        raise OutputError(f"{source.name}: cannot encode the result as {source.encoding}: {error.reason}") from None


def _clean_to(
    output: BinaryIO, source: Source, rules: Sequence[Rule], record: _Record | None, format: str
) -> bool:
    digests = _Digests()
    for data in _encoded(source, _cleaned_pieces(source, rules, digests, record, format)):
        output.write(data)
        output.flush()
    return digests.changed


def _clean_in_place(
    source: Source, rules: Sequence[Rule], backup: str | None, record: _Record | None, format: str
) -> bool:
    """Rewrite ``source`` atomically if cleaning changes it; True if it did."""
    digests = _Digests()
    cleaned = _cleaned_pieces(source, rules, digests, record, format)
    first = next(cleaned, "")  # reads the start: a missing or binary file fails here, before any write
    with AtomicReplacement(source, backup) as replacement:
        for data in _encoded(source, itertools.chain([first], cleaned)):
            replacement.write(data)
        if not digests.changed:
            return False
        replacement.commit()
    return True


def _run_jsonl(job: Job, source: Source, stream: BinaryIO | None) -> Outcome:
    """Clean one field of every JSON Lines record (always UTF-8) of ``source``."""
    warnings: list[str] = []
    clean_text = Cleaner(job.select, job.ignore, job.options, job.format_of(source.name)).clean

    def report(line_number: int, message: str) -> None:
        warnings.append(f"{source.name}: line {line_number}: {message}; passed through unchanged")

    def cleaned_lines(handle: BinaryIO, changes: list[bool]) -> Iterator[bytes]:
        originals = iter(handle)
        remembered = []

        def remember() -> Iterator[bytes]:
            for line in originals:
                remembered.append(line)
                yield line

        for line in clean_jsonl_lines(remember(), job.jsonl_field, clean_text, job.strict, report):
            if line is not remembered.pop():
                changes.append(True)
            yield line

    changes: list[bool] = []
    with _binary_input(source) as handle:
        if job.mode in (CHECK, DIFF):
            before = handle.read()
            after = b"".join(cleaned_lines(io.BytesIO(before), changes))
            diff = ""
            if changes and job.mode == DIFF:
                diff = unified_diff(source.name, before.decode("utf-8", "replace"), after.decode("utf-8", "replace"))
            return Outcome(source.name, bool(changes), output=diff.encode(), warnings=tuple(warnings))
        if job.mode == IN_PLACE:
            with AtomicReplacement(source, job.backup) as replacement:
                for line in cleaned_lines(handle, changes):
                    replacement.write(line)
                if changes:
                    replacement.commit()
            return Outcome(source.name, bool(changes), warnings=tuple(warnings))
        buffer = io.BytesIO() if stream is None else None
        output = stream or buffer
        for line in cleaned_lines(handle, changes):
            output.write(line)
        output.flush()
        return Outcome(source.name, bool(changes), output=buffer.getvalue() if buffer else b"", warnings=tuple(warnings))


@contextlib.contextmanager
def _binary_input(source: Source) -> Iterator[BinaryIO]:
    if source.name == STDIN_NAME:
        yield sys.stdin.buffer
    else:
        with source.open_binary() as handle:
            yield handle
