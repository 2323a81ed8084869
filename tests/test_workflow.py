"""Fitting into people's workflows: configuration files, directories,
reports, summaries, colour, the progress bar and the pre-commit hook."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import ConfigError, find_config, load_config

DIRTY = "Tom &amp; Jerry  met.\n\n\n\n"
CLEAN = "Tom & Jerry met.\n"
REPO = Path(__file__).resolve().parent.parent


def run(*args, input=None, cwd=None):
    if cwd is None:
        return CliRunner().invoke(main, list(args), input=input)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), input=input)
    finally:
        os.chdir(old)


# Configuration


def test_pyproject_table_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\nselect = ["whitespace"]\n')
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    path = tmp_path / "docs" / "deep" / "a.txt"
    path.write_text(DIRTY)
    result = run(str(path))
    assert result.stdout == "Tom &amp; Jerry met.\n"


def test_cleaner_toml_wins_over_a_pyproject_without_the_table(tmp_path):
    (tmp_path / "cleaner.toml").write_text('ignore = "whitespace"\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub") == (tmp_path / "cleaner.toml").resolve()


def test_flags_override_the_configuration(tmp_path):
    (tmp_path / "cleaner.toml").write_text('select = ["whitespace"]\n')
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert run("--select", "unicode", str(path)).stdout == "Tom & Jerry  met.\n\n\n\n"


def test_no_config_and_explicit_config(tmp_path):
    (tmp_path / "cleaner.toml").write_text('select = ["whitespace"]\n')
    other = tmp_path / "other.toml"
    other.write_text('select = ["unicode"]\n')
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    assert run("--no-config", str(path)).stdout == CLEAN
    assert run("--config", str(other), str(path)).stdout == "Tom & Jerry  met.\n\n\n\n"


def test_rule_options_come_from_the_configuration(tmp_path):
    (tmp_path / "cleaner.toml").write_text('[rules.boilerplate]\nenable = ["reuters-credit"]\n')
    path = tmp_path / "a.txt"
    path.write_text("Body.\n(Reporting by Jane Doe; Editing by John Roe)\n")
    assert run(str(path)).stdout == "Body.\n"
    assert run("--no-config", str(path)).stdout == "Body.\n(Reporting by Jane Doe; Editing by John Roe)\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["x"]\n', "unknown key 'selct'"),
        ("select = 3\n", "select must be a list of strings"),
        ('select = ["nope"]\n', "unknown rule nope"),
        ('[rules.unicode]\ncolour = "red"\n', "rule unicode has no option colour"),
        ('[rules.boilerplate]\nenable = ["nope"]\n', "unknown boilerplate entry nope"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_malformed_configuration_is_a_clear_error(tmp_path, content, message):
    config = tmp_path / "cleaner.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config(config)
    (tmp_path / "a.txt").write_text("x\n")
    result = run(str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert message in result.stderr and "cleaner.toml" in result.stderr
    assert "Traceback" not in result.output


# Directories


@pytest.fixture
def tree(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "drafts").mkdir()
    (docs / ".git").mkdir()
    for path in ("a.txt", "sub/b.md", "drafts/d.txt", "notes.rst", ".git/e.txt", "keep.txt"):
        (docs / path).write_text(DIRTY)
    (docs / "image.txt").write_bytes(b"GIF89a\x00\x01")
    (docs / ".gitignore").write_text("drafts/\n")
    return docs


def test_in_place_on_a_directory_cleans_text_files_below_it(tree):
    result = run("-i", str(tree))
    assert result.exit_code == 0
    assert (tree / "a.txt").read_text() == CLEAN
    assert (tree / "sub" / "b.md").read_text() == CLEAN
    assert (tree / "keep.txt").read_text() == CLEAN
    for untouched in ("drafts/d.txt", "notes.rst", ".git/e.txt"):
        assert (tree / untouched).read_text() == DIRTY
    assert f"cleaner: skipping binary file {tree / 'image.txt'}" in result.stderr
    assert "cleaned 3 files, 3 changed" in result.stderr


def test_include_and_exclude_globs(tree):
    result = run("-i", "--include", "*.rst", "--include", "*.txt", "--exclude", "keep.txt", str(tree))
    assert result.exit_code == 0
    assert (tree / "notes.rst").read_text() == CLEAN
    assert (tree / "a.txt").read_text() == CLEAN
    assert (tree / "keep.txt").read_text() == DIRTY
    assert (tree / "sub" / "b.md").read_text() == DIRTY


def test_exclude_from_configuration(tree):
    (tree / "cleaner.toml").write_text('exclude = ["sub/"]\n')
    assert run("-i", str(tree)).exit_code == 0
    assert (tree / "sub" / "b.md").read_text() == DIRTY
    assert (tree / "a.txt").read_text() == CLEAN


def test_named_files_are_taken_even_if_excluded(tree):
    assert run("-i", "--exclude", "keep.txt", str(tree / "keep.txt")).exit_code == 0
    assert (tree / "keep.txt").read_text() == CLEAN


def test_force_exclude_applies_exclude_to_named_files(tree):
    (tree / "cleaner.toml").write_text('exclude = ["sub/"]\n')
    named = [str(tree / "sub" / "b.md"), str(tree / "keep.txt"), str(tree / "a.txt")]
    result = run("-i", "--force-exclude", "--exclude", "keep.txt", *named)
    assert result.exit_code == 0
    assert (tree / "sub" / "b.md").read_text() == DIRTY
    assert (tree / "keep.txt").read_text() == DIRTY
    assert (tree / "a.txt").read_text() == CLEAN


def test_pre_commit_hook_passes_force_exclude():
    hook = (REPO / ".pre-commit-hooks.yaml").read_text()
    assert "entry: cleaner -i -q --force-exclude\n" in hook


def test_fifo_in_a_walked_directory_is_skipped_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    os.mkfifo(tmp_path / "pipe.txt")
    result = subprocess.run(
        [sys.executable, "-m", "cleaner", "--check", "."], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["cleaner: skipping pipe.txt: not a regular file", "would clean a.txt"]


def _git_init(path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(path)], check=True)


def test_gitignore_above_the_walked_directory_is_honoured(tmp_path):
    _git_init(tmp_path)
    (tmp_path / ".gitignore").write_text("docs/_build/\n*.log.txt\n")
    (tmp_path / "docs" / "_build").mkdir(parents=True)
    (tmp_path / "docs" / "_build" / "out.txt").write_text(DIRTY)
    (tmp_path / "docs" / "run.log.txt").write_text(DIRTY)
    (tmp_path / "docs" / "page.txt").write_text(DIRTY)
    result = run("--check", "docs", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == "would clean docs/page.txt\n"


def test_git_info_exclude_is_honoured(tmp_path):
    _git_init(tmp_path)
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private.txt\n")
    (tmp_path / "private.txt").write_text(DIRTY)
    (tmp_path / "public.txt").write_text(DIRTY)
    result = run("--check", ".", cwd=tmp_path)
    assert result.stderr == "would clean public.txt\n"


def test_gitignore_outside_the_repository_is_not_read(tmp_path):
    (tmp_path / ".gitignore").write_text("*.txt\n")
    _git_init(tmp_path / "repo")
    (tmp_path / "repo" / "a.txt").write_text(DIRTY)
    assert run("--check", "repo", cwd=tmp_path).stderr == "would clean repo/a.txt\n"


def test_gitignore_with_a_byte_order_mark_keeps_its_first_pattern(tmp_path):
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbfdrafts.txt\nold.txt\n")
    for name in ("drafts.txt", "old.txt", "new.txt"):
        (tmp_path / name).write_text(DIRTY)
    assert run("--check", ".", cwd=tmp_path).stderr == "would clean new.txt\n"


def test_finding_nothing_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "rst").mkdir()
    (tmp_path / "rst" / "a.rst").write_text(DIRTY)
    result = run("--check", "empty", "rst", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "cleaner: no files to clean in empty (none matched the include patterns)",
        "cleaner: no files to clean in rst (none matched the include patterns)",
    ]


def test_configuration_include_is_relative_to_the_configuration_file(tmp_path):
    (tmp_path / "cleaner.toml").write_text('include = ["/docs/*.txt"]\n')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(DIRTY)
    (tmp_path / "b.txt").write_text(DIRTY)
    assert run("--check", ".", cwd=tmp_path).stderr == "would clean docs/a.txt\n"
    assert run("--check", "docs", cwd=tmp_path).stderr == "would clean docs/a.txt\n"


# Reports and summaries


def test_json_report_has_one_record_per_input_with_each_change(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("first line\nTom &amp; Jerry\n")
    two.write_text(CLEAN)
    result = run("--check", "--report", "json", str(one), str(two))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == [str(one), str(two)]
    assert records[0]["changed"] is True
    assert records[0]["changes"] == [
        {"rule": "unicode", "line": 2, "column": 5, "before": "&amp;", "after": "&", "start": 15, "end": 20, "reason": "ftfy"}
    ]
    assert one.read_text()[15:20] == "&amp;"
    assert records[1] == {"file": str(two), "changed": False, "error": None, "changes": []}


def test_report_file_with_in_place(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    report = tmp_path / "report.jsonl"
    assert run("-i", "--report", "json", "--report-file", str(report), str(path)).exit_code == 0
    (record,) = [json.loads(line) for line in report.read_text().splitlines()]
    assert {c["rule"] for c in record["changes"]} == {"unicode", "whitespace"}


def test_report_to_stdout_would_mix_with_text_so_it_needs_a_file(tmp_path):
    result = run("--report", "json", input=DIRTY)
    assert result.exit_code == 2
    assert "--report-file" in result.output


def test_quiet_silences_messages_and_summary(tmp_path):
    paths = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DIRTY)
        paths.append(str(tmp_path / name))
    result = run("-i", "-q", *paths)
    assert result.exit_code == 0
    assert result.stderr == ""


# Colour


def test_diff_colour_always_never_and_no_color(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    coloured = run("--diff", "--color", "always", str(path)).stdout
    assert "\x1b[31m-Tom &amp; Jerry  met.\x1b[0m" in coloured
    assert "\x1b[32m+Tom & Jerry met.\x1b[0m" in coloured
    plain = run("--diff", "--color", "never", str(path)).stdout
    assert "\x1b[" not in plain and "-Tom &amp; Jerry  met." in plain
    env_result = CliRunner(env={"NO_COLOR": "1"}).invoke(main, ["--diff", str(path)])
    assert "\x1b[" not in env_result.stdout


def _run_in_terminal(args: list[str], cwd: Path) -> str:
    """Run the CLI with stdout and stderr on a pseudo-terminal; return what it showed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args], stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, cwd=cwd
    )
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=60)
    os.close(controller)
    return shown.decode("utf-8", "replace")


def test_terminal_gets_progress_bar_and_colours_but_a_pipe_does_not(tmp_path):
    for n in range(30):
        (tmp_path / f"doc{n:02}.txt").write_text(DIRTY * 50)
    names = sorted(p.name for p in tmp_path.iterdir())
    on_terminal = _run_in_terminal(["--check", "-j", "1", *names], tmp_path)
    assert "cleaning" in on_terminal and "%" in on_terminal
    coloured_diff = _run_in_terminal(["--diff", names[0]], tmp_path)
    assert "\x1b[31m" in coloured_diff
    piped = subprocess.run(
        [sys.executable, "-m", "cleaner", "--check", "-j", "1", *names], cwd=tmp_path, capture_output=True
    )
    assert b"cleaning" not in piped.stderr and b"%" not in piped.stderr
    piped_diff = subprocess.run([sys.executable, "-m", "cleaner", "--diff", names[0]], cwd=tmp_path, capture_output=True)
    assert b"\x1b[" not in piped_diff.stdout


def test_progress_bar_is_cleared_before_each_line_and_ends_at_100_percent(tmp_path):
    for n in range(12):
        (tmp_path / f"doc{n:02}.txt").write_text(DIRTY * 50)
    names = sorted(p.name for p in tmp_path.iterdir())
    for jobs in ("1", "2"):
        shown = _run_in_terminal(["--check", "-j", jobs, *names], tmp_path)
        lines = shown.split("\r\n")
        messages = [line for line in lines if "would clean" in line]
        assert len(messages) == 12
        # Each message starts on a cleared line, with nothing of the bar before it.
        assert all(line.rsplit("\r", 1)[-1].startswith("\x1b[Kwould clean") for line in messages)
        assert "100%" in shown and "%" not in shown.split("100%")[-1]


def test_no_progress_bar_when_the_text_goes_to_the_same_terminal(tmp_path):
    for n in range(12):
        (tmp_path / f"doc{n:02}.txt").write_text(DIRTY * 50)
    names = sorted(p.name for p in tmp_path.iterdir())
    shown = _run_in_terminal(["-j", "1", *names], tmp_path)
    assert "Tom & Jerry met." in shown
    assert "cleaning" not in shown and "%" not in shown
    report = _run_in_terminal(["--check", "--report", "json", "-j", "1", *names], tmp_path)
    assert '"changed": true' in report
    assert "cleaning" not in report and "%" not in report


def test_distribution_name_is_not_the_unrelated_cleaner_on_the_index():
    from cleaner.config import _toml

    project = _toml().loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["name"] == "cleaner-text"  # "cleaner" on PyPI is someone else's project
    assert project["scripts"] == {"cleaner": "cleaner.cli:run"}


# pre-commit


def test_pre_commit_hook_fixes_files_and_fails_the_commit(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
    if not os.path.exists(pre_commit):
        pytest.skip("pre-commit is not installed")
    if subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("the project is not a git checkout")
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.email=t@example.com", "-c", "user.name=T"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "article.txt").write_text(DIRTY)
    (repo / "clean.txt").write_text(CLEAN)
    subprocess.run([*git, "add", "."], check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run(
        [pre_commit, "try-repo", str(REPO), "cleaner", "--files", "article.txt", "clean.txt"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    assert (repo / "article.txt").read_text() == CLEAN
    assert (repo / "clean.txt").read_text() == CLEAN


@pytest.mark.parametrize(
    "pyproject",
    [
        '[tool.cleaner]\nselect = ["whitespace"]\n',
        '[ tool . "cleaner" ]\nselect = ["whitespace"]\n',
        '[tool]\ncleaner = { select = ["whitespace"] }\n',
        'tool.cleaner.select = ["whitespace"]\n',
        'tool = { cleaner = { select = ["whitespace"] } }\n',
    ],
)
def test_every_toml_spelling_of_the_cleaner_table_is_found(tmp_path, pyproject):
    (tmp_path / "pyproject.toml").write_text(pyproject)
    assert find_config(tmp_path) == (tmp_path / "pyproject.toml").resolve()
    assert load_config(tmp_path / "pyproject.toml").select == ("whitespace",)


def test_a_pyproject_that_names_no_cleaner_table_is_not_parsed(tmp_path):
    # Not valid TOML, but nothing in it could be a cleaner table: skipped, as
    # black and ruff skip pyproject files without their table.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x\n[tool.black]\n')
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x\n[tool.cleaner]\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config(tmp_path)
