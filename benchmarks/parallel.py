"""Speed-up of ``cleaner -j N`` over many files.

    python benchmarks/parallel.py            # 200 files, -j 1 against -j 2

Writes 200 news-like documents of about 20 KB each (real prose from
benchmarks/prose.py with some damage), cleans copies of them in place with
``-j 1`` and with ``-j 2``, checks both give identical files, and prints the
wall-clock times and the speed-up.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import news_like_block  # noqa: E402


def write_documents(directory: Path, count: int, size: int) -> None:
    block = news_like_block()
    for n in range(count):
        start = (n * 7919 * 97) % (len(block) - size)
        (directory / f"doc{n:04}.txt").write_text(block[start : start + size], encoding="utf-8")


def timed_run(directory: Path, jobs: int) -> float:
    files = sorted(str(p) for p in directory.iterdir())
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cleaner", "-q", "-i", "-j", str(jobs), *files], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=int, default=20_000, help="characters per file")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        base, one, many = Path(root) / "base", Path(root) / "one", Path(root) / "many"
        base.mkdir()
        write_documents(base, args.files, args.size)
        shutil.copytree(base, one)
        shutil.copytree(base, many)
        serial = timed_run(one, 1)
        parallel = timed_run(many, args.jobs)
        same = all((many / p.name).read_bytes() == p.read_bytes() for p in one.iterdir())
        print(f"{args.files} files of {args.size:,} characters")
        print(f"-j 1: {serial:6.2f} s")
        print(f"-j {args.jobs}: {parallel:6.2f} s   speed-up {serial / parallel:4.2f}x   identical output: {same}")


if __name__ == "__main__":
    main()
