"""Peak memory of the command line on a large input, in every mode.

    python benchmarks/memory.py            # 1 GB (takes a long while)
    python benchmarks/memory.py --mb 100   # quicker
    python benchmarks/memory.py --mb 100 --modes check,diff,parallel,long-line

Builds a news-like file of the requested size (real prose paragraphs from
benchmarks/prose.py with curly quotes, dashes, some mojibake, entities, runs of
spaces and blank lines), then runs ``cleaner`` on it as a child process and
reads the peak resident set size of the child, and of its worker processes
with ``-j``, from ``getrusage`` (for children: the largest single process).
Modes: stdin -> stdout, in place, --check, --diff, two copies with -j 2
(printed), and one line of the same size with no line break (printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prose import english_prose  # noqa: E402

CLEANER = [sys.executable, "-m", "cleaner"]


def news_like_block() -> str:
    text = english_prose()
    text = text.replace(" -- ", " — ").replace("'", "’")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    dirty = []
    for index, paragraph in enumerate(paragraphs):
        if index % 40 == 0:
            paragraph += " It didnâ€™t matter."
        if index % 25 == 0:
            paragraph = paragraph.replace(" and ", " &amp; ", 1)
        if index % 10 == 0:
            paragraph = paragraph.replace(" ", "   ", 2) + "   "
        dirty.append(paragraph)
    return "\n\n\n".join(dirty) + "\n\n"


def build(path: Path, megabytes: int) -> None:
    block = news_like_block().encode("utf-8")
    with path.open("wb") as handle:
        written = 0
        while written < megabytes * 1_000_000:
            handle.write(block)
            written += len(block)


MEASURE = """
import resource, subprocess, sys
with open(sys.argv[1], "rb") as stdin, open("/dev/null", "wb") as stdout:
    code = subprocess.run(sys.argv[2:], stdin=stdin, stdout=stdout).returncode
    assert code in (0, 1), code  # 1: --check found changes
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_of(command: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """Run ``command`` under a fresh parent; return (seconds, peak RSS of it in MB)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(stdin_path or os.devnull), *command],
        check=True, capture_output=True, text=True,
    )
    return time.perf_counter() - start, int(result.stdout) / 1024


MODES = ("stdin", "check", "diff", "parallel", "parallel-quiet", "in-place", "long-line")  # in place last: it cleans the file


def build_long_line(path: Path, megabytes: int) -> None:
    """Words and sentences with no line break at all (the worst case for segmenting)."""
    unit = "The talks ended.The council met on Thursday,adding that prisonersof war &amp; more  here. "
    chunk = (unit * (1_000_000 // len(unit) + 1)).encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(megabytes):
            handle.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="input size in MB (default 1000)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    args = parser.parse_args()
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "large.txt"
        build(path, args.mb)
        size = path.stat().st_size / 1e6
        print(f"input: {size:,.0f} MB of news-like text")
        runs = {
            "stdin": ("stdin -> stdout", CLEANER, path),
            "check": ("--check", CLEANER + ["-q", "--check", str(path)], None),
            "diff": ("--diff", CLEANER + ["--diff", str(path)], None),
            "parallel": ("-j 2, two files", CLEANER + ["-j", "2", str(path), str(path.with_name("copy.txt"))], None),
            # The same without the closing summary, whose per-rule counts make the chain record every change.
            "parallel-quiet": ("-j 2 -q", CLEANER + ["-q", "-j", "2", str(path), str(path.with_name("copy.txt"))], None),
            "in-place": ("in place (-i)", CLEANER + ["-q", "-i", str(path)], None),
        }
        if "parallel" in modes or "parallel-quiet" in modes:
            shutil.copyfile(path, path.with_name("copy.txt"))
        for mode in modes:
            if mode == "long-line":
                continue
            label, command, stdin = runs[mode]
            seconds, peak = peak_of(command, stdin_path=stdin)
            inputs = 2 if mode.startswith("parallel") else 1
            print(f"{label:16} {seconds:7.1f} s  {inputs * size / seconds:6.1f} MB/s  peak RSS {peak:6.1f} MB")
        if "long-line" in modes:
            line = Path(directory) / "line.txt"
            build_long_line(line, args.mb)
            seconds, peak = peak_of(CLEANER + [str(line)])
            size = line.stat().st_size / 1e6
            print(f"{'one line':16} {seconds:7.1f} s  {size / seconds:6.1f} MB/s  peak RSS {peak:6.1f} MB  ({size:,.0f} MB, no line break)")


if __name__ == "__main__":
    main()
