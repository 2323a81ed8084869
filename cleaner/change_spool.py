"""The changes of one input kept for ``--report json`` in a temporary file,
one JSON object a line, rather than in memory: a large input's changes
outgrow it (100 MB of news-like text makes 158 MB of report).

Within a process the file is anonymous (gone when closed or when the process
ends). Sent to another process (a ``-j`` worker's outcome, a JSON Lines
batch's changes), a spool travels as the name of a file written for it; the
receiving side reads that file once and removes it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import IO, Any, Protocol


class _Reported(Protocol):
    def as_dict(self) -> dict[str, object]: ...


class ChangeSpool:
    """Changes in the order they were added, each as its JSON text."""

    def __init__(self) -> None:
        self._file: IO[str] | None = None
        self._path: str | None = None  # a file another process wrote, read once
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def append(self, change: _Reported) -> None:
        import json  # here: a run that lists no change never imports it

        self._write(json.dumps(change.as_dict(), ensure_ascii=False))

    def extend(self, changes: Iterable[_Reported] | ChangeSpool) -> None:
        if isinstance(changes, ChangeSpool):
            for item in changes.json_items():
                self._write(item)
            return
        for change in changes:
            self.append(change)

    def _write(self, item: str) -> None:
        if self._file is None:
            import tempfile  # here: most runs never spool a change

            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", prefix="cleaner-changes-")
            if self._path is not None:  # keep what came from another process first
                for old in self._read_path():
                    self._file.write(old + "\n")
        self._file.write(item + "\n")
        self.count += 1

    def _read_path(self) -> Iterator[str]:
        path, self._path = self._path, None
        if path is None:
            return
        try:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    yield line.rstrip("\n")
        finally:
            os.unlink(path)

    def json_items(self) -> Iterator[str]:
        """Each change's JSON text, in order; the spool is empty afterwards."""
        yield from self._read_path()
        if self._file is not None:
            self._file.seek(0)
            for line in self._file:
                yield line.rstrip("\n")
            self._file.close()
            self._file = None
        self.count = 0

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (to another process, once): the changes move to a named file."""
        count = self.count
        if not count:
            return {"path": None, "count": 0}
        import tempfile

        descriptor, path = tempfile.mkstemp(prefix="cleaner-changes-", suffix=".jsonl")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            for item in self.json_items():
                handle.write(item + "\n")
        return {"path": path, "count": count}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._file, self._path, self.count = None, state["path"], state["count"]
