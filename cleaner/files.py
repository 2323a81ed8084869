"""Reading and writing documents safely: decoding (with BOM and error
offsets), binary detection, and atomic in-place replacement.

Nothing here knows about cleaning; nothing in the rules knows about files.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import errno
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass

STDIN_NAME = "-"


class InputError(Exception):
    """A file that cannot be cleaned; the message is one line naming it."""


class OutputError(Exception):
    """A cleaned file that could not be written; the original is intact."""


@dataclass(frozen=True)
class Document:
    """A decoded input and what is needed to write it back the same way."""

    name: str
    text: str
    encoding: str
    bom: bool = False
    errors: str = "strict"  # "surrogateescape" keeps undecodable bytes
    signature: tuple[int, int, int] | None = None  # inode, size, mtime when read

    def encode(self, text: str) -> bytes:
        data = text.encode(self.encoding, self.errors)
        return codecs.BOM_UTF8 + data if self.bom else data


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def decode(data: bytes, name: str, encoding: str = "utf-8", keep_undecodable: bool = False) -> Document:
    """Decode ``data``; raise ``InputError`` for bad bytes or binary content.

    With ``keep_undecodable``, invalid bytes become lone surrogates
    (``surrogateescape``) that ``Document.encode`` turns back into the same bytes.
    """
    errors = "surrogateescape" if keep_undecodable else "strict"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    bom = _is_utf8(encoding) and data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode(encoding, errors)
    except UnicodeDecodeError as error:
        offset = error.start + (len(codecs.BOM_UTF8) if bom else 0)
        byte = body[error.start]
        raise InputError(
            f"{name}: not valid {encoding}: byte 0x{byte:02x} at offset {offset}"
            " (name the right one with --encoding, or keep such bytes with --keep-undecodable)"
        ) from None
    nul = text.find("\x00")
    if nul != -1:
        raise InputError(f"{name}: looks binary (NUL character at position {nul}); skipped")
    return Document(name, text, encoding, bom, errors)


def _signature(status: os.stat_result) -> tuple[int, int, int]:
    return (status.st_ino, status.st_size, status.st_mtime_ns)


def read_document(path: str, encoding: str = "utf-8", keep_undecodable: bool = False) -> Document:
    """Read and decode the file at ``path``; every failure is an ``InputError``."""
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            data = handle.read()
    except OSError as error:
        raise InputError(f"{path}: {_describe(error)}") from None
    document = decode(data, path, encoding, keep_undecodable)
    return dataclasses.replace(document, signature=_signature(status))


def _describe(error: OSError) -> str:
    reason = error.strerror or str(error)
    return reason[0].lower() + reason[1:] if reason else "unreadable"


def write_in_place(document: Document, text: str, backup_suffix: str | None = None) -> None:
    """Replace the file behind ``document`` with ``text``, atomically.

    The new content goes to a temporary file in the same directory, is flushed
    and fsynced, takes the original's permission bits, and only then replaces
    the original with ``os.replace``. A symlink is followed: its target is
    rewritten and the link kept. If anything fails, the original is untouched
    and the temporary file is removed.
    """
    target = os.path.realpath(document.name)
    try:
        status = os.stat(target)
        if document.signature is not None and _signature(status) != document.signature:
            raise OutputError(f"{document.name}: changed while being cleaned; left as it is")
        if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise OutputError(f"{document.name}: file is read-only; left as it is")
        _replace(target, document.encode(text), status, backup_suffix)
    except OSError as error:
        raise OutputError(f"{document.name}: cannot write: {_describe(error)}; original left intact") from None


def _replace(target: str, data: bytes, status: os.stat_result, backup_suffix: str | None) -> None:
    directory, base = os.path.split(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{base}.", suffix=".cleaner-tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        with contextlib.suppress(PermissionError):
            os.chown(temporary, status.st_uid, status.st_gid)
        if backup_suffix:
            shutil.copy2(target, target + backup_suffix)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: str) -> None:
    """Make the rename durable where the platform allows it."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory or ".", os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
