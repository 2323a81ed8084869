"""One large stream (standard input, one big file, one JSON Lines file)
cleaned on several cores, with the output the same byte for byte.

The stream is read and cut here, in the main process, exactly as for one
process (``segments_of``, then ``SegmentJoiner``); batches of segments (or of
JSON Lines records) go to worker processes, which clean each segment on its
own (``pipeline.segment_cleaner``: nothing in that depends on the segments
around it), and the results come back in order. The stream layer (document
edges, change records and their line numbers, the output) then takes each
result here just as it takes a segment cleaned in this process, so one code
path serves ``-j 1`` and ``-j N``.

- **Bounded memory**: at most ``IN_FLIGHT_PER_WORKER`` batches per worker are
  out at any time; the reading waits for the oldest.
- **Streaming**: when the input pauses (a pipe with nothing more to give yet),
  every batch out is waited for and passed on before reading goes on, so a
  paragraph still comes out before the input ends.
- **No pool for small inputs**: workers are started only once
  ``POOL_THRESHOLD`` characters (bytes, for JSON Lines) are read; what a
  text holds when it ends or pauses before that is cleaned in this process.
  An input counts as paused once it has been silent ``PAUSE_SECONDS`` (a
  pipe's writer is often a moment late between two writes).

Workers are forked (where the platform can fork) after the rules' data is
loaded here, so they share it and start in milliseconds; elsewhere a single
stream is cleaned in one process.
"""

from __future__ import annotations

import os
import select
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cleaner.offsets import OffsetMap
from cleaner.pipeline import ChangeSink, clean_segments, segment_cleaner
from cleaner.regions import SegmentJoiner
from cleaner.rule import Rule
from cleaner.segments import PAUSE, segments_of

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# Characters (or bytes) waiting to be cleaned before a pool is worth
# starting: about 0.4 s of work for one core.
POOL_THRESHOLD = 1 << 20
# Text handed to a worker at a time: large enough that pickling costs little
# beside cleaning, small enough to keep every worker busy. A segment is at
# least ``segments.SEGMENT_SIZE`` (the same), so a batch is usually one.
BATCH_SIZE = 1 << 18
IN_FLIGHT_PER_WORKER = 2
PAUSE_SECONDS = 0.05

Item = TypeVar("Item")
Result = TypeVar("Result")


def pauses_after_silence(pieces: Iterable[object], descriptor: int) -> Iterator[object]:
    """``pieces`` read from ``descriptor`` without the ``PAUSE`` markers of a
    silence shorter than ``PAUSE_SECONDS``: cleaning what is read at every
    such moment would leave the workers waiting for one small batch."""
    for piece in pieces:
        if piece is PAUSE and _readable_within(descriptor, PAUSE_SECONDS):
            continue
        yield piece


def _readable_within(descriptor: int, seconds: float) -> bool:
    try:
        return bool(select.select([descriptor], [], [], seconds)[0])
    except (OSError, ValueError):
        return True


def can_fork() -> bool:
    import multiprocessing  # here: a small input never pays for importing it

    return "fork" in multiprocessing.get_all_start_methods()


def in_order(
    task: Callable[[list[Item]], Result],
    items: Iterable[Item | object],
    workers: int,
    size: Callable[[Item], int] = len,  # type: ignore[assignment]
) -> Iterator[tuple[list[Item], Result]]:
    """``(batch, task(batch))`` for consecutive batches of ``items``, in
    order, each as soon as it and those before it are done. ``task`` runs in
    ``workers`` forked processes once the input is large enough (see the
    module), else here. A ``PAUSE`` among ``items`` means the input has
    nothing more to give yet: every batch before it is finished first."""
    batches = _Batches(task, workers, size)
    try:
        for item in items:
            yield from batches.drain() if item is PAUSE else batches.add(item)  # type: ignore[arg-type]
        yield from batches.drain()
    finally:
        batches.close()


class _Batches(Generic[Item, Result]):
    """Items gathered into batches and handed to ``task``, in this process or
    in a pool of workers; their results taken back in order."""

    def __init__(self, task: Callable[[list[Item]], Result], workers: int, size: Callable[[Item], int]):
        self.task, self.workers, self.size = task, workers, size
        self.batch: list[Item] = []
        self.batch_size = 0
        self.waiting: deque[list[Item]] = deque()  # batches held back while no pool runs
        self.seen = 0  # the size of all items added
        self.out: deque[tuple[list[Item], Future[Result]]] = deque()
        self.pool: ProcessPoolExecutor | None = None

    def add(self, item: Item) -> Iterator[tuple[list[Item], Result]]:
        self.batch.append(item)
        size = self.size(item)
        self.batch_size += size
        self.seen += size
        if self.workers <= 1 or self.batch_size >= BATCH_SIZE:
            yield from self._hand_out()
        while self.out and self.out[0][1].done():
            yield self._take()

    def drain(self) -> Iterator[tuple[list[Item], Result]]:
        """The results of everything added so far, waited for."""
        yield from self._hand_out()
        while self.waiting:  # no pool was worth starting yet
            batch = self.waiting.popleft()
            yield batch, self.task(batch)
        while self.out:
            yield self._take()

    def _hand_out(self) -> Iterator[tuple[list[Item], Result]]:
        """Hand the batch gathered so far to a worker (or to this process)."""
        if not self.batch:
            return
        batch, self.batch, self.batch_size = self.batch, [], 0
        if self.pool is None:
            if self.workers <= 1:
                yield batch, self.task(batch)
                return
            self.waiting.append(batch)
            if self.seen < POOL_THRESHOLD:
                return
            if not can_fork():  # asked only here: a small input never imports multiprocessing
                self.workers = 1
                yield from self.drain()
                return
            self.pool = start_pool(self.task, self.workers)
            while self.waiting:
                self._submit(self.waiting.popleft())
        else:
            self._submit(batch)
        while len(self.out) > self.workers * IN_FLIGHT_PER_WORKER:
            yield self._take()

    def _submit(self, batch: list[Item]) -> None:
        assert self.pool is not None
        self.out.append((batch, self.pool.submit(_run_task, batch)))

    def _take(self) -> tuple[list[Item], Result]:
        batch, future = self.out.popleft()
        return batch, future.result()

    def close(self) -> None:
        """End the workers: at once, unless every batch was taken back."""
        if self.pool is None:
            return
        if self.out:  # stopped early (an error, a signal, a reader gone): the rest is not wanted
            for _, future in self.out:
                future.cancel()
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()
        self.pool.shutdown(wait=not self.out, cancel_futures=True)
        self.out.clear()


def start_pool(task: Callable[[list[Any]], Any], workers: int) -> ProcessPoolExecutor:
    """``workers`` forked processes that run ``task`` on the batches given to
    them. ``task`` is not pickled: each worker inherits it, with the rules'
    data it loaded here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # here: a small input never pays for importing it

    warm_up = getattr(task, "warm_up", None)
    if warm_up is not None:
        warm_up()
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_install, initargs=(task, os.getpid())
    )


_task: Callable[[list[Any]], Any] | None = None  # in a worker: what its batches are given to


def _install(task: Callable[[list[Any]], Any], parent: int) -> None:
    """In a worker: take ``task``; leave stop signals to the main process,
    which ends its workers itself; end if the main process is gone."""
    from cleaner.runner import _exit_with_parent

    global _task
    _task = task
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent(parent)


def _run_task(batch: list[Any]) -> Any:
    assert _task is not None
    return _task(batch)


# What cleaning one segment gave: its text and, when changes are recorded,
# its offset map and edits (see ``pipeline._Document.clean``).
SegmentResult = tuple[str, OffsetMap | None, list | None]


class _CleanSegments:
    """The task for a text stream: each segment of a batch cleaned on its own."""

    def __init__(self, rules: Sequence[Rule], format: str, detailed: bool):
        self.clean_segment = segment_cleaner(rules, format)
        self.detailed = detailed

    def __call__(self, segments: list[str]) -> list[SegmentResult]:
        results: list[SegmentResult] = []
        for segment in segments:
            offsets = OffsetMap() if self.detailed else None
            records: list | None = [] if self.detailed else None
            results.append((self.clean_segment(segment, offsets, records), offsets, records))
        return results

    def warm_up(self) -> None:
        """Load the rules' data (the word list, compiled catalogs) before forking."""
        self(["Warm up the rules ofthe chain:  “didnâ€™t” &amp; more.\n"])


class CleanedStream:
    """A text arriving in ``pieces`` (``PAUSE`` markers included), cut into
    segments and cleaned, by ``workers`` processes when it is large.

    ``segments()`` yields the segments in order (joined at allowed cuts),
    and ``clean(segments)`` yields their cleaned text as ``clean_segments``
    does, changes recorded in ``record``: hand both to ``rejoin_cut_lines``
    or ``for_each_segment_cleaned``, which take segments one at a time."""

    def __init__(
        self, pieces: Iterable[object], rules: Sequence[Rule], record: ChangeSink | None, format: str, workers: int
    ):
        self.pieces, self.rules, self.record, self.format, self.workers = pieces, rules, record, format, workers
        self.results: deque[SegmentResult] = deque()  # of the segments yielded and not yet cleaned

    def segments(self) -> Iterator[str]:
        task = _CleanSegments(self.rules, self.format, self.record is not None)
        for batch, results in in_order(task, self._joined(), self.workers):
            self.results.extend(results)
            yield from batch

    def _joined(self) -> Iterator[object]:
        """The segments, joined at allowed cuts, with the input's pauses."""
        joiner = SegmentJoiner(self.format)
        for segment in segments_of(self.pieces, cut_lines=True, keep_pauses=True):
            if segment is PAUSE:
                yield PAUSE
                continue
            joined = joiner.feed(segment)
            if joined is not None:
                yield joined
        rest = joiner.close()
        if rest is not None:
            yield rest

    def clean(self, segments: Iterable[str]) -> Iterator[str]:
        return clean_segments(segments, self.rules, self.record, self.format, cleaned_elsewhere=self._cleaned)

    def _cleaned(self, segment: str, offsets: OffsetMap | None, records: list | None) -> str:
        cleaned, their_offsets, their_records = self.results.popleft()
        if offsets is not None and their_offsets is not None:
            offsets.stretches = their_offsets.stretches
        if records is not None and their_records is not None:
            records.extend(their_records)
        return cleaned
