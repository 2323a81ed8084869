"""``cleaner.dask`` on a ``dask.distributed`` LocalCluster: two workers against one.

    python benchmarks/dask_cluster.py                 # 100 MB of JSON Lines
    python benchmarks/dask_cluster.py --mb 20 --files 4

Needs the ``dask`` extra (``pip install '.[dask]'``). The corpus is
``throughput.py --input news`` (real news stories, half the ~5 KB documents
typeset with curly quotes and dashes, some mojibake and entities), written as
``--files`` JSON Lines files of one record per document (``{"id", "text"}``),
each shuffled with its own seed. ``clean_jsonl_files`` cleans the ``text``
field on a LocalCluster of one worker, then of two (one process and one
thread each, started before the clock runs), and the outputs are checked
byte-identical. The single-process rate is the command line on one of the
files (``cleaner --jsonl -j 1``, start-up included), so the per-worker rate
can be set beside it. The load average is printed before and after: on a
shared machine another process on the second core shows as a lower speed-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(directory: Path, megabytes: float, files: int) -> list[Path]:
    paths = []
    for number in range(files):
        docs = build_corpus(megabytes / files, seed=2024 + number, news=True)
        path = directory / f"news-{number:03d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for index, doc in enumerate(docs):
                out.write(json.dumps({"id": f"{number}-{index}", "text": doc}, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def digest(directory: Path) -> str:
    hashed = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        hashed.update(path.name.encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def on_cluster(workers: int, inputs: list[Path], output: Path) -> float:
    """Seconds ``clean_jsonl_files`` takes on a LocalCluster of ``workers`` (started beforehand)."""
    from dask.distributed import Client, LocalCluster

    from cleaner.dask import clean_jsonl_files

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            client.wait_for_workers(workers)
            start = time.perf_counter()
            clean_jsonl_files([str(path) for path in inputs], str(output), field="text", overwrite=True)
            return time.perf_counter() - start


def cli_seconds(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cleaner", "--jsonl", "-j", "1", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0, help="corpus size in MB (default 100)")
    parser.add_argument("--files", type=int, default=10, help="JSON Lines files (partitions), default 10")
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = str(ROOT)  # the workers import this checkout's cleaner

    workdir = Path(tempfile.mkdtemp(prefix="cleaner-dask-"))
    try:
        inputs = write_corpus(workdir, args.mb, args.files)
        megabytes = sum(path.stat().st_size for path in inputs) / 1e6
        print(f"corpus: {megabytes:.1f} MB of JSON Lines in {len(inputs)} files; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        seconds, digests = {}, {}
        for workers in (1, 2):
            output = workdir / f"out-{workers}"
            seconds[workers] = on_cluster(workers, inputs, output)
            digests[workers] = digest(output)
            print(f"  LocalCluster, {workers} worker(s): {seconds[workers]:6.1f} s  "
                  f"{megabytes / seconds[workers]:5.2f} MB/s  ({megabytes / seconds[workers] / workers:.2f} MB/s per worker)")
        sample = inputs[0]
        sample_mb = sample.stat().st_size / 1e6
        cli = cli_seconds(sample)
        print(f"  cleaner --jsonl -j 1 on one file ({sample_mb:.1f} MB, start-up included): {cli:5.1f} s  "
              f"{sample_mb / cli:5.2f} MB/s")
        speedup = seconds[1] / seconds[2]
        per_worker = megabytes / seconds[2] / 2
        print(f"\n2 workers / 1 worker: {speedup:.2f}x (target >= 1.6x); per-worker rate with 2 workers "
              f"{per_worker / (sample_mb / cli):.0%} of the single-process CLI rate (target >= 80%); "
              f"outputs identical: {digests[1] == digests[2]}; load average now {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
