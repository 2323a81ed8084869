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


# Byte order marks that name their encoding, longest first (UTF-32-LE starts
# with UTF-16-LE's). A file with one is read and written back in it.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LONGEST_BOM = 4
SNIFF_SIZE = 8192  # bytes looked at to tell text from binary
MIN_SNIFF_SIZE = 32  # fewer are too few to judge by proportions
# Control bytes that text does not contain (tab, line breaks, form feed and escape excepted).
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}


def binary_reason(head: bytes) -> str | None:
    """Why the start of a file, ``head``, is binary rather than text, or None.

    A NUL byte is binary (as git decides). Without one, text that is valid
    UTF-8 is text; otherwise it is binary when more than a quarter of its
    bytes are not UTF-8 or more than one in twenty is a control byte: text in
    another encoding (Latin-1, cp1252) has far fewer of either, and cleaning a
    binary file with --keep-undecodable would remove its control bytes.
    """
    head = head[:SNIFF_SIZE]
    nul = head.find(0)
    if nul != -1:
        return f"NUL byte at offset {nul}"
    decoded = head.decode("utf-8", "surrogateescape")
    invalid = sum(1 for character in decoded if "\udc80" <= character <= "\udcff")
    if not invalid or len(head) < MIN_SNIFF_SIZE:
        return None
    controls = sum(1 for byte in head if byte in CONTROL_BYTES)
    if invalid * 4 > len(head) or controls * 20 > len(head):
        return f"{100 * (invalid + controls) // len(head)}% of its first {len(head)} bytes are not text"
    return None


def display_name(name: str) -> str:
    """How messages name an input: standard input is ``<stdin>``."""
    return "<stdin>" if name == STDIN_NAME else name


class Source:
    """One input, decoded piece by piece so that any size fits in memory.

    ``pieces()`` yields decoded text; it raises ``InputError`` (naming the
    input and the byte offset) on bytes invalid in the encoding unless
    ``keep_undecodable``, and on binary content (see ``binary_reason``).
    With the default encoding, a byte order mark of UTF-8, UTF-16 or UTF-32
    sets the encoding, and is kept in ``bom`` to be written back. A document
    whose first line break is a lone CR (classic Mac) is read with its line
    breaks as LF, and ``line_break`` is then "\r", to write them back with.
    """

    def __init__(
        self,
        name: str,
        encoding: str = "utf-8",
        keep_undecodable: bool = False,
        on_read: Callable[[int], None] | None = None,
    ):
        self.name = name
        self.label = display_name(name)
        self.on_read = on_read
        self.encoding = check_encoding(encoding)
        self.sniff_bom = self.encoding == "utf-8"
        self.errors = "surrogateescape" if keep_undecodable else "strict"
        self.bom = b""
        self.line_break: str | None = None  # "\n", or "\r" for a CR document; None until one is seen
        self.signature: tuple[int, int, int] | None = None  # inode, size, mtime when opened

    def pieces(self, handle: BinaryIO | None = None, pause_aware: bool = False) -> Iterator[object]:
        """Decoded text from ``handle`` (or the file ``name``), in order.

        With ``pause_aware``, a ``PAUSE`` marker is yielded whenever the input
        has nothing more to give right now (a slow pipe), so that complete
        paragraphs can be cleaned and shown without waiting for the end.
        """
        if handle is not None:
            yield from self._line_breaks(self._decode(handle, pause_aware))
            return
        with self.open_binary() as opened:
            yield from self._line_breaks(self._decode(opened, pause_aware=False))

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
            raise InputError(f"{self.label}: {describe_os_error(error)}") from None

    def read_text(self, handle: BinaryIO | None = None) -> str:
        return "".join(piece for piece in self.pieces(handle) if isinstance(piece, str))

    def encoder(self) -> codecs.IncrementalEncoder:
        return codecs.getincrementalencoder(self.encoding)(self.errors)

    def _line_breaks(self, pieces: Iterator[object]) -> Iterator[object]:
        """``pieces`` with the line breaks of a CR document read as LF. A CR
        that ends a piece waits for the next: it may be half of a CRLF."""
        carried = ""
        for piece in pieces:
            if not isinstance(piece, str):
                yield piece
                continue
            text, carried = carried + piece, ""
            if text.endswith("\r"):
                text, carried = text[:-1], "\r"
            if self.line_break is None:
                self._note_line_break(text)
            if self.line_break == "\r":
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            if text:
                yield text
        if carried:
            if self.line_break is None:
                self.line_break = "\r"
            yield "\n" if self.line_break == "\r" else carried

    def _note_line_break(self, text: str) -> None:
        carriage, newline = text.find("\r"), text.find("\n")
        if carriage != -1 and (newline == -1 or carriage < newline):
            self.line_break = "\n" if text.startswith("\n", carriage + 1) else "\r"
        elif newline != -1:
            self.line_break = "\n"

    def _decode(self, handle: BinaryIO, pause_aware: bool) -> Iterator[object]:
        decoder = None
        consumed = characters = 0
        first, head = True, b""
        descriptor = handle.fileno() if pause_aware else -1
        while True:
            data = os.read(descriptor, READ_SIZE) if pause_aware else handle.read(READ_SIZE)
            final = not data
            if self.on_read is not None and data:
                self.on_read(len(data))
            if first:
                # A pipe may deliver the byte order mark a byte at a time.
                head += data
                if not final and self._wait_for_more(head, pause_aware and not _readable_now(descriptor)):
                    continue
                data, first = head, False
                consumed = self._take_bom(data)
                data = data[consumed:]
                reason = binary_reason(data) if self.encoding == "utf-8" else None
                if reason is not None:
                    raise InputError(f"{self.label}: looks binary ({reason}); skipped")
                decoder = codecs.getincrementaldecoder(self.encoding)(self.errors)
            pending = len(decoder.getstate()[0])
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError as error:
                offset = consumed - pending + error.start
                bad = error.object[error.start : error.start + 1]
                raise InputError(
                    f"{self.label}: not valid {self.encoding}: byte 0x{bad.hex()} at offset {offset}"
                    " (name the right encoding with --encoding, or keep such bytes with --keep-undecodable)"
                ) from None
            except UnicodeError as error:  # e.g. UTF-16 without a byte order mark
                raise InputError(
                    f"{self.label}: not valid {self.encoding}: {error} (name the right encoding with --encoding)"
                ) from None
            consumed += len(data)
            nul = text.find("\x00")
            if nul != -1:
                raise InputError(f"{self.label}: looks binary (NUL character at position {characters + nul}); skipped")
            characters += len(text)
            if text:
                yield text
            if final:
                return
            if pause_aware and not _readable_now(descriptor):
                yield PAUSE

    def _wait_for_more(self, head: bytes, paused: bool) -> bool:
        """Whether to read more before decoding the start: enough to judge
        binary content, unless the input has paused; a whole byte order mark."""
        if self.sniff_bom and len(head) < LONGEST_BOM and any(mark.startswith(head) for mark, _ in BYTE_ORDER_MARKS):
            return True
        return len(head) < SNIFF_SIZE and not paused

    def _take_bom(self, head: bytes) -> int:
        """Note a byte order mark at the start of ``head`` (and the encoding it
        names, if the encoding was not chosen); return its length."""
        if not self.sniff_bom:
            return 0
        for mark, encoding in BYTE_ORDER_MARKS:
            if head.startswith(mark):
                self.bom, self.encoding = mark, encoding
                return len(mark)
        return 0


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
    ``claim_temporary``; a name too long for that gets a shorter one, see
    ``temporary_name``); ``commit`` flushes and fsyncs it, gives it the
    original's permission bits, keeps a backup if asked, and only then
    replaces the original with ``os.replace``. A symlink is followed: its
    target is rewritten and the link kept. A file with several hard links
    becomes a file of its own (its other names keep the old content, as
    with ``sed -i``): rewriting it where it is could not be atomic; ``notes``
    says so. On any failure, or ``discard``, the
    temporary file is removed and the original is untouched; if the process
    is killed outright, the next run on the file removes what it left.
    """

    def __init__(self, source: Source, backup_suffix: str | None = None):
        self.source = source
        self.backup_suffix = backup_suffix
        self.target = os.path.realpath(source.name)
        self.temporary: str | None = None
        self.handle: BinaryIO | None = None
        self.notes: list[str] = []  # what the user should know about a rewrite that went well

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
            if status.st_nlink > 1:
                self.notes.append(
                    f"{self.source.name}: had {status.st_nlink} hard links; it is now a file of its own,"
                    " and its other names keep the old content"
                )
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
        import shutil  # only for backups: a few milliseconds of every start-up otherwise

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
            try:
                os.replace(partial, backup)
            except OSError as error:
                raise OutputError(
                    f"{self.source.name}: cannot keep the backup {os.path.basename(backup)}: {describe_os_error(error)}; original left intact"
                ) from None
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
        if isinstance(error, FileNotFoundError) and not os.path.lexists(self.target):
            return OutputError(f"{self.source.name}: deleted while being cleaned; nothing written")
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
    temporary = os.path.join(directory, temporary_name(directory, base))
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


def temporary_name(directory: str, base: str) -> str:
    """``.NAME.cleaner-tmp``; for a name too long to take the additions, its
    start and a digest of the whole name (the same on every run, so that a
    leftover is still found)."""
    name = f".{base}{TEMPORARY_SUFFIX}"
    limit = _name_max(directory)
    if len(os.fsencode(name)) <= limit:
        return name
    import hashlib  # only for over-long names

    digest = hashlib.blake2b(os.fsencode(base), digest_size=8).hexdigest()
    room = limit - len(os.fsencode(f".~{digest}{TEMPORARY_SUFFIX}"))
    start = os.fsencode(base)[:room].decode("utf-8", "ignore")  # whole characters only
    return f".{start}~{digest}{TEMPORARY_SUFFIX}"


def _name_max(directory: str) -> int:
    try:
        return os.pathconf(directory or ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


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
