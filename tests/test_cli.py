"""The command line: every mode, every error, and exit codes."""

from __future__ import annotations

import codecs
import collections
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


def _run_process(*args, input: bytes, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=input, capture_output=True, timeout=60, cwd=cwd
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
    assert result.stderr == "checked 2 files, 2 would change: whitespace 6, unicode 1\n"
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


def unprivileged(*args: str, cwd) -> subprocess.CompletedProcess:
    """``cleaner ARGS`` in ``cwd`` as a user without special rights: as root
    (in CI), switched to nobody with setpriv, so permission tests run there too.
    ``cwd`` and the files in it must be open to that user."""
    switch = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*switch, sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def shared_dir():
    """A folder that the user of ``unprivileged`` may enter and write in: in
    /tmp itself, as pytest keeps its own base folder closed to other users."""
    directory = Path(tempfile.mkdtemp(prefix="cleaner-test-"))
    directory.chmod(0o777)
    yield directory
    for folder, _, _ in os.walk(directory):
        os.chmod(folder, 0o777)  # so that a locked folder can be removed
    shutil.rmtree(directory)


def test_unreadable_file(shared_dir):
    secret, other = shared_dir / "secret.txt", shared_dir / "other.txt"
    secret.write_text(DIRTY)
    other.write_text(DIRTY)
    secret.chmod(0)
    other.chmod(0o666)
    result = unprivileged("-i", "secret.txt", "other.txt", cwd=shared_dir)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[:2] == ["cleaner: secret.txt: permission denied", "cleaned other.txt"]
    assert lines[2].startswith("cleaned 1 file, 1 changed, 1 failed: ") and len(lines) == 3
    assert other.read_text() == CLEAN


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_in_place_on_a_clean_file_that_cannot_be_written_succeeds(shared_dir, read_only):
    folder = shared_dir / "docs"
    folder.mkdir()
    path = folder / "tidy.txt"
    path.write_text(CLEAN)
    path.chmod(0o444 if read_only == "file" else 0o666)
    folder.chmod(0o777 if read_only == "file" else 0o555)
    result = unprivileged("-i", "docs/tidy.txt", cwd=shared_dir)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_in_place_on_a_dirty_file_that_cannot_be_written_fails(shared_dir):
    path = shared_dir / "dirty.txt"
    path.write_text(DIRTY)
    path.chmod(0o444)
    result = unprivileged("-i", "dirty.txt", cwd=shared_dir)
    assert (result.returncode, result.stderr) == (2, "cleaner: dirty.txt: file is read-only; left as it is\n")
    assert path.read_text() == DIRTY


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


# Check is not an output mode


def test_check_with_diff_prints_the_diff_and_exits_1(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "tidy.txt").write_text(CLEAN)
    result = _run_process("--check", "--diff", "a.txt", "tidy.txt", input=b"", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[:2] == ["--- a.txt\t(original)", "+++ a.txt\t(cleaned)"]
    assert result.stderr.decode().splitlines()[0] == "would clean a.txt"
    clean_only = _run_process("--check", "--diff", "tidy.txt", input=b"", cwd=tmp_path)
    assert (clean_only.returncode, clean_only.stdout) == (0, b"")


def test_check_with_report_exits_1_and_diff_alone_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    report = _run_process("--check", "--report", "json", "a.txt", input=b"", cwd=tmp_path)
    assert report.returncode == 1
    assert json.loads(report.stdout)["changed"] is True
    assert _run_process("--diff", "a.txt", input=b"", cwd=tmp_path).returncode == 0


def test_diff_of_a_file_without_final_newline_applies_with_patch(tmp_path):
    shutil_patch = shutil.which("patch")
    if shutil_patch is None:
        pytest.fail("the patch program is needed (apt-get install patch)")
    path = tmp_path / "a.txt"
    path.write_bytes(b"First line\nTom &amp; Jerry met.")
    result = _run_process("--diff", "a.txt", input=b"", cwd=tmp_path)
    assert result.stdout.decode().splitlines()[3:] == [
        " First line",
        "-Tom &amp; Jerry met.",
        "\\ No newline at end of file",
        "+Tom & Jerry met.",
    ]
    subprocess.run([shutil_patch, "-p0", "--quiet"], input=result.stdout, cwd=tmp_path, check=True)
    assert path.read_bytes() == b"First line\nTom & Jerry met.\n"


# Choosing rules


def test_select_on_the_command_line_overrides_the_configuration_ignore(run, tmp_path):
    (tmp_path / "cleaner.toml").write_text('ignore = ["unicode"]\n')
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert run(str(path)).stdout == "Tom &amp; Jerry met.\n"
    assert run("--select", "unicode", str(path)).stdout == "Tom & Jerry  met. \n\n\n\n"


def test_ignore_on_the_command_line_adds_to_the_configuration_ignore(run, tmp_path):
    (tmp_path / "cleaner.toml").write_text('ignore = ["unicode"]\n')
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert run("--ignore", "whitespace", str(path)).stdout == DIRTY


def test_repeated_select_combines(run):
    assert run("--select", "unicode", "--select", "whitespace", input=DIRTY).stdout == CLEAN


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", ""], "names no rule"),
        (["--select", " , "], "names no rule"),
        (["--select", "unicode", "--ignore", "unicode"], "no rule left to run"),
    ],
)
def test_a_selection_of_no_rule_is_a_usage_error(run, args, message):
    result = run(*args, input=DIRTY)
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


# JSON Lines


@pytest.mark.parametrize("option", [["--field", "body"], ["--strict"]])
def test_jsonl_options_without_jsonl_are_a_usage_error(run, option):
    result = run(*option, input=DIRTY)
    assert result.exit_code == 2
    assert f"{option[0]} only applies to JSON Lines: add --jsonl" in result.stderr


def test_jsonl_takes_jsonl_files_from_directories(run, tmp_path):
    (tmp_path / "corpus.jsonl").write_bytes(JSONL)
    (tmp_path / "notes.txt").write_text(DIRTY)
    result = run("--jsonl", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert f"would clean {tmp_path / 'corpus.jsonl'}" in result.stderr
    assert "notes.txt" not in result.stderr


def test_jsonl_says_how_many_records_lack_the_field(run, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(JSONL)
    result = run("--jsonl", "--field", "txt", str(path))
    assert result.exit_code == 0
    assert result.stdout.encode() == JSONL
    assert f"cleaner: {path}: 3 of 3 records have no string field 'txt'" in result.stderr.splitlines()
    assert "records have no" not in run("--jsonl", "--check", str(path)).stderr.replace("2 of 3", "")


def test_jsonl_report_lists_every_change_of_every_record_with_its_line(run, tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(JSONL)
    (tmp_path / "tidy.jsonl").write_bytes(b'{"text": "fine"}\n')
    result = run("--jsonl", "--check", "--report", "json", str(path), str(tmp_path / "tidy.jsonl"))
    assert result.exit_code == 1
    record = json.loads(result.stdout.splitlines()[0])
    found = [(c["record_line"], c["rule"], c["before"], c["after"]) for c in record["changes"]]
    # Record 1's value is "Tom &amp; Jerry  met": no final newline is reported, as none is added.
    assert [change for change in found if change[0] == 1] == [
        (1, "unicode", "&amp;", "&"),
        (1, "whitespace", "  ", " "),
    ]
    assert (4, "unicode", "didn\u00e2\u20ac\u2122t", "didn\u2019t") in found
    assert {change[:2] for change in found} == {(1, "unicode"), (1, "whitespace"), (4, "unicode"), (4, "whitespace")}
    value = json.loads(JSONL.splitlines()[0])["text"]
    for change in record["changes"][:2]:
        assert value[change["start"] : change["end"]] == change["before"]
    summary, per_rule = result.stderr.splitlines()[-1].split(": ")
    assert summary == "checked 2 files, 1 would change"
    counts = collections.Counter(change[1] for change in found)
    assert sorted(per_rule.split(", ")) == sorted(f"{rule} {count}" for rule, count in counts.items())


def test_unreadable_subdirectory_is_a_note_and_exit_2(shared_dir):
    (shared_dir / "locked").mkdir()
    (shared_dir / "a.txt").write_text(CLEAN)
    (shared_dir / "locked" / "b.txt").write_text(DIRTY)
    (shared_dir / "locked").chmod(0)
    result = unprivileged("--check", ".", cwd=shared_dir)
    assert result.returncode == 2
    assert result.stderr == "cleaner: locked: permission denied; not searched\n"
