"""The work the command line does for one input, and for many in parallel.

``run_job`` cleans one file (or standard input) in one mode and reports what
happened as an ``Outcome``; it is a plain module-level function so worker
processes can run it. Nothing here parses options or prints messages.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import itertools
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from cleaner.parallel import CleanedStream

try:  # hashlib's own source of BLAKE2, without loading OpenSSL (~4 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

from cleaner.change_spool import ChangeSpool
from cleaner.changes import Change
from cleaner.files import STDIN_NAME, AtomicReplacement, InputError, OutputError, Source
from cleaner.jsonl import JsonlError, RecordChange, clean_jsonl_lines, field_changes
from cleaner.pipeline import Cleaner
from cleaner.regions import format_for_name
from cleaner.rule import Rule
from cleaner.segments import PAUSE, CutLine, cut_line_gap, for_each_segment_cleaned, rejoin_cut_lines

PRINT, IN_PLACE, CHECK, DIFF = "print", "in-place", "check", "diff"


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
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
    color: bool = False  # colour diffs
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


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class Outcome:
    """What happened to one input. ``output`` holds the cleaned bytes (print
    mode) or the diff (diff mode) when they were not streamed."""

    name: str
    changed: bool = False
    error: str | None = None
    output: bytes = b""
    warnings: tuple[str, ...] = ()
    changes: ChangeSpool | tuple[()] = ()  # listed only for --report
    rule_counts: tuple[tuple[str, int], ...] = ()
    output_file: str | None = None  # where a worker left the output (see ``run_jobs``)


def run_job(
    job: Job,
    name: str,
    stream: BinaryIO | None = None,
    on_read: Callable[[int], None] | None = None,
    workers: int = 1,
) -> Outcome:
    """Clean input ``name`` as ``job`` says. In print and diff modes, the
    cleaned text or the diff goes to ``stream`` as soon as it is ready, or
    into ``Outcome.output``.
    ``on_read`` is told how many bytes were read, as reading goes on.
    With ``workers`` over 1, a large input is cleaned by that many
    processes (``cleaner.parallel``), with the same result."""
    source = Source(name, job.encoding, job.keep_undecodable, on_read)
    rules = job.rules()
    format = job.format_of(name)
    record = _Record(job.list_changes) if job.list_changes or job.count_changes else None
    try:
        if job.jsonl_field is not None:
            return _run_jsonl(job, source, stream, workers)
        text = _Text(rules, record, format, workers)
        if job.mode == CHECK:
            return Outcome(source.label, _clean_to(_Discard(), source, text), **_found(record))
        if job.mode == DIFF:
            buffer = io.BytesIO() if stream is None else None
            changed = _diff_to(stream or buffer, source, text, job.color)
            return Outcome(source.label, changed, output=buffer.getvalue() if buffer else b"", **_found(record))
        if job.mode == IN_PLACE:
            changed, notes = _clean_in_place(source, text, job.backup)
            return Outcome(source.label, changed, warnings=notes, **_found(record))
        buffer = io.BytesIO() if stream is None else None
        changed = _clean_to(stream or buffer, source, text)
        return Outcome(source.label, changed, output=buffer.getvalue() if buffer else b"", **_found(record))
    except (InputError, OutputError) as error:
        return Outcome(source.label, error=str(error))
    except JsonlError as error:
        return Outcome(source.label, error=f"{source.label}: {error}")


def run_jobs(
    job: Job,
    names: Sequence[str],
    workers: int,
    stream: BinaryIO | None = None,
    on_read: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """``run_job`` over every input, in input order. With more than one worker
    and input, files are cleaned in parallel processes; printed output (text
    or diff) is then written by each worker to a file of its own, copied to
    ``stream`` in input order, and removed: no process holds a whole file."""
    if workers <= 1 or len(names) <= 1:
        for name in names:
            yield run_job(job, name, stream, on_read, workers)
        return
    # Load the rules' data (the word list) once here: forked workers share it
    # instead of each loading its own.
    job.cleaner.clean("Warm up the rules ofthe chain.")
    from concurrent.futures import ProcessPoolExecutor  # here: importing it costs a one-file run ~50 ms

    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(names)), initializer=_start_worker, initargs=(os.getpid(),)
    )
    with pool, _StopWorkersOnSignal(pool) as stop:
        futures = [pool.submit(_run_job_in_worker, job, name) for name in names]
        try:
            for future in futures:
                if stop.signal is not None:
                    for pending in futures:
                        pending.cancel()  # those no worker has taken yet
                if future.cancelled():
                    continue
                outcome = future.result()
                if outcome is not None:
                    yield _with_output_copied(outcome, stream)
        finally:
            # Outcomes not taken (a failed write, a stop): their spooled output
            # goes, once the workers still busy with them are done.
            for future in futures:
                future.cancel()
            for future in futures:
                if not future.cancelled() and future.exception() is None and future.result():
                    _remove(future.result().output_file)
    if stop.signal is not None:
        raise SystemExit(128 + stop.signal)


# Signals that stop a run: Ctrl-C, `kill`, a closed terminal.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class _StopWorkersOnSignal:
    """While workers run, a stop signal to this process is passed on to them
    (SIGTERM) instead of ending it at once: each worker leaves the file it is
    writing as it was and starts no other, and the outcomes of the files
    already done are still reported; ``signal`` is then the number received.
    Outside the main thread (no signal handlers there) it does nothing."""

    def __init__(self, pool: ProcessPoolExecutor):
        self.pool = pool
        self.signal: int | None = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _StopWorkersOnSignal:
        if threading.current_thread() is threading.main_thread():
            for number in STOP_SIGNALS:
                self.previous[number] = signal.signal(number, self._stop)
        return self

    def _stop(self, number: int, frame: object) -> None:
        if self.signal is None:
            self.signal = number
        for pid in list(getattr(self.pool, "_processes", None) or ()):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    def __exit__(self, *exc_info: object) -> None:
        for number, handler in self.previous.items():
            signal.signal(number, handler)


class _Stopped(BaseException):
    """Raised in a worker by a stop signal, while it cleans a file (not an
    ``Exception``: nothing on the way may take it for an ordinary failure)."""


_worker_state = {"stopping": False, "busy": False}


def _start_worker(parent: int) -> None:
    """In a worker: stop cleanly on a stop signal (see ``_run_job_in_worker``),
    and end when the main process is gone (killed, or stopped by SIGPIPE when
    its reader went away) instead of waiting for work forever."""

    def on_signal(number: int, frame: object) -> None:
        _worker_state["stopping"] = True
        if _worker_state["busy"]:
            _worker_state["busy"] = False  # once: the unwinding must not be cut short
            raise _Stopped

    for number in STOP_SIGNALS:
        signal.signal(number, on_signal)
    _exit_with_parent(parent)


def _run_job_in_worker(job: Job, name: str) -> Outcome | None:
    """``run_job`` in a worker process; None for a file not started because
    the run is stopping. A file being written when the stop came is left as
    it was (the temporary file goes as the stack unwinds)."""
    inode = _inode(name)
    try:
        _worker_state["busy"] = True
        if _worker_state["stopping"]:
            return None
        return _spooled(job, name) if job.mode in (PRINT, DIFF) else run_job(job, name)
    except _Stopped:
        if job.mode == IN_PLACE and _inode(name) != inode:  # stopped after the rename: it was rewritten
            return Outcome(name, changed=True)
        return Outcome(name, error=f"{name}: stopped by a signal; left as it was")
    finally:
        _worker_state["busy"] = False


def _spooled(job: Job, name: str) -> Outcome:
    """``run_job`` with printed output going to a temporary file, named in the outcome."""
    import tempfile  # only -j spools

    descriptor, path = tempfile.mkstemp(prefix="cleaner-", suffix=".out")
    try:
        with os.fdopen(descriptor, "wb") as spool:
            outcome = run_job(job, name, spool)
    except BaseException:
        _remove(path)
        raise
    return dataclasses.replace(outcome, output_file=path)


def _with_output_copied(outcome: Outcome, stream: BinaryIO | None) -> Outcome:
    """``outcome`` with the output a worker left in a file copied to ``stream``
    (unless the input failed: its output is incomplete) and the file removed."""
    if outcome.output_file is None:
        return outcome
    try:
        if stream is not None and not outcome.error:
            import shutil  # only when workers ran

            with open(outcome.output_file, "rb") as spool:
                shutil.copyfileobj(spool, stream)
            stream.flush()
    finally:
        _remove(outcome.output_file)
    return dataclasses.replace(outcome, output_file=None)


def _remove(path: str | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _inode(name: str) -> int | None:
    try:
        return os.stat(name).st_ino
    except OSError:
        return None


class _Record:
    """Collects changes: counted per rule always, kept one by one only when
    listed (a huge input's changes would not fit in memory otherwise)."""

    def __init__(self, keep: bool):
        self.keep = keep
        self.changes = ChangeSpool()  # on disk: a large input's changes outgrow memory
        self.counts: Counter[str] = Counter()

    def extend(self, changes: Iterable[Change | RecordChange]) -> None:
        for change in changes:
            self.counts[change.rule] += 1
            if self.keep:
                self.changes.append(change)


def _found(record: _Record | None) -> dict[str, tuple]:
    if record is None:
        return {}
    return {"changes": record.changes, "rule_counts": tuple(record.counts.items())}


def _exit_with_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def unified_diff(name: str, before: str, after: str) -> str:
    """The unified diff from ``before`` to ``after``, with ``name`` in its header ("" if they are equal)."""
    hunks = diff_hunks(before.splitlines(keepends=True), after.splitlines(keepends=True))
    return _diff_header(name) + hunks if hunks else ""


def _diff_header(name: str) -> str:
    return f"--- {name}\t(original)\n+++ {name}\t(cleaned)\n"


def diff_hunks(before: Sequence[str], after: Sequence[str], before_start: int = 0, after_start: int = 0) -> str:
    """The hunks of a unified diff (three lines of context) from the lines
    ``before`` to the lines ``after``, numbered as if ``before_start`` and
    ``after_start`` lines came before them. A last line without a line break
    is marked as ``patch`` expects."""
    import difflib  # only --diff needs it

    lines = []
    for group in difflib.SequenceMatcher(None, before, after).get_grouped_opcodes(3):
        first, last = group[0], group[-1]
        old = _hunk_range(before_start + first[1], last[2] - first[1])
        new = _hunk_range(after_start + first[3], last[4] - first[3])
        lines.append(f"@@ -{old} +{new} @@\n")
        for tag, old_start, old_end, new_start, new_end in group:
            if tag == "equal":
                lines += [_diff_line(" ", line) for line in before[old_start:old_end]]
                continue
            lines += [_diff_line("-", line) for line in before[old_start:old_end]]
            lines += [_diff_line("+", line) for line in after[new_start:new_end]]
    return "".join(lines)


def _hunk_range(start: int, length: int) -> str:
    """A hunk's line range as ``diff -u`` writes it (``start`` counted from 0)."""
    if length == 1:
        return f"{start + 1}"
    return f"{start if length == 0 else start + 1},{length}"


def _diff_line(mark: str, line: str) -> str:
    if len((line + "x").splitlines()) > 1:  # it ends with a line break (of any kind splitlines knows)
        return mark + line
    return f"{mark}{line}\n\\ No newline at end of file\n"


class _DiffWriter:
    """Writes the unified diff of a document cleaned segment by segment, as it
    goes: hunks within each segment (or run of segments cut inside a line),
    with line numbers counted from the start of the document."""

    def __init__(self, name: str, output: BinaryIO, color: bool):
        self.name, self.output, self.color = name, output, color
        self.before_lines = self.after_lines = 0  # lines of the document already compared
        self.before: list[str] = []  # a line cut across segments, until its end
        self.after: list[str] = []
        self.cut = False  # the last segment taken was cut inside a line
        self.changed = False

    def take(self, segment: str, cleaned: str) -> None:
        if self.cut and self.after:
            self.after[-1] += cut_line_gap(self.after[-1], cleaned)
        self.before.append(segment)
        self.after.append(cleaned)
        self.cut = isinstance(segment, CutLine)
        if not self.cut:
            self.flush()

    def flush(self) -> None:
        before = "".join(self.before).splitlines(keepends=True)
        after = "".join(self.after).splitlines(keepends=True)
        self.before, self.after = [], []
        hunks = diff_hunks(before, after, self.before_lines, self.after_lines)
        self.before_lines += len(before)
        self.after_lines += len(after)
        if hunks:
            if not self.changed:
                hunks = _diff_header(self.name) + hunks
                self.changed = True
            if self.color:
                from cleaner.report import colorize_diff  # (report imports this module)

                hunks = colorize_diff(hunks)
            self.output.write(hunks.encode("utf-8", "surrogateescape"))
            self.output.flush()


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class _Text:
    """How a text input is cleaned: the rules, where changes are recorded,
    its format, and how many processes may share the work."""

    rules: Sequence[Rule]
    record: _Record | None
    format: str
    workers: int = 1

    def stream(self, pieces: Iterable[object], handle: BinaryIO | None = None) -> CleanedStream:
        """``pieces`` (read from ``handle``, when it may pause), cut and cleaned."""
        from cleaner.parallel import CleanedStream, pauses_after_silence

        if handle is not None and self.workers > 1:
            pieces = pauses_after_silence(pieces, handle.fileno())
        return CleanedStream(pieces, self.rules, self.record, self.format, self.workers)


def _diff_to(output: BinaryIO, source: Source, text: _Text, color: bool) -> bool:
    """Write the diff of cleaning ``source`` to ``output``, segment by segment; whether anything changed."""
    writer = _DiffWriter(source.label, output, color)
    cleaned = text.stream(source.pieces(_stdin_or_none(source.name)))
    for_each_segment_cleaned(cleaned.segments(), cleaned.clean, writer.take)
    writer.flush()
    return writer.changed


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
        self.before, self.after = blake2b(), blake2b()

    @property
    def changed(self) -> bool:
        return self.before.digest() != self.after.digest()


def _cleaned_pieces(source: Source, text: _Text, digests: _Digests) -> Iterator[str]:
    handle = _stdin_or_none(source.name)
    pause_aware = handle is not None and _is_stream(handle)
    pieces = source.pieces(handle, pause_aware=pause_aware)
    stream = text.stream(_hashed(pieces, digests.before), handle if pause_aware else None)
    for cleaned in rejoin_cut_lines(stream.segments(), stream.clean):
        digests.after.update(cleaned.encode("utf-8", "surrogatepass"))
        yield cleaned


def _hashed(pieces: Iterable[object], digest: blake2b) -> Iterator[object]:
    for piece in pieces:
        if isinstance(piece, str):
            digest.update(piece.encode("utf-8", "surrogatepass"))
        yield piece


def _encoded(source: Source, pieces: Iterable[str]) -> Iterator[bytes]:
    """``pieces`` encoded as the source was, BOM included."""
    encoder = None  # made once the start is read: a byte order mark there may name the encoding
    try:
        for piece in pieces:
            if source.line_break == "\r":
                piece = piece.replace("\n", "\r")
            data = b""
            if encoder is None:
                encoder, data = source.encoder(), source.bom
            data += encoder.encode(piece)
            if data:
                yield data
        if encoder is not None:
            yield encoder.encode("", True)
    except UnicodeEncodeError as error:
        raise OutputError(f"{source.label}: cannot encode the result as {source.encoding}: {error.reason}") from None


class _Discard:
    """An output that keeps nothing (``--check`` only needs to know whether anything changed)."""

    def write(self, data: bytes) -> None:
        pass

    def flush(self) -> None:
        pass


def _clean_to(output: BinaryIO, source: Source, text: _Text) -> bool:
    digests = _Digests()
    for data in _encoded(source, _cleaned_pieces(source, text, digests)):
        output.write(data)
        output.flush()
    return digests.changed


def _clean_in_place(source: Source, text: _Text, backup: str | None) -> tuple[bool, tuple[str, ...]]:
    """Rewrite ``source`` atomically if cleaning changes it; whether it did,
    and notes on the rewrite for the user."""
    digests = _Digests()
    cleaned = _cleaned_pieces(source, text, digests)
    first = next(cleaned, "")  # reads the start: a missing or binary file fails here, before any write
    chunks = _encoded(source, itertools.chain([first], cleaned))
    return _replace_if_changed(source, backup, chunks, lambda: digests.changed)


def _replace_if_changed(
    source: Source, backup: str | None, chunks: Iterator[bytes], changed: Callable[[], bool]
) -> tuple[bool, tuple[str, ...]]:
    """Write ``chunks`` to a temporary file and put it in ``source``'s place
    if ``changed()`` says so once all are written; whether it did, and notes
    on the rewrite for the user."""
    try:
        with AtomicReplacement(source, backup) as replacement:
            for data in chunks:
                replacement.write(data)
            if not changed():
                return False, ()
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
            return False, ()
        raise
    return True, tuple(replacement.notes)


def _is_regular_file(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except OSError:
        return False


def _run_jsonl(job: Job, source: Source, stream: BinaryIO | None, workers: int = 1) -> Outcome:
    """Clean one field of every JSON Lines record (always UTF-8) of ``source``,
    by ``workers`` processes when it is large (``cleaner.parallel``)."""
    warnings: list[str] = []
    records = _JsonlRecords(job, source.label)

    def report(line_number: int, message: str) -> None:
        warnings.append(f"{source.label}: line {line_number}: {message}; passed through unchanged")

    def line_pairs(handle: BinaryIO) -> Iterator[tuple[bytes, bytes]]:
        """Each line of ``handle`` with its cleaned form."""
        if workers > 1:
            yield from _jsonl_pairs_in_parallel(job, handle, records, report, workers)
            return
        remembered = []

        def remember() -> Iterator[bytes]:
            for line in handle:
                remembered.append(line)
                yield line

        lines = clean_jsonl_lines(
            remember(), job.jsonl_field, job.cleaner.clean, job.strict, report, on_record=records.take
        )
        for line in lines:
            yield remembered.pop(), line

    def cleaned_lines(handle: BinaryIO) -> Iterator[bytes]:
        return (cleaned for _, cleaned in line_pairs(handle))

    def outcome(output: bytes = b"") -> Outcome:
        return Outcome(
            source.label,
            records.changed > 0,
            output=output,
            warnings=(*warnings, *records.warnings()),
            **_found(records.record),
        )

    with _binary_input(source) as handle:
        if job.mode == CHECK:
            for _ in cleaned_lines(handle):
                pass
            return outcome()
        if job.mode == DIFF:
            buffer = io.BytesIO() if stream is None else None
            writer = _DiffWriter(source.label, stream or buffer, job.color)
            for before, after in _batches(line_pairs(handle)):
                writer.take(before.decode("utf-8", "replace"), after.decode("utf-8", "replace"))
            return outcome(buffer.getvalue() if buffer else b"")
        if job.mode == IN_PLACE:
            _, notes = _replace_if_changed(source, job.backup, cleaned_lines(handle), lambda: records.changed > 0)
            warnings.extend(notes)
            return outcome()
        buffer = io.BytesIO() if stream is None else None
        output = stream or buffer
        for line in cleaned_lines(handle):
            output.write(line)
        output.flush()
        return outcome(buffer.getvalue() if buffer else b"")


JSONL_BATCH_BYTES = 1 << 20  # records compared at a time for --diff


def _batches(pairs: Iterable[tuple[bytes, bytes]]) -> Iterator[tuple[bytes, bytes]]:
    """Lines and their cleaned forms, joined into batches of about ``JSONL_BATCH_BYTES``."""
    before: list[bytes] = []
    after: list[bytes] = []
    size = 0
    for original, cleaned in pairs:
        before.append(original)
        after.append(cleaned)
        size += len(original)
        if size >= JSONL_BATCH_BYTES:
            yield b"".join(before), b"".join(after)
            before, after, size = [], [], 0
    if before:
        yield b"".join(before), b"".join(after)


class _JsonlRecords:
    """What happened to the records of one JSON Lines input: how many had the
    field, how many changed, and (for the report and summary) each change."""

    def __init__(self, job: Job, name: str):
        self.job, self.name = job, name
        self.records = self.missing = self.changed = 0
        self.record = _Record(job.list_changes) if job.list_changes or job.count_changes else None

    def counts(self) -> tuple[int, int, int, Counter[str] | None, ChangeSpool | None]:
        """What ``add`` takes: the counts, and the changes (from a worker)."""
        if self.record is None:
            return self.records, self.missing, self.changed, None, None
        return self.records, self.missing, self.changed, self.record.counts, self.record.changes

    def add(self, counts: tuple[int, int, int, Counter[str] | None, ChangeSpool | None]) -> None:
        records, missing, changed, per_rule, changes = counts
        self.records += records
        self.missing += missing
        self.changed += changed
        if self.record is not None and per_rule is not None:
            self.record.counts.update(per_rule)
            if changes is not None:
                self.record.changes.extend(changes)

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


@dataclass(repr=False, eq=False)  # internal: generated methods cost start-up time
class _JsonlBatch:
    """What a worker did with a batch of JSON Lines: the cleaned lines (up to
    a malformed record, under ``--strict``), the malformed lines passed
    through, what happened to the records, and the strict failure if any."""

    lines: list[bytes]
    malformed: list[tuple[int, str]]
    counts: tuple[int, int, int, Counter[str] | None, ChangeSpool | None]
    failure: tuple[int, str] | None = None  # a JsonlError's line number and message (it does not pickle)


class _CleanJsonl:
    """The task for a JSON Lines stream: a batch of numbered lines cleaned as
    ``clean_jsonl_lines`` cleans them, numbered in the whole file."""

    def __init__(self, job: Job, name: str):
        self.job, self.name = job, name

    def __call__(self, batch: list[tuple[int, bytes]]) -> _JsonlBatch:
        before = batch[0][0] - 1  # lines of the file before the batch
        malformed: list[tuple[int, str]] = []
        records = _JsonlRecords(self.job, self.name)
        result = _JsonlBatch([], malformed, (0, 0, 0, None, []))
        lines = clean_jsonl_lines(
            (line for _, line in batch),
            self.job.jsonl_field or "",
            self.job.cleaner.clean,
            self.job.strict,
            lambda number, message: malformed.append((before + number, message)),
            on_record=lambda number, value, cleaned: records.take(before + number, value, cleaned),
        )
        try:
            result.lines.extend(lines)
        except JsonlError as error:
            result.failure = (before + error.line_number, error.message)
        result.counts = records.counts()
        return result

    def warm_up(self) -> None:
        self.job.cleaner.clean("Warm up the rules ofthe chain:  “didnâ€™t” &amp; more.")


def _jsonl_pairs_in_parallel(
    job: Job, handle: BinaryIO, records: _JsonlRecords, report: Callable[[int, str], None], workers: int
) -> Iterator[tuple[bytes, bytes]]:
    """``line_pairs`` of ``_run_jsonl``, the records cleaned in batches by
    ``workers`` processes once there are enough of them."""
    from cleaner.parallel import in_order

    lines = _lines_noting_pauses(handle) if _is_stream(handle) else handle
    numbered = (line if line is PAUSE else (number, line) for number, line in _numbered(lines))
    task = _CleanJsonl(job, records.name)
    for batch, result in in_order(task, numbered, workers, size=lambda item: len(item[1])):
        for number, message in result.malformed:
            report(number, message)
        records.add(result.counts)
        for (_, line), cleaned in zip(batch, result.lines):
            yield line, cleaned
        if result.failure is not None:
            raise JsonlError(*result.failure)


def _numbered(lines: Iterable[bytes | object]) -> Iterator[tuple[int, bytes | object]]:
    """Lines numbered from 1; a ``PAUSE`` among them is not counted."""
    number = 0
    for line in lines:
        if line is not PAUSE:
            number += 1
        yield number, line


def _lines_noting_pauses(handle: BinaryIO) -> Iterator[bytes | object]:
    """The lines of a pipe, with ``PAUSE`` when it has nothing more to give yet."""
    from cleaner.files import READ_SIZE
    from cleaner.parallel import PAUSE_SECONDS, _readable_within

    descriptor = handle.fileno()
    carried: list[bytes] = []  # the start of a line, read so far
    while True:
        data = os.read(descriptor, READ_SIZE)
        if not data:
            break
        start = 0
        end = data.find(b"\n")
        while end != -1:
            yield b"".join([*carried, data[start : end + 1]])
            carried, start = [], end + 1
            end = data.find(b"\n", start)
        if start < len(data):
            carried.append(data[start:])
        if not _readable_within(descriptor, PAUSE_SECONDS):
            yield PAUSE
    if carried:
        yield b"".join(carried)
