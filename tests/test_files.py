"""Decoding and atomic writing: the original survives every failure."""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import subprocess

import pytest

from cleaner import files, segments
from cleaner.files import AtomicReplacement, InputError, OutputError, Source
from cleaner.runner import DIFF, PRINT, Job, run_job, run_jobs, unified_diff


def _decode(data: bytes, encoding="utf-8", keep_undecodable=False) -> Source:
    source = Source("x.txt", encoding, keep_undecodable)
    source.text = source.read_text(io.BytesIO(data))
    return source


def test_decode_keeps_a_utf8_bom():
    source = _decode(codecs.BOM_UTF8 + "héllo".encode())
    assert source.bom == codecs.BOM_UTF8 and source.text == "héllo"


@pytest.mark.parametrize("read_size", [1, 2])
def test_decode_keeps_a_utf8_bom_that_arrives_a_byte_at_a_time(monkeypatch, read_size):
    monkeypatch.setattr(files, "READ_SIZE", read_size)
    source = _decode(codecs.BOM_UTF8 + "héllo".encode())
    assert source.bom == codecs.BOM_UTF8 and source.text == "héllo"


@pytest.mark.parametrize("data", [b"\xef\xbb", b"\xef", b"\xef\xbbx"])
def test_the_start_of_a_bom_alone_is_not_one(monkeypatch, data):
    monkeypatch.setattr(files, "READ_SIZE", 1)
    with pytest.raises(InputError, match="byte 0xef at offset 0"):
        _decode(data)
    assert _decode(data, keep_undecodable=True).bom == b""


def test_decode_reports_the_offset_of_a_bad_byte():
    with pytest.raises(InputError, match=r"x.txt: not valid utf-8: byte 0xff at offset 3"):
        _decode(b"abc\xffdef")


def test_decode_reports_offsets_past_the_first_read(monkeypatch):
    monkeypatch.setattr(files, "READ_SIZE", 4)
    data = "aé".encode() * 10 + b"\xe2\x82" + b"x"  # a truncated three-byte sequence
    with pytest.raises(InputError, match=f"byte 0xe2 at offset {len(data) - 3}"):
        _decode(data)


def test_multibyte_characters_split_across_reads(monkeypatch):
    monkeypatch.setattr(files, "READ_SIZE", 3)
    text = "naïve “quotes” — 😀 done"
    assert _decode(text.encode()).text == text


def test_decode_refuses_binary():
    with pytest.raises(InputError, match="looks binary"):
        _decode(b"PK\x03\x04\x00\x00")


def test_decode_honours_another_encoding():
    assert _decode("café".encode("latin-1"), "latin-1").text == "café"


def test_keep_undecodable_round_trips_bytes():
    data = b"caf\xe9 \xff\xfe ok"
    source = _decode(data, keep_undecodable=True)
    assert source.encoder().encode(source.text, True) == data


def test_read_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        Source(str(tmp_path / "missing.txt")).read_text()
    with pytest.raises(InputError, match="is a directory"):
        Source(str(tmp_path)).read_text()


def _replace(path, data: bytes, backup=None) -> None:
    source = Source(str(path))
    source.read_text()
    with AtomicReplacement(source, backup) as replacement:
        replacement.write(data)
        replacement.commit()


def test_replacement_writes_content_and_keeps_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    path.chmod(0o640)
    _replace(path, b"new\n")
    assert path.read_text() == "new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["a.txt"]


def test_replacement_keeps_a_backup(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    _replace(path, b"new\n", backup=".orig")
    assert (tmp_path / "a.txt.orig").read_text() == "old\n"
    assert path.read_text() == "new\n"


def test_disk_full_midway_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original bytes\n")

    def full_disk(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(OutputError, match="no space left on device; original left intact"):
        _replace(path, b"new\n")
    assert path.read_bytes() == b"original bytes\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_failed_rename_leaves_the_original_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original\n")

    def refuse(source, target):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(OutputError, match="permission denied"):
        _replace(path, b"new\n")
    assert path.read_bytes() == b"original\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_exception_while_writing_removes_the_temporary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"original\n")
    source = Source(str(path))
    source.read_text()
    with pytest.raises(RuntimeError):
        with AtomicReplacement(source) as replacement:
            replacement.write(b"half of the new con")
            raise RuntimeError("killed between write and rename")
    assert path.read_bytes() == b"original\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_symlink_target_is_rewritten_and_link_kept(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    _replace(link, b"new\n")
    assert link.is_symlink()
    assert target.read_text() == "new\n"


def test_file_changed_after_reading_is_not_overwritten(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    source = Source(str(path))
    source.read_text()
    path.write_text("someone else's edit, longer\n")
    with pytest.raises(OutputError, match="changed while being cleaned"):
        with AtomicReplacement(source) as replacement:
            replacement.write(b"new\n")
            replacement.commit()
    assert path.read_text() == "someone else's edit, longer\n"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_read_only_file_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old\n")
    path.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        _replace(path, b"new\n")
    assert path.read_text() == "old\n"


# --- Line breaks -------------------------------------------------------------


@pytest.mark.parametrize("read_size", [1, 2, 65536])
def test_a_document_of_bare_carriage_returns_is_read_as_lines(monkeypatch, read_size):
    monkeypatch.setattr(files, "READ_SIZE", read_size)
    source = Source("-")
    text = "".join(piece for piece in source.pieces(io.BytesIO(b"one\r\rtwo\r\nthree\rfour\r")) if isinstance(piece, str))
    assert text == "one\n\ntwo\nthree\nfour\n"
    assert source.line_break == "\r"


@pytest.mark.parametrize("data", [b"one\r\ntwo\r", b"one\ntwo\r", b"no break"])
def test_a_document_that_starts_with_crlf_or_lf_is_read_as_it_is(data):
    source = Source("-")
    assert "".join(piece for piece in source.pieces(io.BytesIO(data)) if isinstance(piece, str)) == data.decode()
    assert source.line_break == ("\n" if b"\n" in data else None)


# --- Diffs, streamed segment by segment ----------------------------------------------


def _streamed_diff(tmp_path, text: str, monkeypatch, segment: int, longest: int) -> tuple[str, str]:
    """The diff ``--diff`` prints for ``text``, cut into segments of about
    ``segment`` characters; and the text cleaned whole."""
    monkeypatch.setattr(segments, "SEGMENT_SIZE", segment)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", longest)
    monkeypatch.setattr(segments, "LONG_LINE_SLACK", 10)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    output = io.BytesIO()
    outcome = run_job(Job(mode=DIFF), str(path), output)
    assert outcome.changed and outcome.output == b""
    cleaned = io.BytesIO()
    run_job(Job(), str(path), cleaned)
    return output.getvalue().decode(), cleaned.getvalue().decode()


def _patched(tmp_path, text: str, diff: str) -> str:
    original = tmp_path / "original.txt"
    original.write_bytes(text.encode())
    subprocess.run(["patch", "-s", str(original)], input=diff, text=True, check=True)
    return original.read_bytes().decode()


DOCUMENT = "".join(
    f"Paragraph {n}: Tom &amp; Jerry  met.\nIt was fine.{'' if n % 3 else ' '}\n\n\n" for n in range(60)
) + "Last  line, no break"


@pytest.mark.parametrize(("segment", "longest"), [(10**9, 10**9), (120, 300), (30, 40)])
def test_a_diff_streamed_by_segment_applies_with_patch(tmp_path, monkeypatch, segment, longest):
    """Regression: --diff held the whole file and its cleaned copy in memory;
    now each segment's hunks are written as it is cleaned, numbered in the
    whole document, so that ``patch`` applies them."""
    diff, cleaned = _streamed_diff(tmp_path, DOCUMENT, monkeypatch, segment, longest)
    assert diff.startswith(f"--- {tmp_path / 'a.txt'}\t(original)\n+++ {tmp_path / 'a.txt'}\t(cleaned)\n@@ -1,")
    assert _patched(tmp_path, DOCUMENT, diff) == cleaned
    assert "-Last  line, no break\n\\ No newline at end of file\n" in diff
    assert diff.endswith("+Last line, no break\n")


def test_a_diff_of_one_long_line_cut_at_spaces_applies_with_patch(tmp_path, monkeypatch):
    text = "first line\n" + "Tom &amp; Jerry  met here. " * 40 + "\nlast line\n"
    diff, cleaned = _streamed_diff(tmp_path, text, monkeypatch, 30, 40)
    assert _patched(tmp_path, text, diff) == cleaned
    assert diff.count("@@ ") == 1


def test_a_small_diff_is_the_whole_file_diff():
    assert unified_diff("a.txt", "one\ntwo  \nthree\n", "one\ntwo\nthree\n") == (
        "--- a.txt\t(original)\n+++ a.txt\t(cleaned)\n@@ -1,3 +1,3 @@\n one\n-two  \n+two\n three\n"
    )


def test_parallel_workers_pass_printed_output_through_files_not_memory(tmp_path):
    """Regression: with -j, each worker sent back the whole cleaned file (or
    diff) in its outcome; now it writes it to a file of its own that is copied
    to the output in order and removed."""
    names = []
    for index in range(3):
        path = tmp_path / f"{index}.txt"
        path.write_text(f"File {index}: Tom &amp; Jerry  met.\n")
        names.append(str(path))
    for mode, expected in [
        (PRINT, "".join(f"File {index}: Tom & Jerry met.\n" for index in range(3))),
        (DIFF, "".join(unified_diff(name, f"File {i}: Tom &amp; Jerry  met.\n", f"File {i}: Tom & Jerry met.\n")
                       for i, name in enumerate(names))),
    ]:
        stream = io.BytesIO()
        outcomes = list(run_jobs(Job(mode=mode), names, 2, stream=stream))
        assert stream.getvalue().decode() == expected
        assert [outcome.output for outcome in outcomes] == [b""] * 3
        assert all(outcome.output_file is None for outcome in outcomes)
    assert sorted(os.listdir(tmp_path)) == ["0.txt", "1.txt", "2.txt"]


def test_a_jsonl_diff_streamed_in_batches_applies_with_patch(tmp_path, monkeypatch):
    from cleaner import runner

    monkeypatch.setattr(runner, "JSONL_BATCH_BYTES", 100)
    records = [f'{{"id": {n}, "text": "Record {n}: Tom &amp; Jerry{"  met" if n % 4 == 0 else " met"}."}}\n' for n in range(40)]
    text = "".join(records)
    path = tmp_path / "a.jsonl"
    path.write_text(text)
    diff = io.BytesIO()
    outcome = run_job(Job(mode=DIFF, jsonl_field="text"), str(path), diff)
    cleaned = io.BytesIO()
    run_job(Job(jsonl_field="text"), str(path), cleaned)
    assert outcome.changed and diff.getvalue().count(b"@@ ") > 3
    assert _patched(tmp_path, text, diff.getvalue().decode()) == cleaned.getvalue().decode()
    check = run_job(Job(mode="check", jsonl_field="text"), str(path))
    assert check.changed and check.output == b""
