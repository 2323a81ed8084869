"""Reading and writing documents safely: incremental decoding (with BOM and
error offsets), binary detection, and atomic in-place replacement.

Nothing here knows about cleaning; nothing in the rules knows about files.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import select
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from cleaner.segments import PAUSE

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None

STDIN_NAME = "-"
READ_SIZE = 1 << 16
TEMPORARY_SUFFIX = ".cleaner-tmp"
# Flags for the temporary file: not inherited by child processes; and on
# Windows, bytes written as they are.
OPEN_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class InputError(Exception):
    """A file that cannot be cleaned; the message is one line naming it."""


class OutputError(Exception):
    """A cleaned file that could not be written; the original is intact."""


# Codecs Python knows that cannot hold a document: they encode names (idna,
# punycode) or refuse everything (undefined). Bytes-to-bytes and str-to-str
# codecs (base64, zlib, rot13) are refused by their own flag.
NOT_DOCUMENT_ENCODINGS = frozenset({"idna", "punycode", "undefined"})


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; ``LookupError`` if Python does not know it
    or it is not a text encoding a document can be written in."""
    info = codecs.lookup(encoding)
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_DOCUMENT_ENCODINGS:
        raise LookupError(f"{encoding!r} is not a text encoding")
    return info.name


class Source:
    """One input, decoded piece by piece so that any size fits in memory.

    ``pieces()`` yields decoded text; it raises ``InputError`` (naming the
    input and the byte offset) on bytes invalid in the encoding unless
    ``keep_undecodable``, and on NUL characters (binary files).
    """

    def __init__(
        self,
        name: str,
        encoding: str = "utf-8",
        keep_undecodable: bool = False,
        on_read: Callable[[int], None] | None = None,
    ):
        self.name = name
        self.on_read = on_read
        self.encoding = check_encoding(encoding)
        self.errors = "surrogateescape" if keep_undecodable else "strict"
        self.bom = False
        self.signature: tuple[int, int, int] | None = None  # inode, size, mtime when opened

    def pieces(self, handle: BinaryIO | None = None, pause_aware: bool = False) -> Iterator[object]:
        """Decoded text from ``handle`` (or the file ``name``), in order.

        With ``pause_aware``, a ``PAUSE`` marker is yielded whenever the input
        has nothing more to give right now (a slow pipe), so that complete
        paragraphs can be cleaned and shown without waiting for the end.
        """
        if handle is not None:
            yield from self._decode(handle, pause_aware)
            return
        with self.open_binary() as opened:
            yield from self._decode(opened, pause_aware=False)

    @contextlib.contextmanager
    def open_binary(self) -> Iterator[BinaryIO]:
        """The file ``name`` opened for reading bytes; records its signature.
        Failures to open or read it are ``InputError``s naming it."""
        try:
            with open(self.name, "rb") as opened:
                status = os.fstat(opened.fileno())
                if stat.S_ISDIR(status.st_mode):
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
                self.signature = _signature(status)
                yield opened
        except OSError as error:
            raise InputError(f"{self.name}: {describe_os_error(error)}") from None

    def read_text(self, handle: BinaryIO | None = None) -> str:
        return "".join(piece for piece in self.pieces(handle) if isinstance(piece, str))

    def encoder(self) -> codecs.IncrementalEncoder:
        return codecs.getincrementalencoder(self.encoding)(self.errors)

    def _decode(self, handle: BinaryIO, pause_aware: bool) -> Iterator[object]:
        decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
        consumed = characters = 0
        first, head = True, b""
        descriptor = handle.fileno() if pause_aware else -1
        while True:
            data = os.read(descriptor, READ_SIZE) if pause_aware else handle.read(READ_SIZE)
            final = not data
            if self.on_read is not None and data:
                self.on_read(len(data))
            if first and self.encoding == "utf-8":
                # A pipe may deliver the byte order mark a byte at a time.
                head += data
                if not final and len(head) < len(codecs.BOM_UTF8) and codecs.BOM_UTF8.startswith(head):
                    continue
                data, first = head, False
                if data.startswith(codecs.BOM_UTF8):
                    self.bom, data, consumed = True, data[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as error:
                offset = consumed - pending + error.start
                bad = error.object[error.start : error.start + 1]
                raise InputError(
                    f"{self.name}: not valid {self.encoding}: byte 0x{bad.hex()} at offset {offset}"
                    " (name the right encoding with --encoding, or keep such bytes with --keep-undecodable)"
                ) from None
            except UnicodeError as error:  # e.g. UTF-16 without a byte order mark
                raise InputError(
                    f"{self.name}: not valid {self.encoding}: {error} (name the right encoding with --encoding)"
                ) from None
            consumed += len(data)
            nul = text.find("\x00")
            if nul != -1:
                raise InputError(f"{self.name}: looks binary (NUL character at position {characters + nul}); skipped")
            characters += len(text)
            if text:
                yield text
            if final:
                return
            if pause_aware and not _readable_now(descriptor):
                yield PAUSE


def _readable_now(descriptor: int) -> bool:
    with contextlib.suppress(OSError, ValueError):
        return bool(select.select([descriptor], [], [], 0)[0])
    return True


def _signature(status: os.stat_result) -> tuple[int, int, int]:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def describe_os_error(error: OSError) -> str:
    """The reason an OS call failed, as the middle of a sentence ("no such file or directory")."""
    reason = error.strerror or str(error)
    return reason[0].lower() + reason[1:] if reason else "unreadable"



def same_file_as_an_input(path: str, inputs: Iterable[str]) -> bool:
    """True if ``path`` is, by identity (device and inode, so through any link
    or spelling), one of the files ``inputs`` names, standard input included."""
    try:
        target = os.stat(path)
    except OSError:
        return False  # a file that does not exist yet is no input
    if not stat.S_ISREG(target.st_mode):
        return False  # /dev/null or a terminal may be both: writing there destroys nothing
    for name in inputs:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            status = os.fstat(sys.stdin.fileno()) if name == STDIN_NAME else os.stat(name)
            if os.path.samestat(status, target):
                return True
    return False


class AtomicReplacement:
    """Writes the new content of ``source`` beside it, then swaps it in.

    The new content goes to ``.NAME.cleaner-tmp`` in the same directory (see
    ``claim_temporary``); ``commit`` flushes and fsyncs it, gives it the
    original's permission bits, keeps a backup if asked, and only then
    replaces the original with ``os.replace``. A symlink is followed: its
    target is rewritten and the link kept. On any failure, or ``discard``, the
    temporary file is removed and the original is untouched; if the process
    is killed outright, the next run on the file removes what it left.
    """

    def __init__(self, source: Source, backup_suffix: str | None = None):
        self.source = source
        self.backup_suffix = backup_suffix
        self.target = os.path.realpath(source.name)
        self.temporary: str | None = None
        self.handle: BinaryIO | None = None

    def __enter__(self) -> AtomicReplacement:
        try:
            status = os.stat(self.target)
            if not stat.S_ISREG(status.st_mode):  # a FIFO or a device would be replaced by a plain file
                raise OutputError(f"{self.source.name}: not a regular file; left as it is")
            if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
                raise OutputError(f"{self.source.name}: file is read-only; left as it is")
            descriptor, self.temporary = claim_temporary(self.target)
        except TemporaryInUse as error:
            raise self._in_use(error) from None
        except OSError as error:
            raise self._failure(error) from None
        self.handle = os.fdopen(descriptor, "wb")
        return self

    def write(self, data: bytes) -> None:
        try:
            self.handle.write(data)
        except OSError as error:
            raise self._failure(error) from None

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            status = os.stat(self.target)
            if self.source.signature is not None and _signature(status) != self.source.signature:
                raise OutputError(f"{self.source.name}: changed while being cleaned; left as it is")
            os.chmod(self.temporary, stat.S_IMODE(status.st_mode))
            with contextlib.suppress(PermissionError):
                os.chown(self.temporary, status.st_uid, status.st_gid)
            if self.backup_suffix:
                self._keep_backup()
            # The lock is held through the rename (closing would drop it), and
            # the name must still be this file: nothing else goes over the original.
            if not _still_named(self.handle.fileno(), self.temporary):
                raise OutputError(f"{self.source.name}: its temporary file was taken by another process; left as it is")
            if fcntl is None:  # (Windows cannot rename an open file)
                self.handle.close()
            os.replace(self.temporary, self.target)
            self.temporary = None
        except TemporaryInUse as error:
            raise self._in_use(error) from None
        except OSError as error:
            raise self._failure(error) from None
        with contextlib.suppress(OSError):
            self.handle.close()
        _fsync_directory(os.path.dirname(self.target))

    def _keep_backup(self) -> None:
        """Copy the original to its backup name atomically too: a copy cut short
        (disk full) must not replace an earlier backup or pass for a whole one.
        Its temporary file is the backup's own (``.NAME.bak.cleaner-tmp``), so
        a run cleaning ``NAME.bak`` itself at the same time is seen."""
        backup = self.target + self.backup_suffix
        descriptor, partial = claim_temporary(backup)
        copy = os.fdopen(descriptor, "wb")
        try:
            with open(self.target, "rb") as original:
                shutil.copyfileobj(original, copy)
            copy.flush()
            os.fsync(copy.fileno())
            shutil.copystat(self.target, partial)
            if not _still_named(copy.fileno(), partial):
                raise TemporaryInUse(os.path.basename(backup))
            os.replace(partial, backup)
            partial = None
        finally:
            if partial is not None:
                with contextlib.suppress(OSError):
                    if _still_named(copy.fileno(), partial):
                        os.unlink(partial)
            with contextlib.suppress(OSError):
                copy.close()

    def discard(self) -> None:
        """Remove the temporary file (while still holding its lock), then close it."""
        if self.temporary is not None:
            with contextlib.suppress(OSError, ValueError):
                if self.handle is None or self.handle.closed or _still_named(self.handle.fileno(), self.temporary):
                    os.unlink(self.temporary)
            self.temporary = None
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()

    def __exit__(self, *exc_info: object) -> None:
        self.discard()

    def _in_use(self, error: TemporaryInUse) -> OutputError:
        return OutputError(f"{self.source.name}: another cleaner is writing {error}; left as it is")

    def _failure(self, error: OSError) -> OutputError:
        return OutputError(f"{self.source.name}: cannot write: {describe_os_error(error)}; original left intact")


class TemporaryInUse(Exception):
    """Another live process holds the temporary file this one needs; the
    message names the file being written."""


def claim_temporary(path: str) -> tuple[int, str]:
    """Create ``.NAME.cleaner-tmp`` beside ``path``, empty and write-only, and
    return its descriptor and name.

    The name is fixed, so a file a killed run left behind is found where the
    next run on the same file looks. The descriptor holds an exclusive
    ``flock`` for as long as it is open, and the kernel drops it when its
    process dies, however it dies: a file found there whose lock can be taken
    is a leftover, and is replaced; one whose lock is held belongs to a live
    run, and ``TemporaryInUse`` is raised. Where there are no locks (no
    ``fcntl``, or a file system without them), a file found there is taken
    as a leftover, and two runs on one file at once are caught only by the
    checks before the rename.
    """
    directory, base = os.path.split(path)
    temporary = os.path.join(directory, f".{base}{TEMPORARY_SUFFIX}")
    for _ in range(3):
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | OPEN_FLAGS, 0o600)
        except FileExistsError:
            _remove_leftover(temporary, base)
            continue
        if not _lock(descriptor):  # another run took it for a leftover in the instant after it was made
            os.close(descriptor)
            raise TemporaryInUse(base)
        if not _still_named(descriptor, temporary):  # and removed it: try again
            os.close(descriptor)
            continue
        return descriptor, temporary
    raise TemporaryInUse(base)


def _lock(descriptor: int) -> bool:
    """Take the exclusive lock on ``descriptor``; False if another process holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: go on without
        pass
    return True


def _still_named(descriptor: int, name: str) -> bool:
    """True while ``name`` is the file open on ``descriptor``."""
    try:
        return os.path.samestat(os.fstat(descriptor), os.lstat(name))
    except FileNotFoundError:
        return False


def _remove_leftover(temporary: str, base: str) -> None:
    """Remove the temporary file at ``temporary`` if no live process holds it."""
    try:
        # Non-blocking and not through a link: a FIFO or a link put there must not stall or mislead us.
        descriptor = os.open(temporary, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | OPEN_FLAGS)
    except FileNotFoundError:  # gone since: try again
        return
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise FileExistsError(errno.EEXIST, f"{os.path.basename(temporary)} is in the way and is not a file")
        if not _lock(descriptor):
            raise TemporaryInUse(base)
        if _still_named(descriptor, temporary):
            os.unlink(temporary)
    except FileNotFoundError:
        pass
    finally:
        os.close(descriptor)


def _fsync_directory(directory: str) -> None:
    """Make the rename durable where the platform allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory or ".", os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
