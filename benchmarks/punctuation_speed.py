"""Throughput of ``punctuation-spacing`` alone on news-like English, in MB/s
of UTF-8 input: the rule through the public API (``clean(text,
select=["punctuation-spacing"])``, which also runs the pipeline around it) and
its ``find_edits`` alone, on the ~5 KB documents of ``throughput.py --input
news`` (real news stories, half of them typeset), one document at a time and
as one text. Best of ``--repeat`` runs; the machine's load matters, so give
``uptime`` with the figures.

    .venv/bin/python benchmarks/punctuation_speed.py [--mb 5] [--input news|prose] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import best_time, build_corpus  # noqa: E402

from cleaner import clean  # noqa: E402
from cleaner.rules.punctuation import find_edits  # noqa: E402

RULE = ["punctuation-spacing"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="input size in MB (default 5)")
    parser.add_argument("--input", choices=["prose", "news"], default="news")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions for find_edits")
    arguments = parser.parse_args()
    docs = build_corpus(arguments.mb, news=arguments.input == "news")
    whole = "\n\n".join(docs)
    megabytes = len(whole.encode()) / 1e6
    find_edits(docs[0])  # load the word list once, outside the timings
    runs = {
        "clean(doc, select=[rule]), each document": lambda: [clean(doc, select=RULE) for doc in docs],
        "find_edits(doc), each document": lambda: [find_edits(doc) for doc in docs],
        "clean(text, select=[rule]), one text": lambda: clean(whole, select=RULE),
        "find_edits(text), one text": lambda: find_edits(whole),
    }
    print(f"{len(docs)} documents, {megabytes:.1f} MB of {arguments.input}")
    for label, run in runs.items():
        seconds = best_time(run, arguments.repeat)
        print(f"  {label:44} {megabytes / seconds:7.1f} MB/s")
    if arguments.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [find_edits(doc) for doc in docs])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
