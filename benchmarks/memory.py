"""Peak memory of the command line on a large input, from stdin to stdout and in place.

    python benchmarks/memory.py            # 1 GB (takes a few minutes)
    python benchmarks/memory.py --mb 100   # quicker

Builds a news-like file of the requested size (real prose paragraphs from
benchmarks/prose.py with curly quotes, dashes, some mojibake, entities, runs of
spaces and blank lines), then runs ``cleaner`` on it as a child process and
reads the child's peak resident set size from ``getrusage``.
"""

from __future__ import annotations

import argparse
import os
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
    subprocess.run(sys.argv[2:], stdin=stdin, stdout=stdout, check=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1000, help="input size in MB (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "large.txt"
        build(path, args.mb)
        size = path.stat().st_size / 1e6
        print(f"input: {size:,.0f} MB of news-like text")
        seconds, peak = peak_of(CLEANER, stdin_path=path)
        print(f"stdin -> stdout: {seconds:7.1f} s  {size / seconds:6.1f} MB/s  peak RSS {peak:6.1f} MB")
        seconds, peak = peak_of(CLEANER + ["-q", "-i", str(path)])
        print(f"in place (-i):   {seconds:7.1f} s  {size / seconds:6.1f} MB/s  peak RSS {peak:6.1f} MB")


if __name__ == "__main__":
    main()
