"""Accuracy of the ``boilerplate`` rule on real feed items and scraped pages.

    .venv/bin/python benchmarks/boilerplate_wild.py [--misses]

Cases come from ``benchmarks/boilerplate_wild.json`` (each with its source).
For every case the rule runs alone with its default entries. Scored per
split (dev: looked at while growing the catalog; test: collected afterwards),
per family and per language:
- removed: boilerplate cases whose output is exactly the expected text;
- kept: look-alike, credit and licence cases left unchanged;
- body removed: cases where a character of the expected text went missing
  (the output is not a supersequence of the expected text).
Known misses (``expect: fail``) are counted like the rest and listed; a known
miss that now passes is reported so it can be marked.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from cleaner.rules.boilerplate import RULE

CASES = Path(__file__).resolve().parent / "boilerplate_wild.json"


def keeps_all_of(output: str, expected: str) -> bool:
    """Whether every character of ``expected`` is still in ``output``, in order."""
    remaining = iter(output)
    return all(character in remaining for character in expected)


def score(cases: list[dict]) -> dict[str, dict[str, list[int]]]:
    """``{split: {group: [removed, boilerplate, kept, to_keep, body_removed]}}``."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0] * 5))
    for case in cases:
        output = RULE.apply(case["input"])
        ok = output == case["expected"]
        for group in ("all", f"family {case['family']}", f"language {case['language']}"):
            row = table[case["split"]][group]
            if case["kind"] == "boilerplate":
                row[0] += ok
                row[1] += 1
            else:
                row[2] += ok
                row[3] += 1
            row[4] += not keeps_all_of(output, case["expected"])
        case["output"], case["ok"] = output, ok
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every case the rule gets wrong")
    args = parser.parse_args()
    cases = json.loads(CASES.read_text("utf-8"))["cases"]
    table = score(cases)
    for split in ("dev", "test"):
        print(f"\n{split}: {sum(1 for c in cases if c['split'] == split)} cases")
        print(f"  {'group':34} {'removed':>10} {'kept':>10} {'body removed':>13}")
        for group in sorted(table[split], key=lambda g: (g != "all", g)):
            removed, boilerplate, kept, to_keep, body = table[split][group]
            cells = [f"{removed}/{boilerplate}" if boilerplate else "-", f"{kept}/{to_keep}" if to_keep else "-"]
            print(f"  {group:34} {cells[0]:>10} {cells[1]:>10} {body:>13}")
    surprises = [c for c in cases if c["ok"] != (c["expect"] == "pass")]
    known = [c for c in cases if not c["ok"] and c["expect"] == "fail"]
    print(f"\nknown misses: {', '.join(c['id'] + ' ' + c['family'] for c in known) or 'none'}")
    print(f"unexpected results: {', '.join(c['id'] for c in surprises) or 'none'}")
    if args.misses:
        for case in cases:
            if not case["ok"]:
                print(f"\n--- {case['id']} {case['family']} ({case['source']})")
                print(f"input:    {case['input']!r}\nexpected: {case['expected']!r}\noutput:   {case['output']!r}")


if __name__ == "__main__":
    main()
