"""Linear time of every rule, and of the whole chain, on adversarial input.

Each input is built at 1, 5 and 10 MB (in characters) and timed three ways:
``RULE.apply`` alone (the rule on the whole text at once), ``clean(text,
select=[name])`` (the rule through the pipeline, which cuts the text into
segments) and ``clean(text)`` (every rule). Linear time shows as 10 MB / 1 MB
near 10x and 10 MB / 5 MB near 2x; a pattern that backtracks, or a fix loop
that makes one pass per nesting level, shows 100x and 4x (or never finishes).
Work on 1 MB stays in the processor's caches and work on 5 or 10 MB does not,
so memory-bound steps show 12-20x from 1 to 10 MB while 10/5 stays near 2x.

    .venv/bin/python benchmarks/linear_time.py [--sizes 1,5,10] [--only NAME,...] [--rules NAME,...]

``--rules`` times only the named rules (and no chain), e.g. ``--rules boilerplate``.

Timings are the best of three runs (one at the largest size). Rows whose
largest/middle ratio exceeds ``--flag`` (default 2.6) are marked.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from cleaner import clean
from cleaner.registry import RULES

MB = 1_000_000


def repeated(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def one_line_of_words(size: int) -> str:
    """A single line of ordinary words and punctuation: no line break at all."""
    return repeated("The council met on Thursday, and the vote was 7-2. Then it ended. ", size)


def nested_ampersand(size: int) -> str:
    return "&" + repeated("amp;", size - 1)


# Name -> builder of an input of a given size.
ADVERSARIAL_INPUTS: dict[str, Callable[[int], str]] = {
    "run of .": lambda size: repeated(".", size),
    "run of ,": lambda size: repeated(",", size),
    "letters, no spaces": lambda size: repeated("abcdefghijklmnopqrstuvwxyz", size),
    "a.a.a.": lambda size: repeated("a.", size),
    "one long line": one_line_of_words,
    "lines of spaces": lambda size: repeated("        \n", size),
    "The post The post": lambda size: repeated("The post ", size),
    "ended.The": lambda size: repeated("ended.The ", size),
    "&amp;amp;amp;": nested_ampersand,
    "&am\\x07p;amp;amp;": lambda size: "&am\x07p;" + repeated("amp;", size - 8),
    # 25 characters, so ftfy's 1,000,000-character segments all start alike.
    "mojibake run": lambda size: repeated("didnâ€™t cafÃ© â€œokâ€\x9d. ", size),
    "punctuation mix": lambda size: repeated(".,;:!?\"'()[]{}“”‘’…—-", size),
    "glued footers": lambda size: repeated("The post X appeared first on Y. ", size),
    # Runs of glued footers of the newer entries, one-line paragraphs of them,
    # and share lines between glued footers (lines removed, openings looked for again).
    "glued read-more run": lambda size: repeated("It ended. Read more... READ MORE»Read More ", size),
    "glued footer paragraphs": lambda size: repeated(
        "Body. The post X appeared first on Y. Continue reading...\n\n", size
    ),
    "glued links and urls": lambda size: repeated(
        "[x](https://a.b/c) was originally published in [Y](https://a.b) on Medium, where people are continuing the"
        " conversation by highlighting and responding to this story. This article originally appeared on Engadget"
        " at https://e.com/a ",
        size,
    ),
    "share lines and glued": lambda size: repeated("Body. Read more...\nShare this:\nThe post X\nTweet\n", size),
    "brackets": lambda size: repeated("[[+1 chars] [&hellip;] [", size),
    "one-word paragraphs": lambda size: repeated("prisonersof\n\n", size),
}


def timed(function: Callable[[str], object], text: str, repeat: int) -> float:
    """Best of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def ways_to_run(rules: list[str] | None = None) -> list[tuple[str, Callable[[str], object]]]:
    """``(label, function)`` for each rule alone (directly and through ``clean``) and the
    chain; only the named ``rules`` (and no chain) when given."""
    ways: list[tuple[str, Callable[[str], object]]] = []
    for rule in RULES:
        if rules is not None and rule.name not in rules:
            continue
        ways.append((f"{rule.name} .apply", rule.apply))
        ways.append((f"{rule.name} clean", lambda text, name=rule.name: clean(text, select=[name])))
    if rules is None:
        ways.append(("chain clean", clean))
    return ways


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,10", help="sizes in MB, smallest first (default 1,5,10)")
    parser.add_argument("--only", help="comma-separated input names to run (default: all)")
    parser.add_argument("--rules", help="comma-separated rule names to time (default: every rule and the chain)")
    parser.add_argument("--flag", type=float, default=2.6, help="mark rows whose largest/middle ratio is above this")
    args = parser.parse_args()
    sizes = [int(float(part) * MB) for part in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(ADVERSARIAL_INPUTS)
    rules = args.rules.split(",") if args.rules else None
    unknown = sorted(set(rules or ()) - {rule.name for rule in RULES})
    if unknown:
        parser.error(f"unknown rule {', '.join(unknown)}")

    clean("The talks ended.The next round. Tom &amp; Jerry prisonersof war.")  # load wordfreq first
    columns = " ".join(f"{size / MB:>8g} MB" for size in sizes)
    ratio_names = f"{'last/1st':>9} {'last/mid':>9}"
    header = f"{'input':20} {'run':28} {columns} {ratio_names}"
    print(header)
    print("-" * len(header))
    worst_first, worst_middle = 0.0, 0.0
    for name in names:
        texts = [ADVERSARIAL_INPUTS[name](size) for size in sizes]
        for label, function in ways_to_run(rules):
            times = [timed(function, text, 1 if text is texts[-1] else 3) for text in texts]
            floor = [max(t, 1e-4) for t in times]  # sub-0.1 ms runs are noise
            first, middle = floor[-1] / floor[0], floor[-1] / floor[len(floor) // 2]
            worst_first, worst_middle = max(worst_first, first), max(worst_middle, middle)
            mark = "  <-- superlinear?" if middle > args.flag and times[-1] > 0.05 else ""
            cells = " ".join(f"{t:10.4f}s" for t in times)
            print(f"{name:20} {label:28} {cells} {first:8.1f}x {middle:8.1f}x{mark}", flush=True)
    expected_first = sizes[-1] / sizes[0]
    expected_middle = sizes[-1] / sizes[len(sizes) // 2]
    print(
        f"\nlinear time: last/1st near {expected_first:g}x, last/mid near {expected_middle:g}x; "
        f"worst seen {worst_first:.1f}x and {worst_middle:.1f}x"
    )


if __name__ == "__main__":
    main()
