"""Same output as another checkout: the whole chain's output on real inputs,
for changes meant to make the chain faster without changing what it does.

    PYTHONPATH=/path/to/checkout .venv/bin/python benchmarks/chain_same_output.py --write OUT.pickle
    .venv/bin/python benchmarks/chain_same_output.py --compare A.pickle B.pickle

``--write`` cleans, with whichever ``cleaner`` is importable (``PYTHONPATH``
picks the checkout), and stores each output: the news-like corpora of
``throughput.py`` (Debian prose and news, 5 MB each), the corpus documents,
and the text files (``.txt``, ``.md``, ``.rst``) under
``benchmarks/data/wild`` (but the reports benchmarks write there). With ``--idempotent`` it also says which outputs a
second clean changes. ``--compare`` prints the inputs whose outputs differ,
with the first difference in context (exit 1 if any).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from throughput import build_corpus

import cleaner

ROOT = Path(__file__).resolve().parent.parent
WILD_SUFFIXES = {".txt", ".md", ".rst"}


def inputs(megabytes: float) -> dict[str, str]:
    texts = {
        "prose corpus": "\n\n".join(build_corpus(megabytes)) + "\n",
        "news corpus": "\n\n".join(build_corpus(megabytes, news=True)) + "\n",
    }
    texts.update({f"corpus {path.name}": path.read_text("utf-8") for path in sorted((ROOT / "corpus").glob("*.*"))})
    wild = ROOT / "benchmarks/data/wild"
    for path in sorted(wild.rglob("*")):
        # (The benchmarks' own reports there change with every run.)
        if path.suffix in WILD_SUFFIXES and path.is_file() and not path.name.startswith("report-"):
            try:
                texts[f"wild {path.relative_to(wild)}"] = path.read_text("utf-8")
            except UnicodeDecodeError:
                continue
    return texts


def write(target: Path, megabytes: float, idempotent: bool) -> None:
    outputs: dict[str, str] = {}
    unstable = []
    start = time.process_time()
    for name, text in inputs(megabytes).items():
        format = "markdown" if name.endswith(".md") else "text"
        outputs[name] = cleaner.clean(text, format=format)
        if idempotent and cleaner.clean(outputs[name], format=format) != outputs[name]:
            unstable.append(name)
    target.write_bytes(pickle.dumps(outputs))
    print(f"{len(outputs)} inputs cleaned in {time.process_time() - start:.1f} s CPU with {cleaner.__file__}")
    for name in unstable:
        print(f"not idempotent: {name}")


def first_difference(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def compare(first: Path, second: Path) -> int:
    a, b = pickle.loads(first.read_bytes()), pickle.loads(second.read_bytes())
    differing = [name for name in a if a[name] != b.get(name)]
    for name in differing:
        at = first_difference(a[name], b.get(name, ""))
        print(f"{name}: differs at {at}\n  {a[name][at - 80 : at + 80]!r}\n  {b.get(name, '')[at - 80 : at + 80]!r}")
    print(f"{len(differing)} of {len(a)} outputs differ")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="clean every input and store the outputs here")
    parser.add_argument("--idempotent", action="store_true", help="with --write: also clean each output again")
    parser.add_argument("--compare", type=Path, nargs=2, help="two files made by --write")
    parser.add_argument("--mb", type=float, default=5.0, help="size of each news-like corpus (default 5)")
    args = parser.parse_args()
    if args.write:
        write(args.write, args.mb, args.idempotent)
    if args.compare:
        sys.exit(compare(*args.compare))


if __name__ == "__main__":
    main()
