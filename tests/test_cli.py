"""The command line: every mode, every error, and exit codes."""

from __future__ import annotations

import codecs
import errno
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner import files
from cleaner.cli import main

DIRTY = "Tom &amp; Jerry  met. \n\n\n\n"
CLEAN = "Tom & Jerry met.\n"


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input)

    return invoke


def _run_process(*args, input: bytes):
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=input, capture_output=True, timeout=60
    )


def test_stdin_to_stdout_through_a_real_process():
    result = _run_process(input=DIRTY.encode())
    assert result.returncode == 0
    assert result.stdout == CLEAN.encode()
    assert result.stderr == b""


def test_dash_reads_stdin_through_a_real_process():
    result = _run_process("-", input="didnâ€™t\r\n\r\n\r\n".encode())
    assert result.stdout == "didn’t\r\n".encode()


def test_files_are_printed_to_stdout(run, tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "b.txt").write_text("second  file")
    result = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.exit_code == 0
    assert result.stdout == CLEAN + "second file\n"
    assert result.stderr == "cleaned 2 files, 2 changed: whitespace 6, unicode 1\n"
    assert (tmp_path / "a.txt").read_text() == DIRTY


def test_in_place_rewrites_and_reports(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    result = run("-i", str(path))
    assert result.exit_code == 0
    assert path.read_text() == CLEAN
    assert f"cleaned {path}" in result.stderr


def test_in_place_does_not_touch_clean_files(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CLEAN)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert run("-i", str(path)).exit_code == 0
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_in_place_keeps_crlf_and_bom(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"one  two \r\n\r\n\r\n\r\nthree")
    assert run("-i", str(path)).exit_code == 0
    assert path.read_bytes() == codecs.BOM_UTF8 + b"one two\r\n\r\nthree\r\n"


def test_backup_keeps_the_original(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert run("-i", "--backup", ".bak", str(path)).exit_code == 0
    assert (tmp_path / "a.txt.bak").read_text() == DIRTY
    assert path.read_text() == CLEAN


def test_backup_without_in_place_is_a_usage_error(run, tmp_path):
    result = run("--backup", ".bak", str(tmp_path))
    assert result.exit_code == 2
    assert "--backup" in result.output


def test_check_names_changed_files_and_exits_1(run, tmp_path):
    dirty, tidy = tmp_path / "dirty.txt", tmp_path / "tidy.txt"
    dirty.write_text(DIRTY)
    tidy.write_text(CLEAN)
    result = run("--check", str(dirty), str(tidy))
    assert result.exit_code == 1
    assert f"would clean {dirty}" in result.stderr
    assert str(tidy) not in result.stderr
    assert result.stdout == ""
    assert dirty.read_text() == DIRTY


def test_check_on_clean_input_exits_0(run, tmp_path):
    path = tmp_path / "tidy.txt"
    path.write_text(CLEAN)
    assert run("--check", str(path)).exit_code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    result = run("--diff", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [f"--- {path}\t(original)", f"+++ {path}\t(cleaned)"]
    assert "-Tom &amp; Jerry  met. " in result.stdout
    assert "+Tom & Jerry met." in result.stdout
    assert path.read_text() == DIRTY


def test_select_and_ignore(run):
    assert run("--select", "unicode", input=DIRTY).stdout == "Tom & Jerry  met. \n\n\n\n"
    assert run("--ignore", "unicode", input=DIRTY).stdout == "Tom &amp; Jerry met.\n"


def test_unknown_rule_is_a_usage_error_listing_valid_rules(run):
    result = run("--select", "unicode,nope", input="x")
    assert result.exit_code == 2
    assert "unknown rule nope" in result.output
    assert "whitespace" in result.output


def test_list_rules_prints_every_rule(run):
    from cleaner import RULES

    result = run("--list-rules")
    assert result.exit_code == 0
    for rule in RULES:
        assert rule.name in result.output and rule.summary in result.output


def test_explain_prints_explanation_and_examples(run):
    from cleaner.registry import RULES_BY_NAME

    rule = RULES_BY_NAME["unicode"]
    result = run("--explain", "unicode")
    assert result.exit_code == 0
    assert rule.explanation.splitlines()[0] in result.output
    assert '"didnâ€™t"' in result.output and '-> "didn’t"' in result.output


def test_explain_unknown_rule_is_a_usage_error(run):
    result = run("--explain", "nope")
    assert result.exit_code == 2
    assert "valid rules" in result.output


def test_undecodable_file_is_reported_and_others_still_cleaned(run, tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_bytes(b"caf\xe9  au lait")
    good.write_text(DIRTY)
    result = run("-i", str(bad), str(good))
    assert result.exit_code == 2
    assert f"{bad}: not valid utf-8: byte 0xe9 at offset 3" in result.stderr
    assert bad.read_bytes() == b"caf\xe9  au lait"
    assert good.read_text() == CLEAN


def test_encoding_option_reads_and_writes_that_encoding(run, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9  au lait")
    assert run("-i", "--encoding", "latin-1", str(path)).exit_code == 0
    assert path.read_bytes() == b"caf\xe9 au lait\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"\x7fELF\x00\x01\x02"), "looks binary"),
        (lambda p: None, "no such file"),
    ],
    ids=["binary", "missing"],
)
def test_bad_inputs_give_one_line_and_exit_2(run, tmp_path, make, message):
    path = tmp_path / "input"
    make(path)
    result = run("-i", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and str(path) in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(run, tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    result = run(str(path))
    assert result.exit_code == 2 and "permission denied" in result.stderr


def test_write_failure_midway_keeps_the_original(run, tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)

    def fail(*args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fail)
    result = run("-i", str(path))
    assert result.exit_code == 2
    assert "no space left on device" in result.stderr
    assert path.read_text() == DIRTY
    assert os.listdir(tmp_path) == ["a.txt"]


def test_in_place_with_check_is_a_usage_error(run, tmp_path):
    assert run("-i", "--check", str(tmp_path / "x")).exit_code == 2


def test_in_place_on_stdin_is_a_usage_error(run):
    assert run("-i", input="x").exit_code == 2


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and "cleaner" in result.output


def test_keep_undecodable_writes_bad_bytes_back_exactly(run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"caf\xe9  au \xff\xfe lait &amp; more\n\n\n")
    result = run("-i", "--keep-undecodable", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == b"caf\xe9 au \xff\xfe lait & more\n"


def test_without_keep_undecodable_bad_bytes_are_refused_untouched(run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"caf\xe9  au lait\n")
    result = run("-i", str(path))
    assert result.exit_code == 2
    assert "--keep-undecodable" in result.stderr
    assert path.read_bytes() == b"caf\xe9  au lait\n"


def _many_files(directory, count=12):
    paths = []
    for n in range(count):
        path = directory / f"doc{n:02}.txt"
        path.write_text(f"Document {n}  has &amp; extra   spaces.\n\n\n\n" * (n % 3 + 1))
        paths.append(path)
    (directory / "tidy.txt").write_text("Already tidy.\n")
    paths.append(directory / "tidy.txt")
    return [str(p) for p in paths]


def test_parallel_printing_keeps_input_order(tmp_path):
    names = _many_files(tmp_path)
    serial = _run_process("-j", "1", *names, input=b"")
    parallel = _run_process("-j", "2", *names, input=b"")
    assert parallel.returncode == serial.returncode == 0
    assert parallel.stdout == serial.stdout
    assert parallel.stdout.startswith(b"Document 0 has & extra spaces.\n")


def test_parallel_in_place_equals_serial(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    serial = _run_process("-i", "-j", "1", *_many_files(one), input=b"")
    parallel = _run_process("-i", "-j", "2", *_many_files(two), input=b"")
    assert serial.returncode == parallel.returncode == 0
    for path in sorted(one.iterdir()):
        assert (two / path.name).read_bytes() == path.read_bytes()
    assert parallel.stderr.replace(b"/two/", b"/one/") == serial.stderr


def test_parallel_check_reports_every_changed_file(tmp_path):
    names = _many_files(tmp_path)
    result = _run_process("--check", "-j", "2", *names, input=b"")
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines[:-1] == [f"would clean {name}" for name in names[:-1]]
    assert lines[-1].startswith("checked 13 files, 12 would change: ")
    assert result.stderr == _run_process("--check", "-j", "1", *names, input=b"").stderr


JSONL = (
    b'{"id": 1, "text": "Tom &amp; Jerry  met", "score": 1.50}\n'
    b'{"id": 2, "meta": {"body": "a  b"}, "text": "fine"}\n'
    b"not json\n"
    b'{"id": 3,   "text": "didn\\u00e2\\u20ac\\u2122t\\n\\n\\n"}\n'
)


def test_jsonl_cleans_one_field_and_keeps_the_rest_byte_for_byte(run):
    result = run("--jsonl", input=JSONL)
    assert result.exit_code == 0
    assert result.stdout.encode() == (
        b'{"id": 1, "text": "Tom & Jerry met", "score": 1.50}\n'
        b'{"id": 2, "meta": {"body": "a  b"}, "text": "fine"}\n'
        b"not json\n"
        b'{"id": 3,   "text": "didn\\u2019t\\n"}\n'
    )
    assert result.stderr == "cleaner: -: line 3: expected a JSON object at column 1; passed through unchanged\n"


def test_jsonl_nested_field(run):
    result = run("--jsonl", "--field", "meta.body", input=JSONL)
    assert result.stdout.splitlines()[1] == '{"id": 2, "meta": {"body": "a b"}, "text": "fine"}'
    assert result.stdout.splitlines()[0] == JSONL.decode().splitlines()[0]


def test_jsonl_strict_fails_on_a_malformed_line_and_leaves_the_file(run, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(JSONL)
    result = run("--jsonl", "--strict", "-i", str(path))
    assert result.exit_code == 2
    assert f"{path}: line 3:" in result.stderr
    assert path.read_bytes() == JSONL


def test_jsonl_in_place_and_check(run, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(JSONL)
    assert run("--jsonl", "--check", str(path)).exit_code == 1
    assert run("--jsonl", "-i", str(path)).exit_code == 0
    assert path.read_bytes().startswith(b'{"id": 1, "text": "Tom & Jerry met", "score": 1.50}\n')
    assert run("--jsonl", "--check", "-q", str(path)).exit_code == 0


def test_jsonl_bad_field_path_is_a_usage_error(run):
    assert run("--jsonl", "--field", "a..b", input=JSONL).exit_code == 2


def test_reader_going_away_stops_quietly(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("A line  of text.\n\n" * 200_000)
    process = subprocess.Popen([sys.executable, "-m", "cleaner", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == -13  # SIGPIPE, as for other filters
    assert stderr == b""
