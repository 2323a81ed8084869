"""Faults while rewriting files in place, driven through the command line: in
every case the original keeps its content and no temporary file is left
beside it (after a hard kill, only until the next run: see ``test_killed_between_writing_and_renaming``).

tests/test_files.py covers the same ground one level down, on
``AtomicReplacement`` alone.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from cleaner import files
from cleaner.cli import main

DIRTY = "Tom &amp; Jerry  met. \n\n\n\n"
CLEAN = "Tom & Jerry met.\n"
# Big enough to be written in several pieces (segments of 256 Ki characters).
BIG_DIRTY = "The talks ended.The council met on Thursday,adding that &amp; more  here.\n\n" * 20_000
TEMPORARY_SUFFIX = ".cleaner-tmp"


def run(*args: str):
    """The command line, in this process (so monkeypatches apply), one job at a time."""
    return CliRunner().invoke(main, ["-j", "1", *args])


def assert_failed_cleanly(result, path, content: str | bytes, message: str, named=None) -> None:
    """Exit 2, one line naming the file (or ``named``) and the reason, the file
    as it was, and no temporary file in its directory."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1, result.stderr
    assert str(named or path) in result.stderr and message in result.stderr, result.stderr
    data = path.read_bytes() if isinstance(content, bytes) else path.read_text()
    assert data == content
    assert no_temporary_files(path.parent)


def no_temporary_files(directory) -> bool:
    return not [name for name in os.listdir(directory) if name.endswith(TEMPORARY_SUFFIX)]


def failing_with(code: int):
    """A stand-in for an OS call that fails with ``code``, as the kernel reports it."""

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))  # OSError picks the subclass: PermissionError for EACCES

    return fail


enospc = failing_with(errno.ENOSPC)


# --- Disk full ----------------------------------------------------------------


def test_disk_full_for_real_via_dev_full(tmp_path, monkeypatch):
    """The temporary file's descriptor is /dev/full: every write the kernel
    sees fails with ENOSPC, wherever the buffering puts it."""
    path = tmp_path / "a.txt"
    path.write_text(BIG_DIRTY)
    real_claim = files.claim_temporary

    def on_a_full_disk(path):
        descriptor, name = real_claim(path)
        os.close(descriptor)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(files, "claim_temporary", on_a_full_disk)
    # The descriptor is not the named file, as the checks against a swapped file would notice.
    monkeypatch.setattr(files, "_still_named", lambda descriptor, name: os.path.exists(name))
    assert_failed_cleanly(run("-i", str(path)), path, BIG_DIRTY, "no space left on device; original left intact")
    assert os.listdir(tmp_path) == ["a.txt"]


class FillingDisk:
    """A file object whose writes fail with ENOSPC once ``room`` bytes are written."""

    def __init__(self, handle, room: int):
        self.handle, self.room = handle, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.handle.write(data[: self.room])
            self.room = 0
            enospc()
        self.room -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)


@pytest.mark.parametrize("room", [0, 1, 300_000], ids=["first byte", "second byte", "midway"])
def test_disk_full_while_writing_the_temporary_file(tmp_path, monkeypatch, room):
    path = tmp_path / "a.txt"
    path.write_text(BIG_DIRTY)
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda *args, **kwargs: FillingDisk(real_fdopen(*args, **kwargs), room))
    assert_failed_cleanly(run("-i", str(path)), path, BIG_DIRTY, "no space left on device; original left intact")
    assert os.listdir(tmp_path) == ["a.txt"]


def test_disk_full_on_fsync(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    monkeypatch.setattr(files.os, "fsync", enospc)
    assert_failed_cleanly(run("-i", str(path)), path, DIRTY, "no space left on device")


def test_disk_full_while_copying_the_backup_keeps_the_earlier_backup(tmp_path, monkeypatch):
    path, backup = tmp_path / "a.txt", tmp_path / "a.txt.bak"
    path.write_text(DIRTY)
    backup.write_text("an earlier backup\n")

    def copy_half_then_fail(original, copy, *args):
        copy.write(original.read()[:5])
        enospc()

    monkeypatch.setattr(shutil, "copyfileobj", copy_half_then_fail)
    assert_failed_cleanly(run("-i", "--backup", ".bak", str(path)), path, DIRTY, "no space left on device")
    assert backup.read_text() == "an earlier backup\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "a.txt.bak"]


# --- Permissions --------------------------------------------------------------


def test_permission_denied_creating_the_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)

    refuse = failing_with(errno.EACCES)
    real_open = os.open
    monkeypatch.setattr(
        files.os, "open", lambda path, *args: refuse() if path.endswith(TEMPORARY_SUFFIX) else real_open(path, *args)
    )
    assert_failed_cleanly(run("-i", str(path)), path, DIRTY, "cannot write: permission denied; original left intact")


def test_read_only_directory_for_real(tmp_path):
    """A real read-only directory, in a real process; as root, without the
    capabilities that override permissions (``without_root_privileges``)."""
    directory = tmp_path / "locked"
    directory.mkdir()
    path = directory / "a.txt"
    path.write_text(DIRTY)
    directory.chmod(0o555)
    try:
        command = [sys.executable, "-m", "cleaner", "-i", str(path)]
        result = subprocess.run(without_root_privileges(command), capture_output=True, text=True)
    finally:
        directory.chmod(0o755)
    _one_line_exit_2(result, "permission denied")
    assert str(path) in result.stderr
    assert path.read_text() == DIRTY
    assert no_temporary_files(directory)


def test_permission_denied_setting_the_mode(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)

    monkeypatch.setattr(files.os, "chmod", failing_with(errno.EPERM))
    assert_failed_cleanly(run("-i", str(path)), path, DIRTY, "operation not permitted")


def test_rename_refused(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)

    monkeypatch.setattr(files.os, "replace", failing_with(errno.EXDEV))
    assert_failed_cleanly(run("-i", str(path)), path, DIRTY, "invalid cross-device link")


def test_read_only_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o444)
    assert_failed_cleanly(run("-i", str(path)), path, DIRTY, "file is read-only; left as it is")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


# --- Symlinks -------------------------------------------------------------------


def test_symlink_in_another_directory_rewrites_the_target_and_keeps_the_link(tmp_path):
    real_dir, link_dir = tmp_path / "real", tmp_path / "links"
    real_dir.mkdir()
    link_dir.mkdir()
    target = real_dir / "a.txt"
    target.write_text(DIRTY)
    target.chmod(0o640)
    link = link_dir / "a.txt"
    link.symlink_to(os.path.relpath(target, link_dir))
    result = run("-i", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(target, link_dir)
    assert target.read_text() == CLEAN
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(real_dir) == ["a.txt"] and os.listdir(link_dir) == ["a.txt"]


def test_symlink_to_a_read_only_file(tmp_path):
    target, link = tmp_path / "real.txt", tmp_path / "link.txt"
    target.write_text(DIRTY)
    target.chmod(0o444)
    link.symlink_to(target)
    assert_failed_cleanly(run("-i", str(link)), target, DIRTY, "read-only", named=link)
    assert link.is_symlink()


def test_dangling_symlink(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = run("-i", str(link))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert os.listdir(tmp_path) == ["link.txt"] and link.is_symlink()


# --- The file changes under us ------------------------------------------------------


def _while_writing(monkeypatch, action) -> None:
    """Run ``action`` once, after the first piece of the new content is written."""
    real_write = files.AtomicReplacement.write
    done = []

    def write(self, data):
        real_write(self, data)
        if not done:
            done.append(True)
            action()

    monkeypatch.setattr(files.AtomicReplacement, "write", write)


def test_file_replaced_while_being_cleaned(tmp_path, monkeypatch):
    path, other = tmp_path / "a.txt", tmp_path / "other.txt"
    path.write_text(DIRTY)
    other.write_text("someone else's  new version\n")
    _while_writing(monkeypatch, lambda: os.replace(other, path))
    result = run("-i", str(path))
    assert_failed_cleanly(result, path, "someone else's  new version\n", "changed while being cleaned; left as it is")
    assert os.listdir(tmp_path) == ["a.txt"]


def test_file_appended_to_while_being_cleaned(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(BIG_DIRTY)

    def append():
        with open(path, "a") as handle:
            handle.write("a line added meanwhile\n")

    _while_writing(monkeypatch, append)
    result = run("-i", str(path))
    assert_failed_cleanly(result, path, BIG_DIRTY + "a line added meanwhile\n", "changed while being cleaned")


def test_interrupted_while_writing(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(BIG_DIRTY)

    def interrupt():
        raise KeyboardInterrupt

    _while_writing(monkeypatch, interrupt)
    result = run("-i", str(path))
    assert result.exit_code != 0
    assert path.read_text() == BIG_DIRTY
    assert os.listdir(tmp_path) == ["a.txt"]


# --- Killed between writing the temporary file and the rename ------------------------

KILLED_BEFORE_RENAME = textwrap.dedent(
    """
    import os, sys
    from cleaner import files
    from cleaner.cli import main

    real_replace = os.replace

    def die(source, target):
        if source.endswith(".cleaner-tmp"):
            os._exit(9)  # no cleanup handler runs: as if killed with SIGKILL
        real_replace(source, target)

    files.os.replace = die
    main(["-j", "1", "-i", *sys.argv[1:]], prog_name="cleaner")
    """
)


def test_killed_between_writing_and_renaming(tmp_path):
    """A hard kill leaves the original, intact, and ``.NAME.cleaner-tmp``
    beside it (hidden, and with a suffix no include pattern takes). Nothing can
    remove it at that moment; the next run on the file does, because no live
    process holds the lock on it."""
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_BEFORE_RENAME, str(path)], capture_output=True, timeout=60
    )
    assert result.returncode == 9
    assert path.read_text() == DIRTY
    assert sorted(os.listdir(tmp_path)) == [".a.txt.cleaner-tmp", "a.txt"]

    # A later run over the directory cleans the document and removes the leftover.
    again = subprocess.run(
        [sys.executable, "-m", "cleaner", "-i", str(tmp_path)], capture_output=True, timeout=60
    )
    assert again.returncode == 0, again.stderr
    assert path.read_text() == CLEAN
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_leftover_goes_even_when_the_file_needs_no_change(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CLEAN)
    (tmp_path / ".a.txt.cleaner-tmp").write_text("half a cleaned file")
    result = run("-i", str(path))
    assert result.exit_code == 0, result.output
    assert os.listdir(tmp_path) == ["a.txt"]


HOLD_THE_TEMPORARY_FILE = textwrap.dedent(
    """
    import fcntl, os, sys, time
    descriptor = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    print("holding", flush=True)
    time.sleep(60)
    """
)


def test_a_temporary_file_in_use_by_a_live_run_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    temporary = tmp_path / ".a.txt.cleaner-tmp"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_TEMPORARY_FILE, str(temporary)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "holding\n"
        result = run("-i", str(path))
        assert result.exit_code == 2
        assert f"{path}: another cleaner is writing a.txt; left as it is" in result.stderr
        assert path.read_text() == DIRTY
        assert temporary.exists()
    finally:
        holder.kill()
        holder.wait()


TERMINATED_WHILE_WRITING = textwrap.dedent(
    """
    import os, sys, time
    from cleaner import files
    from cleaner.cli import run

    real_fdopen = os.fdopen

    class Stalling:
        def __init__(self, handle):
            self.handle = handle
        def write(self, data):
            self.handle.write(data[:10])
            self.handle.flush()
            print("writing", flush=True)
            time.sleep(60)
        def __getattr__(self, name):
            return getattr(self.handle, name)

    files.os.fdopen = lambda *args, **kwargs: Stalling(real_fdopen(*args, **kwargs))
    sys.argv = ["cleaner", "-j", "1", "-i", *sys.argv[1:]]
    run()
    """
)


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_terminated_while_writing_removes_the_temporary_file(tmp_path, signal_name):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    process = subprocess.Popen(
        [sys.executable, "-c", TERMINATED_WHILE_WRITING, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline() == "writing\n"
    assert (tmp_path / ".a.txt.cleaner-tmp").exists()
    process.send_signal(getattr(signal, signal_name))
    assert process.wait(timeout=30) == 128 + getattr(signal, signal_name)
    assert path.read_text() == DIRTY
    assert os.listdir(tmp_path) == ["a.txt"]


def test_the_backup_s_temporary_file_in_use_by_a_live_run_stops_the_rewrite(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    held = tmp_path / ".a.txt.bak.cleaner-tmp"  # the temporary file of a run cleaning a.txt.bak
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_TEMPORARY_FILE, str(held)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        result = run("-i", "--backup", ".bak", str(path))
        assert result.exit_code == 2
        assert f"{path}: another cleaner is writing a.txt.bak; left as it is" in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert path.read_text() == DIRTY
        assert sorted(os.listdir(tmp_path)) == [held.name, "a.txt"]
    finally:
        holder.kill()
        holder.wait()


def test_the_temporary_file_stays_locked_until_it_is_renamed(tmp_path, monkeypatch):
    """Closing it earlier would let another run take it for a leftover and put
    its own half-written file under the name that is about to be renamed."""
    import fcntl

    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    real_replace, seen = os.replace, []

    def replace(source, target):
        if str(source).endswith(TEMPORARY_SUFFIX):
            descriptor = os.open(source, os.O_RDONLY)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                seen.append("unlocked")
            except BlockingIOError:
                seen.append("locked")
            finally:
                os.close(descriptor)
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    assert run("-i", "--backup", ".bak", str(path)).exit_code == 0
    assert seen == ["locked", "locked"]  # the backup's temporary file, then the file's
    assert path.read_text() == CLEAN and (tmp_path / "a.txt.bak").read_text() == DIRTY


def test_a_temporary_file_swapped_before_it_is_locked_is_not_used(tmp_path, monkeypatch):
    """Another run may take a just-made temporary file for a leftover, remove it
    and make its own before this one locks it: this run must not write into
    (and later rename) a file that no longer has the name."""
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    temporary = tmp_path / ".a.txt.cleaner-tmp"
    real_lock, swaps = files._lock, []

    def lock_after_a_swap(descriptor):
        if not swaps:
            swaps.append(os.fstat(descriptor).st_ino)
            temporary.unlink()
            temporary.write_text("another run's half-written file")  # nobody holds it: a leftover now
        return real_lock(descriptor)

    monkeypatch.setattr(files, "_lock", lock_after_a_swap)
    assert run("-i", str(path)).exit_code == 0
    assert swaps and path.read_text() == CLEAN
    assert os.listdir(tmp_path) == ["a.txt"]


def test_no_file_locks_on_the_file_system_still_cleans(tmp_path, monkeypatch):
    import fcntl

    no_locks = failing_with(errno.ENOLCK)

    monkeypatch.setattr(files.fcntl, "flock", no_locks)
    path = tmp_path / "a.txt"
    for _ in range(2):
        path.write_text(DIRTY)
        assert run("-i", str(path)).exit_code == 0
        assert path.read_text() == CLEAN
        assert os.listdir(tmp_path) == ["a.txt"]
    assert fcntl.flock is no_locks


def test_a_fifo_in_the_temporary_file_s_place_is_an_error_not_a_hang(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    os.mkfifo(tmp_path / ".a.txt.cleaner-tmp")
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "-i", str(path)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert "cannot write: .a.txt.cleaner-tmp is in the way and is not a file; original left intact" in result.stderr
    assert path.read_text() == DIRTY


# --- Stopped during a parallel run ---------------------------------------------------


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_a_signal_stops_a_parallel_run_and_reports_what_was_rewritten(tmp_path, signal_name):
    """Regression: workers went on rewriting files for seconds after the
    signal, and the files they rewrote were never reported."""
    names = [f"f{index:02}.txt" for index in range(30)]
    for name in names:
        (tmp_path / name).write_text(BIG_DIRTY[: 300_000])
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "-i", "-j", "2", *names],
        cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    first = process.stderr.readline()
    assert first.startswith("cleaned f"), first
    process.send_signal(getattr(signal, signal_name))
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 128 + getattr(signal, signal_name)
    reported = {line.split()[1] for line in (first + rest).splitlines() if line.startswith("cleaned ")}
    rewritten = {name for name in names if (tmp_path / name).read_text() != BIG_DIRTY[:300_000]}
    assert rewritten == reported
    assert len(rewritten) < len(names) - 4  # the rest were never started
    assert "Traceback" not in rest
    assert all(line.endswith("stopped by a signal; left as it was") for line in rest.splitlines()
               if not line.startswith("cleaned "))
    assert no_temporary_files(tmp_path)


# --- The report and standard streams -------------------------------------------------


def _cleaner(*args, cwd=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True, text=True, **kwargs)


def _one_line_exit_2(result: subprocess.CompletedProcess, needle: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and needle in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 or result.stderr.startswith("Usage:"), result.stderr


@pytest.mark.parametrize("how", ["same name", "hard link", "symlink", "standard input"])
def test_a_report_file_that_is_an_input_is_refused_and_the_input_kept(tmp_path, how):
    """Regression: ``--check --report json --report-file a.txt a.txt`` emptied a.txt."""
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    report = {"same name": "a.txt", "hard link": "link.txt", "symlink": "sym.txt", "standard input": "a.txt"}[how]
    if how == "hard link":
        os.link(path, tmp_path / report)
    if how == "symlink":
        os.symlink("a.txt", tmp_path / report)
    inputs = ["-"] if how == "standard input" else ["a.txt"]
    with open(path) as stdin:
        result = _cleaner("--check", "--report", "json", "--report-file", report, *inputs, cwd=tmp_path, stdin=stdin)
    _one_line_exit_2(result, f"--report-file {report} is one of the inputs")
    assert path.read_text() == DIRTY


def test_a_report_file_beside_the_input_is_written(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    result = _cleaner("--check", "--report", "json", "--report-file", "report.json", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert '"file": "a.txt", "changed": true' in (tmp_path / "report.json").read_text()


def test_a_report_file_in_a_missing_directory_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    result = _cleaner("--check", "--report", "json", "--report-file", "missing/r.json", "a.txt", cwd=tmp_path)
    _one_line_exit_2(result, "cannot write the report to missing/r.json: no such file or directory")


def without_root_privileges(command: list[str]) -> list[str]:
    """``command`` as a user the file permissions apply to: as root, the same
    user without the capabilities that override them (``setpriv``)."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]


def test_a_report_file_in_a_read_only_directory_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "locked").mkdir(mode=0o555)
    command = [sys.executable, "-m", "cleaner", "--check", "--report", "json", "--report-file", "locked/r.json", "a.txt"]
    result = subprocess.run(without_root_privileges(command), cwd=tmp_path, capture_output=True, text=True)
    _one_line_exit_2(result, "cannot write the report to locked/r.json: permission denied")


@pytest.mark.parametrize("mode", [[], ["--diff"], ["-j", "2"]], ids=["print", "diff", "parallel"])
def test_standard_output_on_a_full_disk_is_one_line(tmp_path, mode):
    (tmp_path / "a.txt").write_text(DIRTY)
    (tmp_path / "b.txt").write_text(BIG_DIRTY)
    spools = tmp_path / "spools"  # where workers leave their output for the parent to copy
    spools.mkdir()
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "cleaner", *mode, "a.txt", "b.txt"],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": str(spools)},
        )
    _one_line_exit_2(result, "cannot write output: no space left on device")
    assert list(spools.iterdir()) == []


def test_closed_standard_output_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    result = subprocess.run(
        f"{sys.executable} -m cleaner a.txt >&-", shell=True, cwd=tmp_path, capture_output=True, text=True
    )
    _one_line_exit_2(result, "standard output is closed")
    result = subprocess.run(
        f"{sys.executable} -m cleaner -i a.txt >&-", shell=True, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0 and (tmp_path / "a.txt").read_text() == CLEAN


def test_closed_standard_input_is_one_line(tmp_path):
    result = subprocess.run(f"{sys.executable} -m cleaner <&-", shell=True, cwd=tmp_path, capture_output=True, text=True)
    _one_line_exit_2(result, "standard input is closed")


# --- Links, names given twice, long names, files that go away -----------------------


@pytest.mark.parametrize(
    "names",
    [["a.txt", "a.txt"], [".", "a.txt"], ["a.txt", "link.txt"], ["./a.txt", "a.txt", "."]],
    ids=["twice", "directory-and-file", "symlink", "spellings"],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_named_twice_is_cleaned_once(tmp_path, names, jobs):
    """Regression: the second mention failed with 'another cleaner is writing', exit 2."""
    (tmp_path / "a.txt").write_text(DIRTY)
    os.symlink("a.txt", tmp_path / "link.txt")
    result = _cleaner("-i", "-j", jobs, *names, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.txt").read_text() == CLEAN
    assert result.stderr.count("cleaned ") == 1, result.stderr


def test_a_hard_linked_file_becomes_a_file_of_its_own_and_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    os.link(tmp_path / "a.txt", tmp_path / "other.txt")
    result = _cleaner("-i", "a.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == (
        "cleaner: a.txt: had 2 hard links; it is now a file of its own, and its other names keep the old content\n"
        "cleaned a.txt\n"
    )
    assert (tmp_path / "a.txt").read_text() == CLEAN
    assert (tmp_path / "other.txt").read_text() == DIRTY
    assert os.stat(tmp_path / "a.txt").st_nlink == 1


def test_both_names_of_a_hard_link_are_cleaned(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    assert _cleaner("-i", "a.txt", "b.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "a.txt").read_text() == (tmp_path / "b.txt").read_text() == CLEAN


def test_a_file_with_the_longest_name_allowed_is_cleaned_in_place(tmp_path):
    """Regression: '.NAME.cleaner-tmp' was too long a name, and the error read
    as if the user's file could not be written."""
    name = "n" * (os.pathconf(tmp_path, "PC_NAME_MAX") - 4) + ".txt"
    (tmp_path / name).write_text(DIRTY)
    result = _cleaner("-i", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / name).read_text() == CLEAN
    assert os.listdir(tmp_path) == [name]


def test_a_long_name_s_temporary_name_is_short_and_stable(tmp_path):
    base = "é" * 120 + ".txt"  # 244 bytes
    first = files.temporary_name(str(tmp_path), base)
    assert first == files.temporary_name(str(tmp_path), base)
    assert len(os.fsencode(first)) <= 255 and first.endswith(TEMPORARY_SUFFIX) and first.startswith(".éé")
    assert files.temporary_name(str(tmp_path), "a.txt") == ".a.txt.cleaner-tmp"
    assert first != files.temporary_name(str(tmp_path), "é" * 119 + "x.txt")


def test_a_backup_name_too_long_is_named_in_the_message(tmp_path):
    name = "n" * (os.pathconf(tmp_path, "PC_NAME_MAX") - 4) + ".txt"
    (tmp_path / name).write_text(DIRTY)
    result = _cleaner("-i", "--backup", ".orig", name, cwd=tmp_path)
    _one_line_exit_2(result, f"cannot keep the backup {name}.orig: file name too long; original left intact")
    assert (tmp_path / name).read_text() == DIRTY
    assert os.listdir(tmp_path) == [name]


def test_a_file_deleted_while_being_cleaned_is_not_said_to_be_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(BIG_DIRTY)
    _while_writing(monkeypatch, path.unlink)
    result = run("-i", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"cleaner: {path}: deleted while being cleaned; nothing written\n"
    assert os.listdir(tmp_path) == []


def test_include_globs_match_names_in_any_case(tmp_path):
    for name in ("notes.TXT", "Readme.Md", "data.csv"):
        (tmp_path / name).write_text(DIRTY)
    result = _cleaner("--check", ".", cwd=tmp_path)
    assert sorted(result.stderr.splitlines()[:2]) == ["would clean Readme.Md", "would clean notes.TXT"]
