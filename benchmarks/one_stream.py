"""Speed-up of ``cleaner -j N`` on one stream: standard input, one large file,
one JSON Lines file (``cleaner.parallel``).

    python benchmarks/one_stream.py               # 20 MB of news, -j 1 against -j 2
    python benchmarks/one_stream.py --mb 5 --modes stdin,jsonl --repeat 1

The input is ``throughput.py --input news`` (real news stories, half of the
~5 KB documents typeset with curly quotes and dashes, some mojibake and
entities); the JSON Lines file holds the same documents, one record each.
Each mode runs the command line with ``-j 1`` and ``-j N`` (best of
``--repeat``, wall clock), checks the outputs are byte-identical, and prints
the speed-up, the CPU time the runs used (this process's children: user +
system, all processes) and the load average before and after, since on a
shared machine another process on the second core shows as a lower speed-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import build_corpus  # noqa: E402

CLEANER = [sys.executable, "-m", "cleaner"]
MODES = ("stdin", "file", "in-place", "jsonl")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(arguments: list[str], stdin: Path | None, jobs: int, prepare=None) -> tuple[float, float, str]:
    """One run: (wall seconds, CPU seconds of it and its workers, digest of its output)."""
    if prepare is not None:
        prepare()
    cpu = children_cpu()
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        result = subprocess.run([*CLEANER, "-q", "-j", str(jobs), *arguments], stdin=source, capture_output=True)
    wall = time.perf_counter() - start
    assert result.returncode in (0, 1), result.stderr.decode()
    return wall, children_cpu() - cpu, hashlib.sha256(result.stdout).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="input size in MB (default 20)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    args = parser.parse_args()
    docs = build_corpus(args.mb, news=True)
    directory = Path(tempfile.mkdtemp(prefix="cleaner-stream-"))
    try:
        text_path = directory / "news.txt"
        text_path.write_text("\n\n".join(docs) + "\n", encoding="utf-8")
        jsonl_path = directory / "news.jsonl"
        with jsonl_path.open("w", encoding="utf-8") as handle:
            for number, doc in enumerate(docs):
                handle.write(json.dumps({"id": number, "text": doc}, ensure_ascii=False) + "\n")
        copy = directory / "copy.txt"

        def fresh_copy() -> None:
            shutil.copyfile(text_path, copy)

        runs = {
            "stdin": ([], text_path, None, text_path),
            "file": ([str(text_path)], None, None, text_path),
            "in-place": (["-i", str(copy)], None, fresh_copy, text_path),
            "jsonl": (["--jsonl", str(jsonl_path)], None, None, jsonl_path),
        }
        print(f"input: {text_path.stat().st_size / 1e6:.1f} MB of news text, {len(docs)} documents "
              f"(JSON Lines: {jsonl_path.stat().st_size / 1e6:.1f} MB); {os.cpu_count()} cores")
        for mode in args.modes.split(","):
            arguments, stdin, prepare, measured = runs[mode]
            megabytes = measured.stat().st_size / 1e6
            load = os.getloadavg()[0]
            best: dict[int, tuple[float, float]] = {}
            digests: dict[int, set[str]] = {}
            for _ in range(args.repeat):
                for jobs in (1, args.jobs):  # alternated, so a change in the machine's load hits both
                    wall, cpu, digest = run(arguments, stdin, jobs, prepare)
                    if mode == "in-place":
                        digest = hashlib.sha256(copy.read_bytes()).hexdigest()
                    digests.setdefault(jobs, set()).add(digest)
                    if jobs not in best or wall < best[jobs][0]:
                        best[jobs] = (wall, cpu)
            (one, one_cpu), (many, many_cpu) = best[1], best[args.jobs]
            same = digests[1] == digests[args.jobs] and len(digests[1]) == 1
            print(f"{mode:9} -j 1 {one:6.2f} s ({megabytes / one:5.2f} MB/s, CPU {one_cpu:6.2f} s)   "
                  f"-j {args.jobs} {many:6.2f} s ({megabytes / many:5.2f} MB/s, CPU {many_cpu:6.2f} s)   "
                  f"speed-up {one / many:4.2f}x   identical: {same}   "
                  f"load {load:.2f} -> {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(directory)


if __name__ == "__main__":
    main()
