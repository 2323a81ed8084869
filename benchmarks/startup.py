"""Start-up cost: clean one 5 KB article through the command line, against `ftfy FILE`.

    python benchmarks/startup.py [--runs 21] [FILE]

Runs the two commands alternately (so a change in the machine's load hits both
alike) and prints each one's median wall and CPU time (user + system; on a
loaded machine the CPU time is the steadier figure) and their ratios. The cleaner is
run as `python -m cleaner` from this checkout; ftfy through its own script in
the same environment. The word list is built into the cache first, as any
install's first run does, so the figure is that of every later call.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "nypost-article.txt"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ARTICLE))
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # An installed package has its bytecode compiled (pip does it), as ftfy has here.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ftfy_script = str(Path(sys.executable).with_name("ftfy"))
    commands = {
        "ftfy FILE": [ftfy_script, args.file],
        "cleaner FILE": [sys.executable, "-m", "cleaner", args.file],
        "python -c pass": [sys.executable, "-c", "pass"],
    }
    for command in commands.values():  # warm the page cache and build the word list
        timed(command, env)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            wall, cpu = timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    load = os.getloadavg()[0]
    size = os.path.getsize(args.file)
    print(f"{size:,}-byte file, {args.runs} alternating runs, load average {load:.1f} on {os.cpu_count()} cores")
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    for name in commands:
        print(f"  {name:16} wall median {wall[name] * 1000:5.0f} ms (min {min(walls[name]) * 1000:4.0f})"
              f"   CPU median {cpu[name] * 1000:5.0f} ms (min {min(cpus[name]) * 1000:4.0f})")
    print(f"  cleaner / ftfy: {wall['cleaner FILE'] / wall['ftfy FILE']:.2f}x wall, "
          f"{cpu['cleaner FILE'] / cpu['ftfy FILE']:.2f}x CPU (target <= 1.5x)")


if __name__ == "__main__":
    main()
