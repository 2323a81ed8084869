"""Fuzz ``cleaner`` for a set time with hypothesis at high example counts.

    .venv/bin/python benchmarks/fuzz.py --minutes 10 [--batch 2000]

Not part of the test run. It cycles through four generators (prose-like text
from tests/test_properties.py, hostile strings and byte strings with invalid
UTF-8 from tests/test_hostile_input.py, and long documents made of prose),
a batch of examples at a time, and checks on every example:
- nothing raises (``clean`` and every rule alone, on any ``str``);
- idempotence: ``clean(clean(x)) == clean(x)`` for the chain and for each rule
  alone (``RULE.apply`` and ``clean(x, select=[name])``);
- the spacing-only rules change nothing but their spacing characters;
- the unicode rule is ftfy line by line, and boilerplate only removes catalog lines;
- bytes: every run of undecodable bytes comes back out, in order;
- the offset map of ``clean_mapped``: untouched characters map to themselves,
  both ways, monotonically; changes lie in the input, in order.
A failure is shrunk by hypothesis and printed, and the script exits 1;
otherwise it prints how many inputs were tried and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_hostile_input import HOSTILE, WITH_INVALID_BYTES, check_any_string, check_bytes_kept, clean_bytes  # noqa: E402
from test_properties import (  # noqa: E402
    PROSE,
    check_changes_are_allowed,
    check_chain_idempotent,
    check_each_rule_idempotent,
    check_offset_map,
)

from cleaner import clean  # noqa: E402

LONG_DOCUMENTS = st.lists(PROSE, min_size=5, max_size=40).map("\n\n".join)


class Tally:
    def __init__(self) -> None:
        self.tried: Counter[str] = Counter()


def check_text(text: str, tally: Tally) -> None:
    check_any_string(text)
    check_chain_idempotent(text)
    check_each_rule_idempotent(text)
    check_changes_are_allowed(text)
    check_offset_map(text)


def check_data(data: bytes, tally: Tally) -> None:
    check_bytes_kept(data, clean_bytes(data))
    check_text(data.decode("utf-8", "surrogateescape"), tally)


def counted(kind: str, tally: Tally, check):
    def run(example):
        tally.tried[kind] += 1
        check(example, tally)

    return run


def batch_runner(kind: str, examples: int, tally: Tally):
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.target, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    if kind == "bytes":
        return config(given(WITH_INVALID_BYTES)(counted(kind, tally, check_data)))
    strategy = {"prose": PROSE, "hostile": HOSTILE, "long documents": LONG_DOCUMENTS}[kind]
    return config(given(strategy)(counted(kind, tally, check_text)))


def main() -> int:
    parser = argparse.ArgumentParser(description="Fuzz cleaner for a set time.")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=2000, help="examples per hypothesis run")
    args = parser.parse_args()

    clean("warm up: The talks ended.The next round, prisonersof war &amp; more.")
    kinds = ["prose", "hostile", "bytes", "long documents"]
    batch_sizes = {"prose": args.batch, "hostile": args.batch, "bytes": args.batch, "long documents": args.batch // 10}
    tally = Tally()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    batches = 0
    while time.monotonic() < deadline:
        kind = kinds[batches % len(kinds)]
        batches += 1
        try:
            batch_runner(kind, batch_sizes[kind], tally)()
        except Exception:  # a failure hypothesis has shrunk: show it and stop
            traceback.print_exc()
            print(f"\nFAILED in a {kind} batch after {sum(tally.tried.values()):,} inputs", file=sys.stderr)
            return 1
        elapsed = time.monotonic() - started
        print(f"{elapsed / 60:6.1f} min  {batches:4} batches  inputs tried: {sum(tally.tried.values()):,}", flush=True)

    elapsed = time.monotonic() - started
    print(f"\nno failure in {elapsed / 60:.1f} minutes; inputs tried: {sum(tally.tried.values()):,}")
    for kind, count in tally.tried.items():
        if count:
            print(f"  {kind:16} {count:>9,}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
