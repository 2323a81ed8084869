"""The work the command line does for one input, and for many in parallel.

``run_job`` cleans one file (or standard input) in one mode and reports what
happened as an ``Outcome``; it is a plain module-level function so worker
processes can run it. Nothing here parses options or prints messages.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import functools
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
from cleaner.jsonl import JsonlError, RecordChange, clean_jsonl_lines, field_changes
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

    @functools.cached_property
    def cleaner(self) -> Cleaner:
        """The one chain every input of this job runs through (text and JSON
        Lines); its format is the one JSON Lines fields are read in (auto:
        text), a text input's is ``format_of`` its name."""
        return Cleaner(self.select, self.ignore, self.options, "text" if self.format == "auto" else self.format)

    def format_of(self, name: str) -> str:
        """The format input ``name`` is read in."""
        if self.format != "auto":
            return self.format
        return format_for_name(self.stdin_filename if name == STDIN_NAME else name)

    def rules(self) -> tuple[Rule, ...]:
        return self.cleaner.rules


@dataclass(frozen=True)
class Outcome:
    """What happened to one input. ``output`` holds the cleaned bytes (print
    mode, when not streamed) or the diff (diff mode)."""

    name: str
    changed: bool = False
    error: str | None = None
    output: bytes = b""
    warnings: tuple[str, ...] = ()
    changes: tuple[Change | RecordChange, ...] = ()
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
    job.cleaner.clean("Warm up the rules ofthe chain.")
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
        self.changes: list[Change | RecordChange] = []
        self.counts: Counter[str] = Counter()

    def extend(self, changes: Iterable[Change | RecordChange]) -> None:
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


NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff that ``patch`` and ``git apply`` accept: a last line
    without a line break is followed by the ``\\ No newline`` marker."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"{name}\t(original)",
        tofile=f"{name}\t(cleaned)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" + NO_NEWLINE for line in lines)


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
    chunks = _encoded(source, itertools.chain([first], cleaned))
    return _replace_if_changed(source, backup, chunks, lambda: digests.changed)


def _replace_if_changed(
    source: Source, backup: str | None, chunks: Iterator[bytes], changed: Callable[[], bool]
) -> bool:
    """Write ``chunks`` to a temporary file and put it in ``source``'s place
    if ``changed()`` says so once all are written; True if it did."""
    try:
        with AtomicReplacement(source, backup) as replacement:
            for data in chunks:
                replacement.write(data)
            if not changed():
                return False
            replacement.commit()
    except OutputError:
        # A file that cleaning leaves as it is needs no writing, so failing to
        # write it (read-only file or folder, full disk) is no failure. Asking
        # to rewrite what is not a file (/dev/null, a FIFO) stays an error.
        if not _is_regular_file(source.name):
            raise
        for _ in chunks:
            pass
        if not changed():
            return False
        raise
    return True


def _is_regular_file(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return False


def _run_jsonl(job: Job, source: Source, stream: BinaryIO | None) -> Outcome:
    """Clean one field of every JSON Lines record (always UTF-8) of ``source``."""
    warnings: list[str] = []
    records = _JsonlRecords(job, source.name)

    def report(line_number: int, message: str) -> None:
        warnings.append(f"{source.name}: line {line_number}: {message}; passed through unchanged")

    def cleaned_lines(handle: BinaryIO) -> Iterator[bytes]:
        return clean_jsonl_lines(
            handle, job.jsonl_field, job.cleaner.clean, job.strict, report, on_record=records.take
        )

    def outcome(output: bytes = b"") -> Outcome:
        return Outcome(
            source.name,
            records.changed > 0,
            output=output,
            warnings=(*warnings, *records.warnings()),
            **_found(records.record),
        )

    with _binary_input(source) as handle:
        if job.mode in (CHECK, DIFF):
            before = handle.read()
            after = b"".join(cleaned_lines(io.BytesIO(before)))
            diff = ""
            if records.changed and job.mode == DIFF:
                diff = unified_diff(source.name, before.decode("utf-8", "replace"), after.decode("utf-8", "replace"))
            return outcome(diff.encode())
        if job.mode == IN_PLACE:
            _replace_if_changed(source, job.backup, cleaned_lines(handle), lambda: records.changed > 0)
            return outcome()
        buffer = io.BytesIO() if stream is None else None
        output = stream or buffer
        for line in cleaned_lines(handle):
            output.write(line)
        output.flush()
        return outcome(buffer.getvalue() if buffer else b"")


class _JsonlRecords:
    """What happened to the records of one JSON Lines input: how many had the
    field, how many changed, and (for the report and summary) each change."""

    def __init__(self, job: Job, name: str):
        self.job, self.name = job, name
        self.records = self.missing = self.changed = 0
        self.record = _Record(job.list_changes) if job.list_changes or job.count_changes else None

    def take(self, line_number: int, value: str | None, cleaned: str | None) -> None:
        self.records += 1
        if value is None:
            self.missing += 1
        elif cleaned != value:
            self.changed += 1
            if self.record is not None:
                self.record.extend(
                    RecordChange(line_number, change) for change in field_changes(self.job.cleaner, value, cleaned)
                )

    def warnings(self) -> tuple[str, ...]:
        if not self.missing:
            return ()
        field = self.job.jsonl_field
        return (f"{self.name}: {self.missing} of {self.records} records have no string field {field!r}",)


@contextlib.contextmanager
def _binary_input(source: Source) -> Iterator[BinaryIO]:
    if source.name == STDIN_NAME:
        yield sys.stdin.buffer
    else:
        with source.open_binary() as handle:
            yield handle
