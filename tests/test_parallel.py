"""``-j N`` on one stream (``cleaner.parallel``): the output, the report and
the messages are byte for byte those of ``-j 1``; a pipe still sees output
before its input ends; a small input starts no pool.

Segments, batches and the pool threshold are made small here, so that a few
kilobytes of text make many batches for the workers."""

from __future__ import annotations

import json
import os
import random
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner import clean, cli, parallel, segments
from test_stream import generated_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def pools(monkeypatch):
    """Small segments and batches; the number of workers of every pool started is recorded."""
    monkeypatch.setattr(segments, "SEGMENT_SIZE", 600)
    monkeypatch.setattr(segments, "MAX_SEGMENT_SIZE", 2400)
    monkeypatch.setattr(segments, "LONG_LINE_SLACK", 300)
    monkeypatch.setattr(parallel, "POOL_THRESHOLD", 3000)
    monkeypatch.setattr(parallel, "BATCH_SIZE", 1000)
    started: list[int] = []
    start_pool = parallel.start_pool

    def recording(task, workers):
        started.append(workers)
        return start_pool(task, workers)

    monkeypatch.setattr(parallel, "start_pool", recording)
    return started


def corpus_text() -> str:
    return "".join((CORPUS / f"{name}.txt").read_text("utf-8") for name in ("nypost-article", "wire-story", "feed-dump"))


def hostile_text(seed: int) -> str:
    """Generated prose with what the stream layer handles between segments:
    CRLF stretches, blank-line runs at every cut, a long line cut at spaces,
    leading blank lines, an off switch, no final line break."""
    rng = random.Random(seed)
    parts = ["\n\n \n", generated_text(seed, 40)]
    parts.append(("word  ofthe talks didnâ€™t end " * 200).strip() + "\n\n")  # one line, cut inside
    parts.append(generated_text(seed + 1, 20).replace("\n", "\r\n"))
    parts.append("cleaner: off\n\nkeep   these    spaces\n\n" + generated_text(seed + 2, 8) + "cleaner: on\n\n")
    parts.append(corpus_text())
    parts.append(generated_text(seed + 3, 30).rstrip())
    rng.shuffle(parts[1:-1])
    return "".join(parts)


def markdown_text(seed: int) -> str:
    fence = "```python\n" + "x   =  1  # ofthe\n" * 120 + "```\n\n"  # a fence longer than a segment
    return (CORPUS / "markdown-readme.md").read_text("utf-8") + generated_text(seed, 20) + fence + generated_text(seed + 1, 20)


def invoke(args: list[str], input: bytes | None = None) -> tuple[int, bytes, bytes]:
    result = CliRunner().invoke(cli.main, args, input=input, catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def both(args: list[str], input: bytes | None = None) -> tuple[tuple[int, bytes, bytes], tuple[int, bytes, bytes]]:
    return invoke(["-j", "1", *args], input), invoke(["-j", "2", *args], input)


TEXTS = {
    "corpus": lambda: corpus_text() * 3,
    "generated": lambda: hostile_text(1),
    "generated-2": lambda: hostile_text(2),
}


@pytest.mark.parametrize("name", TEXTS)
def test_stdin_is_cleaned_the_same_by_two_workers(pools, name):
    text = TEXTS[name]()
    one, two = both([], text.encode())
    assert two == one
    assert one[1].decode() == clean(text)
    assert pools == [2]


@pytest.mark.parametrize("name", TEXTS)
def test_a_file_and_its_report_are_the_same_with_two_workers(pools, tmp_path, name):
    path = tmp_path / "big.txt"
    path.write_text(TEXTS[name](), encoding="utf-8")
    reports = []
    for jobs in ("1", "2"):
        report = tmp_path / f"report-{jobs}.json"
        result = invoke(["-j", jobs, "--report", "json", "--report-file", str(report), str(path)])
        reports.append((result, report.read_bytes()))
    assert reports[1] == reports[0]
    assert len(json.loads(reports[0][1])["changes"]) > 50
    assert pools == [2]


def test_check_and_diff_are_the_same_with_two_workers(pools, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(hostile_text(3), encoding="utf-8")
    check_one, check_two = both(["--check", "--report", "json", str(path)])
    assert check_two == check_one and check_one[0] == 1
    diff_one, diff_two = both(["--diff", str(path)])
    assert diff_two == diff_one and diff_one[1].startswith(b"--- ")
    assert pools == [2, 2]


def test_in_place_is_the_same_with_two_workers(pools, tmp_path):
    text = hostile_text(4)
    results = []
    for jobs in ("1", "2"):
        path = tmp_path / f"copy-{jobs}.txt"
        path.write_text(text, encoding="utf-8")
        code, _, _ = invoke(["-j", jobs, "-i", str(path)])
        results.append((code, path.read_bytes()))
    assert results[1] == results[0]
    assert results[0][1] != text.encode()
    assert pools == [2]


def test_markdown_is_the_same_with_two_workers(pools, tmp_path):
    path = tmp_path / "big.md"
    path.write_text(markdown_text(5), encoding="utf-8")
    one, two = both([str(path)])
    assert two == one
    assert b"x   =  1  # ofthe\n" in one[1]  # the fence is code
    assert pools == [2]


def jsonl_records(seed: int) -> bytes:
    rng = random.Random(seed)
    lines = []
    for number in range(400):
        text = generated_text(seed * 1000 + number, rng.randint(1, 4))
        record = {"id": number, "text": text.replace("\n", "\r\n") if number % 7 == 0 else text}
        if number % 50 == 3:
            record = {"id": number, "title": "no text field"}
        line = json.dumps(record, ensure_ascii=number % 2 == 0)
        if number % 90 == 5:
            line = line[:-1]  # malformed
        lines.append(line + ("\r\n" if number % 11 == 0 else "\n"))
    return "".join(lines).encode()


def test_json_lines_and_their_report_are_the_same_with_two_workers(pools, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(jsonl_records(6))
    for args in (["--jsonl"], ["--jsonl", "--check", "--report", "json"], ["--jsonl", "--diff"]):
        one, two = both([*args, str(path)])
        assert two == one
        assert b"line 6: " in one[2]  # a malformed line is named
    stdin_one, stdin_two = both(["--jsonl"], path.read_bytes())
    assert stdin_two == stdin_one
    assert pools == [2, 2, 2, 2]


def test_strict_json_lines_stop_at_the_same_line_with_two_workers(pools, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(jsonl_records(7))
    one, two = both(["--jsonl", "--strict", str(path)])
    assert two == one
    assert one[0] == 2 and b"line 6" in one[2]


def test_small_input_starts_no_pool(monkeypatch, tmp_path):
    started: list[int] = []
    monkeypatch.setattr(parallel, "start_pool", lambda task, workers: started.append(workers))
    article = (CORPUS / "nypost-article.txt").read_text("utf-8")
    assert 3000 < len(article.encode()) < 10_000
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"text": article}) + "\n", encoding="utf-8")
    for args in ([], [str(path)], ["-i", str(path)], ["--jsonl", str(records)]):
        code, out, _ = invoke(["-j", "4", *args], article.encode())
        assert code == 0
    assert out.startswith(b'{"text": ')
    assert path.read_text("utf-8") == clean(article)
    assert started == []


def test_large_input_starts_a_pool_by_default(pools, tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(corpus_text() * 2, encoding="utf-8")
    invoke([str(path)])
    assert pools and pools[0] == cli.default_workers()
    pools.clear()
    invoke(["-j", "1", str(path)])
    assert pools == []


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
def test_pipe_output_starts_before_input_ends_with_workers():
    """More than the pool threshold arrives, then the writer pauses with the
    pipe open: everything written comes out, cleaned by a running pool."""
    paragraphs = []
    size = 0
    rng = random.Random(8)
    while size < 3 * parallel.POOL_THRESHOLD:
        paragraph = generated_text(rng.randrange(10**6), 1).strip() + "\n\n"
        paragraphs.append(paragraph)
        size += len(paragraph)
    text = "".join(paragraphs) + "Last   paragraph before the pause.\n\n"
    expected = clean(text).encode()
    process = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "-j", "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    def write_then_pause() -> None:  # a thread: the output pipe fills long before the input is all written
        process.stdin.write(text.encode())
        process.stdin.flush()

    writer = threading.Thread(target=write_then_pause, daemon=True)
    try:
        writer.start()
        received = b""
        deadline = time.monotonic() + 120
        while not received.endswith(b"Last paragraph before the pause.\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 0.5)
            if ready:
                received += os.read(process.stdout.fileno(), 1 << 16)
        assert received == expected[: len(received)]
        assert received.endswith(b"Last paragraph before the pause.\n")
        writer.join(timeout=60)
        assert not writer.is_alive()
        assert process.poll() is None  # still running: its input is open
        assert len(_children(process.pid)) == 2  # the workers
        process.stdin.write(b"After   the pause.\n")
        process.stdin.close()
        rest = process.stdout.read()
        assert process.wait(timeout=60) == 0
        assert received + rest == clean(text + "After   the pause.\n").encode()
    finally:
        process.kill()
