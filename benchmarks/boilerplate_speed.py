"""Throughput and linear time of the ``boilerplate`` rule alone.

    .venv/bin/python benchmarks/boilerplate_speed.py [--mb 20] [--input prose|news|both] [--no-linear]

Throughput: ``RULE.apply`` on the news-like corpora of ``benchmarks/throughput.py``
(MB/s of UTF-8 input, best of three): ``prose`` is real prose cut into feed-like
one-line paragraphs, ``news`` real news stories (with their wire tails and
Yoast footers, so lines are removed and glued footers cut). Linear time: adversarial inputs for the
catalog at 1, 5 and 10 MB, including runs of glued footers on one line and in
one-line paragraphs; 10 MB / 5 MB near 2x is linear.
"""

from __future__ import annotations

import argparse
import random
import time

from throughput import build_corpus

from cleaner.rules.boilerplate import RULE

MB = 1_000_000


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL = {
    "glued yoast run": "The post X appeared first on Y. ",
    "glued read-more run": "It ended. Read more... ",
    "glued footers, paragraphs": "Body text here. The post X appeared first on Y. Continue reading...\n\n",
    "wrapped AP tails": "principle. Copyright 2023 The\nAssociated Press. All rights reserved.\n\n",
    "excerpt ends": "a concept […]\n\n",
    "title full stops": "The post Jan. Rep. Dec. Abc. ",
    "bullets": "• Read more:\n* Share on X (Opens in new window)X\n",
    "lines and glued together": "ADVERTISEMENT\nBody. Read more...\nShare this:\n\n",
    "glued after kept credit": "Source: Site [&hellip;] The post X appeared first on Y.\n\n",
    "Engadget urls": "This article originally appeared on Engadget at https://e.com/" + "a" * 40 + " ",
}


def best(function, text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the news-like corpus")
    parser.add_argument("--input", choices=["prose", "news", "both"], default="both", help="which corpus")
    parser.add_argument("--no-linear", action="store_true", help="skip the adversarial inputs")
    args = parser.parse_args()
    for kind in ("prose", "news") if args.input == "both" else (args.input,):
        text = "\n\n".join(build_corpus(args.mb, seed=2024, news=kind == "news"))
        megabytes = len(text.encode("utf-8")) / MB
        seconds = best(RULE.apply, text)
        print(f"news-like text ({kind}), {megabytes:.1f} MB: {megabytes / seconds:.0f} MB/s ({seconds:.3f} s)")
    if args.no_linear:
        return
    print(f"\n{'input':28} {'1 MB':>9} {'5 MB':>9} {'10 MB':>9} {'10/1':>6} {'10/5':>6}")
    for name, unit in ADVERSARIAL.items():
        times = [best(RULE.apply, repeated(unit, size * MB), 1 if size == 10 else 3) for size in (1, 5, 10)]
        print(
            f"{name:28} {times[0]:8.3f}s {times[1]:8.3f}s {times[2]:8.3f}s"
            f" {times[2] / max(times[0], 1e-4):5.1f}x {times[2] / max(times[1], 1e-4):5.1f}x",
            flush=True,
        )


if __name__ == "__main__":
    random.seed(0)
    main()
