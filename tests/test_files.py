"""Decoding and atomic writing: the original survives every failure."""

from __future__ import annotations

import codecs
import errno
import os
import stat

import pytest

from cleaner import files
from cleaner.files import InputError, OutputError, decode, read_document, write_in_place


def test_decode_keeps_a_utf8_bom():
    document = decode(codecs.BOM_UTF8 + "héllo".encode(), "x.txt")
    assert document.bom and document.text == "héllo"
    assert document.encode("héllo") == codecs.BOM_UTF8 + "héllo".encode()


def test_decode_reports_the_offset_of_a_bad_byte():
    with pytest.raises(InputError, match=r"x.txt: not valid utf-8: byte 0xff at offset 3"):
        decode(b"abc\xffdef", "x.txt")


def test_decode_refuses_binary():
    with pytest.raises(InputError, match="looks binary"):
        decode(b"PK\x03\x04\x00\x00", "a.zip")


def test_decode_honours_another_encoding():
    assert decode("café".encode("latin-1"), "x", "latin-1").text == "café"


def test_read_document_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_document(str(tmp_path))


def _document(path):
    return read_document(str(path))


def test_write_in_place_replaces_content_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    path.chmod(0o640)
    write_in_place(_document(path), "new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


def test_write_in_place_keeps_a_backup(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    write_in_place(_document(path), "new\n", backup_suffix=".orig")
    assert (tmp_path / "a.txt.orig").read_text() == "old\n"
    assert path.read_text() == "new\n"


def test_disk_full_midway_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original bytes\n")
    document = _document(path)

    def full_disk(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OutputError, match="no space left on device; original left intact"):
        write_in_place(document, "new\n")
    assert path.read_bytes() == b"original bytes\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_failed_rename_leaves_the_original_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original\n")
    document = _document(path)

    def refuse(source, target):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError, match="permission denied"):
        write_in_place(document, "new\n")
    assert path.read_bytes() == b"original\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_symlink_target_is_rewritten_and_link_kept(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_in_place(_document(link), "new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_file_changed_after_reading_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    document = _document(path)
    path.write_text("someone else's edit, longer\n")
    with pytest.raises(OutputError, match="changed while being cleaned"):
        write_in_place(document, "new\n")
    assert path.read_text() == "someone else's edit, longer\n"


def test_read_only_file_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    path.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        write_in_place(_document(path), "new\n")
    assert path.read_text() == "old\n"
